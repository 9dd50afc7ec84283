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
import { orderByBounds } from './clusters'
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

export function matchSpans<A extends AlignableSpan, B extends AlignableSpan>(a: readonly A[], b: readonly B[], rule: MatchRule): SpanMatch<A, B> {
  const result: SpanMatch<A, B> = { pairs: [], onlyA: [], onlyB: [] }
  // both sides in one order of start then end (a's spans before b's on equal bounds), swept
  // into clusters of chained overlaps; index i < a.length is a[i], else b[i − a.length]
  const order = sortedByBounds(a, b)
  const left: A[] = []
  const right: B[] = []
  let reach = -Infinity
  for (const i of order) {
    const span = i < a.length ? a[i]! : b[i - a.length]!
    if (span.start >= reach && left.length + right.length > 0) {
      matchCluster(left, right, rule, result)
      left.length = 0
      right.length = 0
      reach = -Infinity
    }
    if (i < a.length) left.push(span as A)
    else right.push(span as B)
    if (span.end > reach) reach = span.end
  }
  matchCluster(left, right, rule, result)
  return result
}

function sortedByBounds(a: readonly AlignableSpan[], b: readonly AlignableSpan[]): Int32Array {
  const count = a.length + b.length
  const starts = new Float64Array(count)
  const ends = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const span = i < a.length ? a[i]! : b[i - a.length]!
    starts[i] = span.start
    ends[i] = span.end
  }
  // stable: on equal bounds the input order (a, then b) stays
  return orderByBounds(starts, ends, count, a.length)
}

/** One cluster: its optimal pairs, and the spans left alone on each side. */
function matchCluster<A extends AlignableSpan, B extends AlignableSpan>(left: A[], right: B[], rule: MatchRule, result: SpanMatch<A, B>): void {
  if (left.length === 0 || right.length === 0) {
    for (const x of left) result.onlyA.push(x)
    for (const y of right) result.onlyB.push(y)
    return
  }
  // a span facing a single span (most clusters): they pair or not, without an assignment
  if (left.length === 1 && right.length === 1) {
    if (pairAllowed(left[0]!, right[0]!, rule)) result.pairs.push([left[0]!, right[0]!])
    else {
      result.onlyA.push(left[0]!)
      result.onlyB.push(right[0]!)
    }
    return
  }
  const pairs = optimalPairs(left.length, right.length, (r, c) => {
    const x = left[r]!
    const y = right[c]!
    if (!pairAllowed(x, y, rule)) return null
    return [x.label === y.label ? 1 : 0, intersectionOverUnion(x, y)]
  })
  const usedLeft = new Uint8Array(left.length)
  const usedRight = new Uint8Array(right.length)
  for (const [r, c] of pairs) {
    result.pairs.push([left[r]!, right[c]!])
    usedLeft[r] = 1
    usedRight[c] = 1
  }
  for (let r = 0; r < left.length; r++) if (!usedLeft[r]) result.onlyA.push(left[r]!)
  for (let c = 0; c < right.length; c++) if (!usedRight[c]) result.onlyB.push(right[c]!)
}
