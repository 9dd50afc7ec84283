// What the Agreement view's charts show, read out of a report: the matrix cells, the label bars
// and the document rows for one measure, and where each of them leads (the Review view narrowed
// to the disagreements behind the number). Plain functions, so they are tested without a DOM.
import type { AgreementReport, Counts, MeasureDefinition, MeasureId, PairScores, Score } from '../../../../shared/agreement/report'
import type { ChannelInput } from '../../../../shared/api/contract'
import type { DocumentStatus } from '../../../../shared/model'
import type { ReviewFocus } from '../../app/navigation'

/** The filters the user chose, as sent with the request (absent: the backend's default). */
export type AgreementRequestFilters = Omit<ChannelInput<'agreement.report'>, 'measures'>

export interface FilterChoices {
  /** Annotators left out; everyone else is compared. */
  excludedAnnotators: string[]
  /** Labels compared; empty: every label. */
  labels: string[]
  status: DocumentStatus | null
  includeGold: boolean
}

export const ALL: FilterChoices = { excludedAnnotators: [], labels: [], status: null, includeGold: false }

/** The request for these choices: a filter left at "all" is not sent (the backend's default). */
export function requestFor(choices: FilterChoices, annotators: string[]): AgreementRequestFilters {
  const chosen = annotators.filter((name) => !choices.excludedAnnotators.includes(name))
  return {
    ...(choices.excludedAnnotators.length > 0 ? { annotators: chosen } : {}),
    ...(choices.labels.length > 0 ? { labels: choices.labels } : {}),
    ...(choices.status ? { status: choices.status } : {}),
    ...(choices.includeGold ? { includeGold: true } : {})
  }
}

/** What each chart of the view is given: the report, the measure it draws, and where its parts lead. */
export interface AgreementChartProps<Target> {
  report: AgreementReport
  measure: MeasureDefinition
  /** The Review focus behind one part of the chart (a pair, a label, a document). */
  focusFor(target: Target): ReviewFocus
  openFocus(focus: ReviewFocus): void
}

export type MatrixCell =
  /** Above the diagonal: the pair's score. */
  | { kind: 'score'; row: string; column: string; pair: PairScores; score: Score | undefined }
  /** Below the diagonal: the counts behind the score mirrored above it. */
  | { kind: 'counts'; row: string; column: string; pair: PairScores; score: Score | undefined }

/**
 * The pairwise matrix in the report's annotator order: the score of (a, b) above the diagonal at
 * row a, column b; its counts mirrored below, at row b, column a.
 */
export function matrixCells(report: AgreementReport, measure: MeasureId): MatrixCell[] {
  const cells: MatrixCell[] = []
  for (const pair of report.pairs) {
    const score = pair.scores[measure]
    cells.push({ kind: 'score', row: pair.a, column: pair.b, pair, score })
    cells.push({ kind: 'counts', row: pair.b, column: pair.a, pair, score })
  }
  return cells
}

/** Lowest first, so what needs attention comes first; undefined scores last. */
function byValue(a: Score | undefined, b: Score | undefined): number {
  const x = a?.value ?? null
  const y = b?.value ?? null
  if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0)
  return x - y
}

export interface LabelBar {
  label: string
  score: Score | undefined
}

export function labelBars(report: AgreementReport, measure: MeasureId): LabelBar[] {
  return report.labels
    .map((entry) => ({ label: entry.label, score: entry.scores[measure] }))
    .sort((a, b) => byValue(a.score, b.score) || a.label.localeCompare(b.label))
}

export interface DocumentRow {
  documentId: string
  title: string
  annotators: string[]
  score: Score | undefined
}

export function documentRows(report: AgreementReport, measure: MeasureId): DocumentRow[] {
  return report.documents
    .map((doc) => ({ documentId: doc.documentId, title: doc.title, annotators: doc.annotators, score: doc.scores[measure] }))
    .sort((a, b) => byValue(a.score, b.score) || a.title.localeCompare(b.title))
}

/** A score as people read it: three decimals, a real minus sign, "n/a" when not defined. */
export function formatScore(score: Score | undefined): string {
  if (!score || score.value === null) return 'n/a'
  const text = score.value.toFixed(3)
  return text.startsWith('-') ? `−${text.slice(1)}` : text
}

/** The counts behind a pair's number, naming who "only" refers to. */
export function countLines(counts: Counts, a: string, b: string): string[] {
  return [`${counts.matched} matched`, `${counts.onlyRow} only ${a}`, `${counts.onlyColumn} only ${b}`]
}

/** One sentence for assistive technology and tooltips. */
export function describeScore(measureName: string, score: Score | undefined): string {
  if (!score) return `${measureName}: not measured here`
  const { compared, matched, onlyRow, onlyColumn } = score.counts
  const value = score.value === null ? 'not defined' : formatScore(score)
  return `${measureName} ${value} (${compared} compared, ${matched} matched, ${onlyRow} only row, ${onlyColumn} only column)`
}

// ---- where a number leads: the Review view narrowed to its disagreements ----

/** The narrowing the user chose that the Review view must repeat. */
function narrowedLabels(request: AgreementRequestFilters): string[] | undefined {
  return request.labels && request.labels.length > 0 ? request.labels : undefined
}

function suffix(request: AgreementRequestFilters): string {
  const parts: string[] = []
  const labels = narrowedLabels(request)
  if (labels) parts.push(labels.join(', '))
  if (request.status) parts.push(`${request.status.replace('_', ' ')} documents`)
  return parts.map((part) => ` · ${part}`).join('')
}

function withOptional(focus: ReviewFocus, labels: string[] | undefined, documentIds: string[]): ReviewFocus {
  return { ...focus, ...(labels ? { labels } : {}), documentIds }
}

/** A pair's cell: the two annotators, on the documents the report compared them on. */
export function pairFocus(report: AgreementReport, request: AgreementRequestFilters, a: string, b: string): ReviewFocus {
  const documentIds = report.documents.filter((doc) => doc.annotators.includes(a) && doc.annotators.includes(b)).map((doc) => doc.documentId)
  return withOptional({ annotators: [a, b], description: `${a} vs ${b}${suffix(request)}` }, narrowedLabels(request), documentIds)
}

/** A label's bar: every compared annotator, that label only. */
export function labelFocus(report: AgreementReport, request: AgreementRequestFilters, label: string): ReviewFocus {
  const status = request.status ? ` · ${request.status.replace('_', ' ')} documents` : ''
  return withOptional(
    { annotators: report.filters.annotators, description: `${report.filters.annotators.join(', ')} · ${label}${status}` },
    [label],
    report.documents.map((doc) => doc.documentId)
  )
}

/** A document's row: that document, the annotators compared on it. */
export function documentFocus(request: AgreementRequestFilters, row: DocumentRow): ReviewFocus {
  const labels = narrowedLabels(request)
  return withOptional(
    { annotators: row.annotators, description: `${row.title} · ${row.annotators.join(', ')}${labels ? ` · ${labels.join(', ')}` : ''}` },
    labels,
    [row.documentId]
  )
}
