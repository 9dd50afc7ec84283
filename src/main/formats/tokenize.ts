// The tokenizer behind the Prodigy `tokens` and the CoNLL export: the pattern lives in
// src/shared/tokens.ts (the editor snaps selections to the same boundaries). Callers pass span
// boundaries as `cuts`: tokens are split there too, so every span starts and ends on a token
// boundary.
import type { OffsetMap } from '../../shared/offsets'
import { forEachToken } from '../../shared/tokens'

/** A token with code point offsets into its text. */
export interface Token {
  text: string
  start: number
  end: number
}

export function tokenize(map: OffsetMap, cuts: Iterable<number> = []): Token[] {
  const tokens: Token[] = []
  scanTokens(map, cuts, (s, e) => tokens.push({ text: map.text.slice(s, e), start: map.toCodePoint(s), end: map.toCodePoint(e) }))
  return tokens
}

/** The same tokens as bounds only, in code points: for callers that count tokens by the million. */
export interface TokenBounds {
  count: number
  starts: Int32Array
  ends: Int32Array
}

export function tokenBounds(map: OffsetMap, cuts: Iterable<number> = []): TokenBounds {
  let starts = new Int32Array(256)
  let ends = new Int32Array(256)
  let count = 0
  scanTokens(map, cuts, (s, e) => {
    if (count === starts.length) {
      starts = grow(starts)
      ends = grow(ends)
    }
    starts[count] = map.toCodePoint(s)
    ends[count++] = map.toCodePoint(e)
  })
  return { count, starts, ends }
}

function grow(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2)
  larger.set(array)
  return larger
}

/** Calls `push` with the UTF-16 bounds of each token, in order. */
function scanTokens(map: OffsetMap, cuts: Iterable<number>, push: (start: number, end: number) => void): void {
  const text = map.text
  const cutsUtf16 = Float64Array.from(cuts, (cut) => map.toUtf16(cut)).sort()
  let c = 0
  forEachToken(text, (s, e) => {
    while (c < cutsUtf16.length && cutsUtf16[c]! <= s) c++
    while (c < cutsUtf16.length && cutsUtf16[c]! < e) {
      // a cut given twice cuts once
      if (cutsUtf16[c]! > s) {
        push(s, cutsUtf16[c]!)
        s = cutsUtf16[c]!
      }
      c++
    }
    push(s, e)
  })
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
