// The documents to review: those with layers from two or more of the chosen annotators, each
// with the file it came from, who annotated it, its open conflicts, its agreement and its review
// status. Sorted by most disagreement first, or as the Annotate list sorts (title, import order,
// review status); filtered by annotators, label and status.
import type { ReviewDocumentRow } from '../../../../shared/api/contract'
import { sortRowsBy, type DocumentOrder } from '../../../../shared/document-order'
import type { DocumentStatus } from '../../../../shared/model'
import type { ReviewStatus } from '../../../../shared/review'
import { fileNameOnly, rowDetails } from '../../panels/document-file'
import { STATUS_TEXT } from '../../panels/DocumentList'
import { DocumentOrderSelect } from '../../panels/DocumentOrderSelect'
import { VirtualList } from '../../panels/VirtualList'
import { REVIEW_STATUS_TEXT, type AnnotatorNames } from './annotator-names'

const ROW_HEIGHT = 78
const rowKey = (row: ReviewDocumentRow) => row.id

export type ReviewSort = 'disagreement' | DocumentOrder

export interface ReviewFilter {
  /** The annotators compared; empty: all of them. */
  annotators: string[]
  label: string
  /** Keeps documents every chosen annotator marked so. */
  status: DocumentStatus | ''
  reviewStatus: ReviewStatus | ''
  sort: ReviewSort
}

export const NO_REVIEW_FILTER: ReviewFilter = { annotators: [], label: '', status: '', reviewStatus: '', sort: 'disagreement' }

/** By review status, what still asks for work first: reviews begun, then not begun, then done. */
const REVIEW_STATUS_RANK: Record<ReviewStatus, number> = { in_progress: 0, not_started: 1, done: 2 }

/** Most disagreement first (open conflicts, then the lowest agreement, then the title), or an order of the document list. */
export function sortRows(rows: ReviewDocumentRow[], sort: ReviewSort): ReviewDocumentRow[] {
  if (sort !== 'disagreement') return sortRowsBy(rows, sort, (row) => REVIEW_STATUS_RANK[row.reviewStatus])
  return [...rows].sort((a, b) => b.openConflicts - a.openConflicts || (a.agreement ?? 1) - (b.agreement ?? 1) || a.title.localeCompare(b.title))
}

const REVIEW_ORDERS: { order: 'disagreement'; title: string }[] = [{ order: 'disagreement', title: 'Most disagreement first' }]

export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`
}

interface FiltersProps {
  filter: ReviewFilter
  annotators: string[]
  labels: string[]
  names: AnnotatorNames
  onChange(filter: ReviewFilter): void
}

export function ReviewFilters({ filter, annotators, labels, names, onChange }: FiltersProps) {
  // no annotator chosen means all of them
  const chosen = filter.annotators.length > 0 ? filter.annotators : annotators
  const toggle = (name: string) => {
    const next = chosen.includes(name) ? chosen.filter((a) => a !== name) : [...chosen, name]
    onChange({ ...filter, annotators: next.length === annotators.length ? [] : next })
  }
  return (
    <div className="document-filters review-filters" role="group" aria-label="Filter documents to review">
      <fieldset>
        <legend>Annotators compared</legend>
        {annotators.map((name) => (
          <label key={name} className="check">
            <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} data-testid="review-filter-annotator" data-annotator={name} />
            {names.of(name)}
          </label>
        ))}
      </fieldset>
      <select aria-label="Filter by label" value={filter.label} onChange={(e) => onChange({ ...filter, label: e.target.value })} data-testid="review-filter-label">
        <option value="">any label</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            has {label}
          </option>
        ))}
      </select>
      <select aria-label="Filter by the annotators' status" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as ReviewFilter['status'] })} data-testid="review-filter-status">
        <option value="">any annotator status</option>
        {(Object.keys(STATUS_TEXT) as DocumentStatus[]).map((status) => (
          <option key={status} value={status}>
            every annotator: {STATUS_TEXT[status]}
          </option>
        ))}
      </select>
      <select aria-label="Filter by review status" value={filter.reviewStatus} onChange={(e) => onChange({ ...filter, reviewStatus: e.target.value as ReviewFilter['reviewStatus'] })} data-testid="review-filter-review-status">
        <option value="">any review status</option>
        {(Object.keys(REVIEW_STATUS_TEXT) as ReviewStatus[]).map((status) => (
          <option key={status} value={status}>
            review: {REVIEW_STATUS_TEXT[status]}
          </option>
        ))}
      </select>
    </div>
  )
}

interface ListProps {
  rows: ReviewDocumentRow[]
  currentId: string | null
  names: AnnotatorNames
  loading: boolean
  onOpen(id: string): void
  sort: ReviewSort
  onSort(sort: ReviewSort): void
}

export function ReviewDocumentList({ rows, currentId, names, loading, onOpen, sort, onSort }: ListProps) {
  return (
    <nav className="document-list review-list" aria-label="Documents to review">
      <div className="document-list-header">
        <h2>
          To review <span className="count">({rows.length})</span>
        </h2>
        <DocumentOrderSelect value={sort} onChange={onSort} extra={REVIEW_ORDERS} statusTitle="Review status" data-testid="review-sort" />
      </div>
      {!loading && rows.length === 0 && <p className="empty">No document has layers from two or more of these annotators.</p>}
      <VirtualList
        items={rows}
        rowHeight={ROW_HEIGHT}
        keyOf={rowKey}
        revealKey={currentId}
        renderRow={(row, tabIndex) => (
          <button
            type="button"
            className={row.id === currentId ? 'current' : ''}
            aria-current={row.id === currentId ? 'page' : undefined}
            tabIndex={tabIndex}
            onClick={() => onOpen(row.id)}
            title={rowDetails(row) || undefined}
            data-testid="review-document"
            data-document-id={row.id}
          >
            <span className="doc-title">{row.title}</span>
            <span className={`status review-status-${row.reviewStatus}`} data-testid="review-status">
              {REVIEW_STATUS_TEXT[row.reviewStatus]}
            </span>
            <span className="doc-file" data-testid="document-file">
              {fileNameOnly(row.fileName)}
            </span>
            <span className="span-count" data-testid="open-conflicts">
              {row.openConflicts} open {row.openConflicts === 1 ? 'conflict' : 'conflicts'}
            </span>
            <span className="row-annotators" title={row.annotators.map((a) => `${names.of(a.name)}: ${STATUS_TEXT[a.status]}, ${a.spanCount} spans`).join('\n')}>
              {row.annotators.map((a) => `${names.of(a.name)}${a.status === 'done' ? ' ✓' : ''}`).join(', ')}
            </span>
            <span className="span-count" data-testid="agreement" aria-label={`agreement ${percent(row.agreement)}`}>
              F1 {percent(row.agreement)}
            </span>
          </button>
        )}
      />
    </nav>
  )
}
