// γ (Mathet, Widlöcher & Métivier 2015, Computational Linguistics 41(3)), with the defaults of
// pygamma-agreement: α = β = 1, Δ∅ = 1, categorical distance 0 for equal labels and 1 otherwise.
//
//   d(u, v) = ((|s_u − s_v| + |e_u − e_v|) / (ℓ_u + ℓ_v))² + [label_u ≠ label_v]    d(u, ∅) = Δ∅
//   a unitary alignment ā holds one unit or ∅ per rater; δ(ā) = Σ_{rater pairs} d / C(R, 2)
//   (two ∅ count 0); an alignment A partitions all units; δ(A) = Σ_ā δ(ā) / ū, with ū the
//   mean number of units per rater; γ = 1 − δ(best A) / δ_expected.
//
// Best alignment: two raters is exactly an assignment problem (square matrix over both raters'
// units plus ∅ for each, solved by munkres), split into independent groups of units close
// enough for pairing to beat leaving both alone (d < 2Δ∅). More raters: the same exact step
// adds one rater at a time to the unitary alignments so far, then each rater in turn is taken
// out and put back optimally until the disorder stops falling (at most MAX_PASSES rounds): a
// heuristic for R > 2, exact for R = 2.
//
// Expected disorder: GAMMA_SAMPLES random continua, drawn with a seeded generator (seedrandom)
// so a report is reproducible. Each copies the shape of one document of the scope picked at
// random (its length, each rater's number of units) and fills it with units drawn from the
// scope's observed units (a (length, label) pair each, uniform over all observed units) placed
// at a uniformly random start. δ_expected = Σ disorder sums / Σ ū over the samples (a ratio of
// sums, so small samples do not weigh more). The document-level γ uses its scope's expected
// disorder (the project's, for the same raters and labels), as Mathet et al. recommend for
// short continua. pygamma's sampler differs, so only δ(best A) is comparable across tools.
import munkres from 'munkres'
import seedrandom from 'seedrandom'
import type { AlignableSpan } from '../../shared/alignment'

export const GAMMA_SAMPLES = 30
export const DEFAULT_GAMMA_SEED = 42
const EMPTY_COST = 1 // Δ∅
const MAX_PASSES = 5
/** Pairs farther apart than this share of their lengths can never have d < 2Δ∅ (√2 − 1)/2 ≈ 0.207. */
const REACH = 0.21
const FORBIDDEN = 1e9

export interface GammaUnit {
  start: number
  end: number
  label: string
}

export function dissimilarity(u: GammaUnit, v: GammaUnit): number {
  const position = (Math.abs(u.start - v.start) + Math.abs(u.end - v.end)) / (u.end - u.start + (v.end - v.start))
  return position * position + (u.label === v.label ? 0 : 1)
}

/** A unitary alignment: one unit or null per rater taken so far. */
type Tuple = (GammaUnit | null)[]

/** Σ over rater pairs of d in a unitary alignment (before the 1/C(R,2)). */
function tupleCost(tuple: Tuple): number {
  let cost = 0
  for (let i = 0; i < tuple.length; i++) {
    for (let j = i + 1; j < tuple.length; j++) {
      const u = tuple[i]
      const v = tuple[j]
      if (u && v) cost += dissimilarity(u, v)
      else if (u || v) cost += EMPTY_COST
    }
  }
  return cost
}

/** What adding `unit` to `tuple` costs, or what the tuple costs without a unit from this rater. */
function joinCost(tuple: Tuple, unit: GammaUnit | null): number {
  let cost = 0
  for (const member of tuple) {
    if (member && unit) cost += dissimilarity(member, unit)
    else if (member || unit) cost += EMPTY_COST
  }
  return cost
}

/**
 * Adds one rater's units to the unitary alignments (`slot` is the rater's position in each
 * tuple) by an optimal assignment, group by group.
 */
