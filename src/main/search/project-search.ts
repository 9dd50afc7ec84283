// Search across a project: the query is found in document text (case-insensitively) and in the
// labels of the current annotator's spans. Results carry code point offsets like everything else.
// The index (search-index.ts) says which documents can match; each of those is then searched
// as a full scan searches every document, so both give the same hits in the same order.
import type { SearchHit } from '../../shared/api/contract'
import { OffsetMap } from '../../shared/offsets'
import { nullIfDamaged } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import { searchCandidates } from './search-index'

const CONTEXT = 40

type SearchResult = { hits: SearchHit[]; truncated: boolean }

/** Project search through the index: only documents that can match are read. */
export async function searchProject(store: ProjectStore, annotator: string, query: string, limit: number): Promise<SearchResult> {
  const candidates = await searchCandidates(store, annotator, query)
  return searchDocuments(store, annotator, candidates ?? (await store.documentIds()), query, limit)
}

/** Project search reading every document (the index's fallback, and the benchmark's baseline). */
export async function scanProject(store: ProjectStore, annotator: string, query: string, limit: number): Promise<SearchResult> {
  return searchDocuments(store, annotator, await store.documentIds(), query, limit)
}

/** Searches `ids` (sorted), in order, until `limit` hits. */
async function searchDocuments(store: ProjectStore, annotator: string, ids: string[], query: string, limit: number): Promise<SearchResult> {
  const hits: SearchHit[] = []
  const needle = query.toLocaleLowerCase()
  const labelQuery = query.toLowerCase().replace(/^label:/, '')
  for (const id of ids) {
    // a damaged document is not searched (the document list names it), the rest still are
    const document = await store.getDocument(id).catch(nullIfDamaged)
    if (!document) continue
    const offsets = new OffsetMap(document.text)
    const hit = (start: number, end: number, label?: string): SearchHit => ({
      documentId: id,
      title: document.title,
      start: offsets.toCodePoint(start),
      end: offsets.toCodePoint(end),
      before: document.text.slice(Math.max(0, start - CONTEXT), start).replace(/\s+/g, ' '),
      match: document.text.slice(start, end),
      after: document.text.slice(end, end + CONTEXT).replace(/\s+/g, ' '),
      ...(label ? { label } : {})
    })
    // lower-casing can change a string's length (e.g. 'İ'), so only use it where it does not
    const haystack = document.text.toLocaleLowerCase()
    if (haystack.length === document.text.length) {
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + Math.max(1, needle.length))) {
        hits.push(hit(at, at + needle.length))
        if (hits.length > limit) return { hits: hits.slice(0, limit), truncated: true }
      }
    } else {
      for (let at = document.text.indexOf(query); at >= 0; at = document.text.indexOf(query, at + query.length)) {
        hits.push(hit(at, at + query.length))
        if (hits.length > limit) return { hits: hits.slice(0, limit), truncated: true }
      }
    }
    const layer = await store.getLayer(id, annotator).catch(nullIfDamaged)
    for (const span of layer?.spans ?? []) {
      if (span.label.toLowerCase() !== labelQuery) continue
      hits.push(hit(offsets.toUtf16(span.start), offsets.toUtf16(span.end), span.label))
      if (hits.length > limit) return { hits: hits.slice(0, limit), truncated: true }
    }
  }
  return { hits, truncated: false }
}
