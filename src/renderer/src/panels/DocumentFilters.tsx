import type { DocumentStatus, DocumentSummary } from '../../../shared/model'
import { STATUS_TEXT } from './DocumentList'

export interface DocumentFilter {
  status: DocumentStatus | ''
  label: string
  annotator: string
}

export const NO_FILTER: DocumentFilter = { status: '', label: '', annotator: '' }

export function applyFilter(documents: DocumentSummary[], filter: DocumentFilter): DocumentSummary[] {
  return documents.filter(
    (doc) =>
      (!filter.status || doc.status === filter.status) &&
      (!filter.label || doc.labels.includes(filter.label)) &&
      (!filter.annotator || doc.annotators.includes(filter.annotator))
  )
}

/**
 * Narrows the document list by status, by a label present, or by whether another annotator has a
 * layer for it. Status and label always describe the current annotator's own layer (the list shows
 * their numbers), so the annotator filter is named for what it does: "has a layer by …".
 */
export function DocumentFilters({ filter, labels, annotators, onChange }: { filter: DocumentFilter; labels: string[]; annotators: string[]; onChange(filter: DocumentFilter): void }) {
  return (
    <div className="document-filters" role="group" aria-label="Filter documents">
      <select aria-label="Filter by my status" value={filter.status} onChange={(e) => onChange({ ...filter, status: e.target.value as DocumentFilter['status'] })} data-testid="filter-status">
        <option value="">my status: any</option>
        {(Object.keys(STATUS_TEXT) as DocumentStatus[]).map((status) => (
          <option key={status} value={status}>
            {STATUS_TEXT[status]}
          </option>
        ))}
      </select>
      <select aria-label="Filter by a label I used" value={filter.label} onChange={(e) => onChange({ ...filter, label: e.target.value })} data-testid="filter-label">
        <option value="">any label</option>
        {labels.map((label) => (
          <option key={label} value={label}>
            I used {label}
          </option>
        ))}
      </select>
      <select aria-label="Filter by who has a layer" value={filter.annotator} onChange={(e) => onChange({ ...filter, annotator: e.target.value })} data-testid="filter-annotator">
        <option value="">anyone's layers</option>
        {annotators.map((name) => (
          <option key={name} value={name}>
            has a layer by {name}
          </option>
        ))}
      </select>
    </div>
  )
}
