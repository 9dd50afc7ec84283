// The orders a document list can be sorted in: the Annotate view's list, the Review view's and the
// Agreement view's rows alike. Every order ends in the same tie-breaks (title, then file name, then
// id), so a list never reshuffles between two refreshes of equal documents.
import type { DocumentStatus, DocumentSummary } from './model'

export const DOCUMENT_ORDERS = [
  { order: 'title', title: 'Title' },
  { order: 'import', title: 'Import order' },
  { order: 'status', title: 'Status' }
] as const

export type DocumentOrder = (typeof DOCUMENT_ORDERS)[number]['order']

/**
 * Sorting by status puts first what still asks for work: the documents begun, then those not
 * begun, then those done.
 */
const STATUS_RANK: Record<DocumentStatus, number> = { in_progress: 0, todo: 1, done: 2 }

// one collator for every comparison: building one per call costs more than comparing (100,000 rows)
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** What the orders read of a row: a document's summary, a review row, an agreement row. */
export interface OrderedDocument {
  id: string
  title: string
  fileName?: string | undefined
  importedAt?: string | undefined
  importIndex?: number | undefined
}

function byTitle(a: OrderedDocument, b: OrderedDocument): number {
  return collator.compare(a.title, b.title) || collator.compare(a.fileName ?? '', b.fileName ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Import order: by the time of the import, then by the place in it. A document that does not
 * know (a damaged file, a project made before import order was kept) comes after those that do.
 */
function byImport(a: OrderedDocument, b: OrderedDocument): number {
  const when = compareOptional(a.importedAt, b.importedAt, (x, y) => (x < y ? -1 : x > y ? 1 : 0))
  return when || compareOptional(a.importIndex, b.importIndex, (x, y) => x - y) || byTitle(a, b)
}

function compareOptional<T>(a: T | undefined, b: T | undefined, compare: (a: T, b: T) => number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  return compare(a, b)
}

/** A sorted copy of `documents`. */
export function sortDocuments(documents: readonly DocumentSummary[], order: DocumentOrder): DocumentSummary[] {
  return sortRowsBy(documents, order, (doc) => STATUS_RANK[doc.status])
}

/** A sorted copy of rows of any kind; `statusRank` says which status comes first (what still asks for work). */
export function sortRowsBy<T extends OrderedDocument>(rows: readonly T[], order: DocumentOrder, statusRank: (row: T) => number): T[] {
  const compare = order === 'title' ? byTitle : order === 'import' ? byImport : (a: T, b: T) => statusRank(a) - statusRank(b) || byTitle(a, b)
  return [...rows].sort(compare)
}

export function isDocumentOrder(value: unknown): value is DocumentOrder {
  return DOCUMENT_ORDERS.some((entry) => entry.order === value)
}
