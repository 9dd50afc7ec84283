// One level of an agreement report: a set of raters and a set of labels (all, or one). A level
// takes documents one at a time and keeps only sums that add up over documents (so a project is
// the merge of its documents), and gives the scores of all its raters together and of each pair
// of them (the matrix) from the same sums.
import { alignUnitMembers, type AlignableSpan } from '../../shared/alignment'
import type { Counts, MeasureId, Score, Scores } from '../../shared/agreement/report'
import { bestAlignment, ContinuumShapes, DisorderSum, gammaValue, toGammaUnits } from './gamma'
import { MISSING, NominalTable } from './nominal'
import { SPAN_MEASURES, spanF1, type SpanF1Measure } from './span-f1'
import { addTokenItems } from './tokens'
import { UnitizingStudy } from './unitizing'

/** A document as a level sees it: each rater's spans (only the level's labels), or null for no layer. */
export interface LevelDocument {
  length: number
  layers: (readonly AlignableSpan[] | null)[]
  /** Each rater's token categories (0 = O, i + 1 = the level's i-th label), or null; and their count. */
  tokens: { sequences: (Int32Array | null)[]; count: number } | null
  /**
   * The aligned units (alignUnits over the document's raters), each with every rater's label,
   * null for "nothing" (∅), or undefined for a rater without a layer. Aligned here when absent.
   */
  units?: (string | null | undefined)[][]
}

/** Aligns a document's layers into units of labels (see LevelDocument.units). */
export function alignedLabels(layers: (readonly AlignableSpan[] | null)[]): (string | null | undefined)[][] {
  const present = layers.flatMap((spans, r) => (spans ? [r] : []))
  // the units' order does not matter here: each only adds an item to a table
  return alignUnitMembers(present.map((r) => layers[r]!)).map((unit) => {
    const labels = new Array<string | null | undefined>(layers.length).fill(undefined)
    present.forEach((r, i) => (labels[r] = unit.members[i]?.label ?? null))
    return labels
  })
}

export function zeroCounts(): Counts {
  return { compared: 0, matched: 0, onlyRow: 0, onlyColumn: 0 }
}

export function addCounts(target: Counts, more: Counts): void {
  target.compared += more.compared
  target.matched += more.matched
  target.onlyRow += more.onlyRow
  target.onlyColumn += more.onlyColumn
}

function reclass<T extends object>(value: T, type: { prototype: T }): T {
  return Object.setPrototypeOf(value, type.prototype) as T
}

const TOKEN_MEASURES: MeasureId[] = ['cohen_kappa', 'fleiss_kappa', 'alpha_tokens']
const UNIT_MEASURES: MeasureId[] = ['alpha_units', 'alpha_unitizing', 'gamma']

export class Level {
  readonly pairs: [number, number][] = []
  /** Span match counts per measure, per pair (index into `pairs`); filled by the caller. */
  readonly spanCounts = new Map<SpanF1Measure, Counts[]>()
  private readonly tokens: NominalTable
  private readonly units: NominalTable
  private readonly unitizing: UnitizingStudy
  private readonly disorder: DisorderSum
  readonly shapes = new ContinuumShapes()
  private readonly pairDisorder: DisorderSum[]
  readonly pairShapes: ContinuumShapes[]
  private readonly category: Map<string, number>

  constructor(
    readonly raters: readonly string[],
    readonly labels: readonly string[],
    private readonly measures: ReadonlySet<MeasureId>,
    /** Whether pairs get their own exact γ alignment (the all-label matrix) or none. */
    private readonly pairGamma: boolean,
    /** Whether this level keeps its own α_U study (label levels read the project's instead). */
    private readonly ownUnitizing = true
  ) {
    for (let a = 0; a < raters.length; a++) for (let b = a + 1; b < raters.length; b++) this.pairs.push([a, b])
    for (const measure of SPAN_MEASURES) if (measures.has(measure)) this.spanCounts.set(measure, this.pairs.map(zeroCounts))
    this.tokens = new NominalTable(raters.length, labels.length + 1)
    this.units = new NominalTable(raters.length, labels.length + 1)
    this.unitizing = new UnitizingStudy(raters.length, labels)
    this.disorder = new DisorderSum(raters.length)
    this.pairDisorder = this.pairs.map(() => new DisorderSum(2))
    this.pairShapes = this.pairs.map(() => new ContinuumShapes())
    this.category = new Map(labels.map((label, i) => [label, i + 1]))
  }

