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
// enough for pairing to beat leaving both alone (d < 2Δ∅). More raters: units that cannot pair
// with any other rater's unit never gain from sharing a unitary alignment (splitting one there
// never costs more), so the units fall into independent groups; a group of at most
// EXACT_GROUP_SIZE units is solved exactly by trying every partition; a larger one by a
// heuristic: the exact two-rater step adds one rater at a time, then each rater in turn is taken
// out and put back optimally until the disorder stops falling (at most MAX_PASSES rounds).
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
/** Groups of at most this many units (more than two raters) are solved by trying every partition. */
const EXACT_GROUP_SIZE = 7
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

function totalCost(tuples: Tuple[]): number {
  let sum = 0
  for (const t of tuples) sum += tupleCost(t)
  return sum
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

/** The tuple with `unit` (or ∅) put in at the new rater's position. */
function place(tuple: Tuple, slot: number, unit: GammaUnit | null): Tuple {
  const next: Tuple = new Array<GammaUnit | null>(tuple.length + 1)
  for (let i = 0, k = 0; i <= tuple.length; i++) next[i] = i === slot ? unit : tuple[k++]!
  return next
}

function nothing(length: number): Tuple {
  return new Array<GammaUnit | null>(length).fill(null)
}

function root(parent: Int32Array, i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!
    i = parent[i]!
  }
  return i
}

const byStart = (a: GammaUnit, b: GammaUnit) => a.start - b.start

/** Tuples and units that may pair (indexes into the tuples and the sorted units), and their candidate pairs. */
interface Group {
  tuples: number[]
  units: number[]
  /** Indexes into the candidate lists, in order of tuple then unit. */
  edges: number[]
}

/** Candidate pairs of one insertion: tuple, unit (sorted index) and the cost of joining them. */
interface Candidates {
  tuple: number[]
  unit: number[]
  cost: number[]
}

/**
 * Adds one rater's units to the unitary alignments (`slot` is the rater's position in each
 * tuple) by an optimal assignment, group by group.
 */
function insertRater(tuples: Tuple[], units: readonly GammaUnit[], slot: number, raters: number): Tuple[] {
  const before = raters - 1 // raters already in each tuple
  const result: Tuple[] = []
  if (units.length === 0) {
    for (const t of tuples) result.push(place(t, slot, null))
    return result
  }
  const sorted = sortedByStart(units)
  const U = sorted.length
  const T = tuples.length
  let longestUnit = 0
  for (const u of sorted) longestUnit = Math.max(longestUnit, u.end - u.start)
  // candidate pairs: a tuple and a unit close enough that joining beats leaving both alone
  const parent = new Int32Array(T + U)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const linked = new Uint8Array(parent.length)
  const candidates: Candidates = { tuple: [], unit: [], cost: [] }
  const aloneCost = new Float64Array(T)
  for (let t = 0; t < T; t++) {
    const tuple = tuples[t]!
    let lo = Infinity
    let hi = -Infinity
    let longest = 0
    let members = 0
    for (const m of tuple) {
      if (!m) continue
      members++
      if (m.start < lo) lo = m.start
      if (m.end > hi) hi = m.end
      if (m.end - m.start > longest) longest = m.end - m.start
    }
    aloneCost[t] = members * EMPTY_COST
    const apart = aloneCost[t]! + before * EMPTY_COST
    const from = lo - (1 + REACH) * longestUnit - REACH * longest
    const to = hi + REACH * (longest + longestUnit)
    for (let u = lowerBoundStart(sorted, from); u < U && sorted[u]!.start < to; u++) {
      const joined = joinCost(tuple, sorted[u]!)
      if (joined < apart) {
        candidates.tuple.push(t)
        candidates.unit.push(u)
        candidates.cost.push(joined)
        linked[t] = 1
        linked[T + u] = 1
        parent[root(parent, t)] = root(parent, T + u)
      }
    }
  }
  // what nothing is close to stays alone, without a group of its own
  const groupOf = new Int32Array(parent.length).fill(-1)
  const groups: Group[] = []
  for (let i = 0; i < parent.length; i++) {
    if (!linked[i]) {
      result.push(i < T ? place(tuples[i]!, slot, null) : place(nothing(before), slot, sorted[i - T]!))
      continue
    }
    const r = root(parent, i)
    if (groupOf[r] === -1) {
      groupOf[r] = groups.length
      groups.push({ tuples: [], units: [], edges: [] })
    }
    const group = groups[groupOf[r]!]!
    if (i < T) group.tuples.push(i)
    else group.units.push(i - T)
  }
  for (let e = 0; e < candidates.tuple.length; e++) groups[groupOf[root(parent, candidates.tuple[e]!)]!]!.edges.push(e)
  for (const group of groups) solveGroup(group, candidates, tuples, sorted, aloneCost, slot, before, result)
  return result
}

