// Krippendorff's unitizing α (α_U, Krippendorff 1995/2004) as DKPro Statistics computes it for
// INCEpTION ("Krippendorff's alpha (unitizing)"). The continuum is characters (code points).
// For each category c, every rater's continuum is cut into c-units and gaps; a rater's
// overlapping c-units are first merged into one (the measure requires non-overlapping units).
//
//   D_o(c) = 2 Σ_{r1<r2} Σ δ²(g, h) / (R (R − 1) L²), over intersecting segments g of r1, h of r2:
//            both units: (b_g − b_h)² + (e_g − e_h)²; a unit inside the other's gap: its length²;
//            otherwise 0.
//   D_e(c) = (2/L) Σ_units u [ (N_c − 1)(2ℓ_u³ − 3ℓ_u² + ℓ_u)/3 + ℓ_u² Σ_{gaps γ, ℓ_γ ≥ ℓ_u} (ℓ_γ − ℓ_u + 1) ]
//            / [ R L (R L − 1) − Σ_u ℓ_u (ℓ_u − 1) ]
//   α_U    = 1 − mean_c D_o(c) / mean_c D_e(c);   per category: 1 − D_o(c) / D_e(c).
//
// Several documents form one continuum laid end to end; no unit or gap crosses from one
// document into the next (each document's gaps end at its edges). So the sums here add up over
// documents and a project's study is the merge of its documents' studies.
import type { AlignableSpan } from '../../shared/alignment'

interface Segment {
  start: number
  end: number
  unit: boolean
}

/** How many units (or gaps) of each length: lengths repeat a lot, and only counts matter. */
type LengthCounts = Map<number, number>

class CategoryStudy {
  /** Σ δ² per rater pair, at a * raters + b (a < b). */
  readonly squaredDeviations: Float64Array
  readonly unitLengths: LengthCounts[]
  readonly gapLengths: LengthCounts[]
  constructor(raters: number) {
    this.squaredDeviations = new Float64Array(raters * raters)
    this.unitLengths = Array.from({ length: raters }, () => new Map())
    this.gapLengths = Array.from({ length: raters }, () => new Map())
  }
}

/**
 * The sums α_U needs, per category and per rater (pair), so that α_U of every rater subset (a
 * pair of the matrix) comes from the same study.
 */
export class UnitizingStudy {
  private readonly byCategory = new Map<string, CategoryStudy>()
  private length = 0

  constructor(
    readonly raters: number,
    readonly categories: readonly string[]
  ) {
    for (const category of categories) this.byCategory.set(category, new CategoryStudy(raters))
  }

  /** One document of `length` code points; `layers[r]` holds rater r's spans (every rater present). */
  addDocument(length: number, layers: readonly (readonly AlignableSpan[])[]): void {
    this.length += length
    for (const [category, study] of this.byCategory) {
      const continua = layers.map((spans) => segments(spans, category, length))
      continua.forEach((continuum, r) => {
        for (const segment of continuum) count((segment.unit ? study.unitLengths : study.gapLengths)[r]!, segment.end - segment.start)
      })
      for (let a = 0; a < continua.length; a++) {
        for (let b = a + 1; b < continua.length; b++) study.squaredDeviations[a * this.raters + b]! += squaredDeviations(continua[a]!, continua[b]!)
      }
    }
  }

  merge(other: UnitizingStudy): void {
    this.length += other.length
    for (const [category, study] of this.byCategory) {
      const theirs = other.byCategory.get(category)
      if (!theirs) continue
      for (let i = 0; i < study.squaredDeviations.length; i++) study.squaredDeviations[i]! += theirs.squaredDeviations[i]!
      study.unitLengths.forEach((counts, r) => addCounts(counts, theirs.unitLengths[r]!))
      study.gapLengths.forEach((counts, r) => addCounts(counts, theirs.gapLengths[r]!))
    }
  }

  private everyone(): number[] {
    return Array.from({ length: this.raters }, (_, r) => r)
  }

  /** α_U over all categories for these raters (default all), or null when there are no units. */
  alpha(raters: number[] = this.everyone()): number | null {
    let observed = 0
    let expected = 0
    for (const category of this.categories) {
      observed += this.observed(category, raters)
      expected += this.expected(category, raters)
    }
    return expected > 0 ? 1 - observed / expected : null
  }

