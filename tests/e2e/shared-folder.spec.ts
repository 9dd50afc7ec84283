// One project folder, many hands, in Chromium against one real `spanwise serve`: two tabs as two
// annotators at once; a layer changed behind the editor (a stale save, a change notice); and
// `spanwise import` from another process while the app runs.
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { dragAcross, listedSpans, repoRoot, type RunningWorkbench } from '../helpers/workbench'

const run = promisify(execFile)

const BUDGET = 'City budget grows\n\nMayor Ana Lind said the budget grew 4 percent this year.\nCritics disagreed.\n'

async function openBudget(page: Page, workbench: RunningWorkbench, upload = true): Promise<void> {
  await page.goto(workbench.url)
  if (upload) await page.getByTestId('file-input').setInputFiles([{ name: 'budget.txt', mimeType: 'text/plain', buffer: Buffer.from(BUDGET) }])
  await page.getByRole('button', { name: /City budget grows/ }).click()
  await expect(page.locator('.doc-heading')).toHaveText('City budget grows')
}

async function switchAnnotator(page: Page, name: string): Promise<void> {
  await page.getByTestId('annotator').click()
  await page.getByRole('textbox', { name: 'Annotator' }).fill(name)
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByTestId('annotator')).toContainText(name)
}

/** The open document's id, from the server (as the page sees the list). */
async function documentId(workbench: RunningWorkbench): Promise<string> {
  const list = await api(workbench, 'documents.list', {})
  return list[0].id
}

/** A call from another client (another tab or tool) as `annotator`. */
async function api(workbench: RunningWorkbench, channel: string, input: unknown, annotator?: string): Promise<any> {
  const res = await fetch(`${workbench.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(annotator ? { 'x-spanwise-annotator': annotator } : {}) },
    body: JSON.stringify(input)
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`)
  return body.value
}

const spanOver = (quote: string, label: string, id: string) => {
  const start = BUDGET.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}

async function layerOnDisk(workbench: RunningWorkbench, annotator: string, id: string): Promise<{ spans: { label: string; start: number; end: number }[] }> {
  return JSON.parse(await readFile(path.join(workbench.project, 'annotations', annotator, `${id}.json`), 'utf8'))
}

const textsOf = (layer: { spans: { label: string; start: number; end: number }[] }) =>
  layer.spans.map((s) => `${s.label}: ${[...BUDGET].slice(s.start, s.end).join('')}`).sort()

test('two tabs as alice and bob annotate one document at once, each in their own layer', async ({ context, workbench }) => {
  const alice = await context.newPage()
  const bob = await context.newPage()
  await openBudget(alice, workbench)
  await openBudget(bob, workbench, false)
  await switchAnnotator(alice, 'alice')
  await switchAnnotator(bob, 'bob')

  await dragAcross(alice, 'Mayor Ana Lind')
  await alice.keyboard.press('1')
  await dragAcross(bob, 'the budget grew 4 percent')
  await bob.keyboard.press('2')
  await dragAcross(alice, '4 percent')
  await alice.keyboard.press('3')
  await dragAcross(bob, 'Critics')
  await bob.keyboard.press('1')

  await expect.poll(() => listedSpans(alice)).toEqual(['actor: Mayor Ana Lind', 'figure: 4 percent'])
  await expect.poll(() => listedSpans(bob)).toEqual(['claim: the budget grew 4 percent', 'actor: Critics'])
  const id = await documentId(workbench)
  await expect.poll(async () => textsOf(await layerOnDisk(workbench, 'alice', id)).join(' | ')).toBe('actor: Mayor Ana Lind | figure: 4 percent')
  await expect.poll(async () => textsOf(await layerOnDisk(workbench, 'bob', id)).join(' | ')).toBe('actor: Critics | claim: the budget grew 4 percent')
  // the server's own annotator wrote nothing
  await expect(readFile(path.join(workbench.project, 'annotations', workbench.annotator, `${id}.json`))).rejects.toThrow()

  // each tab stays its annotator across a reload; the other tab's work shows in the filters
  await alice.reload()
  await alice.getByRole('button', { name: /City budget grows/ }).click()
  await expect(alice.getByTestId('annotator')).toContainText('alice')
  await expect.poll(() => listedSpans(alice)).toEqual(['actor: Mayor Ana Lind', 'figure: 4 percent'])
  await expect(alice.getByTestId('filter-annotator').locator('option', { hasText: 'by bob' })).toHaveCount(1)
})

