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
