// The tokenizer behind the Prodigy `tokens` and the CoNLL export: the pattern lives in
// src/shared/tokens.ts (the editor snaps selections to the same boundaries). Callers pass span
// boundaries as `cuts`: tokens are split there too, so every span starts and ends on a token
// boundary.
import type { OffsetMap } from '../../shared/offsets'
import { tokenPattern } from '../../shared/tokens'

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
  for (const match of text.matchAll(tokenPattern())) {
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
