// Reviewing teammates' labels, in Chromium against the real backend and a real project folder:
// three annotators' layers are imported with `spanwise import --annotator NAME` (as each of
// them would), then the reviewer walks the conflicts by keyboard, takes versions, edits and
// rejects, undoes, auto-merges, marks the review done; an annotator opens "my labels vs gold";
// the gold layer is exported with `spanwise export --layer gold` and checked in python3.
import { spawnSync } from 'node:child_process'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { doccanoSpan, paintedTexts, repoRoot, type RunningWorkbench } from '../helpers/workbench'

// each test runs the command line three or four times (one import per annotator, an export):
// on a busy machine that alone can take most of the default minute
test.describe.configure({ timeout: 180_000 })

const TEXT = 'Harbour master Ana Lindqvist said cargo volumes rose 12 percent in March.\nThe mayor called the figures optimistic on Monday.'

// A: all three mark "Ana Lindqvist" alike; B: the figure's bounds differ (carol: "rose 12 percent");
// C: carol calls "The mayor" a claim; D: only alice marks "optimistic".
const LAYERS: Record<string, [number, number, string][]> = {
  alice: [doccanoSpan(TEXT, 'Ana Lindqvist', 'actor'), doccanoSpan(TEXT, '12 percent', 'figure'), doccanoSpan(TEXT, 'The mayor', 'actor'), doccanoSpan(TEXT, 'optimistic', 'claim')],
  bob: [doccanoSpan(TEXT, 'Ana Lindqvist', 'actor'), doccanoSpan(TEXT, '12 percent', 'figure'), doccanoSpan(TEXT, 'The mayor', 'actor')],
  carol: [doccanoSpan(TEXT, 'Ana Lindqvist', 'actor'), doccanoSpan(TEXT, 'rose 12 percent', 'figure'), doccanoSpan(TEXT, 'The mayor', 'claim')]
}

function spanwise(args: string[]): { stdout: string; stderr: string; status: number | null } {
  return spawnSync(process.execPath, ['bin/spanwise.mjs', ...args], { cwd: repoRoot, encoding: 'utf8' })
}

/** Each annotator imports their own doccano file into their own layer. */
async function importThreeAnnotators(workbench: RunningWorkbench): Promise<void> {
  for (const [annotator, label] of Object.entries(LAYERS)) {
    const file = path.join(workbench.project, `${annotator}.jsonl`)
    await writeFile(file, JSON.stringify({ text: TEXT, label }) + '\n')
    const result = spanwise(['import', '--project', workbench.project, '--format', 'doccano', '--annotator', annotator, file])
    // the text is already there after the first annotator's import: only the layer is new
    expect(result.stderr).not.toContain('rejected')
    expect(result.status).toBe(0)
  }
}

