// Spans that overlap, directly or through a chain of others, form a cluster; spans of different
// clusters can never be matched, so each cluster is aligned on its own. Found by one sweep over
// the spans in order of their start.
export interface Interval {
  start: number
  end: number
}

/** Insertion steps allowed per item before a run is sorted by Array.prototype.sort instead. */
const NEARLY_SORTED = 8

/**
 * Indexes 0…count − 1 in order of start, then end, stable (equal bounds keep index order).
 * The items come in two runs, [0, split) and [split, count) (two layers; or units and a
 * layer), each sorted or nearly (files keep spans by start): each run is put in order by an
 * insertion sort over typed keys, one pass without a comparator call, then the two are merged.
 */
export function orderByBounds(starts: Float64Array, ends: Float64Array, count: number, split = count): Int32Array {
  const before = (x: number, y: number) => starts[x]! < starts[y]! || (starts[x]! === starts[y]! && ends[x]! < ends[y]!)
  const first = sortRun(starts, ends, 0, split)
  const second = sortRun(starts, ends, split, count)
  const order = new Int32Array(count)
  let i = 0
  let j = 0
  let k = 0
  // on equal bounds the first run's item goes first (its index is lower)
  while (i < first.length && j < second.length) order[k++] = before(second[j]!, first[i]!) ? second[j++]! : first[i++]!
  while (i < first.length) order[k++] = first[i++]!
  while (j < second.length) order[k++] = second[j++]!
  return order
}

function sortRun(starts: Float64Array, ends: Float64Array, from: number, to: number): Int32Array {
  const run = new Int32Array(to - from)
  let moves = 0
  for (let i = from; i < to; i++) {
    let at = i - from
    while (at > 0 && (starts[run[at - 1]!]! > starts[i]! || (starts[run[at - 1]!]! === starts[i]! && ends[run[at - 1]!]! > ends[i]!))) {
      run[at] = run[at - 1]!
      at--
      moves++
    }
    run[at] = i
    if (moves > NEARLY_SORTED * run.length + 64) {
      const sorted = Array.from({ length: to - from }, (_, k) => from + k).sort((x, y) => starts[x]! - starts[y]! || ends[x]! - ends[y]!)
      return Int32Array.from(sorted)
    }
  }
  return run
}

/** Groups items into clusters of chained overlapping intervals, each in start order. */
export function overlapClusters<T>(items: T[], interval: (item: T) => Interval): T[][] {
  const starts = Float64Array.from(items, (item) => interval(item).start)
  const ends = Float64Array.from(items, (item) => interval(item).end)
  const clusters: T[][] = []
  let current: T[] = []
  let reach = -Infinity
  for (const i of orderByBounds(starts, ends, items.length)) {
    if (current.length > 0 && starts[i]! >= reach) {
      clusters.push(current)
      current = []
      reach = -Infinity
    }
    current.push(items[i]!)
    reach = Math.max(reach, ends[i]!)
  }
  if (current.length > 0) clusters.push(current)
  return clusters
}