function sortedByStart(units: readonly GammaUnit[]): readonly GammaUnit[] {
  for (let i = 1; i < units.length; i++) if (units[i]!.start < units[i - 1]!.start) return [...units].sort(byStart)
  return units
}

/** One group of tuples and units that may pair: exactly, by assignment (or directly when small). */
function solveGroup(
  group: Group,
  candidates: Candidates,
  tuples: Tuple[],
  sorted: readonly GammaUnit[],
  aloneCost: Float64Array,
  slot: number,
  before: number,
  result: Tuple[]
): void {
  const T = group.tuples.length
  const U = group.units.length
  if (T === 1 || U === 1) {
    // one tuple or one unit: it joins the partner that saves the most (the first of equals),
    // the rest stay alone
    let best = -1
    let bestGain = 0
    for (const e of group.edges) {
      const gain = aloneCost[candidates.tuple[e]!]! + before * EMPTY_COST - candidates.cost[e]!
      if (gain > bestGain) {
        bestGain = gain
        best = e
      }
    }
    const pairedTuple = best >= 0 ? candidates.tuple[best]! : -1
    const pairedUnit = best >= 0 ? candidates.unit[best]! : -1
    for (const t of group.tuples) result.push(place(tuples[t]!, slot, t === pairedTuple ? sorted[pairedUnit]! : null))
    for (const u of group.units) if (u !== pairedUnit) result.push(place(nothing(before), slot, sorted[u]!))
    return
  }
  // rows: tuples, then a "∅ row" per unit; columns: units, then a "∅ column" per tuple
  const size = T + U
  const row = new Map(group.tuples.map((t, r) => [t, r]))
  const column = new Map(group.units.map((u, c) => [u, c]))
  const cost: number[][] = []
  for (let r = 0; r < size; r++) {
    const line = new Array<number>(size).fill(FORBIDDEN)
    if (r < T) line[U + r] = aloneCost[group.tuples[r]!]!
    else {
      line[r - T] = before * EMPTY_COST
      for (let c = U; c < size; c++) line[c] = 0
    }
    cost.push(line)
  }
  for (const e of group.edges) cost[row.get(candidates.tuple[e]!)!]![column.get(candidates.unit[e]!)!] = candidates.cost[e]!
  const used = new Uint8Array(U)
  for (const [r, c] of munkres(cost) as [number, number][]) {
    if (r < T && c < U) {
      result.push(place(tuples[group.tuples[r]!]!, slot, sorted[group.units[c]!]!))
      used[c] = 1
    } else if (r < T) result.push(place(tuples[group.tuples[r]!]!, slot, null))
  }
  for (let c = 0; c < U; c++) if (!used[c]) result.push(place(nothing(before), slot, sorted[group.units[c]!]!))
}

export interface Alignment {
  /** Σ over unitary alignments of Σ_{rater pairs} d (not yet divided by C(R,2) or ū). */
  cost: number
  units: number
  raters: number
  tuples: Tuple[]
}

