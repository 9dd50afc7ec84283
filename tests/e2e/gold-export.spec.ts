// The Export dialog's gold choice, in Chromium against the real backend: two annotators' layers on
// disk, an automatic merge into gold, then Export… → "gold" → the downloaded Spanwise JSONL carries
// the gold spans with their provenance, and python3's slices give back every span's text.
import { spawnSync } from 'node:child_process'
import { importSources } from '../../src/main/importing/import-files'
import { GoldStore } from '../../src/main/review/gold-store'
import { mergeProject } from '../../src/main/review/review-service'
import { ProjectStore } from '../../src/main/store/project-store'
import { expect, test } from '../helpers/fixtures'

const TEXT = 'Rally 👍🏽 in 釜山: Mayor Kim said 40,000 people came.'
const at = (quote: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(quote))].length
  return { start, end: start + [...quote].length }
}

test('export the gold layer from the Export dialog, with provenance, exact in python3', async ({ page, workbench }) => {
  const store = await ProjectStore.open(workbench.project)
  const { added } = await importSources(store, [{ name: 'rally.txt', bytes: Buffer.from(TEXT) }], { annotator: 'ann' })
  const id = added[0]!.id
  await store.saveLayer(id, 'ann', { spans: [{ id: 'a1', label: 'actor', ...at('Mayor Kim') }, { id: 'a2', label: 'figure', ...at('40,000 people') }] })
  await store.saveLayer(id, 'bob', { spans: [{ id: 'b1', label: 'actor', ...at('Mayor Kim') }, { id: 'b2', label: 'figure', ...at('40,000') }] })
  const merged = await mergeProject(store, new GoldStore(store), { strategy: 'unanimous', filter: {}, by: 'rita' })
  expect(merged).toMatchObject({ accepted: 1, left: 1 })

  await page.goto(workbench.url)
  await page.getByRole('button', { name: 'Export…' }).click()
  await page.getByTestId('export-format').selectOption('jsonl')
  await page.getByTestId('export-annotator').selectOption({ label: 'gold: the adjudicated layer, with provenance' })
  const download = page.waitForEvent('download')
  await page.getByTestId('export-go').click()
  const file = await (await download).path()

  const check = spawnSync(
    'python3',
    [
      '-c',
      'import json,sys\nfor line in open(sys.argv[1],encoding="utf-8"):\n  r=json.loads(line)\n  for s in r["spans"]:\n    p=s["provenance"]\n    print(r["layer"], r["text"][s["start"]:s["end"]], s["label"], p["decision"], p["strategy"], p["decidedBy"], "+".join(x["annotator"]+":"+x["spanId"] for x in p["sources"]))',
      file
    ],
    { encoding: 'utf8' }
  )
  expect(check.stderr).toBe('')
  expect(check.stdout.trim().split('\n')).toEqual(['gold Mayor Kim actor auto_merged unanimous rita ann:a1+bob:b1'])
})
