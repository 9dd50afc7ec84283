// The agreement report: what the backend computes and every consumer (the Agreement view, the
// CLI's table/JSON/CSV) reads. Pure types and the list of measure ids, no zod, so the renderer
// can import it. Every number travels with the counts behind it, and every report carries the
// definitions of the measures it holds, so a number is never read without its meaning.
import type { DocumentStatus } from '../model'

export const MEASURE_IDS = [
  'span_f1_exact', // pairwise, one-to-one, same bounds + label
  'span_f1_overlap', // pairwise, one-to-one, IoU ≥ θ, same label
  'span_f1_boundary', // pairwise, one-to-one, IoU ≥ θ, labels ignored
  'cohen_kappa', // pairwise, tokens labelled or O
  'fleiss_kappa', // all annotators, tokens
  'alpha_tokens', // Krippendorff α nominal over tokens
  'alpha_units', // α nominal over aligned units, with an explicit "nothing" category
  'alpha_unitizing', // Krippendorff α_U (1995, as DKPro/INCEpTION)
  'gamma' // Mathet, Widlöcher & Métivier 2015
] as const
export type MeasureId = (typeof MEASURE_IDS)[number]

export interface MeasureDefinition {
  id: MeasureId
  name: string
  /** What is counted: "span", "token", "aligned unit", "character"… */
  unit: string
  formula: string
  definition: string
  /** How nested or overlapping spans of one annotator are handled. */
  nesting: string
  /** How a span only one annotator marked counts. */
  oneSided: string
  scope: 'pairwise' | 'all'
}

/**
 * The counts behind a number. Span F1: compared = units (matched pairs + unpaired spans),
 * matched = matched pairs, onlyRow / onlyColumn = spans only the first (row) / second (column)
 * annotator has. Token measures: compared = tokens, matched = tokens with the same label,
 * onlyRow / onlyColumn = tokens only the row / column annotator labelled (the other: O).
 * α over units, α_U and γ: the aligned units, the unanimous ones, and those only the row /
 * column annotator marked. Over more than two annotators the "only" counts of pairwise measures
 * are summed over pairs, and are 0 for Fleiss' κ and α ("matched" then counts unanimous items).
 */
export interface Counts {
  compared: number
  matched: number
  onlyRow: number
  onlyColumn: number
}

/** value null: not defined here (nothing to compare, or no variation to measure against). */
export interface Score {
  value: number | null
  counts: Counts
}

export type Scores = Partial<Record<MeasureId, Score>>

export interface PairScores {
  /** a < b in the report's annotator order; a is the row, b the column. */
  a: string
  b: string
  scores: Scores
}

export interface AgreementFilters {
  annotators: string[]
  labels: string[]
  /** Documents every chosen annotator marked so; null = any status. */
  status: DocumentStatus | null
  /** The adjudicated gold layer takes part as one more rater, named GOLD_RATER. */
  includeGold: boolean
  /** How many documents the report covers (documents with layers from ≥ 2 chosen raters). */
  documents: number
}

export interface AgreementReport {
  spanwiseVersion: string
  createdAt: string
  /** The tokenizer token measures count with, named and described. */
  tokenizer: string
  filters: AgreementFilters
  measures: MeasureDefinition[]
  /** All documents, all chosen annotators. Pairwise measures here are micro over all pairs. */
  project: Scores
  /** Every pair a < b. */
  pairs: PairScores[]
  labels: { label: string; scores: Scores; pairs?: PairScores[] }[]
  documents: { documentId: string; title: string; annotators: string[]; scores: Scores }[]
  /** Seed of γ's chance sampling, so a report is reproducible. */
  gammaSeed: number
  /** Overlap span F1's IoU threshold θ. */
  overlapThreshold: number
  /** Agreement on document tags, when the project has tag groups (with how it is measured). */
  tags?: { definition: string; items: TagAgreement[] }
}

/**
 * Agreement on document tags, for each tag group: one item per document, whose category is the
 * option chosen (or "no tag"), for a single-choice group; for a multiple-choice group, one yes/no
 * item per document and option (an entry per option). Raters without a layer for a document do
 * not rate its items. See docs/agreement.md, "Document tags".
 */
export interface TagAgreement {
  group: string
  /** A multiple-choice group's option (its yes/no items); absent for a single-choice group. */
  option?: string
  /** Cohen's κ of each pair a < b, over the items both rated. */
  pairs: { a: string; b: string; cohenKappa: Score }[]
  /** Over every rater: Fleiss' κ (items all rated) and Krippendorff's α nominal (items two or more rated). */
  fleissKappa: Score
  alpha: Score
}

/** The rater name the gold layer takes when it is included. */
export const GOLD_RATER = 'gold'