test('two tabs on the same layer: each sees the other\'s spans, and none is lost', async ({ context, workbench }) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await openBudget(first, workbench)
  await openBudget(second, workbench, false)
  const phrases: [Page, string, string][] = [
    [first, 'Mayor Ana Lind', '1'],
    [second, 'the budget grew 4 percent', '2'],
    [first, '4 percent', '3'],
    [second, 'Critics', '1']
  ]
  const all = ['actor: Mayor Ana Lind', 'claim: the budget grew 4 percent', 'figure: 4 percent', 'actor: Critics']
  const made: string[] = []
  for (const [page, phrase, key] of phrases) {
    // each tab has been shown the other's last span before it works on (as a person would)
    await expect.poll(async () => (await listedSpans(page)).length).toBe(made.length)
    await dragAcross(page, phrase)
    await page.keyboard.press(key)
    made.push(phrase)
  }
  await expect.poll(() => listedSpans(first)).toEqual(all)
  await expect.poll(() => listedSpans(second)).toEqual(all)
  const id = await documentId(workbench)
  await expect
    .poll(async () => textsOf(await layerOnDisk(workbench, workbench.annotator, id)).join(' | '))
    .toBe('actor: Critics | actor: Mayor Ana Lind | claim: the budget grew 4 percent | figure: 4 percent')
})

test('a stale save: the editor says the layer changed elsewhere and keeps the span just made', async ({ page, workbench }) => {
  // no change notices reach this tab, so its next save is made against the old version
  await page.route('**/events', (route) => route.abort())
  await openBudget(page, workbench)
  await dragAcross(page, 'Mayor Ana Lind')
  await page.keyboard.press('1')
  const id = await documentId(workbench)
  await expect.poll(async () => (await layerOnDisk(workbench, workbench.annotator, id).catch(() => ({ spans: [] }))).spans.length).toBe(1)

  // another client, as the same annotator, adds a span behind the tab's back
  const { layer, version } = await api(workbench, 'documents.get', { id }, workbench.annotator)
  await api(workbench, 'annotations.save', { documentId: id, baseVersion: version, spans: [...layer.spans, spanOver('Critics', 'actor', 'other1')] }, workbench.annotator)

  await dragAcross(page, 'the budget grew 4 percent')
  await page.keyboard.press('2')
  await expect(page.getByRole('alert')).toContainText('“City budget grows” was changed elsewhere')
  await expect(page.getByRole('alert')).toContainText('1 re-applied')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Ana Lind', 'claim: the budget grew 4 percent', 'actor: Critics'])
  await expect
    .poll(async () => textsOf(await layerOnDisk(workbench, workbench.annotator, id)).join(' | '))
    .toBe('actor: Critics | actor: Mayor Ana Lind | claim: the budget grew 4 percent')
  // and the tab goes on saving against the new version
  await dragAcross(page, '4 percent')
  await page.keyboard.press('3')
  await expect.poll(async () => (await layerOnDisk(workbench, workbench.annotator, id)).spans.length).toBe(4)
})

test('a layer changed on disk behind the editor is shown without a reload, with a notice', async ({ page, workbench }) => {
  await openBudget(page, workbench)
  const id = await documentId(workbench)
  // as a `git pull` would bring it: written straight into the folder by another program
  const folder = path.join(workbench.project, 'annotations', workbench.annotator)
  await mkdir(folder, { recursive: true })
  const layer = { version: 1, documentId: id, annotator: workbench.annotator, status: 'in_progress', spans: [spanOver('Critics', 'actor', 'pulled')], relations: [], updatedAt: null }
  await writeFile(path.join(folder, `${id}.json`), JSON.stringify(layer))
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Critics'])
  await expect(page.getByRole('alert')).toContainText('was changed elsewhere')
  await expect(page.getByTestId('document-item').first()).toContainText('1 span')
})

