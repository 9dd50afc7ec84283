// The tokenizer behind the Prodigy `tokens` and the CoNLL export. A fixed regular expression
// rather than Intl.Segmenter, whose word boundaries change with the ICU version shipped in Node:
// the same text must give the same tokens on every machine. A token is, in order of preference:
//   - an emoji: a pictographic character with its skin tone / variation selector / keycap
//     marks and ZWJ-joined followers (👩‍👩‍👧 and 👍🏽 are one token each), or a flag pair;
//   - one Han, Hiragana or Katakana character (CJK has no spaces: one character per token);
//   - a number with inner decimal or thousands marks ("3.5", "1,000");
//   - a run of letters, digits and combining marks (so "café" with U+0301 stays one token);
//   - any other single character with its combining marks (punctuation, symbols).
// Whitespace and invisible format characters (U+200E/U+200F bidi marks, a lone ZWJ) separate
// tokens and belong to none. Callers pass span boundaries as `cuts`: tokens are split there too,
// so every span starts and ends on a token boundary.
import type { OffsetMap } from '../../shared/offsets'

const EMOJI = '\\p{Extended_Pictographic}[\\p{EMod}\\uFE0F\\u20E3]*(?:\\u200D\\p{Extended_Pictographic}[\\p{EMod}\\uFE0F]*)*'
const FLAG = '\\p{RI}\\p{RI}'
const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const CJK = `[${CJK_CLASS}]\\p{M}*`
const WORD = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}])+`
const NUMBER = '\\p{N}+(?:[.,]\\p{N}+)+'
const OTHER = '[^\\s\\p{Cf}]\\p{M}*'
const TOKEN = new RegExp(`${FLAG}|${EMOJI}|${CJK}|${NUMBER}|${WORD}|${OTHER}`, 'gu')

/** A token with code point offsets into its text. */
export interface Token {
  text: string
  start: number
  end: number
}

export function tokenize(map: OffsetMap, cuts: Iterable<number> = []): Token[] {
  const text = map.text
  const cutsUtf16 = [...new Set([...cuts].map((cut) => map.toUtf16(cut)))].sort((a, b) => a - b)
  const tokens: Token[] = []
  let c = 0
  const push = (s: number, e: number) => {
    tokens.push({ text: text.slice(s, e), start: map.toCodePoint(s), end: map.toCodePoint(e) })
  }
  for (const match of text.matchAll(TOKEN)) {
    let s = match.index
    const e = s + match[0].length
    while (c < cutsUtf16.length && cutsUtf16[c]! <= s) c++
    while (c < cutsUtf16.length && cutsUtf16[c]! < e) {
      push(s, cutsUtf16[c]!)
      s = cutsUtf16[c]!
      c++
    }
    push(s, e)
  }
  return tokens
}

/** Indexes of the first and last token inside a span, or null when the span holds no token. */
export function tokenRange(tokens: Token[], span: { start: number; end: number }): { first: number; last: number } | null {
  // binary search for the first token ending after the span's start
  let lo = 0
  let hi = tokens.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (tokens[mid]!.end <= span.start) lo = mid + 1
    else hi = mid
  }
  let last = -1
  for (let i = lo; i < tokens.length && tokens[i]!.start < span.end; i++) last = i
  return last < lo ? null : { first: lo, last }
}
