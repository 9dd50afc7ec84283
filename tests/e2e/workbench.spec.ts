// The path a first user walks, in Chromium against the real backend and a real project folder:
// import → select with the mouse and press a hotkey → relabel → delete → undo → reload →
// export, then the exported file and the files on disk are checked.
import { spawnSync } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../helpers/fixtures'
import type { Page } from '@playwright/test'
import { clickOn, dragAcross, exportFromUi, listedSpans, type RunningWorkbench } from '../helpers/workbench'

// our own sample: emoji (with a skin tone), CJK, Arabic and CRLF line endings
const ARTICLE = [
  'Port authority reports record cargo',
  '',
  'Harbour master Ana Lindqvist 👍🏽 said cargo volumes rose 12 percent in March.',
  'Shipping from 上海 and 釜山 doubled, according to the authority.',
  'قال المتحدث إن الميناء جاهز',
  'Critics called the figures "optimistic".'
].join('\r\n')

const NOTES = '# Council notes\n\nThe council met on Monday and approved a budget of 3 million.\n'


async function importSamples(page: Page, workbench: RunningWorkbench): Promise<void> {
  await page.goto(workbench.url)
  await expect(page.getByText('No documents yet')).toBeVisible()
  await page.getByTestId('file-input').setInputFiles([
    { name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE, 'utf8') },
    { name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTES, 'utf8') }
  ])
  await expect(page.getByTestId('import-report')).toContainText('Imported 2 documents')
  await expect(page.getByTestId('document-item')).toHaveCount(2)
}

test('import, annotate with mouse and hotkeys, relabel, delete, undo, reload, export', async ({ page, workbench }) => {
  await importSamples(page, workbench)
  await page.getByRole('button', { name: /Port authority reports record cargo/ }).click()
  await expect(page.locator('.doc-heading')).toHaveText('Port authority reports record cargo')

  // a selection that starts and ends inside words snaps outwards to whole words
  await dragAcross(page, 'Harbour master Ana Lindqvist', 2, 17)
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Harbour master Ana'])

  await dragAcross(page, 'cargo volumes rose 12 percent')
  await page.keyboard.press('2')
  await dragAcross(page, '12 percent')
  await page.keyboard.press('3')
  await dragAcross(page, '上海')
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual([
    'actor: Harbour master Ana',
    'claim: cargo volumes rose 12 percent',
    'figure: 12 percent',
    'actor: 上海'
  ])

  // click a nested span: the innermost one is selected; its label key relabels it
  await clickOn(page, '12 percent')
  await expect(page.locator('[data-testid=span-item].selected')).toHaveAttribute('data-label', 'figure')
  await page.keyboard.press('2')
  await expect.poll(() => listedSpans(page)).toContain('claim: 12 percent')

  // Delete removes the selected span; undo brings it back, redo removes it again, undo again
  await page.keyboard.press('Delete')
  await expect.poll(() => listedSpans(page)).not.toContain('claim: 12 percent')
  await page.keyboard.press('Control+z')
  await expect.poll(() => listedSpans(page)).toContain('claim: 12 percent')
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => listedSpans(page)).not.toContain('claim: 12 percent')
  await page.keyboard.press('Control+z')
  // undo the relabel too: the span is a figure again
  await page.keyboard.press('Control+z')
  const expected = ['actor: Harbour master Ana', 'claim: cargo volumes rose 12 percent', 'figure: 12 percent', 'actor: 上海']
  await expect.poll(() => listedSpans(page)).toEqual(expected)
  await expect(page.getByTestId('document-item').filter({ hasText: 'Port authority' })).toContainText('4 spans')

  // every change is saved at once: a reload shows the same spans
  await page.reload()
  await page.getByRole('button', { name: /Port authority reports record cargo/ }).click()
  await expect.poll(() => listedSpans(page)).toEqual(expected)

  // the only file written for the edits is this annotator's layer of this document
  const layers = await readdir(path.join(workbench.project, 'annotations', workbench.annotator))
  expect(layers).toHaveLength(1)

  // export from the UI: one record per document, offsets in code points
  const file = await exportFromUi(page, 'jsonl')
  const records = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
  expect(records).toHaveLength(2)
  const port = records.find((r) => r.title === 'Port authority reports record cargo')
  expect(port.text).toBe(ARTICLE)
  expect(port.annotator).toBe('tester')
  expect(port.status).toBe('in_progress')
  expect(port.spans.map((s: { label: string; text: string }) => `${s.label}: ${s.text}`)).toEqual(expected)

  // Python's text[start:end] gives back every span's text
  const check = spawnSync('python3', ['-c', 'import json,sys\nn=0\nfor line in open(sys.argv[1], encoding="utf-8"):\n  r=json.loads(line)\n  for s in r["spans"]:\n    assert r["text"][s["start"]:s["end"]]==s["text"], s\n    n+=1\nprint(n)', file], { encoding: 'utf8' })
  expect(check.stderr).toBe('')
  expect(check.stdout.trim()).toBe('4')
})

test('Alt turns snapping off; a label click with nothing pending relabels the selected span', async ({ page, workbench }) => {
  await importSamples(page, workbench)
  await page.getByRole('button', { name: /Port authority/ }).click()
  await dragAcross(page, 'Lindqvist', 0, 5, { alt: true })
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Lindq'])
  await page.getByTestId('label-claim').click()
  // nothing pending any more and the actor span is selected: the click relabels it
  await expect.poll(() => listedSpans(page)).toEqual(['claim: Lindq'])
})

test('move through the corpus with shortcuts and mark documents done', async ({ page, workbench }) => {
  await importSamples(page, workbench)
  const progress = page.getByTestId('progress')
  await expect(progress).toContainText('0 / 2 done')
  await page.getByTestId('document-item').first().click()
  const first = 'Council notes'
  await expect(page.locator('.doc-heading')).toHaveText(first)
  await page.locator('.document-text').focus()
  await page.keyboard.press(']')
  await expect(page.locator('.doc-heading')).toHaveText('Port authority reports record cargo')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('document-status')).toHaveText('Done')
  await expect(progress).toContainText('1 / 2 done')
  await page.keyboard.press('[')
  await expect(page.locator('.doc-heading')).toHaveText(first)
  await page.reload()
  await expect(page.getByTestId('progress')).toContainText('1 / 2 done')
  await expect(page.getByTestId('document-item').filter({ hasText: 'Done' })).toHaveCount(1)
})

test('dropped files are imported; duplicates and bad files are reported by name', async ({ page, workbench }) => {
  await importSamples(page, workbench)
  await page.evaluate(
    ({ notes }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([notes], 'notes-again.md', { type: 'text/markdown' }))
      transfer.items.add(new File([new Uint8Array([0x41, 0x00, 0x42])], 'image.txt'))
      transfer.items.add(new File(['Fresh article about tides\n\nTides were high.'], 'tides.txt'))
      document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }))
    },
    { notes: NOTES }
  )
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('Imported 1 document')
  await expect(report).toContainText('notes-again.md: already in the project as “Council notes”')
  await expect(report).toContainText('image.txt')
  await expect(report).toContainText('binary file')
  await expect(page.getByTestId('document-item')).toHaveCount(3)
})