function insertRater(tuples: Tuple[], units: GammaUnit[], slot: number, raters: number): Tuple[] {
  const place = (tuple: Tuple, unit: GammaUnit | null): Tuple => {
    const next = [...tuple]
    next.splice(slot, 0, unit)
    return next
  }
  const before = raters - 1 // raters already in each tuple
  const alone = (unit: GammaUnit): Tuple => place(Array.from({ length: before }, () => null), unit)
  if (units.length === 0) return tuples.map((t) => place(t, null))
  const sorted = [...units].sort((a, b) => a.start - b.start)
  const starts = sorted.map((u) => u.start)
  let longestUnit = 0
  for (const u of sorted) longestUnit = Math.max(longestUnit, u.end - u.start)
  // candidate pairs: a tuple and a unit close enough that joining beats leaving both alone
  const parent = Array.from({ length: tuples.length + sorted.length }, (_, i) => i)
  const linked = new Uint8Array(parent.length)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const candidates = new Map<number, number>()
  const aloneCost = new Float64Array(tuples.length)
  tuples.forEach((tuple, t) => {
    let lo = Infinity
    let hi = -Infinity
    let longest = 0
    let members = 0
    for (const m of tuple) {
      if (!m) continue
      members++
      lo = Math.min(lo, m.start)
      hi = Math.max(hi, m.end)
      longest = Math.max(longest, m.end - m.start)
    }
    aloneCost[t] = members * EMPTY_COST
    const apart = aloneCost[t]! + before * EMPTY_COST
    const from = lo - (1 + REACH) * longestUnit - REACH * longest
    const to = hi + REACH * (longest + longestUnit)
    for (let u = lowerBound(starts, from); u < sorted.length && starts[u]! < to; u++) {
      const joined = joinCost(tuple, sorted[u]!)
      if (joined < apart) {
        candidates.set(t * sorted.length + u, joined)
        linked[t] = 1
        linked[tuples.length + u] = 1
        parent[find(t)] = find(tuples.length + u)
      }
    }
  })
  const result: Tuple[] = []
  // what nothing is close to stays alone, without a group of its own
  const groups = new Map<number, { tuples: number[]; units: number[] }>()
  for (let i = 0; i < parent.length; i++) {
    if (!linked[i]) {
      result.push(i < tuples.length ? place(tuples[i]!, null) : alone(sorted[i - tuples.length]!))
      continue
    }
    const root = find(i)
    let group = groups.get(root)
    if (!group) groups.set(root, (group = { tuples: [], units: [] }))
    if (i < tuples.length) group.tuples.push(i)
    else group.units.push(i - tuples.length)
  }
  for (const group of groups.values()) {
    const T = group.tuples.length
    const U = group.units.length
    if (T === 0 || U === 0) {
      for (const t of group.tuples) result.push(place(tuples[t]!, null))
      for (const u of group.units) result.push(alone(sorted[u]!))
      continue
    }
    if (T === 1 || U === 1) {
      // one tuple or one unit: it joins the partner that saves the most, the rest stay alone
      let best = -1
      let bestGain = 0
      for (let r = 0; r < T; r++) {
        for (let c = 0; c < U; c++) {
          const joined = candidates.get(group.tuples[r]! * sorted.length + group.units[c]!)
          if (joined === undefined) continue
          const gain = aloneCost[group.tuples[r]!]! + before * EMPTY_COST - joined
          if (gain > bestGain) {
            bestGain = gain
            best = r * U + c
          }
        }
      }
      for (let r = 0; r < T; r++) {
        const c = best >= 0 && Math.floor(best / U) === r ? best % U : -1
        result.push(place(tuples[group.tuples[r]!]!, c >= 0 ? sorted[group.units[c]!]! : null))
      }
      for (let c = 0; c < U; c++) if (best < 0 || best % U !== c) result.push(alone(sorted[group.units[c]!]!))
      continue
    }
    // rows: tuples, then "∅ row" per unit; columns: units, then "∅ column" per tuple
    const size = T + U
    const cost: number[][] = []
    for (let r = 0; r < size; r++) {
      const line = new Array<number>(size).fill(FORBIDDEN)
      if (r < T) {
        const t = group.tuples[r]!
        for (let c = 0; c < U; c++) {
          const known = candidates.get(t * sorted.length + group.units[c]!)
          if (known !== undefined) line[c] = known
        }
        line[U + r] = aloneCost[t]!
      } else {
        line[r - T] = before * EMPTY_COST
        for (let c = U; c < size; c++) line[c] = 0
      }
      cost.push(line)
    }
    const used = new Set<number>()
    for (const [r, c] of munkres(cost) as [number, number][]) {
      if (r < T && c < U) {
        result.push(place(tuples[group.tuples[r]!]!, sorted[group.units[c]!]!))
        used.add(c)
      } else if (r < T) result.push(place(tuples[group.tuples[r]!]!, null))
    }
    group.units.forEach((u, c) => used.has(c) || result.push(alone(sorted[u]!)))
  }
  return result
}

