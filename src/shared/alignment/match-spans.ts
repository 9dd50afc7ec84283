// Pairwise one-to-one matching of two annotators' spans, the basis of span F1 and of every
// comparison that asks "did these two mark the same thing?".
//
// The rule, in full:
// - `boundaries: 'exact'`: a pair must have the same start and end.
// - `boundaries: 'overlap'`: a pair must share at least one character, and its intersection
//   over union (IoU) must be at least `minIoU` (default: any overlap).
// - `labels: 'strict'`: a pair must have the same label; `'ignore'`: labels do not matter
//   (boundary-only agreement), though pairs with the same label are preferred.
// Among the allowed pairs, the matching is one to one and optimal: as many pairs as possible,
// then as many same-label pairs as possible, then the largest total IoU.
import { optimalPairs } from './assignment'
import { overlapClusters } from './clusters'
import { intersectionOverUnion, sameBounds, type AlignableSpan } from './spans'

export interface MatchRule {
  boundaries: 'exact' | 'overlap'
  /** Overlap only: the smallest IoU a pair may have, in (0, 1]; default any overlap. */
  minIoU?: number
  labels: 'strict' | 'ignore'
}

export interface SpanMatch<A extends AlignableSpan = AlignableSpan, B extends AlignableSpan = AlignableSpan> {
  pairs: [A, B][]
  onlyA: A[]
  onlyB: B[]
}

export function pairAllowed(a: AlignableSpan, b: AlignableSpan, rule: MatchRule): boolean {
  if (rule.labels === 'strict' && a.label !== b.label) return false
  if (rule.boundaries === 'exact') return sameBounds(a, b)
  const iou = intersectionOverUnion(a, b)
  return iou > 0 && iou >= (rule.minIoU ?? 0)
}

export function matchSpans<A extends AlignableSpan, B extends AlignableSpan>(a: A[], b: B[], rule: MatchRule): SpanMatch<A, B> {
  type Side = { side: 'a'; span: A } | { side: 'b'; span: B }
  const items: Side[] = [...a.map((span) => ({ side: 'a' as const, span })), ...b.map((span) => ({ side: 'b' as const, span }))]
  const result: SpanMatch<A, B> = { pairs: [], onlyA: [], onlyB: [] }
  for (const cluster of overlapClusters(items, (item) => item.span)) {
    const left = cluster.flatMap((item) => (item.side === 'a' ? [item.span] : []))
    const right = cluster.flatMap((item) => (item.side === 'b' ? [item.span] : []))
    const pairs = optimalPairs(left.length, right.length, (r, c) => {
      const x = left[r]!
      const y = right[c]!
      if (!pairAllowed(x, y, rule)) return null
      return [x.label === y.label ? 1 : 0, intersectionOverUnion(x, y)]
    })
    const usedLeft = new Set(pairs.map(([r]) => r))
    const usedRight = new Set(pairs.map(([, c]) => c))
    for (const [r, c] of pairs) result.pairs.push([left[r]!, right[c]!])
    left.forEach((span, i) => usedLeft.has(i) || result.onlyA.push(span))
    right.forEach((span, i) => usedRight.has(i) || result.onlyB.push(span))
  }
  return result
}
