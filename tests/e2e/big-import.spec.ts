// A dataset over the 20 MiB limit of single documents, picked in the browser: it is uploaded to
// the server's disk (never whole in a request), imported there with a progress bar, and Escape
// cancels it with the project left as it was; imported again, every document arrives.
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { generateRecords } from '../../bench/generate'
import { spanwiseRecordLine } from '../../src/main/formats/spanwise-jsonl'
import { expect, test } from '../helpers/fixtures'

const MiB = 1024 * 1024

function bigJsonl(): { buffer: Buffer; documents: number } {
  const lines: string[] = []
  let bytes = 0
  for (const record of generateRecords(100_000, 50)) {
    const line = spanwiseRecordLine({ ...record, annotator: 'tester' })
    lines.push(line)
    bytes += Buffer.byteLength(line)
    if (bytes > 22 * MiB) break
  }
  return { buffer: Buffer.from(lines.join('')), documents: lines.length }
}

async function projectFiles(folder: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name !== '.spanwise-app.lock') files[path.relative(folder, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'latin1')
  }
  return files
}

test('a 22 MiB JSONL shows its progress, Escape cancels it with nothing changed, and it imports whole', async ({ page, workbench }) => {
  test.setTimeout(300_000)
  const { buffer, documents } = bigJsonl()
  await page.goto(workbench.url)
  await expect(page.getByTestId('progress')).toContainText('0 / 0 done')
  const before = await projectFiles(workbench.project)

  await page.getByTestId('file-input').setInputFiles([{ name: 'big.jsonl', mimeType: 'application/jsonl', buffer }])
  const toast = page.getByTestId('import-progress')
  // reading on the server: megabytes read and documents so far, with a bar and a Cancel button
  await expect(toast).toContainText(/Importing: [\d.]+ MB of 23 MB read, [\d,]+ documents/, { timeout: 120_000 })
  await expect(toast.getByRole('progressbar')).toBeVisible()
  await expect(toast.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByText('Import cancelled: the project is as it was.')).toBeVisible({ timeout: 120_000 })
  await expect(toast).toHaveCount(0)
  expect(await projectFiles(workbench.project)).toEqual(before)
  await expect(page.getByTestId('document-item')).toHaveCount(0)

  await page.getByTestId('file-input').setInputFiles([{ name: 'big.jsonl', mimeType: 'application/jsonl', buffer }])
  await expect(page.getByTestId('import-report')).toContainText(`Imported ${documents} documents with ${documents * 50} spans`, { timeout: 240_000 })
  expect((await readdir(path.join(workbench.project, 'documents'))).length).toBe(documents)
})
