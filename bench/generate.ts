// A synthetic corpus for benchmarks: deterministic, with the scripts our users meet (emoji, CJK,
// Arabic, CRLF), so the offset conversion is exercised as in real data.
import type { ExportRecord } from '../src/main/formats/types'
import { OffsetMap } from '../src/shared/offsets'

const WORDS = ['council', 'said', 'the', 'bridge', 'will', 'cost', 'million', 'euros', 'mayor', 'report', 'per', 'cent', 'Tuesday', '北京', 'مرحبا', '👍🏽', 'harbour', 'shipping', 'grain', 'prices']
const LABELS = ['actor', 'claim', 'figure']

/** A small deterministic generator (an LCG), so every run measures the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function* generateRecords(documents: number, spansPerDocument: number, seed = 7): Generator<ExportRecord> {
  const next = random(seed)
  for (let d = 0; d < documents; d++) {
    const words: string[] = []
    const wordCount = 250 + Math.floor(next() * 100)
    for (let w = 0; w < wordCount; w++) words.push(WORDS[Math.floor(next() * WORDS.length)]!)
    const body = words.join(' ')
    const text = `Article ${d}\r\n\r\n${body.slice(0, body.length >> 1)}\r\n${body.slice(body.length >> 1)}`
    const offsets = new OffsetMap(text)
    const length = offsets.codePointLength
    const spans = []
    for (let s = 0; s < spansPerDocument; s++) {
      const start = Math.floor(next() * (length - 20))
      const end = start + 1 + Math.floor(next() * 15)
      spans.push({ id: `s${d}-${s}`, start, end, label: LABELS[s % 3]!, text: offsets.sliceCodePoints(start, end) })
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end)
    yield { id: `doc${d}`, title: `Article ${d}`, text, meta: { n: d }, annotator: 'bench', status: 'in_progress', spans }
  }
}
