// Proof from outside JavaScript that code point exports mean what they say: Python 3 indexes
// str by code points, so text[start:end] must give back each span's text for Spanwise JSONL,
// Prodigy (spans and tokens), brat (.txt read without newline translation) and CSV.
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportProjectToFolder } from '../../../src/main/exporting/export-project'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import type { ProjectStore } from '../../../src/main/store/project-store'
import { corpus, corpusJsonl } from './corpus'
import { exportToString, tempDir, tempProject } from './helpers'

const CHECK = String.raw`
import csv, glob, json, os, sys
kind, target, docs = sys.argv[1], sys.argv[2], sys.argv[3]
checked = 0
def check(text, start, end, expected, where):
    global checked
    actual = text[start:end]
    if actual != expected:
        sys.exit(f"{where}: text[{start}:{end}] == {actual!r}, expected {expected!r}")
    checked += 1
if kind == "jsonl":
    for line in open(target, encoding="utf-8"):
        r = json.loads(line)
        for s in r["spans"]:
            check(r["text"], s["start"], s["end"], s["text"], r["id"])
elif kind == "prodigy":
    for line in open(target, encoding="utf-8"):
        r = json.loads(line)
        for t in r["tokens"]:
            check(r["text"], t["start"], t["end"], t["text"], "token")
        for s in r["spans"]:
            if "token_start" in s:
                tokens = r["tokens"][s["token_start"]:s["token_end"] + 1]
                assert tokens[0]["start"] >= s["start"] and tokens[-1]["end"] <= s["end"], s
        # spans are checked against the Spanwise export of the same project
        texts = {json.loads(l)["text"]: json.loads(l) for l in open(docs, encoding="utf-8")}
        for s, w in zip(r["spans"], texts[r["text"]]["spans"]):
            check(r["text"], s["start"], s["end"], w["text"], "span")
elif kind == "brat":
    for ann in sorted(glob.glob(os.path.join(target, "*.ann"))):
        text = open(ann[:-4] + ".txt", encoding="utf-8", newline="").read()
        for line in open(ann, encoding="utf-8", newline=""):
            if not line.startswith("T"):
                continue  # A, R and # lines name T ids, not offsets
            tid, body, span_text = line.rstrip("\n").split("\t", 2)
            label, start, end = body.split(" ")
            check(text.replace("\r", " ").replace("\n", " "), int(start), int(end), span_text, ann)
elif kind == "csv":
    texts = {json.loads(l)["id"]: json.loads(l)["text"] for l in open(docs, encoding="utf-8")}
    with open(target, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            check(texts[row["document_id"]], int(row["start"]), int(row["end"]), row["text"], row["document_id"])
print(checked)
`

const spanCount = corpus.reduce((sum, d) => sum + d.spans.length, 0)
let store: ProjectStore
let dir: string
let jsonlPath: string

function python(kind: string, target: string): { status: number | null; out: string; err: string } {
  const result = spawnSync('python3', ['-c', CHECK, kind, target, jsonlPath], { encoding: 'utf8' })
  return { status: result.status, out: result.stdout.trim(), err: result.stderr }
}

beforeAll(async () => {
  store = await tempProject()
  dir = await tempDir()
  await writeFile(path.join(dir, 'corpus.jsonl'), corpusJsonl())
  const { files } = await collectFiles([path.join(dir, 'corpus.jsonl')])
  await importSources(store, files, { annotator: 'alice' })
  jsonlPath = path.join(dir, 'spanwise.jsonl')
  await writeFile(jsonlPath, await exportToString(store, 'jsonl'))
})

describe('python3 text[start:end] on code point exports', () => {
  it('has python3', () => {
    expect(spawnSync('python3', ['--version']).status).toBe(0)
  })

  it('Spanwise JSONL', () => {
    const result = python('jsonl', jsonlPath)
    expect(result.err).toBe('')
    expect(result.out).toBe(String(spanCount))
  })

  it('Prodigy (spans and tokens)', async () => {
    const target = path.join(dir, 'prodigy.jsonl')
    await writeFile(target, await exportToString(store, 'prodigy'))
    const result = python('prodigy', target)
    expect(result.err).toBe('')
    expect(Number(result.out)).toBeGreaterThan(spanCount)
  })

  it('brat (.txt kept exactly, CRLF counting two)', async () => {
    const target = path.join(dir, 'brat')
    await exportProjectToFolder(store, 'brat', { annotator: 'alice' }, target)
    const result = python('brat', target)
    expect(result.err).toBe('')
    expect(result.out).toBe(String(spanCount))
  })

  it('CSV', async () => {
    const target = path.join(dir, 'spans.csv')
    await writeFile(target, await exportToString(store, 'csv'))
    const result = python('csv', target)
    expect(result.err).toBe('')
    expect(result.out).toBe(String(spanCount))
  })

  it('fails when offsets are UTF-16 (the check is real)', async () => {
    const target = path.join(dir, 'spans16.csv')
    await writeFile(target, await exportToString(store, 'csv', 'alice', { offsets: 'utf16' }))
    expect(python('csv', target).status).not.toBe(0)
  })
})
