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

/**
 * A team's work on a corpus, for the agreement benchmark and tests: the generated documents,
 * each annotated by `annotators` people who mostly agree: each person keeps a shared span
 * as it is (70%), shifts a boundary (10%), changes the label (8%), drops it (7%) or adds one
 * of their own nearby (5%).
 */
export function* generateTeamLayers(
  documents: number,
  spansPerDocument: number,
  annotators: string[],
  seed = 11
): Generator<{ record: ExportRecord; layers: Record<string, { id: string; start: number; end: number; label: string }[]> }> {
  const next = random(seed)
  for (const record of generateRecords(documents, spansPerDocument)) {
    const length = new OffsetMap(record.text).codePointLength
    const layers: Record<string, { id: string; start: number; end: number; label: string }[]> = {}
    for (const name of annotators) {
      const spans: { id: string; start: number; end: number; label: string }[] = []
      for (const [i, span] of record.spans.entries()) {
        const roll = next()
        let { start, end, label } = span
        if (roll < 0.07) continue
        if (roll < 0.17) end = Math.min(length, Math.max(start + 1, end + (next() < 0.5 ? -2 : 2)))
        else if (roll < 0.25) label = LABELS[(LABELS.indexOf(label) + 1) % 3]!
        else if (roll < 0.3) {
          const s = Math.min(length - 1, end + 3)
          spans.push({ id: `${name}-x${i}`, start: s, end: Math.min(length, s + 4), label })
        }
        spans.push({ id: `${name}-${i}`, start, end, label })
      }
      layers[name] = spans
    }
    yield { record, layers }
  }
}