/** The best alignment (exact for two raters; the heuristic above for more). */
/** The best alignment (exact for two raters, and for more on small groups; see the header). */
export function bestAlignment(layers: readonly (readonly GammaUnit[])[]): Alignment {
  const raters = layers.length
  const units = layers.reduce((sum, l) => sum + l.length, 0)
  const tuples: Tuple[] = []
  if (raters <= 2) {
    tuples.push(...alignByInsertion(layers))
  } else {
    // Units that cannot pair with any unit of another rater (d ≥ 2Δ∅) never gain from sharing
    // a unitary alignment (splitting one there never costs more), so the problem falls apart
    // into groups of units that may pair, each solved on its own.
    for (const group of pairableGroups(layers)) {
      const size = group.reduce((sum, l) => sum + l.length, 0)
      tuples.push(...(size <= EXACT_GROUP_SIZE ? alignExactly(group) : alignByInsertion(group)))
    }
  }
  return { cost: totalCost(tuples), units, raters, tuples }
}

/** Groups whose units may pair, as one layer list each (the same raters, in the same order). */
function pairableGroups(layers: readonly (readonly GammaUnit[])[]): GammaUnit[][][] {
  const units: GammaUnit[] = []
  const raterOf: number[] = []
  let longest = 0
  for (let r = 0; r < layers.length; r++) {
    for (const unit of layers[r]!) {
      units.push(unit)
      raterOf.push(r)
      if (unit.end - unit.start > longest) longest = unit.end - unit.start
    }
  }
  // by start; the sort is stable, so equal starts keep rater order
  const order: number[] = []
  for (let i = 0; i < units.length; i++) order.push(i)
  order.sort((x, y) => units[x]!.start - units[y]!.start)
  const parent = new Int32Array(order.length)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  for (let i = 0; i < order.length; i++) {
    const u = units[order[i]!]!
    // a later unit v can have d(u, v) < 2 only if it starts before u's end + REACH·(ℓ_u + ℓ_v)
    const reach = u.end + REACH * (u.end - u.start + longest)
    for (let k = i + 1; k < order.length && units[order[k]!]!.start < reach; k++) {
      if (raterOf[order[k]!] !== raterOf[order[i]!] && dissimilarity(u, units[order[k]!]!) < 2 * EMPTY_COST) parent[root(parent, k)] = root(parent, i)
    }
  }
  const groups: GammaUnit[][][] = []
  const groupOf = new Int32Array(order.length).fill(-1)
  for (let i = 0; i < order.length; i++) {
    const r = root(parent, i)
    if (groupOf[r] === -1) {
      groupOf[r] = groups.length
      groups.push(layers.map(() => []))
    }
    groups[groupOf[r]!]![raterOf[order[i]!]!]!.push(units[order[i]!]!)
  }
  return groups
}

/**
 * Every partition of a small group into unitary alignments; the cheapest (the first found among
 * equals). The search keeps its state in typed arrays reused from group to group (there are tens
 * of thousands of small groups in a project) and adds up the cost as it goes: putting a unit of
 * rater r into a block changes only the pairs (r, j), from Δ∅ to d for the block's members and
 * from 0 to Δ∅ for its empty places.
 */
function alignExactly(layers: readonly (readonly GammaUnit[])[]): Tuple[] {
  const raters = layers.length
  const search = exact
  search.raters = raters
  let n = 0
  for (let r = 0; r < raters; r++) {
    for (const unit of layers[r]!) {
      search.units[n] = unit
      search.raterOf[n++] = r
    }
  }
  search.n = n
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = search.raterOf[i] === search.raterOf[j] ? 0 : dissimilarity(search.units[i]!, search.units[j]!)
      search.distance[i * EXACT_GROUP_SIZE + j] = d
      search.distance[j * EXACT_GROUP_SIZE + i] = d
    }
  }
  if (search.slots.length < n * raters) search.slots = new Int32Array(n * raters)
  search.slots.fill(-1, 0, n * raters)
  search.bestCost = Infinity
  search.run(0, 0, 0)
  const tuples: Tuple[] = []
  for (let b = 0; b < search.bestBlocks; b++) tuples.push(nothing(raters))
  for (let i = 0; i < n; i++) tuples[search.best[i]!]![search.raterOf[i]!] = search.units[i]!
  return tuples
}

