// Chance-corrected agreement on nominal categories: Cohen's κ, Fleiss' κ and Krippendorff's α,
// from one table of ratings that grows item by item. The table keeps only what the formulas
// need (a confusion matrix per pair of raters, the coincidence matrix, Fleiss' sums), and tables
// add up, so a project's table is the sum of its documents' tables ("micro" over documents).
//
// Items carry one category index per rater, or MISSING when the rater did not rate it (e.g. has
// no layer for the document). Category 0 is the "empty" category of the caller: `O` for tokens,
// "nothing" (∅) for aligned units; the only-row / only-column counts are read against it.
import type { Counts, Score } from '../../shared/agreement/report'

export const MISSING = -1

export class NominalTable {
  /** confusion[a * raters + b] for a < b: K×K counts, row = a's category, column = b's. */
  private readonly confusion: (Float64Array | null)[]
  /** Krippendorff's coincidence matrix, K×K. */
  private readonly coincidence: Float64Array
  private pairableItems = 0
  private unanimousPairable = 0
  // Fleiss' κ: only items every rater rated
  private completeItems = 0
  private completeUnanimous = 0
  private agreeingPairs = 0
  private readonly completeTotals: Float64Array
  private readonly seen: Int32Array
  private readonly times: Int32Array

  constructor(
    readonly raters: number,
    readonly categories: number
  ) {
    this.confusion = Array.from({ length: raters * raters }, (_, i) =>
      Math.floor(i / raters) < i % raters ? new Float64Array(categories * categories) : null
    )
    this.coincidence = new Float64Array(categories * categories)
    this.completeTotals = new Float64Array(categories)
    this.seen = new Int32Array(raters)
    this.times = new Int32Array(raters)
  }

  /** One item (or `weight` identical items): one category per rater, MISSING for none. */
  add(values: ArrayLike<number>, weight = 1): void {
    const { raters, categories } = this
    // the distinct categories given to this item, with how many raters gave each
    const seen = this.seen
    const times = this.times
    let distinct = 0
    let present = 0
    for (let a = 0; a < raters; a++) {
      const x = values[a]!
      if (x === MISSING) continue
      present++
      let i = 0
      while (i < distinct && seen[i] !== x) i++
      if (i === distinct) {
        seen[distinct] = x
        times[distinct++] = 0
      }
      times[i]!++
      for (let b = a + 1; b < raters; b++) {
        const y = values[b]!
        if (y !== MISSING) this.confusion[a * raters + b]![x * categories + y]! += weight
      }
    }
    if (present < 2) return
    this.pairableItems += weight
    if (distinct === 1) this.unanimousPairable += weight
    const complete = present === raters
    let agreeing = 0
    for (let i = 0; i < distinct; i++) {
      const c = seen[i]!
      const n = times[i]!
      agreeing += n * (n - 1)
      if (complete) this.completeTotals[c]! += weight * n
      // coincidences: every ordered pair of values from different raters, weighted 1/(m_u − 1)
      for (let j = 0; j < distinct; j++) {
        const pairs = i === j ? n * (n - 1) : n * times[j]!
        this.coincidence[c * categories + seen[j]!]! += (weight * pairs) / (present - 1)
      }
    }
    if (complete) {
      this.completeItems += weight
      this.agreeingPairs += weight * agreeing
      if (distinct === 1) this.completeUnanimous += weight
    }
  }

  /** Adds another table of the same raters and categories (documents → project). */
  merge(other: NominalTable): void {
    this.confusion.forEach((matrix, i) => matrix && addInto(matrix, other.confusion[i]!))
    addInto(this.coincidence, other.coincidence)
    addInto(this.completeTotals, other.completeTotals)
    this.pairableItems += other.pairableItems
    this.unanimousPairable += other.unanimousPairable
    this.completeItems += other.completeItems
    this.completeUnanimous += other.completeUnanimous
    this.agreeingPairs += other.agreeingPairs
  }

  /**
   * The confusion matrix of raters a < b as marginals: items both rated (leaving out items both
   * put in category 0 when `skipBothEmpty`: aligned units neither of the two marked).
   */
  private pair(a: number, b: number, skipBothEmpty: boolean) {
    const K = this.categories
    const matrix = this.confusion[a * this.raters + b]!
    const rows = new Float64Array(K)
    const columns = new Float64Array(K)
    const counts: Counts = { compared: 0, matched: 0, onlyRow: 0, onlyColumn: 0 }
    for (let x = 0; x < K; x++) {
      for (let y = 0; y < K; y++) {
        if (skipBothEmpty && x === 0 && y === 0) continue
        const n = matrix[x * K + y]!
        counts.compared += n
        rows[x]! += n
        columns[y]! += n
        if (x === y) counts.matched += n
        else if (y === 0) counts.onlyRow += n
        else if (x === 0) counts.onlyColumn += n
      }
    }
    return { rows, columns, counts, total: counts.compared, observed: counts.compared ? counts.matched / counts.compared : 0 }
  }