  get wantsTokens(): boolean {
    return TOKEN_MEASURES.some((m) => this.measures.has(m))
  }

  get wantsUnits(): boolean {
    return UNIT_MEASURES.some((m) => this.measures.has(m))
  }

  pairIndex(a: number, b: number): number {
    return this.pairs.findIndex(([x, y]) => x === a && y === b)
  }

  addDocument(doc: LevelDocument): void {
    const { layers } = doc
    const present = layers.flatMap((spans, r) => (spans ? [r] : []))
    if (present.length < 2) return
    if (this.wantsTokens && doc.tokens) addTokenItems(this.tokens, doc.tokens.sequences, doc.tokens.count)
    // aligned units: α over units, and the counts shown beside α_U and γ
    if (this.wantsUnits) {
      const values = new Int32Array(this.raters.length)
      for (const unit of doc.units ?? alignedLabels(layers)) {
        let relevant = false
        for (let r = 0; r < values.length; r++) {
          const label = unit[r]
          const code = label === undefined ? MISSING : label === null ? 0 : (this.category.get(label) ?? 0)
          values[r] = code
          if (code > 0) relevant = true
        }
        // a label's level keeps the units where someone chose that label; other labels count as ∅
        if (relevant) this.units.add(values)
      }
    }
    const wantsGamma = this.measures.has('gamma')
    if (wantsGamma && this.pairGamma) {
      this.pairs.forEach(([a, b], i) => {
        if (!layers[a] || !layers[b]) return
        const pair = [toGammaUnits(layers[a]), toGammaUnits(layers[b])]
        this.pairDisorder[i]!.add(bestAlignment(pair))
        this.pairShapes[i]!.add(doc.length, pair)
      })
    }
    if (present.length < this.raters.length) return
    const complete = layers as (readonly AlignableSpan[])[]
    if (this.measures.has('alpha_unitizing') && this.ownUnitizing) this.unitizing.addDocument(doc.length, complete)
    if (wantsGamma) {
      const gammaLayers = complete.map(toGammaUnits)
      this.disorder.add(this.raters.length === 2 && this.pairGamma ? this.pairDisorder[0]!.last! : bestAlignment(gammaLayers))
      this.shapes.add(doc.length, gammaLayers)
    }
  }

  /**
   * A level again from its structured clone (a worker thread's batch, see report-workers.ts): the
   * clone holds every field but lost its classes, so each object gets its class back. Its other
   * fields are plain data (numbers, typed arrays, maps, arrays).
   */
  static revive(clone: Level): Level {
    if (clone instanceof Level) return clone
    const level = reclass(clone, Level)
    reclass(level.tokens, NominalTable)
    reclass(level.units, NominalTable)
    reclass(level.unitizing, UnitizingStudy)
    reclass(level.disorder, DisorderSum)
    reclass(level.shapes, ContinuumShapes)
    for (const sum of level.pairDisorder) reclass(sum, DisorderSum)
    for (const shapes of level.pairShapes) reclass(shapes, ContinuumShapes)
    return level
  }