/** The state of alignExactly's search: one, reused. */
class PartitionSearch {
  raters = 0
  n = 0
  readonly units: GammaUnit[] = new Array<GammaUnit>(EXACT_GROUP_SIZE)
  readonly raterOf = new Int32Array(EXACT_GROUP_SIZE)
  /** d between items of different raters, at i * EXACT_GROUP_SIZE + j. */
  readonly distance = new Float64Array(EXACT_GROUP_SIZE * EXACT_GROUP_SIZE)
  /** The block of each item so far, and each block's item per rater (−1 for none). */
  readonly blockOf = new Int32Array(EXACT_GROUP_SIZE)
  slots = new Int32Array(0)
  readonly best = new Int32Array(EXACT_GROUP_SIZE)
  bestBlocks = 0
  bestCost = Infinity

  run(i: number, blocks: number, cost: number): void {
    const { raters, slots } = this
    if (i === this.n) {
      if (cost < this.bestCost - 1e-12) {
        this.bestCost = cost
        this.bestBlocks = blocks
        this.best.set(this.blockOf)
      }
      return
    }
    const rater = this.raterOf[i]!
    for (let b = 0; b < blocks; b++) {
      if (slots[b * raters + rater] !== -1) continue
      let added = 0
      for (let j = 0; j < raters; j++) {
        if (j === rater) continue
        const member = slots[b * raters + j]!
        added += member === -1 ? EMPTY_COST : this.distance[i * EXACT_GROUP_SIZE + member]! - EMPTY_COST
      }
      slots[b * raters + rater] = i
      this.blockOf[i] = b
      this.run(i + 1, blocks, cost + added)
      slots[b * raters + rater] = -1
    }
    slots[blocks * raters + rater] = i
    this.blockOf[i] = blocks
    this.run(i + 1, blocks + 1, cost + (raters - 1) * EMPTY_COST)
    slots[blocks * raters + rater] = -1
  }
}

const exact = new PartitionSearch()

/** Exact insertion of one rater at a time, then each rater re-inserted until no gain (R > 2). */
function alignByInsertion(layers: readonly (readonly GammaUnit[])[]): Tuple[] {
  const raters = layers.length
  let tuples: Tuple[] = (layers[0] ?? []).map((u) => [u])
  for (let r = 1; r < raters; r++) tuples = insertRater(tuples, layers[r]!, r, r + 1)
  let cost = totalCost(tuples)
  if (raters > 2) {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const before = cost
      for (let r = 0; r < raters; r++) {
        const without: Tuple[] = []
        for (const t of tuples) {
          const rest = t.slice(0, r).concat(t.slice(r + 1))
          if (rest.some((m) => m !== null)) without.push(rest)
        }
        const candidate = insertRater(without, layers[r]!, r, raters)
        const candidateCost = totalCost(candidate)
        if (candidateCost < cost - 1e-12) {
          tuples = candidate
          cost = candidateCost
        }
      }
      if (cost >= before - 1e-12) break
    }
  }
  return tuples
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

/** A growable list of integers in one typed array: plain data, so it survives a structured clone. */
interface IntColumn {
  data: Int32Array
  size: number
}

const newColumn = (): IntColumn => ({ data: new Int32Array(64), size: 0 })

function room(column: IntColumn, more: number): void {
  if (column.size + more <= column.data.length) return
  const larger = new Int32Array(Math.max(column.data.length * 2, column.size + more))
  larger.set(column.data.subarray(0, column.size))
  column.data = larger
}

