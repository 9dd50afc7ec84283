// The promise Spanwise makes about its JSONL: Python's text[start:end] gives back every span's
// text. Build a project with emoji, CJK, right-to-left scripts and CRLF, export it to a file,
// and let python3 check every span.
import { spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { exportProject } from '../../../src/main/exporting/export-project'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { Span } from '../../../src/shared/model'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const DOC_A = [
  'Réunion 👍🏽 北京 said: مرحبا שלום',
  'The family 👩‍👩‍👧 paid 𝟒𝟐 euros to 東京 officials.',
  '',
  'Last line without emoji.'
].join('\r\n')
const DOC_B = '🎉🎉 Party in Zürich 🎉 — ש"ח 100 and 中文字符 end\r\n'

/** Code point offsets of the n-th occurrence of `needle` (what Python's str.find would give). */
function codePointRange(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let at = -1
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1)
  if (at < 0) throw new Error(`"${needle}" not in text`)
  const start = [...text.slice(0, at)].length
  return { start, end: start + [...needle].length }
}

function spansFor(text: string, needles: [string, string][]): Span[] {
  return needles.map(([needle, label], n) => ({ id: `s${n}`, label, ...codePointRange(text, needle) }))
}

const PYTHON = `
import json, sys
records = spans = 0
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    for line in f:
        record = json.loads(line)
        text = record["text"]
        records += 1
        for span in record["spans"]:
            got = text[span["start"]:span["end"]]
            if got != span["text"]:
                print("MISMATCH", record["id"], span["id"], repr(got), repr(span["text"]))
                sys.exit(1)
            spans += 1
        if "\\r\\n" not in text:
            print("CRLF LOST", record["id"]); sys.exit(1)
print(f"{records} records, {spans} spans OK")
`

afterAll(removeTempDirs)

describe('JSONL export read by Python', () => {
  it('python3 finds text[start:end] == span.text for every span', async () => {
    const dir = await tempDir()
    const store = await ProjectStore.open(path.join(dir, 'project'), { create: true })
    const { added } = await store.addDocuments([
      { text: DOC_A, title: 'A', meta: {} },
      { text: DOC_B, title: 'B', meta: {} }
    ])
    const [a, b] = added
    const spansA = spansFor(DOC_A, [
      ['Réunion', 'actor'],
      ['👍🏽', 'claim'],
      ['北京', 'actor'],
      ['مرحبا שלום', 'claim'],
      ['Réunion 👍🏽 北京 said: مرحبا שלום\r\nThe', 'claim'],
      ['👩‍👩‍👧', 'actor'],
      ['𝟒𝟐 euros', 'figure'],
      ['東京 officials', 'actor'],
      ['\r\n\r\nLast', 'claim'],
      ['emoji.', 'claim']
    ])
    const spansB = spansFor(DOC_B, [
      ['🎉🎉', 'claim'],
      ['Zürich', 'actor'],
      ['ש"ח 100', 'figure'],
      ['中文字符', 'actor'],
      ['end\r\n', 'claim']
    ])
    await store.saveLayer(a!.id, 'alice', { spans: spansA, status: 'done' })
    await store.saveLayer(b!.id, 'alice', { spans: spansB })

    const out = path.join(dir, 'export.jsonl')
    const stream = createWriteStream(out)
    const summary = await exportProject(store, 'jsonl', { annotator: 'alice' }, stream)
    stream.end()
    await finished(stream)
    expect(summary).toEqual({ records: 2, spans: spansA.length + spansB.length, damaged: [] })

    // the exported span texts are what we meant to mark (checked here in JS too)
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { title: string; spans: { text: string }[] })
    const exportedA = lines.find((l) => l.title === 'A')!
    expect(exportedA.spans.map((s) => s.text)).toContain('👩‍👩‍👧')
    expect(exportedA.spans.map((s) => s.text)).toContain('\r\n\r\nLast')

    const script = path.join(dir, 'check.py')
    await writeFile(script, PYTHON)
    const python = spawnSync('python3', [script, out], { encoding: 'utf8' })
    expect(python.error).toBeUndefined()
    expect(python.stderr).toBe('')
    expect(python.stdout.trim()).toBe(`2 records, ${spansA.length + spansB.length} spans OK`)
    expect(python.status).toBe(0)
  })
})
