// Document tags end to end: tag groups made in the label set editor, a document tagged by key and
// by mouse (with undo), its tags shown as chips in its row, the list filtered and counted by tag, tags kept after a reload, and the
// exported files (Spanwise JSONL and doccano) carrying them; in the Review view, each annotator's
// tags beside the gold tags the reviewer chooses by key and by mouse.
import { spawnSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../helpers/fixtures'
import { TAG_GROUPS } from '../helpers/tag-groups'
import { exportFromUi, repoRoot } from '../helpers/workbench'
import type { Page } from '@playwright/test'

const FILES = [
  { name: 'talks.txt', text: 'Ceasefire talks resume in Doha\n\nNegotiators met again on Sunday, a news agency reported.\n' },
  { name: 'rockets.txt', text: 'Rockets fired from Lebanon\n\nState television said 12 rockets were fired overnight.\n' },
  { name: 'budget.txt', text: 'Council approves budget\n\nThe city council approved the budget on Monday.\n' }
]

/** Adds a tag group with its options (name and hotkey) in the open label set editor. */
async function addTagGroup(page: Page, name: string, multiple: boolean, options: [string, string][]) {
  const editor = page.getByTestId('tag-group-editor')
  await editor.getByRole('button', { name: '+ tag group' }).click()
  const group = editor.getByTestId('tag-group-row').last()
  await group.getByRole('textbox', { name: 'Tag group name' }).fill(name)
  if (multiple) await group.getByRole('checkbox', { name: 'multiple choice' }).check()
  for (const [index, [option, hotkey]] of options.entries()) {
    if (index > 0) await group.getByRole('button', { name: '+ tag' }).click()
    const field = group.getByRole('textbox', { name: `Tag of ${name}` }).nth(index)
    await field.fill(option)
    await group.getByRole('textbox', { name: `Hotkey of ${name}: ${option}` }).fill(hotkey)
  }
}

const tagButton = (page: Page, group: string, option: string) => page.getByTestId('tag-bar').getByRole('group', { name: new RegExp(`^${group} `) }).getByRole('button', { name: option })

test('tag documents by key and by mouse, undo, filter and count by tag, and export the tags', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles(FILES.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })))
  await expect(page.getByTestId('document-item')).toHaveCount(3)

  // the project's tag groups, made in the label set editor
  await page.getByRole('button', { name: 'Labels…' }).click()
  await addTagGroup(page, 'topic', true, [
    ['ceasefire', 'q'],
    ['Lebanon front', 'w']
  ])
  await addTagGroup(page, 'source', false, [
    ['news agency', 'a'],
    ['state media', 's']
  ])
  await page.getByTestId('save-labels').click()
  await expect(page.getByTestId('label-editor')).toBeHidden()
  await expect(page.getByTestId('tag-bar')).toBeVisible()

  // by key: q tags ceasefire; by mouse: Lebanon front; Ctrl+Z takes the last one back
  await page.getByRole('button', { name: /Ceasefire talks resume/ }).click()
  await page.keyboard.press('q')
  await expect(tagButton(page, 'topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')
  await tagButton(page, 'topic', 'Lebanon front').click()
  await expect(tagButton(page, 'topic', 'Lebanon front')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+z')
  await expect(tagButton(page, 'topic', 'Lebanon front')).toHaveAttribute('aria-pressed', 'false')
  await expect(tagButton(page, 'topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')
  // a single-choice group holds one: a replaces s
  await page.keyboard.press('s')
  await page.keyboard.press('a')
  await expect(tagButton(page, 'source', 'news agency')).toHaveAttribute('aria-pressed', 'true')
  await expect(tagButton(page, 'source', 'state media')).toHaveAttribute('aria-pressed', 'false')

  await page.getByRole('button', { name: /Rockets fired from Lebanon/ }).click()
  await tagButton(page, 'topic', 'Lebanon front').click()
  await page.keyboard.press('s')
  await expect(tagButton(page, 'source', 'state media')).toHaveAttribute('aria-pressed', 'true')

  // each row of the list shows its tags as chips in their colours, and says them in its accessible name
  const listRow = (title: string) => page.getByTestId('document-item').filter({ hasText: title })
  await expect(listRow('Ceasefire talks resume').locator('.tag-chip')).toHaveText(['ceasefire', 'news agency'])
  await expect(listRow('Ceasefire talks resume')).toHaveAccessibleName(/Tags: topic: ceasefire; source: news agency/)
  await expect(listRow('Ceasefire talks resume')).toHaveAttribute('title', /Tags: topic: ceasefire; source: news agency/)
  await expect(listRow('Rockets fired').locator('.tag-chip')).toHaveText(['Lebanon front', 'state media'])
  // a chip has its option's colour, as the option's button in the tag bar
  const border = (locator: ReturnType<Page['locator']>) => locator.evaluate((el) => getComputedStyle(el).borderColor)
  expect(await border(listRow('Rockets fired').locator('.tag-chip').first())).toBe(await border(tagButton(page, 'topic', 'Lebanon front')))
  await expect(listRow('Council approves budget').getByTestId('document-tags')).toHaveCount(0)

  // the list filters and counts by tag
  const filter = page.getByTestId('filter-tag')
  await expect(filter.locator('option', { hasText: 'topic: ceasefire' })).toHaveText('topic: ceasefire (1)')
  await expect(filter.locator('option', { hasText: 'source: state media' })).toHaveText('source: state media (1)')
  await expect(filter.locator('option', { hasText: 'no topic tag' })).toHaveText('no topic tag (1)')
  await filter.selectOption({ label: 'topic: Lebanon front (1)' })
  await expect(page.getByTestId('document-item')).toHaveText([/Rockets fired from Lebanon/])
  await filter.selectOption({ label: 'no topic tag (1)' })
  await expect(page.getByTestId('document-item')).toHaveText([/Council approves budget/])
  await filter.selectOption({ label: 'any tags' })
  await expect(page.getByTestId('document-item')).toHaveCount(3)

  // saved in my layer: still there after a reload
  await page.reload()
  await page.getByRole('button', { name: /Ceasefire talks resume/ }).click()
  await expect(tagButton(page, 'topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')
  await expect(tagButton(page, 'source', 'news agency')).toHaveAttribute('aria-pressed', 'true')

  // the exports carry them
  const records = (await readFile(await exportFromUi(page, 'jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { title: string; tags: unknown })
  expect(Object.fromEntries(records.map((r) => [r.title, r.tags]))).toEqual({
    'Ceasefire talks resume in Doha': { source: ['news agency'], topic: ['ceasefire'] },
    'Rockets fired from Lebanon': { source: ['state media'], topic: ['Lebanon front'] },
    'Council approves budget': {}
  })
  // doccano's categories, from the same export route the dialog downloads from
  const response = await page.request.get(new URL(`export?format=doccano&annotator=${workbench.annotator}`, page.url()).href)
  const doccano = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { text: string; label: unknown })
  expect(doccano.find((r) => r.text.startsWith('Rockets'))!.label).toEqual(['source:state media', 'topic:Lebanon front'])
})

test('the reviewer sees each annotator\'s tags and chooses the gold tags by key and by mouse', async ({ page, workbench }) => {
  // two annotators tag the same article differently (each imports their own file)
  const text = 'Ceasefire talks resume in Doha\n\nNegotiators met again on Sunday, a news agency reported.\n'
  const layers = {
    alice: { topic: ['ceasefire'], source: ['news agency'] },
    bob: { topic: ['ceasefire', 'hostages'], source: ['news agency'] }
  }
  for (const [annotator, tags] of Object.entries(layers)) {
    const file = path.join(workbench.project, `${annotator}.jsonl`)
    await writeFile(file, JSON.stringify({ schema: 'spanwise/v1', title: 'Ceasefire talks resume in Doha', text, spans: [{ start: 32, end: 43, label: 'actor' }], tags }) + '\n')
    const result = spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', workbench.project, '--format', 'jsonl', '--annotator', annotator, file], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  }
  // the project's tag groups with their hotkeys, as the label set editor saves them
  const api = async <T>(channel: string, input: unknown): Promise<T> => {
    const response = await fetch(`${workbench.url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
    if (!body.ok) throw new Error(body.error!.message)
    return body.value
  }
  const info = await api<{ labels: unknown[]; labelsVersion: string }>('project.info', {})
  await api('labels.change', { baseVersion: info.labelsVersion, labels: info.labels, tagGroups: TAG_GROUPS })
  await page.goto(workbench.url)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('review-document')).toHaveCount(1)

  const tags = page.getByRole('region', { name: 'Document tags' })
  const topic = tags.getByRole('group', { name: /^topic / })
  await expect(topic).toContainText('annotators differ')
  await expect(topic.getByRole('listitem')).toHaveText(['alice: ceasefire', 'bob: ceasefire, hostages'])
  await expect(tags.getByRole('group', { name: /^source / })).not.toContainText('annotators differ')

  // the gold tags: the same toggle buttons as the editor's tag bar (colour, hotkey, pressed state)
  const gold = (group: string, option: string) => tags.getByRole('group', { name: new RegExp(`^${group} `) }).getByRole('button', { name: option })
  await expect(gold('topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'false')
  await expect(gold('topic', 'ceasefire')).toHaveAttribute('aria-keyshortcuts', 'q')
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('q')
  await expect(gold('topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')
  await gold('source', 'news agency').click()
  await expect(gold('source', 'news agency')).toHaveAttribute('aria-pressed', 'true')
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('Control+z')
  await expect(gold('source', 'news agency')).toHaveAttribute('aria-pressed', 'false')
  await expect(gold('topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')

  // saved in the gold layer: still chosen after a reload
  await page.reload()
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(gold('topic', 'ceasefire')).toHaveAttribute('aria-pressed', 'true')
  await expect(gold('topic', 'hostages')).toHaveAttribute('aria-pressed', 'false')
})
