// A damaged file costs only its own document, in the UI: the list names the damaged file on that
// document's row, every other document opens and works, and an export leaves the damaged ones
// out and says so.
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { exportFromUi, listedSpans, repoRoot, startWorkbench, type RunningWorkbench } from '../helpers/workbench'

const DOCUMENTS = [
  { title: 'Buses', text: 'Mayor Ana Lind said 40 new buses would run.', quote: 'Mayor Ana Lind' },
  { title: 'Council', text: 'The council met on Tuesday to vote.', quote: 'The council' },
  { title: 'Fares', text: 'Fares rise by 4 percent in May, the operator said.', quote: 'the operator' }
]

let workbench: RunningWorkbench
let folder: string
let damagedDocument: string
let damagedLayer: string

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-damage-'))
  const input = path.join(folder, '..', `${path.basename(folder)}.jsonl`)
  const lines = DOCUMENTS.map(({ title, text, quote }) => {
    const start = text.indexOf(quote)
    return JSON.stringify({ schema: 'spanwise/v1', title, text, spans: [{ start, end: start + quote.length, label: 'actor' }] })
  })
  await writeFile(input, `${lines.join('\n')}\n`)
  const imported = spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', folder, '--annotator', 'tester', input], { cwd: repoRoot, encoding: 'utf8' })
  expect(imported.status, imported.stderr).toBe(0)
  await rm(input)
  // find each document's id by its title
  const ids = new Map<string, string>()
  for (const name of await readdir(path.join(folder, 'documents'))) {
    const record = JSON.parse(await readFile(path.join(folder, 'documents', name), 'utf8')) as { id: string; title: string }
    ids.set(record.title, record.id)
  }
  damagedDocument = path.join(folder, 'documents', `${ids.get('Council')}.json`)
  damagedLayer = path.join(folder, 'annotations', 'tester', `${ids.get('Fares')}.json`)
  await writeFile(damagedDocument, (await readFile(damagedDocument, 'utf8')).slice(0, 40)) // truncated
  await writeFile(damagedLayer, '<<<<<<< HEAD\n{"spans": []}\n=======\n') // a bad merge
  workbench = await startWorkbench({ project: folder })
})

test.afterAll(async () => {
  await workbench.stop()
  await rm(folder, { recursive: true, force: true })
})

test('the damaged files are named in the document list while the rest of the project works', async ({ page }) => {
  await page.goto(workbench.url)
  const rows = page.getByTestId('document-item')
  await expect(rows).toHaveCount(3)
  const errors = page.getByTestId('document-error')
  await expect(errors).toHaveCount(2)
  // each badge names the file by its path in the project, and in full on hover
  await expect(errors.filter({ hasText: path.relative(folder, damagedDocument) })).toHaveCount(1)
  await expect(errors.filter({ hasText: path.relative(folder, damagedLayer) })).toHaveCount(1)
  await expect(errors.filter({ hasText: path.relative(folder, damagedDocument) })).toHaveAttribute('title', new RegExp(`^${damagedDocument} is damaged`))

  // the healthy document opens with its span, and can still be edited and saved
  await rows.filter({ hasText: 'Buses' }).click()
  await expect(page.locator('.document-text')).toContainText('Mayor Ana Lind said 40 new buses')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Ana Lind'])
  await expect(page.getByTestId('progress')).toBeVisible()

  // an export leaves the damaged documents out, and the workbench says which
  const file = await exportFromUi(page, 'jsonl')
  const records = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { title: string })
  expect(records.map((record) => record.title)).toEqual(['Buses'])
  const toast = page.getByRole('status').filter({ hasText: 'Export download started' })
  await expect(toast).toContainText('left out 2 damaged document(s)')
  await expect(toast).toContainText(path.relative(folder, damagedDocument))
  await expect(toast).toContainText(path.relative(folder, damagedLayer))

  // a damaged document opened from the list shows what is wrong with it, not a blank editor
  await rows.filter({ hasText: 'Fares' }).click()
  await expect(page.getByRole('alert').filter({ hasText: `${damagedLayer} is damaged` }).first()).toBeVisible()
})