  /** Cohen's κ of raters a < b over the items both rated. */
  cohenKappa(a: number, b: number, skipBothEmpty = false): Score {
    const { rows, columns, counts, total, observed } = this.pair(a, b, skipBothEmpty)
    if (total === 0) return { value: null, counts }
    let expected = 0
    for (let x = 0; x < this.categories; x++) expected += (rows[x]! / total) * (columns[x]! / total)
    return { value: chanceCorrected(observed, expected), counts }
  }

  /** Fleiss' κ of two raters a < b (Scott's π) over the items both rated. */
  scottPi(a: number, b: number, skipBothEmpty = false): Score {
    const { rows, columns, counts, total, observed } = this.pair(a, b, skipBothEmpty)
    if (total === 0) return { value: null, counts }
    let expected = 0
    for (let x = 0; x < this.categories; x++) expected += ((rows[x]! + columns[x]!) / (2 * total)) ** 2
    return { value: chanceCorrected(observed, expected), counts }
  }

  /** Krippendorff's α of two raters a < b over the items both rated (no missing values within). */
  pairAlpha(a: number, b: number, skipBothEmpty = false): Score {
    const { rows, columns, counts, total } = this.pair(a, b, skipBothEmpty)
    // two values per item: o_cc = 2·n_cc, n_c = row_c + column_c, n = 2N
    let marginal = 0
    for (let x = 0; x < this.categories; x++) {
      const nc = rows[x]! + columns[x]!
      marginal += nc * (nc - 1)
    }
    return { value: alphaFrom(2 * total, 2 * counts.matched, marginal), counts }
  }

  /** Items both a < b rated: all, agreeing, and those only a (or only b) put in a category ≠ 0. */
  pairCounts(a: number, b: number, skipBothEmpty = false): Counts {
    return this.pair(a, b, skipBothEmpty).counts
  }

  /** Items at least two raters rated, and those on which all who rated them agree. */
  pairableCounts(): Counts {
    return { compared: this.pairableItems, matched: this.unanimousPairable, onlyRow: 0, onlyColumn: 0 }
  }

  /** Fleiss' κ over the items every rater rated. */
  fleissKappa(): Score {
    const { raters, completeItems: N } = this
    const counts = { compared: N, matched: this.completeUnanimous, onlyRow: 0, onlyColumn: 0 }
    if (N === 0 || raters < 2) return { value: null, counts }
    const observed = this.agreeingPairs / (N * raters * (raters - 1))
    let expected = 0
    for (const total of this.completeTotals) expected += (total / (N * raters)) ** 2
    return { value: chanceCorrected(observed, expected), counts }
  }

  /** Krippendorff's α (nominal) over the items at least two raters rated. */
  krippendorffAlpha(): Score {
    const K = this.categories
    const counts = this.pairableCounts()
    let n = 0
    let diagonal = 0
    let marginal = 0
    for (let c = 0; c < K; c++) {
      let nc = 0
      for (let k = 0; k < K; k++) nc += this.coincidence[c * K + k]!
      n += nc
      diagonal += this.coincidence[c * K + c]!
      marginal += nc * (nc - 1)
    }
    return { value: alphaFrom(n, diagonal, marginal), counts }
  }
}

/** α = [(n − 1) Σ o_cc − Σ n_c(n_c − 1)] / [n(n − 1) − Σ n_c(n_c − 1)]; null without variation. */
function alphaFrom(n: number, diagonal: number, marginal: number): number | null {
  const expected = n * (n - 1) - marginal
  if (n <= 1 || expected <= 1e-12 * n * n) return null
  return ((n - 1) * diagonal - marginal) / expected
}

/** (p_o − p_e) / (1 − p_e); undefined (null) when chance alone explains total agreement. */
function chanceCorrected(observed: number, expected: number): number | null {
  if (1 - expected <= 1e-12) return null
  return (observed - expected) / (1 - expected)
}

function addInto(target: Float64Array, source: Float64Array): void {
  for (let i = 0; i < target.length; i++) target[i]! += source[i]!
}
