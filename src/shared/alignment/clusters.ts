// Spans that overlap, directly or through a chain of others, form a cluster; spans of different
// clusters can never be matched, so each cluster is aligned on its own. Found by one sweep over
// the spans in order of their start.
export interface Interval {
  start: number
  end: number
}

/** Groups items into clusters of chained overlapping intervals, each in start order. */
export function overlapClusters<T>(items: T[], interval: (item: T) => Interval): T[][] {
  const sorted = [...items].sort((a, b) => interval(a).start - interval(b).start || interval(a).end - interval(b).end)
  const clusters: T[][] = []
  let current: T[] = []
  let reach = -Infinity
  for (const item of sorted) {
    const { start, end } = interval(item)
    if (current.length > 0 && start >= reach) {
      clusters.push(current)
      current = []
      reach = -Infinity
    }
    current.push(item)
    reach = Math.max(reach, end)
  }
  if (current.length > 0) clusters.push(current)
  return clusters
}
