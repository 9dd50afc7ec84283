// Several annotators through the UI: a Prodigy file with two sessions is imported (the report
// lists each layer), the Export dialog says the user's own layer is empty and names the layers
// that have spans, and exporting every annotator as Label Studio gives one task per document
// with an annotation per annotator, whose UTF-16 offsets python3 slices back to the words.
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { expect, test } from '../helpers/fixtures'

const TEXT = 'Rally 👍🏽 in 釜山: Mayor Kim said 40,000 people came.'
const cp = (quote: string) => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(quote))).length
  return { start, end: start + Array.from(quote).length }
}
const prodigy = [
  { text: TEXT, spans: [{ ...cp('Mayor Kim'), label: 'actor' }], answer: 'accept', _annotator_id: 'rally-alice', _session_id: 'rally-alice' },
  { text: TEXT, spans: [{ ...cp('Kim'), label: 'actor' }, { ...cp('40,000 people'), label: 'figure' }], answer: 'accept', _annotator_id: 'rally-bob', _session_id: 'rally-bob' }
]
  .map((record) => JSON.stringify(record))
  .join('\n')

test('Prodigy sessions land in their layers; the Export dialog names them when my layer is empty; Label Studio gets an annotation each', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'rally.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(prodigy) }])
  const report = page.getByTestId('import-report')
  await expect(report).toContainText('Imported 1 document with 3 spans')
  await expect(page.getByTestId('import-layer')).toHaveText(['Layer alice: 1 span in 1 document', 'Layer bob: 2 spans in 1 document'])

  await page.getByRole('button', { name: 'Export…' }).click()
  await page.getByTestId('export-format').selectOption('label-studio')
  const notice = page.getByTestId('export-empty-layer')
  await expect(notice).toContainText(`No spans to export: the layer "${workbench.annotator}" has no spans; layers with spans: alice (1 span in 1 document), bob (2 spans in 1 document).`)
  // choosing a layer with spans clears the notice; so does every annotator
  await notice.getByRole('button', { name: 'bob' }).click()
  await expect(page.getByTestId('export-annotator')).toHaveValue('bob')
  await expect(notice).toHaveCount(0)
  await page.getByTestId('export-annotator').selectOption('')
  await expect(notice).toBeVisible()
  await notice.getByRole('button', { name: 'every annotator' }).click()
  await expect(page.getByTestId('export-annotator')).toHaveValue('*')
  await expect(page.getByTestId('export-every-annotator')).toContainText('one task per document, with one annotation per annotator')
  await expect(notice).toHaveCount(0)

  const download = page.waitForEvent('download')
  await page.getByTestId('export-go').click()
  const file = await (await download).path()
  const tasks = JSON.parse(await readFile(file, 'utf8'))
  expect(tasks).toHaveLength(1)
  expect(tasks[0].meta.spanwise.layers.map((layer: { annotator: string }) => layer.annotator)).toEqual(['alice', 'bob'])
  // Label Studio counts UTF-16 units: python3 slices its UTF-16 encoding to check
  const check = spawnSync(
    'python3',
    [
      '-c',
      'import json,sys\nt=json.load(open(sys.argv[1],encoding="utf-8"))[0]\nb=t["data"]["text"].encode("utf-16-le")\nfor a,w in zip(t["annotations"],t["meta"]["spanwise"]["layers"]):\n  print(w["annotator"], [b[2*r["value"]["start"]:2*r["value"]["end"]].decode("utf-16-le") for r in a["result"]])',
      file
    ],
    { encoding: 'utf8' }
  )
  expect(check.stderr).toBe('')
  expect(check.stdout.trim().split('\n')).toEqual(["alice ['Mayor Kim']", "bob ['Kim', '40,000 people']"])
})
