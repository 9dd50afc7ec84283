import { useMemo } from 'react'
import type { DocumentStatus, DocumentSummary, TagGroup } from '../../../shared/model'
import { flatTags, qualifiedTag } from '../../../shared/tags'
import { STATUS_TEXT } from './DocumentList'

export interface DocumentFilter {
  status: DocumentStatus | ''
  label: string
  annotator: string
  /** "group:option": documents I tagged so; "group:" documents I gave no tag of that group. */
  tag: string
}

export const NO_FILTER: DocumentFilter = { status: '', label: '', annotator: '', tag: '' }

function matchesTag(doc: DocumentSummary, tag: string): boolean {
  if (tag.endsWith(':')) return !doc.tags?.[tag.slice(0, -1)]
  return flatTags(doc.tags).includes(tag)
}

export function applyFilter(documents: DocumentSummary[], filter: DocumentFilter): DocumentSummary[] {
  return documents.filter(
    (doc) =>
      (!filter.status || doc.status === filter.status) &&
      (!filter.label || doc.labels.includes(filter.label)) &&
      (!filter.annotator || doc.annotators.includes(filter.annotator)) &&
      (!filter.tag || matchesTag(doc, filter.tag))
  )
}

/** How many of the documents have each tag ("group:option"), and how many lack each group ("group:"). */
export function tagCounts(documents: DocumentSummary[], groups: TagGroup[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const doc of documents) {
    for (const tag of flatTags(doc.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
    for (const group of groups) if (!doc.tags?.[group.name]) counts.set(`${group.name}:`, (counts.get(`${group.name}:`) ?? 0) + 1)
  }
  return counts
}

/**
 * Narrows the document list by status, by a label present, or by whether another annotator has a
 * layer for it. Status and label always describe the current annotator's own layer (the list shows
 * their numbers), so the annotator filter is named for what it does: "has a layer by …".
 */
export function DocumentFilters({
  filter,
  labels,
  annotators,
  tagGroups,
  documents,
  onChange
}: {
  filter: DocumentFilter
  labels: string[]
  annotators: string[]
  tagGroups: TagGroup[]
  /** Every document (unfiltered): the tag counts are of the whole list. */
  documents: DocumentSummary[]
  onChange(filter: DocumentFilter): void
}) {
  const counts = useMemo(() => tagCounts(documents, tagGroups), [documents, tagGroups])
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
      {tagGroups.length > 0 && (
        <select aria-label="Filter by a tag I gave" value={filter.tag} onChange={(e) => onChange({ ...filter, tag: e.target.value })} data-testid="filter-tag">
          <option value="">any tags</option>
          {tagGroups.map((group) => (
            <optgroup key={group.name} label={group.name}>
              {group.options.map((option) => {
                const tag = qualifiedTag(group.name, option.name)
                return (
                  <option key={tag} value={tag}>
                    {group.name}: {option.name} ({counts.get(tag) ?? 0})
                  </option>
                )
              })}
              <option value={`${group.name}:`}>
                no {group.name} tag ({counts.get(`${group.name}:`) ?? 0})
              </option>
            </optgroup>
          ))}
        </select>
      )}
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
