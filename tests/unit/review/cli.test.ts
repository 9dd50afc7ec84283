// `spanwise merge` and `spanwise export --layer gold`, run as a user runs them, on a real folder
// with three annotators' layers; the gold export is checked by slicing in python3.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PassThrough } from 'node:stream'
import { exportProject, exportProjectToFolder, STREAM_EXPORT_FORMATS } from '../../../src/main/exporting/export-project'
import { findDamaged } from '../../../src/main/exporting/export-records'
import { GoldStore } from '../../../src/main/review/gold-store'
import { mergeProject } from '../../../src/main/review/review-service'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'
import { reviewProject } from './project'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')

function spanwise(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NODE_ENV: 'production' } })
}

let folder: string
let first: string
let second: string

beforeAll(async () => {
  ;({ folder, first, second } = await reviewProject())
})
afterAll(removeTempDirs)

describe('spanwise merge', { timeout: 120_000 }, () => {
  it('refuses a threshold without --min, and --min with another strategy', () => {
    const missing = spanwise(['merge', '--project', folder, '--strategy', 'threshold'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/threshold strategy needs --min/)
    const stray = spanwise(['merge', '--project', folder, '--strategy', 'unanimous', '--min', '2'])
    expect(stray.status).toBe(1)
    expect(stray.stderr).toMatch(/--min applies to the threshold strategy only/)
  })

  it('unanimous: prints what it accepted and what is left, per document and in total', () => {
    const result = spanwise(['merge', '--project', folder, '--strategy', 'unanimous', '--adjudicator', 'rita'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const lines = result.stdout.trim().split('\n')
    expect(lines.find((l) => l.startsWith(`${first} `))).toMatch(
      /: accepted 3 \(actor 1, claim 1, figure 1\); left 6 \(boundary conflict 2, one-sided 2, attribute conflict 1, label conflict 1\)$/
    )
    // "<id> <title>: …" (the title is whatever the import made of the text)
    expect(lines.find((l) => l.startsWith(`${second} `))).toMatch(/: accepted 1 \(actor 1\); left 0$/)
    expect(lines.at(-1)).toBe('merged 2 document(s) (unanimous): accepted 4 unit(s) and 0 relation(s); 6 unit(s) left to review')
  })

  it('re-running keeps every decision and accepts only what a looser strategy adds', async () => {
    const store = await ProjectStore.open(folder)
    const before = new GoldStore(store).read(first).gold
    const again = spanwise(['merge', '--project', folder, '--strategy', 'unanimous', '--adjudicator', 'rita'])
    expect(again.stdout.trim().split('\n').at(-1)).toBe('merged 2 document(s) (unanimous): accepted 0 unit(s) and 0 relation(s); 6 unit(s) left to review')
    expect(new GoldStore(store).read(first).gold).toEqual(before)
    const threshold = spanwise(['merge', '--project', folder, '--strategy', 'threshold', '--min', '2', '--annotators', 'ann,bob,cat', '--status', 'done'])
    expect(threshold.status).toBe(0)
    // the second document is left out: bob has not marked it done
    expect(threshold.stdout.trim().split('\n').at(-1)).toBe('merged 1 document(s) (threshold): accepted 4 unit(s) and 1 relation(s); 2 unit(s) left to review')
    const after = new GoldStore(store).read(first).gold
    for (const span of before.spans) expect(after.spans).toContainEqual(span)
    expect(after.spans.filter((s) => s.provenance.strategy === 'threshold')).toHaveLength(4)
  })

  it('--min takes a share of the annotators', () => {
    const share = spanwise(['merge', '--project', folder, '--strategy', 'threshold', '--min', '100%', '--document', first])
    expect(share.status).toBe(0)
    expect(share.stdout.trim().split('\n').at(-1)).toBe('merged 1 document(s) (threshold): accepted 0 unit(s) and 0 relation(s); 2 unit(s) left to review')
  })
})

const PYTHON = `
import json, sys
records = spans = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        record = json.loads(line)
        assert record["layer"] == "gold" and record["annotator"] == "gold", record.get("layer")
        assert record["review_status"] in ("not_started", "in_progress", "done")
        ids = {span["id"] for span in record["spans"]}
        for span in record["spans"]:
            assert record["text"][span["start"]:span["end"]] == span["text"], (span, record["text"][span["start"]:span["end"]])
            p = span["provenance"]
            assert p["decision"] in ("unanimous", "picked", "merged_bounds", "edited", "added", "auto_merged")
            assert p["decidedBy"] and p["decidedAt"]
            assert all(s["annotator"] and s["spanId"] for s in p["sources"])
            spans += 1
        for rel in record["relations"]:
            assert rel["from"] in ids and rel["to"] in ids and rel["provenance"]["sources"]
        records += 1
print(records, spans)
`

describe('spanwise export --layer gold', { timeout: 120_000 }, () => {
  // a project of its own, merged in-process: unanimous, then 2 of 3 on documents all marked done
  beforeAll(async () => {
    ;({ folder, first, second } = await reviewProject())
    const store = await ProjectStore.open(folder)
    const goldStore = new GoldStore(store)
    await mergeProject(store, goldStore, { strategy: 'unanimous', filter: {}, by: 'rita' })
    await mergeProject(store, goldStore, { strategy: 'threshold', minAnnotators: 2, filter: { status: 'done' }, by: 'rita' })
  })

  it('writes the gold layer with provenance in Spanwise JSONL, and python3 slices every span back', async () => {
    const out = path.join(await tempDir(), 'gold.jsonl')
    const result = spanwise(['export', '--project', folder, '--layer', 'gold', '--out', out])
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/wrote 2 record\(s\) with 8 span\(s\)/)
    const script = path.join(path.dirname(out), 'check.py')
    await writeFile(script, PYTHON)
    const python = spawnSync('/usr/bin/python3', [script, out], { encoding: 'utf8' })
    expect(python.stderr).toBe('')
    expect(python.stdout.trim()).toBe('2 8')
    const records = (await readFile(out, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { id: string; spans: { provenance: { sources: unknown[] } }[] })
    expect(records.find((r) => r.id === first)!.spans[0]!.provenance.sources).toHaveLength(3)
  })

  it('exports gold in every format (the formats run in-process, as the CLI runs them)', async () => {
    const store = await ProjectStore.open(folder)
    for (const format of STREAM_EXPORT_FORMATS) {
      const out = new PassThrough()
      const chunks: Buffer[] = []
      out.on('data', (chunk: Buffer) => chunks.push(chunk))
      const summary = await exportProject(store, format, { annotator: 'unused', layer: 'gold' }, out)
      expect(summary, format).toEqual({ records: 2, spans: 8, damaged: [] })
      expect(Buffer.concat(chunks).toString('utf8'), format).toContain('Mayor')
    }
    const brat = path.join(await tempDir(), 'brat')
    expect(await exportProjectToFolder(store, 'brat', { annotator: 'unused', layer: 'gold' }, brat)).toEqual({ records: 2, spans: 8, damaged: [] })
    const files = await readdir(brat)
    expect(files.filter((f) => f.endsWith('.ann'))).toHaveLength(2)
    const ann = await readFile(path.join(brat, `${second}.ann`), 'utf8')
    expect(ann).toBe('T1\tactor 0 14\tMayor Ana Lind\n')
  })

  it('a damaged gold file costs only its document: left out of the export and named', async () => {
    const copy = await reviewProject()
    const store = copy.store
    await mergeProject(store, new GoldStore(store), { strategy: 'unanimous', filter: {}, by: 'rita' })
    await writeFile(path.join(copy.folder, 'gold', `${copy.first}.json`), '{"spans": [')
    expect(await findDamaged(store, { annotator: 'unused', layer: 'gold' })).toEqual([
      { id: copy.first, file: `gold/${copy.first}.json`, message: expect.stringMatching(/is damaged \(not valid JSON/) }
    ])
    const out = new PassThrough()
    out.resume()
    const summary = await exportProject(store, 'jsonl', { annotator: 'unused', layer: 'gold' }, out)
    expect(summary).toMatchObject({ records: 1, spans: 1, damaged: [{ id: copy.first }] })
  })

  it('only documents whose review has that status, and never with --annotator', () => {
    const done = spanwise(['export', '--project', folder, '--layer', 'gold', '--status', 'done'])
    expect(done.status).toBe(0)
    expect(done.stdout).toBe('')
    const both = spanwise(['export', '--project', folder, '--layer', 'gold', '--annotator', 'ann'])
    expect(both.status).toBe(1)
    expect(both.stderr).toMatch(/--layer gold exports the adjudicated layer/)
  })
})
