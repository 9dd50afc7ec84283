// Token items for κ and α: each token of the project's word tokenizer (formats/tokenize.ts, the
// one behind the CoNLL and Prodigy exports) carries, for each rater, the label of the span that
// covers it, or `O`. Nested spans: the innermost (shortest) covering span wins; stacked spans
// with the same bounds and different labels: the label first in alphabetical order wins. Per
// label, each label has its own IO sequence (only that label's spans), so nesting hides nothing.
// Span boundaries of every rater cut tokens (as in the exports), so a token is never half inside
// a span.
import type { AlignableSpan } from '../../shared/alignment'
import { OffsetMap } from '../../shared/offsets'
import { tokenize, tokenRange, type Token } from '../formats/tokenize'
import { MISSING, type NominalTable } from './nominal'

export const TOKENIZER_DESCRIPTION =
  'Spanwise word tokenizer (src/main/formats/tokenize.ts, as in the CoNLL and Prodigy exports): runs of letters/digits/marks, numbers with inner . or ,, one CJK character, one emoji or flag, or any other single character; whitespace belongs to no token; tokens are also cut at every rater\'s span boundaries'

/** The tokens of a text, cut at the span boundaries of every rater. */
export function documentTokens(text: string, layers: (readonly AlignableSpan[] | null)[]): Token[] {
  const cuts: number[] = []
  for (const spans of layers) if (spans) for (const span of spans) cuts.push(span.start, span.end)
  return tokenize(new OffsetMap(text), cuts)
}

/**
 * Each token's category for one rater: 0 for O, else `category(label)`. The innermost span
 * wins: spans are painted longest first, so shorter ones overwrite; among equal lengths the
 * alphabetically first label is painted last.
 */
export function tokenCategories(tokens: Token[], spans: readonly AlignableSpan[], category: (label: string) => number): Int32Array {
  const codes = new Int32Array(tokens.length)
  const order = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || (a.label < b.label ? 1 : a.label > b.label ? -1 : 0))
  for (const span of order) {
    const range = tokenRange(tokens, span)
    if (!range) continue
    const code = category(span.label)
    for (let i = range.first; i <= range.last; i++) codes[i] = code
  }
  return codes
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