function push(column: IntColumn, value: number): void {
  room(column, 1)
  column.data[column.size++] = value
}

function append(column: IntColumn, other: IntColumn): void {
  room(column, other.size)
  column.data.set(other.data.subarray(0, other.size), column.size)
  column.size += other.size
}

/**
 * The observed shape of a scope's documents, from which random continua are drawn: each
 * document's length and each rater's number of units, and every unit's length and label. Kept
 * in typed arrays, not an object per unit: a project has millions of units, and a batch's shapes
 * travel from a worker thread and to and from the cache (report-workers.ts, report-cache.ts).
 */
export class ContinuumShapes {
  /** Each document's length. */
  private readonly lengths = newColumn()
  /** Each document's units per rater, `raters` numbers a document. */
  private readonly unitCounts = newColumn()
  raters = 0
  private readonly unitLengths = newColumn()
  /** Each unit's label, as an index into `labels`. */
  private readonly unitLabels = newColumn()
  readonly labels: string[] = []
  private readonly labelIndex = new Map<string, number>()

  get documents(): number {
    return this.lengths.size
  }

  get units(): number {
    return this.unitLengths.size
  }

  documentLength(doc: number): number {
    return this.lengths.data[doc]!
  }

  unitCount(doc: number, rater: number): number {
    return this.unitCounts.data[doc * this.raters + rater]!
  }

  unitLength(unit: number): number {
    return this.unitLengths.data[unit]!
  }

  unitLabel(unit: number): string {
    return this.labels[this.unitLabels.data[unit]!]!
  }

  add(length: number, layers: readonly (readonly GammaUnit[])[]): void {
    if (layers.every((l) => l.length === 0)) return
    this.raters = layers.length
    push(this.lengths, length)
    for (const layer of layers) push(this.unitCounts, layer.length)
    for (const layer of layers) {
      for (const u of layer) {
        push(this.unitLengths, u.end - u.start)
        push(this.unitLabels, this.labelCode(u.label))
      }
    }
  }

  merge(other: ContinuumShapes): void {
    if (other.lengths.size === 0) return
    this.raters = other.raters
    append(this.lengths, other.lengths)
    append(this.unitCounts, other.unitCounts)
    append(this.unitLengths, other.unitLengths)
    const codes = other.labels.map((label) => this.labelCode(label))
    const identity = codes.every((code, i) => code === i)
    const from = this.unitLabels.size
    append(this.unitLabels, other.unitLabels)
    if (!identity) for (let i = from; i < this.unitLabels.size; i++) this.unitLabels.data[i] = codes[this.unitLabels.data[i]!]!
  }

  private labelCode(label: string): number {
    let code = this.labelIndex.get(label)
    if (code === undefined) {
      code = this.labels.push(label) - 1
      this.labelIndex.set(label, code)
    }
    return code
  }
}

/** δ_expected of a scope: GAMMA_SAMPLES random continua from `shapes`, seeded by `seed` and `scope`. */
export function expectedDisorder(shapes: ContinuumShapes, raters: number, seed: number, scope: string, samples = GAMMA_SAMPLES): number | null {
  if (shapes.documents === 0 || shapes.units === 0) return null
  const random = seedrandom(`${seed}:${scope}`)
  const pickIndex = (count: number) => Math.floor(random() * count)
  const sum = new DisorderSum(raters)
  for (let s = 0; s < samples; s++) {
    const doc = pickIndex(shapes.documents)
    const docLength = shapes.documentLength(doc)
    const layers = Array.from({ length: shapes.raters }, (_, r) =>
      Array.from({ length: shapes.unitCount(doc, r) }, () => {
        const model = pickIndex(shapes.units)
        const length = Math.min(shapes.unitLength(model), docLength)
        const start = Math.floor(random() * (docLength - length + 1))
        return { start, end: start + length, label: shapes.unitLabel(model) }
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

function lowerBoundStart(sorted: readonly GammaUnit[], value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]!.start < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
