// Datasets through the UI: a doccano file (UTF-16 offsets, emoji before the spans) is imported,
// its spans show on the right words, and a Prodigy export (code points, tokens) comes out exact.
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test } from '../helpers/fixtures'
import { doccanoSpan, exportFromUi, listedSpans, paintedTexts } from '../helpers/workbench'

const TEXT = 'Rally 👍🏽 in 釜山: Mayor Kim said 40,000 people came.'

/** doccano counts UTF-16 units, as JavaScript does: computed the way doccano's front end would. */
const utf16Span = (quote: string, label: string) => doccanoSpan(TEXT, quote, label)


test('import doccano through the UI, see its spans, export Prodigy JSONL through the UI', async ({ page, workbench }) => {
  const doccano = `${JSON.stringify({ text: TEXT, label: [utf16Span('Mayor Kim', 'actor'), utf16Span('40,000 people', 'figure')] })}\n`
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'rally.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(doccano) }])
  await expect(page.getByTestId('import-report')).toContainText('Imported 1 document with 2 spans')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Kim', 'figure: 40,000 people'])
  // painted on the right text too: the highlight ranges cover exactly those words
  const painted = await paintedTexts(page)
  expect(painted.sort()).toEqual(['40,000 people', 'Mayor Kim'])

  const file = await exportFromUi(page, 'prodigy')
  const [record, ...rest] = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line))
  expect(rest).toHaveLength(0)
  expect(record.text).toBe(TEXT)
  expect(record.spans.map((s: { label: string }) => s.label)).toEqual(['actor', 'figure'])
  // Prodigy counts code points: Python slices give back the words, and the token indexes agree
  const check = spawnSync(
    'python3',
    ['-c', 'import json,sys\nr=json.loads(open(sys.argv[1],encoding="utf-8").readline())\nfor s in r["spans"]:\n  t=r["tokens"]\n  print(r["text"][s["start"]:s["end"]], "|", r["text"][t[s["token_start"]]["start"]:t[s["token_end"]]["end"]])', file],
    { encoding: 'utf8' }
  )
  expect(check.stderr).toBe('')
  expect(check.stdout.trim().split('\n')).toEqual(['Mayor Kim | Mayor Kim', '40,000 people | 40,000 people'])
})

test('a malformed file is rejected by name and line, and nothing of it is stored', async ({ page, workbench }) => {
  const good = JSON.stringify({ text: 'Fine line.', label: [] })
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([
    { name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${good}\n{"text": "Second", "label": [[0, 99, "actor"]]}\n`) },
    { name: 'ok.txt', mimeType: 'text/plain', buffer: Buffer.from('A good document\n\nWith text.') }
  ])
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('Imported 1 document')
  await expect(report).toContainText('broken.jsonl:2')
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  await expect(page.getByTestId('document-item')).toContainText('A good document')
})
