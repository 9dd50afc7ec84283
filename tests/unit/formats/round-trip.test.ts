// All-pairs round trip on real project folders: for every span-carrying format A and B,
// import A -> export B -> import B gives the same texts and spans (start, end, label).
//
// CoNLL is the exception, by nature: it stores tokens, not text, so whitespace (tabs, CRLF),
// bidi marks and exact offsets cannot survive it, and nested/overlapping spans are reduced to
// the outermost (docs/formats.md). Pairs that pass THROUGH CoNLL are therefore checked on what
// CoNLL carries: each surviving span's label and its text with whitespace and format characters
// removed. Pairs that START from a CoNLL import (its rebuilt text) are checked exactly.
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { compareSpans } from '../../../src/shared/model'
import { OffsetMap } from '../../../src/shared/offsets'
import { exportProjectToFolder } from '../../../src/main/exporting/export-project'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import type { ProjectStore } from '../../../src/main/store/project-store'
import { corpus, corpusJsonl } from './corpus'
import { contents, exportAndReimport, exportToString, tempDir, tempProject, type SimpleSpan } from './helpers'

const FORMATS = ['jsonl', 'doccano', 'prodigy', 'label-studio', 'brat', 'conll'] as const
type Format = (typeof FORMATS)[number]

const through = exportAndReimport

const squeeze = (text: string) => text.replace(/[\s\p{Cf}]/gu, '')

/** What CoNLL keeps of a document: outermost spans as (label, squeezed text), in order. */
function conllView(text: string, spans: SimpleSpan[]): string[] {
  const map = new OffsetMap(text)
  const kept: SimpleSpan[] = []
  const sorted = spans.map(([start, end, label]) => ({ id: '', start, end, label })).sort(compareSpans)
  for (const s of sorted) if (!kept.some(([a, b]) => s.start < b && a < s.end)) kept.push([s.start, s.end, s.label])
  return kept.map(([start, end, label]) => `${label}:${squeeze(map.sliceCodePoints(start, end))}`)
}

function conllViews(project: Map<string, SimpleSpan[]>): Map<string, string[]> {
  return new Map([...project].map(([text, spans]) => [squeeze(text), conllView(text, spans)]))
}

let base: ProjectStore
const imported = new Map<Format, ProjectStore>()

beforeAll(async () => {
  base = await tempProject()
  const dir = await tempDir()
  await writeFile(path.join(dir, 'corpus.jsonl'), corpusJsonl())
  const { files } = await collectFiles([path.join(dir, 'corpus.jsonl')])
  const report = await importSources(base, files, { annotator: 'bob' })
  expect(report.rejected).toEqual([])
  expect(report.added).toHaveLength(corpus.length)
  for (const format of FORMATS) imported.set(format, await through(base, format))
})

describe('import of each format A (exported from the corpus)', () => {
  it('the base project holds the corpus exactly, in alice\'s layer as the file says', async () => {
    const expected = new Map(corpus.map((d) => [d.text, d.spans.map((s): SimpleSpan => [s.start, s.end, s.label]).sort((a, b) => a[0] - b[0] || b[1] - a[1])]))
    expect(await contents(base)).toEqual(expected)
  })

  for (const format of FORMATS.filter((f) => f !== 'conll')) {
    it(`${format}: texts and spans are the corpus's`, async () => {
      expect(await contents(imported.get(format)!)).toEqual(await contents(base))
    })
  }

  it('conll: labels and token texts of the outermost spans survive', async () => {
    expect(conllViews(await contents(imported.get('conll')!))).toEqual(conllViews(await contents(base)))
  })
})

describe('all pairs: import A -> export B -> import B', () => {
  for (const a of FORMATS) {
    for (const b of FORMATS) {
      it(`${a} -> ${b}`, async () => {
        const fromA = imported.get(a)!
        const fromB = await through(fromA, b)
        if (b === 'conll' && a !== 'conll') expect(conllViews(await contents(fromB))).toEqual(conllViews(await contents(fromA)))
        else expect(await contents(fromB)).toEqual(await contents(fromA))
      })
    }
  }
})

describe('offset overrides round-trip too', () => {
  for (const format of ['doccano', 'prodigy', 'label-studio', 'csv'] as const) {
    it(`${format} with --offsets utf16 and codepoint differ exactly where astral characters precede spans`, async () => {
      const utf16 = await exportToString(base, format, 'alice', { offsets: 'utf16' })
      const cp = await exportToString(base, format, 'alice', { offsets: 'codepoint' })
      expect(utf16).not.toEqual(cp)
    })
  }
  it('brat written in UTF-16 units reads back with --offsets utf16', async () => {
    const dir = path.join(await tempDir(), 'brat16')
    await exportProjectToFolder(base, 'brat', { annotator: 'alice' }, dir, undefined, { offsets: 'utf16' })
    expect((await readdir(dir)).length).toBe(corpus.length * 2)
    const next = await tempProject()
    const { files } = await collectFiles([dir])
    const report = await importSources(next, files, { annotator: 'alice', offsets: 'utf16' })
    expect(report.rejected).toEqual([])
    expect(await contents(next)).toEqual(await contents(base))
  })
})
