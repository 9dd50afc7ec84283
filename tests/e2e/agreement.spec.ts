// The Agreement view on a real three-annotator project: three layers imported with the command
// line (one Spanwise JSONL record per document and annotator), the report computed by the real
// backend, a matrix cell read and checked against the value worked out by hand below, then the
// cell clicked (and reached by keyboard) to land in the Review view on that pair's disagreements.
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { removeTempDirs, tempDir } from '../helpers/temp'
import { repoRoot, startWorkbench, type RunningWorkbench } from '../helpers/workbench'

const BRIDGE = 'Bridge repairs\n\nMayor Ilse Brandt said repairs will cost 48 million euros.'
const BUDGET = 'Council budget\n\nThe council approved a budget of 3 million.'

type Status = 'todo' | 'in_progress' | 'done'

function record(text: string, annotator: string, status: Status, spans: [string, string][]) {
  return {
    schema: 'spanwise/v1',
    text,
    annotator,
    status,
    relations: [],
    spans: spans.map(([label, quote]) => {
      const start = text.indexOf(quote)
      if (start < 0) throw new Error(`"${quote}" is not in the text`)
      // the texts are ASCII: UTF-16 units and code points agree
      return { start, end: start + quote.length, label, text: quote }
    })
  }
}

/*
 * Worked by hand, span F1 with exact matching (same start, end and label; one-to-one), micro over
 * both documents: F1 = 2·matched / (spans of a + spans of b).
 *
 *   Bridge:  alice  actor "Mayor Ilse Brandt", claim "repairs will cost 48 million euros", figure "48 million euros"
 *            bob    actor "Ilse Brandt",       claim (same),                               figure (same)
 *            carol  actor "Mayor Ilse Brandt", claim (same)
 *   Budget:  alice  actor "The council", figure "3 million"
 *            bob    actor "The council", figure "3 million", claim "approved a budget of 3 million"
 *            carol  actor "The council", figure "a budget of 3 million"         (carol: in progress)
 *
 *   alice vs bob:   matched 2 + 2 = 4, spans 5 + 6   → F1 = 8/11 = 0.727; only alice 1, only bob 2,
 *                   so 4 + 1 + 2 = 7 units compared
 *   alice vs carol: matched 2 + 1 = 3, spans 5 + 4   → F1 = 6/9  = 0.667
 *   bob vs carol:   matched 1 + 1 = 2, spans 6 + 4   → F1 = 4/10 = 0.400
 *   Only documents all three marked done (Bridge): alice vs bob matched 2 of 3 + 3 → 4/6 = 0.667
 */
const LAYERS = [
  record(BRIDGE, 'alice', 'done', [['actor', 'Mayor Ilse Brandt'], ['claim', 'repairs will cost 48 million euros'], ['figure', '48 million euros']]),
  record(BRIDGE, 'bob', 'done', [['actor', 'Ilse Brandt'], ['claim', 'repairs will cost 48 million euros'], ['figure', '48 million euros']]),
  record(BRIDGE, 'carol', 'done', [['actor', 'Mayor Ilse Brandt'], ['claim', 'repairs will cost 48 million euros']]),
  record(BUDGET, 'alice', 'done', [['actor', 'The council'], ['figure', '3 million']]),
  record(BUDGET, 'bob', 'done', [['actor', 'The council'], ['figure', '3 million'], ['claim', 'approved a budget of 3 million']]),
  record(BUDGET, 'carol', 'in_progress', [['actor', 'The council'], ['figure', 'a budget of 3 million']])
]

let workbench: RunningWorkbench

test.beforeEach(async () => {
  const project = await tempDir('spanwise-agreement-')
  const dataset = path.join(await tempDir(), 'layers.jsonl')
  await writeFile(dataset, LAYERS.map((layer) => JSON.stringify(layer)).join('\n') + '\n')
  const imported = spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', project, dataset], { cwd: repoRoot, encoding: 'utf8' })
  expect(imported.status, imported.stderr).toBe(0)
  workbench = await startWorkbench({ project, annotator: 'alice' })
})

