// What alignment needs to know of a span, wherever it comes from (an annotator's layer, gold,
// a suggestion): its id, its code-point bounds [start, end) and its label.
export interface AlignableSpan {
  id: string
  start: number
  end: number
  label: string
}

export function overlapLength(a: AlignableSpan, b: AlignableSpan): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

/** Intersection over union of two spans' character ranges: 1 for equal bounds, 0 when apart. */
export function intersectionOverUnion(a: AlignableSpan, b: AlignableSpan): number {
  const shared = overlapLength(a, b)
  if (shared === 0) return 0
  return shared / (Math.max(a.end, b.end) - Math.min(a.start, b.start))
}

export function sameBounds(a: AlignableSpan, b: AlignableSpan): boolean {
  return a.start === b.start && a.end === b.end
}
