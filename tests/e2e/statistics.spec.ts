// The Statistics panel counts what is on disk for every annotator, including a teammate's layer
// that arrived from the command line; and a long title takes a row of its own in the document
// header, its buttons together below it (header-layout.spec.ts checks the header at three widths).
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../helpers/fixtures'
import { doccanoSpan, dragAcross, repoRoot } from '../helpers/workbench'

const TITLE = 'Harbour reopens after the storm as ministers, unions and shipping firms argue over who pays for repairs'
const TEXT = `${TITLE}\n\nMayor Ilse Brandt said the harbour will reopen. Traders said 48 jobs were saved.\n`

test('statistics: spans per label and documents per status for each annotator, as charts and numbers', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText(TITLE)

  // a long title is not squeezed beside the buttons: they move together to the row below it
  const heading = (await page.locator('.doc-heading').boundingBox())!
  const done = (await page.getByRole('button', { name: /Mark done/ }).boundingBox())!
  const undo = (await page.getByRole('button', { name: 'Undo' }).boundingBox())!
  expect(done.y).toBeGreaterThanOrEqual(heading.y + heading.height - 2)
  expect(Math.abs(undo.y - done.y)).toBeLessThan(2)

  await dragAcross(page, 'Mayor Ilse Brandt')
  await page.keyboard.press('1')
  await dragAcross(page, 'Traders')
  await page.keyboard.press('1')
  await dragAcross(page, 'the harbour will reopen')
  await page.keyboard.press('2')

  // bob's layer comes in through the command line while the app runs
  const bob = path.join(workbench.project, 'bob.jsonl')
  await writeFile(bob, `${JSON.stringify({ text: TEXT, label: [doccanoSpan(TEXT, '48 jobs', 'figure')] })}\n`)
  const cli = spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', workbench.project, '--annotator', 'bob', bob], { cwd: repoRoot, encoding: 'utf8' })
  expect(cli.status, cli.stderr).toBe(0)

  // the annotator filter says what it does: documents with a layer by bob, shown with my numbers
  await page.reload()
  const filter = page.getByTestId('filter-annotator')
  await expect(filter).toHaveAccessibleName('Filter by who has a layer')
  await expect(filter.locator('option')).toHaveText(["anyone's layers", 'has a layer by bob', 'has a layer by tester'])
  await filter.selectOption('bob')
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  await expect(page.getByTestId('document-item')).toContainText('3 spans')

  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Control+Shift+S')
  const dialog = page.getByTestId('statistics-dialog')
  await expect(dialog).toBeVisible()
  const spans = dialog.getByTestId('stats-spans')
  await expect(spans.locator('svg').first()).toBeVisible()
  const row = (name: string) => spans.locator('tbody tr').filter({ has: page.locator(`th:text-is("${name}")`) }).locator('td').allTextContents()
  await expect(spans.locator('thead th')).toHaveText(['Annotator', 'actor', 'claim', 'figure'])
  expect(await row('tester')).toEqual(['2', '1', '0'])
  expect(await row('bob')).toEqual(['0', '0', '1'])
  await expect(dialog.getByTestId('stats-statuses').locator('tbody tr')).toHaveCount(2)
  await expect(dialog.getByText('1 documents, 2 annotators.')).toBeVisible()
})