test.afterEach(async () => {
  await workbench.stop()
  await removeTempDirs()
})

/** The matrix cell of a pair, above the diagonal (its score) or below it (its counts). */
function cell(page: Page, a: string, b: string, part: 'score' | 'counts' = 'score') {
  const key = part === 'score' ? `score:${a}:${b}` : `counts:${b}:${a}`
  return page.getByTestId('pair-matrix').locator(`a[data-target="${key}"]`)
}

/** The text painted on a matrix cell (the chart's text marks whose centre lies in the cell). */
function paintedOn(page: Page, a: string, b: string, part: 'score' | 'counts' = 'score'): Promise<string> {
  return cell(page, a, b, part).evaluate((link) => {
    const box = link.getBoundingClientRect()
    return [...link.closest('svg')!.querySelectorAll('text')]
      .filter((text) => {
        const t = text.getBoundingClientRect()
        const x = t.x + t.width / 2
        const y = t.y + t.height / 2
        return x > box.left && x < box.right && y > box.top && y < box.bottom
      })
      .map((text) => [...text.querySelectorAll('tspan')].map((line) => line.textContent).join('\n') || text.textContent)
      .join('\n')
  })
}

async function openAgreement(page: Page): Promise<void> {
  await page.goto(workbench.url)
  // the view keys work once the project is open (the view tabs are shown)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByRole('button', { name: 'Agreement', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('pair-matrix')).toBeVisible()
}

test('reads a pair’s score and counts off the matrix, each measure beside its definition', async ({ page }) => {
  await openAgreement(page)
  await expect(page.getByTestId('report-summary')).toContainText('2 documents compared · alice, bob, carol')

  // the matrix shows span F1 (exact) first: the hand-worked values, as text and as accessible names
  await expect.poll(() => paintedOn(page, 'alice', 'bob')).toBe('0.727')
  expect(await paintedOn(page, 'alice', 'carol')).toBe('0.667')
  expect(await paintedOn(page, 'bob', 'carol')).toBe('0.400')
  expect(await paintedOn(page, 'alice', 'bob', 'counts')).toBe('4 matched\n1 only alice\n2 only bob')
  await expect(cell(page, 'alice', 'bob')).toHaveAccessibleName(/^alice vs bob: .*0\.727 \(7 compared, 4 matched, 1 only row, 2 only column\)/)

  // every measure in the report stands beside its definition and formula
  // (the charted measure comes first, the other eight follow)
  const measures = page.getByTestId('measure-list').locator('.measure')
  await expect(measures).toHaveCount(9)
  for (const measure of await measures.all()) {
    await expect(measure.locator('.measure-definition')).not.toBeEmpty()
    await expect(measure.locator('.measure-formula')).not.toBeEmpty()
  }

  // the per-document table puts the lowest agreement first
  const rows = page.getByTestId('document-agreement-row')
  await expect(rows).toHaveCount(2)

  // M charts the next measure: overlap F1 also pairs "Mayor Ilse Brandt" with "Ilse Brandt"
  // (IoU 11/17 ≥ 0.5), so alice vs bob match 5 of 5 + 6 spans: 10/11 = 0.909
  await page.keyboard.press('m')
  await expect(page.getByRole('heading', { name: /Annotator pairs/ })).toContainText('Span F1, overlap')
  await expect.poll(() => paintedOn(page, 'alice', 'bob')).toBe('0.909')
  await page.keyboard.press('Shift+M')
  await expect.poll(() => paintedOn(page, 'alice', 'bob')).toBe('0.727')
  await page.keyboard.press('?')
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Chart the next measure')
  await page.keyboard.press('Escape')

  // narrowing to documents every annotator marked done leaves the bridge article alone
  await page.getByRole('combobox', { name: 'Documents', exact: true }).selectOption('done')
  await expect(page.getByTestId('report-summary')).toContainText('1 document compared')
  await expect.poll(() => paintedOn(page, 'alice', 'bob')).toBe('0.667')
})