export interface Alignment {
  /** Σ over unitary alignments of Σ_{rater pairs} d (not yet divided by C(R,2) or ū). */
  cost: number
  units: number
  raters: number
  tuples: Tuple[]
}

/** The best alignment (exact for two raters; the heuristic above for more). */
export function bestAlignment(layers: readonly (readonly GammaUnit[])[]): Alignment {
  const raters = layers.length
  let tuples: Tuple[] = []
  layers.forEach((units, r) => {
    tuples = r === 0 ? units.map((u) => [u]) : insertRater(tuples, [...units], r, r + 1)
  })
  const total = (ts: Tuple[]) => ts.reduce((sum, t) => sum + tupleCost(t), 0)
  let cost = total(tuples)
  if (raters > 2) {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const before = cost
      for (let r = 0; r < raters; r++) {
        const without = tuples.map((t) => t.filter((_, i) => i !== r)).filter((t) => t.some(Boolean))
        const candidate = insertRater(without, [...layers[r]!], r, raters)
        const candidateCost = total(candidate)
        if (candidateCost < cost - 1e-12) {
          tuples = candidate
          cost = candidateCost
        }
      }
      if (cost >= before - 1e-12) break
    }
  }
  const units = layers.reduce((sum, l) => sum + l.length, 0)
  return { cost, units, raters, tuples }
}

/** δ(A) from an alignment's sums: Σ_ā δ(ā) / ū. */
export function disorderOf(cost: number, units: number, raters: number): number | null {
  if (units === 0 || raters < 2) return null
  return cost / ((raters * (raters - 1)) / 2) / (units / raters)
}

/** Disorder sums that add up over documents (and samples). */
export class DisorderSum {
  cost = 0
  units = 0
  /** The alignment added last (a two-rater level reuses its pair's). */
  last: { cost: number; units: number } | null = null
  constructor(readonly raters: number) {}
  add(alignment: { cost: number; units: number }): void {
    this.cost += alignment.cost
    this.units += alignment.units
    this.last = alignment
  }
  merge(other: DisorderSum): void {
    this.cost += other.cost
    this.units += other.units
  }
  disorder(): number | null {
    return disorderOf(this.cost, this.units, this.raters)
  }
}

/** The observed shape of a scope's documents, from which random continua are drawn. */
export class ContinuumShapes {
  readonly documents: { length: number; unitsPerRater: number[] }[] = []
  readonly units: GammaUnit[] = []
  add(length: number, layers: readonly (readonly GammaUnit[])[]): void {
    if (layers.every((l) => l.length === 0)) return
    this.documents.push({ length, unitsPerRater: layers.map((l) => l.length) })
    for (const layer of layers) for (const u of layer) this.units.push(u)
  }
  merge(other: ContinuumShapes): void {
    for (const d of other.documents) this.documents.push(d)
    for (const u of other.units) this.units.push(u)
  }
}

/** δ_expected of a scope: GAMMA_SAMPLES random continua from `shapes`, seeded by `seed` and `scope`. */
export function expectedDisorder(shapes: ContinuumShapes, raters: number, seed: number, scope: string, samples = GAMMA_SAMPLES): number | null {
  if (shapes.documents.length === 0 || shapes.units.length === 0) return null
  const random = seedrandom(`${seed}:${scope}`)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!
  const sum = new DisorderSum(raters)
  for (let s = 0; s < samples; s++) {
    const shape = pick(shapes.documents)
    const layers = shape.unitsPerRater.map((count) =>
      Array.from({ length: count }, () => {
        const model = pick(shapes.units)
        const length = Math.min(model.end - model.start, shape.length)
        const start = Math.floor(random() * (shape.length - length + 1))
        return { start, end: start + length, label: model.label }
      })
    )
    sum.add(bestAlignment(layers))
  }
  return sum.disorder()
}

export function gammaValue(observed: number | null, expected: number | null): number | null {
  if (observed === null || expected === null || expected <= 0) return null
  return 1 - observed / expected
}

export function toGammaUnits(spans: readonly AlignableSpan[]): GammaUnit[] {
  return spans.map((s) => ({ start: s.start, end: s.end, label: s.label }))
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
