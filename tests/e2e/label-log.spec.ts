// A label rename in the browser writes project.json and nothing else: a teammate's layer (pulled
// from git, never opened here) keeps its bytes, yet the export of every annotator shows the new
// name in both layers; the undo, too, touches project.json only.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../helpers/fixtures'
import { snapshotFiles } from '../helpers/temp'
import { dragAcross, listedSpans } from '../helpers/workbench'

const TEXT = 'Council approves budget\n\nMayor Ilse Brandt said the budget grows 4 percent.\n'

const changed = (before: Map<string, { content: string }>, after: Map<string, { content: string }>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file)?.content !== after.get(file)?.content)

test('a label rename writes only project.json, and every annotator\'s export follows it', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'council.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await page.getByRole('button', { name: /Council approves budget/ }).click()
  await dragAcross(page, 'Mayor Ilse Brandt')
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Ilse Brandt'])

  // a teammate's layer, as a git pull brings it
  const [file] = await readdir(path.join(workbench.project, 'documents'))
  const id = file!.replace('.json', '')
  // the editor saves after the frame that shows the span: wait until my layer is on disk
  const mine = path.join(workbench.project, 'annotations', 'tester', `${id}.json`)
  await expect.poll(() => readFile(mine, 'utf8').then((text) => text.includes('"actor"'), () => false)).toBe(true)
  const start = TEXT.indexOf('Ilse Brandt')
  await mkdir(path.join(workbench.project, 'annotations', 'bob'))
  const bobFile = path.join(workbench.project, 'annotations', 'bob', `${id}.json`)
  await writeFile(bobFile, JSON.stringify({ version: 1, documentId: id, annotator: 'bob', status: 'done', spans: [{ id: 'b1', start, end: start + 11, label: 'actor' }], relations: [], updatedAt: '2026-01-01T00:00:00.000Z' }))
  const bobBytes = await readFile(bobFile, 'utf8')

  const rename = async () => {
    await page.getByRole('button', { name: 'Labels…' }).click()
    const editor = page.getByTestId('label-editor')
    await editor.getByRole('textbox', { name: 'Label name' }).first().fill('speaker')
    await editor.getByTestId('save-labels').click()
    await editor.getByTestId('confirm-labels').click()
    await expect(editor).toBeHidden()
    await expect.poll(() => listedSpans(page)).toEqual(['speaker: Mayor Ilse Brandt'])
  }
  const before = await snapshotFiles(workbench.project)
  await rename()
  const afterRename = await snapshotFiles(workbench.project)
  expect(changed(before, afterRename)).toEqual(['project.json'])
  expect(await readFile(bobFile, 'utf8')).toBe(bobBytes)

  // the undo offered in the message: project.json again, and only it
  await page.getByTestId('message-undo').click()
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Ilse Brandt'])
  expect(changed(afterRename, await snapshotFiles(workbench.project))).toEqual(['project.json'])

  await rename()
  await page.getByRole('button', { name: 'Export…' }).click()
  await page.getByTestId('export-dialog').getByRole('combobox', { name: 'Annotations of' }).selectOption('*')
  const download = page.waitForEvent('download')
  await page.getByTestId('export-go').click()
  const records = (await readFile(await (await download).path(), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { annotator: string; spans: { label: string; text: string }[] })
  expect(records.map((r) => [r.annotator, r.spans.map((s) => `${s.label}: ${s.text}`)])).toEqual([
    ['bob', ['speaker: Ilse Brandt']],
    ['tester', ['speaker: Mayor Ilse Brandt']]
  ])
  expect(await readFile(bobFile, 'utf8')).toBe(bobBytes)
})