/** The unit selected in the Review view, as "annotator: label text" per version ("nothing" when none). */
function versions(page: Page): Promise<string[]> {
  return page.getByTestId('version').evaluateAll((items) =>
    items.map((item) =>
      `${item.querySelector('.who')!.textContent!.replace(/^\d+\s*/, '').trim()}: ${item.querySelector('.label-chip')?.textContent ?? ''} ${item.querySelector('.version-text')?.textContent ?? 'nothing'}`
        .replace(/\s+/g, ' ')
        .trim()
    )
  )
}

/** In the Review view, opens a document of the list and walks to its first open conflict. */
async function firstConflictIn(page: Page, title: string): Promise<void> {
  await page.getByTestId('review-document').filter({ hasText: title }).click()
  await expect(page.locator('.review-text .document-text')).toContainText(title)
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('n')
}

async function expectReviewFocus(page: Page, description: string, documents: number): Promise<void> {
  await expect(page.getByRole('button', { name: 'Review', exact: true })).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('focus-chip')).toContainText(description)
  await expect(page.getByTestId('review-document')).toHaveCount(documents)
}

test('a click on a cell opens the Review view on that pair’s disagreements', async ({ page }) => {
  await openAgreement(page)
  await expect.poll(() => paintedOn(page, 'alice', 'bob')).toBe('0.727')
  await cell(page, 'alice', 'bob').click()

  // both documents alice and bob were compared on, and on each only their versions of what differs:
  // the actor's bounds in the bridge article, the claim only bob marked in the budget one
  await expectReviewFocus(page, 'alice vs bob', 2)
  await firstConflictIn(page, 'Bridge repairs')
  await expect(page.getByTestId('unit-mark')).toHaveText('Conflict')
  await expect.poll(() => versions(page)).toEqual(['alice: actor Mayor Ilse Brandt', 'bob: actor Ilse Brandt'])
  await firstConflictIn(page, 'Council budget')
  await expect(page.getByTestId('unit-mark')).toHaveText(/^Incomplete/)
  await expect.poll(() => versions(page)).toEqual(['alice: nothing', 'bob: claim approved a budget of 3 million'])
})

test('a label’s bar and a document’s row open their disagreements too', async ({ page }) => {
  await openAgreement(page)
  await page.getByTestId('label-bars').locator('a[data-target="figure"]').click()
  await expectReviewFocus(page, 'alice, bob, carol · figure', 2)
  // in the budget article carol's figure is longer than alice's and bob's
  await firstConflictIn(page, 'Council budget')
  await expect.poll(() => versions(page)).toEqual(['alice: figure 3 million', 'bob: figure 3 million', 'carol: figure a budget of 3 million'])

  await page.keyboard.press('Alt+3')
  // lowest agreement first: the budget article (over its three pairs, F1 = 2·4 / 14 = 0.571; bridge: 2·5 / 16 = 0.625)
  await expect(page.getByTestId('document-agreement-row').first()).toContainText('Council budget')
  await expect(page.getByTestId('document-agreement-row').first().locator('td').first()).toHaveText('0.571')
  await page.getByRole('button', { name: /^Council budget: / }).click()
  await expectReviewFocus(page, 'Council budget · alice, bob, carol', 1)
})

test('every cell is reached from the keyboard, and Enter opens it', async ({ page }) => {
  await openAgreement(page)
  await cell(page, 'alice', 'bob').focus()
  // the matrix is one Tab stop
  await expect(page.getByTestId('pair-matrix').locator('a[data-target][tabindex="0"]')).toHaveCount(1)
  // arrows move between its cells
  await page.keyboard.press('ArrowRight')
  await expect(cell(page, 'alice', 'carol')).toBeFocused()
  // arrows move as in a table: down the carol column, then left across the diagonal
  await page.keyboard.press('ArrowDown')
  await expect(cell(page, 'bob', 'carol')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await expect(cell(page, 'alice', 'bob', 'counts')).toBeFocused()
  // Tab leaves the matrix at once; Shift+Tab comes back to the cell last used
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('pair-matrix').locator('a:focus')).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(cell(page, 'alice', 'bob', 'counts')).toBeFocused()
  await page.keyboard.press('Enter')
  await expectReviewFocus(page, 'alice vs bob', 2)
})
