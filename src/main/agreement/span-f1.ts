// Pairwise span F1 (Hripcsak & Rothschild 2005): F1 = 2·TP / (|A| + |B|), with TP the pairs of
// an optimal one-to-one matching (shared/alignment matchSpans). Symmetric, so neither annotator
// is "gold"; equal to positive specific agreement. Counts add up over documents (micro).
import { matchSpans, type AlignableSpan, type MatchRule } from '../../shared/alignment'
import type { Counts, Score } from '../../shared/agreement/report'

/** IoU a pair must reach to match under the overlap rules (θ). */
export const OVERLAP_THRESHOLD = 0.5

export const SPAN_RULES = {
  span_f1_exact: { boundaries: 'exact', labels: 'strict' },
  span_f1_overlap: { boundaries: 'overlap', minIoU: OVERLAP_THRESHOLD, labels: 'strict' },
  span_f1_boundary: { boundaries: 'overlap', minIoU: OVERLAP_THRESHOLD, labels: 'ignore' }
} as const satisfies Record<string, MatchRule>

export type SpanF1Measure = keyof typeof SPAN_RULES
export const SPAN_MEASURES = Object.keys(SPAN_RULES) as SpanF1Measure[]

/** compared = units (matched pairs + one-sided spans), matched = TP, only = spans on one side. */
export function spanMatchCounts(row: readonly AlignableSpan[], column: readonly AlignableSpan[], rule: MatchRule): Counts {
  const { pairs, onlyA, onlyB } = matchSpans(row, column, rule)
  return { compared: pairs.length + onlyA.length + onlyB.length, matched: pairs.length, onlyRow: onlyA.length, onlyColumn: onlyB.length }
}

/**
 * Match counts of one pair, in total and per label (a pair or a one-sided span counts under its
 * own label). Under the label-strict rules pairs never cross labels, so the optimal matching of
 * all labels, split by label, is the optimal matching of each label alone.
 */
export function spanMatchCountsByLabel(
  row: readonly AlignableSpan[],
  column: readonly AlignableSpan[],
  rule: MatchRule
): { total: Counts; byLabel: Map<string, Counts> } {
  const { pairs, onlyA, onlyB } = rule.boundaries === 'exact' && rule.labels === 'strict' ? exactMatch(row, column) : matchSpans(row, column, rule)
  const byLabel = new Map<string, Counts>()
  const of = (label: string) => {
    let counts = byLabel.get(label)
    if (!counts) byLabel.set(label, (counts = { compared: 0, matched: 0, onlyRow: 0, onlyColumn: 0 }))
    return counts
  }
  for (const [a] of pairs) {
    const counts = of(a.label)
    counts.compared++
    counts.matched++
  }
  for (const a of onlyA) {
    const counts = of(a.label)
    counts.compared++
    counts.onlyRow++
  }
  for (const b of onlyB) {
    const counts = of(b.label)
    counts.compared++
    counts.onlyColumn++
  }
  return {
    total: { compared: pairs.length + onlyA.length + onlyB.length, matched: pairs.length, onlyRow: onlyA.length, onlyColumn: onlyB.length },
    byLabel
  }
}

/**
 * Exact, label-strict matching needs no assignment: spans pair up by equal (start, end, label),
 * as many pairs per key as the side with fewer spans of that key has (what matchSpans finds).
 */
function exactMatch<S extends AlignableSpan>(row: readonly S[], column: readonly S[]): { pairs: [S, S][]; onlyA: S[]; onlyB: S[] } {
  // keyed by bounds (a number: cheaper than a string per span); labels compared within a key
  const key = (span: S) => span.start * 2 ** 26 + span.end
  const waiting = new Map<number, S[]>()
  for (const span of column) {
    const list = waiting.get(key(span))
    if (list) list.push(span)
    else waiting.set(key(span), [span])
  }
  const pairs: [S, S][] = []
  const onlyA: S[] = []
  for (const span of row) {
    const list = waiting.get(key(span))
    const at = list ? list.findIndex((other) => other.label === span.label && other.start === span.start && other.end === span.end) : -1
    if (at >= 0) pairs.push([span, list!.splice(at, 1)[0]!])
    else onlyA.push(span)
  }
  const onlyB = [...waiting.values()].flat()
  return { pairs, onlyA, onlyB }
}

export function spanF1(counts: Counts): Score {
  const spans = 2 * counts.matched + counts.onlyRow + counts.onlyColumn
  return { value: spans === 0 ? null : (2 * counts.matched) / spans, counts }
}