test('`spanwise import` while the app runs: new documents appear, and its labels survive the app\'s next label edit', async ({ page, workbench }) => {
  await openBudget(page, workbench)
  // the user starts editing the label set before the import runs
  await page.getByRole('button', { name: 'Labels…' }).click()
  const editor = page.getByTestId('label-editor')
  await editor.getByRole('textbox', { name: 'Label name' }).nth(2).fill('number')

  const data = path.join(workbench.project, '..', `people-${path.basename(workbench.project)}.jsonl`)
  await writeFile(data, `${JSON.stringify({ text: 'Bea Kahn visited Oslo on Monday.', label: [[0, 8, 'person'], [17, 21, 'place']] })}\n`)
  await run(process.execPath, ['bin/spanwise.mjs', 'import', '--project', workbench.project, '--annotator', 'zed', '--format', 'doccano', data], { cwd: repoRoot })
  // the new document is listed without a reload
  await expect(page.getByTestId('document-item')).toHaveCount(2)
  await expect(page.getByTestId('document-item').filter({ hasText: 'Bea Kahn visited Oslo' })).toHaveCount(1)

  await editor.getByTestId('save-labels').click()
  await expect(editor).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Labels saved' })).toContainText('kept person, place')
  const projectFile = path.join(workbench.project, 'project.json')
  const labelsOnDisk = async () => (JSON.parse(await readFile(projectFile, 'utf8')) as { labels: { name: string }[] }).labels.map((l) => l.name)
  expect(await labelsOnDisk()).toEqual(['actor', 'claim', 'number', 'person', 'place'])

  // a teammate's label arrives (as a pull would bring it), then the user undoes their change:
  // their rename goes back, the teammate's label stays
  const project = JSON.parse(await readFile(projectFile, 'utf8')) as { labels: unknown[] }
  project.labels.push({ name: 'org', color: '#446688', hotkey: '9', attributes: [] })
  await writeFile(projectFile, JSON.stringify(project))
  await expect(page.getByTestId('label-org')).toBeVisible()
  await page.getByTestId('message-undo').click()
  await expect.poll(labelsOnDisk).toEqual(['actor', 'claim', 'figure', 'person', 'place', 'org'])
  // the imported layer still saves: its labels are known
  await page.getByTestId('document-item').filter({ hasText: 'Bea Kahn visited Oslo' }).click()
  await expect(page.getByTestId('label-person')).toBeVisible()
})

test('a label renamed in one tab: the other tab follows, and a tab that has not heard of it still saves', async ({ context, workbench }) => {
  const renaming = await context.newPage()
  const following = await context.newPage()
  const unaware = await context.newPage()
  // this tab gets no change notices: it keeps the old label bar and the old names in memory
  await unaware.route('**/events', (route) => route.abort())
  await openBudget(renaming, workbench)
  await dragAcross(renaming, 'Mayor Ana Lind')
  await renaming.keyboard.press('1')
  await expect.poll(() => listedSpans(renaming)).toEqual(['actor: Mayor Ana Lind'])
  await openBudget(following, workbench, false)
  await openBudget(unaware, workbench, false)
  await expect.poll(() => listedSpans(unaware)).toEqual(['actor: Mayor Ana Lind'])

  await renaming.getByRole('button', { name: 'Labels…' }).click()
  const editor = renaming.getByTestId('label-editor')
  await editor.getByRole('textbox', { name: 'Label name' }).first().fill('speaker')
  await editor.getByTestId('save-labels').click()
  await editor.getByTestId('confirm-labels').click()
  await expect.poll(() => listedSpans(renaming)).toEqual(['speaker: Mayor Ana Lind'])
  // a tab that hears of the change shows its spans under the new name
  await expect.poll(() => listedSpans(following)).toEqual(['speaker: Mayor Ana Lind'])

  // the unaware tab marks a span with the label it still shows as "actor": saved, under the new name
  await dragAcross(unaware, 'Critics')
  await unaware.keyboard.press('1')
  const id = await documentId(workbench)
  await expect.poll(async () => textsOf(await layerOnDisk(workbench, workbench.annotator, id)).join(' | ')).toBe('speaker: Critics | speaker: Mayor Ana Lind')
  await expect(unaware.getByText(/Not saved/)).toHaveCount(0)
  await expect.poll(() => listedSpans(following)).toEqual(['speaker: Mayor Ana Lind', 'speaker: Critics'])
})
