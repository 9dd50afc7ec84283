// One-to-one matching of two small sets by an optimal assignment (the Hungarian algorithm, from
// the `munkres` package). Callers split their spans into clusters of mutually overlapping ones
// first (see clusters.ts), so each assignment is small even in a document of thousands of spans.
import munkres from 'munkres'

/**
 * How good a pair is, as a list of criteria compared in order (e.g. [same label, IoU]), or null
 * when the pair may not be matched at all. Every criterion must lie in [0, 1].
 */
export type PairScore = (row: number, column: number) => number[] | null

/**
 * The pairs that match as many rows to columns as possible, and among those the ones best by the
 * first criterion, then the second, and so on (lexicographic). Returns [row, column] pairs.
 */
export function optimalPairs(rows: number, columns: number, score: PairScore): [number, number][] {
  if (rows === 0 || columns === 0) return []
  // one row or one column (most clusters): the best single pair, without building a matrix
  if (rows === 1 || columns === 1) return bestSinglePair(rows, columns, score)
  const scores: (number[] | null)[][] = []
  let criteria = 0
  for (let r = 0; r < rows; r++) {
    const line: (number[] | null)[] = []
    for (let c = 0; c < columns; c++) {
      const s = score(r, c)
      if (s) criteria = Math.max(criteria, s.length)
      line.push(s)
    }
    scores.push(line)
  }
  // Lexicographic order as one number: each criterion's weight exceeds the largest possible sum
  // of all later ones over a whole assignment (at most min(rows, columns) pairs, each ≤ 1), and
  // one more pair outweighs any criteria. Clusters are small, so the weights stay exact enough.
  const pairsAtMost = Math.min(rows, columns)
  const base = pairsAtMost + 1
  const weights: number[] = []
  let weight = 1
  for (let i = 0; i < criteria; i++) {
    weights.unshift(weight)
    weight *= base
  }
  const pairWeight = weight
  // a forbidden pair is worth nothing (not -Infinity: infinite costs make every assignment that
  // needs one equally bad, and the solver then may give away a good pair); it is dropped after
  const profit = scores.map((line) => line.map((s) => (s ? pairWeight + s.reduce((sum, value, i) => sum + value * weights[i]!, 0) : 0)))
  // munkres minimises cost: negate the profit
  const cost = profit.map((line) => line.map((p) => -p))
  return (munkres(cost) as [number, number][]).filter(([r, c]) => profit[r]![c]! > 0)
}

function bestSinglePair(rows: number, columns: number, score: PairScore): [number, number][] {
  let best: [number, number] | null = null
  let bestScore: number[] | null = null
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const s = score(r, c)
      if (s && (!bestScore || lexicographicallyGreater(s, bestScore))) {
        best = [r, c]
        bestScore = s
      }
    }
  }
  return best ? [best] : []
}

function lexicographicallyGreater(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0
    const y = b[i] ?? 0
    if (x !== y) return x > y
  }
  return false
}
