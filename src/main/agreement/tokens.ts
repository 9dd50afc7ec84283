// Token items for κ and α: each token of the project's word tokenizer (formats/tokenize.ts, the
// one behind the CoNLL and Prodigy exports) carries, for each rater, the label of the span that
// covers it, or `O`. Nested spans: the innermost (shortest) covering span wins; stacked spans
// with the same bounds and different labels: the label first in alphabetical order wins. Per
// label, each label has its own IO sequence (only that label's spans), so nesting hides nothing.
// Span boundaries of every rater cut tokens (as in the exports), so a token is never half inside
// a span.
import type { AlignableSpan } from '../../shared/alignment'
import { OffsetMap } from '../../shared/offsets'
import { tokenBounds, type TokenBounds } from '../formats/tokenize'
import { MISSING, type NominalTable } from './nominal'

export const TOKENIZER_DESCRIPTION =
  'Spanwise word tokenizer (src/main/formats/tokenize.ts, as in the CoNLL and Prodigy exports): runs of letters/digits/marks, numbers with inner . or ,, one CJK character, one emoji or flag, or any other single character; whitespace belongs to no token; tokens are also cut at every rater\'s span boundaries'

/** The tokens of a text, cut at the span boundaries of every rater. */
export function documentTokens(text: string | OffsetMap, layers: (readonly AlignableSpan[] | null)[]): TokenBounds {
  const cuts: number[] = []
  for (const spans of layers) if (spans) for (const span of spans) cuts.push(span.start, span.end)
  return tokenBounds(typeof text === 'string' ? new OffsetMap(text) : text, cuts)
}

/** One rater's token categories: over all labels, and per label (see tokenLabels). */
export interface RaterTokens {
  /** 0 for O, else the label's code (1 + its index among the labels). */
  all: Int32Array
  /** Per label (by index): 1 where a span of that label covers the token, else 0. */
  byLabel: Int32Array[]
}

/**
 * Each token's category for one rater, over all labels and per label, in one pass over the
 * spans. Over all labels the innermost span wins: spans are painted longest first, so shorter
 * ones overwrite; among equal lengths the alphabetically first label is painted last. Per
 * label, a token is that label where any of its spans covers it (nesting hides nothing).
 */
export function tokenLabels(tokens: TokenBounds, spans: readonly AlignableSpan[], labelCode: ReadonlyMap<string, number>, labels: number): RaterTokens {
  const all = new Int32Array(tokens.count)
  const byLabel = Array.from({ length: labels }, () => new Int32Array(tokens.count))
  const order = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || (a.label < b.label ? 1 : a.label > b.label ? -1 : 0))
  for (const span of order) {
    const code = labelCode.get(span.label)!
    const own = byLabel[code - 1]!
    // the first token ending after the span's start, then every token starting before its end
    let first = 0
    let hi = tokens.count
    while (first < hi) {
      const mid = (first + hi) >>> 1
      if (tokens.ends[mid]! <= span.start) first = mid + 1
      else hi = mid
    }
    for (let i = first; i < tokens.count && tokens.starts[i]! < span.end; i++) {
      all[i] = code
      own[i] = 1
    }
  }
  return { all, byLabel }
}

/**
 * Adds every token as an item to `table`; `sequences[r]` is rater r's categories, or null when
 * the rater has no layer (missing). Runs of tokens with the same categories are added at once.
 */
export function addTokenItems(table: NominalTable, sequences: (Int32Array | null)[], tokens: number): void {
  const raters = sequences.length
  const values = new Int32Array(raters).fill(MISSING)
  const previous = new Int32Array(raters).fill(MISSING)
  let run = 0
  for (let t = 0; t < tokens; t++) {
    let same = run > 0
    for (let r = 0; r < raters; r++) {
      const sequence = sequences[r]
      values[r] = sequence ? sequence[t]! : MISSING
      if (values[r] !== previous[r]) same = false
    }
    if (same) {
      run++
      continue
    }
    if (run > 0) table.add(previous, run)
    previous.set(values)
    run = 1
  }
  if (run > 0) table.add(previous, run)
}