  merge(other: Level): void {
    for (const [measure, counts] of this.spanCounts) counts.forEach((c, i) => addCounts(c, other.spanCounts.get(measure)![i]!))
    this.tokens.merge(other.tokens)
    this.units.merge(other.units)
    this.unitizing.merge(other.unitizing)
    this.disorder.merge(other.disorder)
    this.shapes.merge(other.shapes)
    this.pairDisorder.forEach((d, i) => d.merge(other.pairDisorder[i]!))
    this.pairShapes.forEach((s, i) => s.merge(other.pairShapes[i]!))
  }

  observedDisorder(pair?: number): number | null {
    return pair === undefined ? this.disorder.disorder() : this.pairDisorder[pair]!.disorder()
  }

  /** Every rater together. Pairwise measures: micro over pairs (span F1), mean over pairs (κ). */
  scores(expectedDisorder: number | null): Scores {
    const scores: Scores = {}
    for (const [measure, perPair] of this.spanCounts) {
      const total = zeroCounts()
      perPair.forEach((c) => addCounts(total, c))
      scores[measure] = spanF1(total)
    }
    const has = (m: MeasureId) => this.measures.has(m)
    if (has('cohen_kappa')) scores.cohen_kappa = this.raters.length === 2 ? this.tokens.cohenKappa(0, 1) : this.meanPairwiseKappa()
    if (has('fleiss_kappa')) scores.fleiss_kappa = this.tokens.fleissKappa()
    if (has('alpha_tokens')) scores.alpha_tokens = this.tokens.krippendorffAlpha()
    const units = this.raters.length === 2 ? this.units.pairCounts(0, 1, true) : this.units.pairableCounts()
    if (has('alpha_units')) scores.alpha_units = { value: this.units.krippendorffAlpha().value, counts: units }
    if (has('alpha_unitizing')) scores.alpha_unitizing = { value: this.unitizingAlpha(), counts: { ...units } }
    if (has('gamma')) scores.gamma = { value: gammaValue(this.observedDisorder(), expectedDisorder), counts: { ...units } }
    return scores
  }

  /** One pair (index into `pairs`), from the same sums. */
  pairScores(pair: number, expectedDisorder: number | null): Scores {
    const [a, b] = this.pairs[pair]!
    const scores: Scores = {}
    for (const [measure, perPair] of this.spanCounts) scores[measure] = spanF1({ ...perPair[pair]! })
    const has = (m: MeasureId) => this.measures.has(m)
    if (has('cohen_kappa')) scores.cohen_kappa = this.tokens.cohenKappa(a, b)
    if (has('fleiss_kappa')) scores.fleiss_kappa = this.tokens.scottPi(a, b)
    if (has('alpha_tokens')) scores.alpha_tokens = this.tokens.pairAlpha(a, b)
    const units = this.units.pairCounts(a, b, true)
    if (has('alpha_units')) scores.alpha_units = this.units.pairAlpha(a, b, true)
    if (has('alpha_unitizing')) scores.alpha_unitizing = { value: this.unitizingAlpha([a, b]), counts: { ...units } }
    if (has('gamma') && this.pairGamma) scores.gamma = { value: gammaValue(this.observedDisorder(pair), expectedDisorder), counts: { ...units } }
    return scores
  }

  /** α_U of one category, for these raters (default all): the label levels read the project's study. */
  categoryUnitizingAlpha(category: string, raters?: number[]): number | null {
    return this.unitizing.categoryAlpha(category, raters)
  }

  private unitizingAlpha(raters?: number[]): number | null {
    return this.labels.length === 1 ? this.unitizing.categoryAlpha(this.labels[0]!, raters) : this.unitizing.alpha(raters)
  }

  /** Light's κ: the mean of the pairwise Cohen's κ (pairs with a defined κ), counts summed. */
  private meanPairwiseKappa(): Score {
    const counts = zeroCounts()
    const values: number[] = []
    for (const [a, b] of this.pairs) {
      const score = this.tokens.cohenKappa(a, b)
      addCounts(counts, score.counts)
      if (score.value !== null) values.push(score.value)
    }
    return { value: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null, counts }
  }
}