async function api<T>(workbench: RunningWorkbench, channel: string, input: unknown): Promise<T> {
  const response = await fetch(`${workbench.url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(body.error!.message)
  return body.value
}

async function openReview(page: Page, workbench: RunningWorkbench): Promise<void> {
  await page.goto(workbench.url)
  // the view keys work once the project is open (the view tabs are shown)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('review-document')).toHaveCount(1)
  await expect(page.locator('.review-text .document-text')).toContainText('Harbour master')
  await page.locator('.review-text .document-text').focus()
}

/** The selected unit's versions as "annotator: label text" (or "annotator: nothing"). */
function versions(page: Page): Promise<string[]> {
  return page.getByTestId('version').evaluateAll((items) =>
    items.map((item) => `${item.querySelector('.who')!.textContent!.replace(/^\d+\s*/, '').trim()}: ${item.querySelector('.label-chip')?.textContent ?? ''} ${item.querySelector('.version-text')?.textContent ?? 'nothing'}`.replace(/\s+/g, ' ').trim())
  )
}

function goldText(page: Page) {
  return page.getByTestId('gold-span').locator('.version-text').first()
}

test('walk conflicts by keyboard, take, edit, reject, undo, auto-merge, mark reviewed; export gold', async ({ page, workbench }) => {
  await importThreeAnnotators(workbench)
  await openReview(page, workbench)

  // the list: three annotators, three open conflicts (B, C, D), agreement below 100 %
  const row = page.getByTestId('review-document')
  await expect(row.getByTestId('open-conflicts')).toHaveText('3 open conflicts')
  await expect(row).toContainText('alice, bob, carol')
  await expect(row.getByTestId('review-status')).toHaveText('Not started')
  await expect(page.getByTestId('review-open-count')).toHaveText('3 open conflicts')
  // each unit is painted once, marked by its state
  await expect.poll(async () => (await paintedTexts(page)).sort()).toEqual(['Ana Lindqvist', 'The mayor', 'optimistic', 'rose 12 percent'])

  // N: the first open conflict, the figure; who said what is listed, numbered
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-mark')).toHaveText('Conflict')
  await expect.poll(() => versions(page)).toEqual(['alice: figure 12 percent', 'bob: figure 12 percent', 'carol: figure rose 12 percent'])
  await expect(page.getByTestId('differences')).toHaveText('Differ in: bounds')
  await expect(page.getByTestId('lane')).toHaveCount(4)

  // anonymous review: names hidden, numbers stay
  await page.keyboard.press('h')
  await expect.poll(() => versions(page)).toEqual(['Annotator 1: figure 12 percent', 'Annotator 2: figure 12 percent', 'Annotator 3: figure rose 12 percent'])
  await page.keyboard.press('h')

  // Shift+3: carol's version goes into gold
  await page.keyboard.press('Shift+Digit3')
  await expect(goldText(page)).toHaveText('rose 12 percent')
  await expect(page.getByTestId('provenance')).toContainText('picked from carol')
  await expect(page.getByTestId('review-open-count')).toHaveText('2 open conflicts')

  // the next conflict: "The mayor", a label conflict; take alice's actor, then widen it by a word
  await page.keyboard.press('n')
  await expect.poll(() => versions(page)).toEqual(['alice: actor The mayor', 'bob: actor The mayor', 'carol: claim The mayor'])
  await page.keyboard.press('Shift+Digit1')
  await expect(goldText(page)).toHaveText('The mayor')
  await page.keyboard.press('Alt+ArrowRight')
  await expect(goldText(page)).toHaveText('The mayor called')
  await expect(page.getByTestId('provenance')).toContainText('edited from alice, bob')

  // "optimistic": only alice marked it; reject the whole unit
  await page.keyboard.press('n')
  await expect(page.getByTestId('unit-mark')).toHaveText('Incomplete (some annotators marked nothing)')
  await page.keyboard.press('x')
  await expect(page.getByTestId('gold-rejected')).toBeVisible()
  await expect(page.getByTestId('review-open-count')).toHaveText('0 open conflicts')
  await page.keyboard.press('n')
  await expect(page.getByTestId('review-message')).toHaveText(/No open conflicts left/)

  // undo the rejection, redo it, undo again: "optimistic" is open once more
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('review-open-count')).toHaveText('1 open conflict')
  await page.keyboard.press('Control+Shift+z')
  await expect(page.getByTestId('review-open-count')).toHaveText('0 open conflicts')
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('review-open-count')).toHaveText('1 open conflict')

  // auto-merge this document, "all annotators agree": only Ana Lindqvist qualifies
  await page.keyboard.press('m')
  await page.getByTestId('merge-strategy-unanimous').check()
  await page.getByTestId('merge-scope-document').check()
  await page.getByTestId('merge-go').click()
  await expect(page.getByTestId('review-message')).toHaveText(/1 unit accepted, 1 left/)
  await expect(page.locator('.mark-legend .mark-resolved .count')).toHaveText('3')

  // the review is done; the list says so
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('review-document-status')).toHaveText('Reviewed')
  await expect(row.getByTestId('review-status')).toHaveText('Reviewed')
  await expect(row.getByTestId('open-conflicts')).toHaveText('1 open conflict')

  // everything was saved as it was decided: a reload shows the same gold
  await page.reload()
  // the view keys work once the project is open (the view tabs are shown)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('review-document').getByTestId('review-status')).toHaveText('Reviewed')
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('provenance')).toContainText('auto-merged (unanimous) from alice, bob, carol')

  // only the gold file was written: the annotators' layers are as imported
  const [goldFile] = await readdir(path.join(workbench.project, 'gold'))
  const gold = JSON.parse(await readFile(path.join(workbench.project, 'gold', goldFile!), 'utf8'))
  expect(gold.status).toBe('done')
  expect(gold.spans.map((s: { label: string; provenance: { decision: string } }) => `${s.label} ${s.provenance.decision}`).sort()).toEqual(['actor auto_merged', 'actor edited', 'figure picked'])

  // the dataset: gold exported as Spanwise JSONL, sliced in Python
  const exported = spanwise(['export', '--project', workbench.project, '--layer', 'gold', '--format', 'jsonl'])
  expect(exported.status).toBe(0)
  const out = path.join(workbench.project, 'gold.jsonl')
  await writeFile(out, exported.stdout)
  const check = spawnSync(
    'python3',
    ['-c', 'import json,sys\nfor line in open(sys.argv[1], encoding="utf-8"):\n  r=json.loads(line)\n  for s in r["spans"]:\n    assert r["text"][s["start"]:s["end"]]==s["text"], s\n    print(s["label"], r["text"][s["start"]:s["end"]], s["provenance"]["decision"], sep="|")', out],
    { encoding: 'utf8' }
  )
  expect(check.stderr).toBe('')
  expect(check.stdout.trim().split('\n').sort()).toEqual(['actor|Ana Lindqvist|auto_merged', 'actor|The mayor called|edited', 'figure|rose 12 percent|picked'])
})

test('an annotator opens "my labels vs gold" for the document and for the project', async ({ page, workbench }) => {
  await importThreeAnnotators(workbench)
  // the reviewer takes carol's figure and alice's mayor (widened), and merges what all agree on
  await openReview(page, workbench)
  await page.keyboard.press('n')
  await page.keyboard.press('Shift+Digit3')
  await page.keyboard.press('n')
  await page.keyboard.press('Shift+Digit1')
  await page.keyboard.press('Alt+ArrowRight')
  await expect(goldText(page)).toHaveText('The mayor called')
  // merge every listed document (here one), as the project's merge does
  await page.keyboard.press('m')
  await page.getByTestId('merge-scope-project').check()
  await page.getByTestId('merge-go').click()
  await expect(page.getByTestId('review-message')).toHaveText(/Merged \(unanimous\) 1 document: 1 unit accepted, 1 left/)
  await expect(page.locator('.mark-legend .mark-resolved .count')).toHaveText('3')

  // carol works here as herself (the editor's annotator field)
  await page.keyboard.press('Alt+1')
  await page.getByTestId('annotator').click()
  await page.getByLabel('Annotator').fill('carol')
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByTestId('annotator')).toContainText('carol')
  await page.keyboard.press('Alt+2')
  await expect(page.locator('.review-text .document-text')).toContainText('Harbour master')
  await page.keyboard.press('g')
  const dialog = page.getByTestId('feedback-dialog')
  await expect(dialog.getByTestId('feedback-annotator')).toHaveValue('carol')
  // kept: Ana Lindqvist, rose 12 percent; changed: her claim "The mayor" became actor "The mayor called"
  await expect(dialog.getByTestId('feedback-kept').locator('dd')).toHaveText('2')
  await expect(dialog.getByTestId('feedback-changed').locator('dd')).toHaveText('1')
  await expect(dialog.getByTestId('feedback-removed').locator('dd')).toHaveText('0')
  await expect(dialog.getByTestId('feedback-added').locator('dd')).toHaveText('0')
  await expect(dialog.getByTestId('feedback-precision').locator('dd')).toHaveText('67%')
  await expect(dialog.getByTestId('feedback-recall').locator('dd')).toHaveText('67%')
  await expect(dialog.getByTestId('feedback-item').filter({ hasText: 'Changed' })).toContainText('The mayor called')

  // alice: "optimistic" is still undecided (not counted); the project view lists the document
  await dialog.getByTestId('feedback-annotator').selectOption('alice')
  await dialog.getByTestId('feedback-scope-project').check()
  await expect(dialog.getByTestId('feedback-document')).toHaveCount(1)
  await expect(dialog.getByTestId('feedback-kept').locator('dd')).toHaveText('1')
  await expect(dialog.getByTestId('feedback-changed').locator('dd')).toHaveText('2')
})

test('a stale save is a conflict: the page reloads the gold layer and says so', async ({ page, workbench }) => {
  await importThreeAnnotators(workbench)
  await openReview(page, workbench)
  await page.keyboard.press('n')
  await page.keyboard.press('Shift+Digit1')
  await expect(goldText(page)).toHaveText('12 percent')

  // someone else (another window) merges the document meanwhile
  const documentId = await onlyDocumentId(workbench)
  await api(workbench, 'review.merge', { documentIds: [documentId], strategy: 'unanimous' })

  // the next decision is refused as stale: the page says so and shows the gold as it is now
  await page.keyboard.press('n')
  await page.keyboard.press('x')
  await expect(page.getByTestId('review-message')).toContainText('changed elsewhere')
  await expect(page.locator('.mark-legend .mark-resolved .count')).toHaveText('2')
  await expect(page.locator('.mark-legend .mark-rejected .count')).toHaveText('0')
})

test('attributes and relations are adjudicated the same way, by keyboard', async ({ page, workbench }) => {
  // alice and bob agree on the spans and the relation, not on the actor's type
  const claim = 'cargo volumes rose 12 percent'
  for (const [annotator, type] of [['alice', 'person'], ['bob', 'organisation']] as const) {
    const at = (quote: string) => TEXT.indexOf(quote)
    const record = {
      schema: 'spanwise/v1',
      title: 'Port',
      text: TEXT,
      annotator,
      spans: [
        { id: 's1', start: at('Ana Lindqvist'), end: at('Ana Lindqvist') + 13, label: 'actor', attributes: { type } },
        { id: 's2', start: at(claim), end: at(claim) + claim.length, label: 'claim' }
      ],
      relations: [{ id: 'r1', type: 'attributed_to', from: 's2', to: 's1' }]
    }
    const file = path.join(workbench.project, `${annotator}.jsonl`)
    await writeFile(file, JSON.stringify(record) + '\n')
    const result = spanwise(['import', '--project', workbench.project, '--annotator', annotator, file])
    expect(result.status).toBe(0)
  }
  await openReview(page, workbench)

  // the actor: same bounds and label, different type
  await page.keyboard.press('n')
  await expect(page.getByTestId('differences')).toHaveText('Differ in: attributes')
  await expect(page.getByTestId('version').first()).toContainText('type: person')
  await page.keyboard.press('Shift+Digit2')
  await expect(page.getByTestId('gold-span')).toContainText('Ana Lindqvist')
  await expect(page.getByTestId('attribute-type')).toHaveValue('organisation')
  // E: to the gold span's fields; the reviewer settles on "person"
  await page.keyboard.press('e')
  await expect(page.getByTestId('attribute-type')).toBeFocused()
  await page.getByTestId('attribute-type').selectOption('person')
  await expect(page.getByTestId('provenance')).toContainText('edited from bob')
  await page.locator('.review-text .document-text').focus()

  // the relation cannot be taken before its other end is in gold
  await expect(page.getByTestId('relation-unit').getByRole('button', { name: 'Take' }).first()).toBeDisabled()
  await page.keyboard.press('t')
  await expect(page.getByTestId('review-message')).toContainText('No relation of this unit can be taken')
  // the claim: unanimous; Tab to it, take it, then T takes the relation both drew
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('version').first()).toContainText(claim)
  await page.keyboard.press('Shift+Digit1')
  await page.keyboard.press('t')
  await expect(page.getByTestId('relation-unit').locator('.relation-version').last()).toContainText('attributed_to → “Ana Lindqvist”')

  const [goldFile] = await readdir(path.join(workbench.project, 'gold'))
  await expect
    .poll(async () => {
      const gold = JSON.parse(await readFile(path.join(workbench.project, 'gold', goldFile!), 'utf8'))
      const byId = new Map(gold.spans.map((s: { id: string; label: string; attributes?: object }) => [s.id, s]))
      return {
        actor: gold.spans.find((s: { label: string }) => s.label === 'actor')?.attributes,
        relations: gold.relations.map((r: { type: string; from: string; to: string; provenance: { decision: string } }) => `${(byId.get(r.from) as { label: string }).label} ${r.type} ${(byId.get(r.to) as { label: string }).label} ${r.provenance.decision}`)
      }
    })
    .toEqual({ actor: { type: 'person' }, relations: ['claim attributed_to actor unanimous'] })
})

async function onlyDocumentId(workbench: RunningWorkbench): Promise<string> {
  const list = await api<{ id: string }[]>(workbench, 'documents.list', {})
  return list[0]!.id
}
