// The document list's orders: by title (as people read numbers and case), by import (the time of
// the import, then the place in it), by status (what still asks for work first), with the same
// tie-breaks everywhere so equal rows never swap places between refreshes.
import { describe, expect, it } from 'vitest'
import { isDocumentOrder, sortDocuments } from '../../../src/shared/document-order'
import type { DocumentSummary } from '../../../src/shared/model'

function doc(id: string, title: string, extra: Partial<DocumentSummary> = {}): DocumentSummary {
  return { id, title, length: 10, status: 'todo', spanCount: 0, labels: [], annotators: [], ...extra }
}

const FIRST_IMPORT = '2026-11-20T09:00:00.000Z'
const SECOND_IMPORT = '2026-11-21T14:30:00.000Z'

const documents: DocumentSummary[] = [
  doc('a1', 'Grain prices fall', { importedAt: SECOND_IMPORT, importIndex: 1, status: 'done', fileName: 'b.txt' }),
  doc('a2', 'budget talks', { importedAt: FIRST_IMPORT, importIndex: 2, status: 'in_progress', fileName: 'c.txt' }),
  doc('a3', 'Article 10', { importedAt: FIRST_IMPORT, importIndex: 0, fileName: 'a.txt' }),
  doc('a4', 'Article 9', { importedAt: SECOND_IMPORT, importIndex: 0, status: 'in_progress', fileName: 'd.txt' }),
  doc('a5', 'Zürich water study', { importedAt: FIRST_IMPORT, importIndex: 1, status: 'done', fileName: 'e.txt' })
]

const titles = (list: DocumentSummary[]) => list.map((d) => d.title)

describe('sorting the document list', () => {
  it('by title: numbers as numbers, case and accents aside', () => {
    expect(titles(sortDocuments(documents, 'title'))).toEqual(['Article 9', 'Article 10', 'budget talks', 'Grain prices fall', 'Zürich water study'])
  })

  it('by import order: each import in turn, and in it the order of its files', () => {
    expect(titles(sortDocuments(documents, 'import'))).toEqual(['Article 10', 'Zürich water study', 'budget talks', 'Article 9', 'Grain prices fall'])
  })

  it('by status: begun first, then not begun, then done; by title within each', () => {
    expect(titles(sortDocuments(documents, 'status'))).toEqual(['Article 9', 'budget talks', 'Article 10', 'Grain prices fall', 'Zürich water study'])
  })

  it('puts documents that do not know their import (damaged, or older projects) after the others', () => {
    const old = doc('0f', 'An old document')
    const damaged = doc('0e', '0e', { error: { file: 'documents/0e.json', message: 'not valid JSON' } })
    const sorted = sortDocuments([old, ...documents, damaged], 'import')
    expect(titles(sorted).slice(-2)).toEqual(['0e', 'An old document'])
  })

  it('breaks ties by file name, then id: two documents with one headline keep their places', () => {
    const twins = [doc('b2', 'Same headline', { fileName: 'z.txt' }), doc('b1', 'Same headline', { fileName: 'z.txt' }), doc('b3', 'Same headline', { fileName: 'a.txt' })]
    for (const order of ['title', 'import', 'status'] as const) {
      expect(sortDocuments(twins, order).map((d) => d.id)).toEqual(['b3', 'b1', 'b2'])
    }
  })

  it('sorts a copy and leaves the list it was given alone', () => {
    const given = [...documents]
    sortDocuments(given, 'title')
    expect(given).toEqual(documents)
  })

  it('knows its orders (a stored preference of another version falls back)', () => {
    expect(['title', 'import', 'status'].every(isDocumentOrder)).toBe(true)
    expect(isDocumentOrder('date')).toBe(false)
  })
})
