// The hard-characters corpus shared by the round-trip and Python slicing tests: emoji with ZWJ
// sequences and skin tones (two UTF-16 units per code point), CJK, Arabic and Hebrew with bidi
// marks, a combining accent, tabs and CRLF line endings, with spans on exactly those characters.
import { SPANWISE_SCHEMA } from '../../../src/main/formats/spanwise-jsonl'
import { at } from './helpers'

export interface CorpusDoc {
  text: string
  spans: { start: number; end: number; label: string }[]
}

function doc(text: string, spans: [needle: string, label: string, nth?: number][]): CorpusDoc {
  return { text, spans: spans.map(([needle, label, nth]) => ({ ...at(text, needle, nth ?? 0), label })) }
}

const family = '👩\u200D👩\u200D👧'
const thumbs = '👍🏽'
const cafe = 'cafe\u0301'

export const corpus: CorpusDoc[] = [
  doc(`Ada ${family} met ${thumbs} in 東京.\r\nShe said\t“café” (${cafe}) twice.\r\n`, [
    ['Ada', 'actor'],
    [family, 'figure'],
    [thumbs, 'claim'],
    ['東京', 'place'],
    // crosses a CRLF and holds the nested "place" span: CoNLL keeps only this outer one
    ['東京.\r\nShe', 'claim'],
    ['said\t“café”', 'claim', 0],
    [cafe, 'actor']
  ]),
  doc('\u200Fمرحبا بالعالم\u200F and \u200Eשלום\u200E עולם, 42 ✓ done', [
    ['\u200Fمرحبا', 'actor'],
    ['שלום\u200E', 'actor'],
    ['42', 'figure'],
    ['✓', 'claim']
  ]),
  doc('Plain text: a figure of 3.5 percent. Second sentence here!\nThird line 漢字かなカナ.', [
    ['3.5 percent', 'figure'],
    ['Second', 'claim'],
    ['字か', 'place']
  ])
]

/** The corpus as Spanwise JSONL, the starting point of the round trips. */
export function corpusJsonl(annotator = 'alice'): string {
  return corpus
    .map((d, i) => JSON.stringify({ schema: SPANWISE_SCHEMA, id: `c${i}`, title: `Doc ${i}`, text: d.text, meta: { n: i }, annotator, status: 'done', spans: d.spans }))
    .join('\n')
}

/**
 * The corpus with span ids, attribute values, notes and relations: enum values the default
 * labels lack ("armed group" has a space; "ngo" is a new option), a number, text with CJK, a new
 * attribute on a new label ("place".kind), notes with CRLF, tab, backslash and emoji, and
 * relations of the default types plus one the project lacks ("located_in").
 */
export function richCorpusJsonl(annotator = 'alice'): string {
  const extras: Record<string, { attributes?: Record<string, string | number>; note?: string }>[] = [
    {
      'actor:0': { attributes: { type: 'armed group' }, note: 'first mention\r\nsecond line\twith tab, \\n literal and 👩‍👩‍👧' },
      'figure:0': { attributes: { value: 3, unit: '家族 emoji' } },
      'claim:0': { attributes: { stance: 'supports' } },
      'place:0': { attributes: { kind: 'city' }, note: '東京都' },
      'claim:2': { note: 'said\t“café”' },
      'actor:1': { attributes: { type: 'ngo' } }
    },
    { 'actor:0': { attributes: { type: 'person' } }, 'figure:0': { attributes: { value: 42.5, unit: '' } }, 'claim:0': { attributes: { stance: 'neutral' } } },
    { 'figure:0': { attributes: { value: 3.5, unit: 'percent' }, note: 'C:\\new folder' } }
  ]
  const relations: [type: string, from: string, to: string][][] = [
    [
      ['attributed_to', 'claim:2', 'actor:0'],
      ['quantifies', 'figure:0', 'claim:0'],
      ['located_in', 'actor:0', 'place:0'],
      ['attributed_to', 'claim:1', 'actor:1']
    ],
    [
      ['attributed_to', 'claim:0', 'actor:1'],
      ['quantifies', 'figure:0', 'actor:0']
    ],
    []
  ]
  return corpus
    .map((d, i) => {
      const seen = new Map<string, number>()
      const spans = d.spans.map((span) => {
        const n = seen.get(span.label) ?? 0
        seen.set(span.label, n + 1)
        const key = `${span.label}:${n}`
        return { id: `c${i}-${key}`, ...span, ...extras[i]![key] }
      })
      const rels = relations[i]!.map(([type, from, to], r) => ({ id: `r${r}`, type, from: `c${i}-${from}`, to: `c${i}-${to}` }))
      return JSON.stringify({ schema: SPANWISE_SCHEMA, id: `c${i}`, title: `Doc ${i}`, text: d.text, meta: { n: i }, annotator, status: 'done', spans, relations: rels })
    })
    .join('\n')
}