  categoryAlpha(category: string, raters: number[] = this.everyone()): number | null {
    const expected = this.expected(category, raters)
    return expected > 0 ? 1 - this.observed(category, raters) / expected : null
  }

  observed(category: string, raters: number[]): number {
    const R = raters.length
    const L = this.length
    const study = this.byCategory.get(category)!
    if (L === 0 || R < 2) return 0
    let sum = 0
    for (let i = 0; i < R; i++) for (let j = i + 1; j < R; j++) sum += study.squaredDeviations[Math.min(raters[i]!, raters[j]!) * this.raters + Math.max(raters[i]!, raters[j]!)]!
    return (2 * sum) / (R * (R - 1) * L * L)
  }

  expected(category: string, raters: number[]): number {
    const R = raters.length
    const L = this.length
    const study = this.byCategory.get(category)!
    const units = new Map<number, number>()
    const gapCounts = new Map<number, number>()
    for (const r of raters) {
      addCounts(units, study.unitLengths[r]!)
      addCounts(gapCounts, study.gapLengths[r]!)
    }
    let unitCount = 0
    for (const times of units.values()) unitCount += times
    if (L === 0 || unitCount === 0) return 0
    // Σ over gaps at least as long as a unit, by binary search over the distinct gap lengths;
    // every term is an integer (2ℓ³ − 3ℓ² + ℓ = ℓ(ℓ − 1)(2ℓ − 1) is a multiple of 6), so
    // summing by length, `times` units at once, gives the same number as unit by unit
    const gaps = Float64Array.from(gapCounts.keys()).sort()
    const longerSum = new Float64Array(gaps.length + 1)
    const longerCount = new Float64Array(gaps.length + 1)
    for (let i = gaps.length - 1; i >= 0; i--) {
      const times = gapCounts.get(gaps[i]!)!
      longerSum[i] = longerSum[i + 1]! + gaps[i]! * times
      longerCount[i] = longerCount[i + 1]! + times
    }
    let numerator = 0
    let withinUnits = 0
    for (const [l, times] of units) {
      const first = lowerBound(gaps, l)
      numerator += times * (((unitCount - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l ** 2 * (longerSum[first]! - (l - 1) * longerCount[first]!))
      withinUnits += times * l * (l - 1)
    }
    const denominator = R * L * (R * L - 1) - withinUnits
    return denominator > 0 ? ((2 / L) * numerator) / denominator : 0
  }
}

/** A rater's c-units (overlapping ones merged) and the gaps between them, covering [0, length). */
function segments(spans: readonly AlignableSpan[], category: string, length: number): Segment[] {
  const units = spans.filter((span) => span.label === category).sort((a, b) => a.start - b.start)
  const result: Segment[] = []
  let at = 0
  for (const span of units) {
    const last = result.at(-1)
    if (last?.unit && span.start < last.end) {
      last.end = Math.max(last.end, span.end)
      at = last.end
      continue
    }
    if (span.start > at) result.push({ start: at, end: span.start, unit: false })
    result.push({ start: span.start, end: span.end, unit: true })
    at = span.end
  }
  if (at < length) result.push({ start: at, end: length, unit: false })
  return result
}

/** Σ δ² over the intersecting segment pairs of two raters' continua (a two-pointer walk). */
function squaredDeviations(first: Segment[], second: Segment[]): number {
  let sum = 0
  let i = 0
  let j = 0
  while (i < first.length && j < second.length) {
    const g = first[i]!
    const h = second[j]!
    if (g.start < h.end && h.start < g.end) {
      if (g.unit && h.unit) sum += (g.start - h.start) ** 2 + (g.end - h.end) ** 2
      else if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) sum += (g.end - g.start) ** 2
      else if (h.unit && !g.unit && g.start <= h.start && h.end <= g.end) sum += (h.end - h.start) ** 2
    }
    if (g.end <= h.end) i++
    else j++
  }
  return sum
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

function count(counts: LengthCounts, length: number): void {
  counts.set(length, (counts.get(length) ?? 0) + 1)
}

function addCounts(target: LengthCounts, source: LengthCounts): void {
  for (const [length, times] of source) target.set(length, (target.get(length) ?? 0) + times)
}
