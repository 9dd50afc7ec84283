// Search across a project: the query is found in document text (case-insensitively) and in the
// labels of the current annotator's spans. Results carry code point offsets like everything else.
// The index (search-index.ts) says which documents can match; each of those is then searched
// as a full scan searches every document, so both give the same hits in the same order.
import type { SearchHit } from '../../shared/api/contract'
import { OffsetMap } from '../../shared/offsets'
import { nullIfDamaged, StoreError } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import { searchCandidates, type Candidate } from './search-index'

const CONTEXT = 40

type SearchResult = { hits: SearchHit[]; truncated: boolean }

/** Project search through the index: only documents that can match are read, and only until the hits are found. */
export async function searchProject(store: ProjectStore, annotator: string, query: string, limit: number): Promise<SearchResult> {
  return searchDocuments(store, annotator, await searchCandidates(store, annotator, query), query, limit)
}

/** Project search reading every document (the benchmark's baseline, and what the index must agree with). */
export async function scanProject(store: ProjectStore, annotator: string, query: string, limit: number): Promise<SearchResult> {
  return searchDocuments(store, annotator, (await store.documentIds()).map((id) => ({ id, labels: true })), query, limit)
}

/** Searches `candidates` (sorted by id), in order, until `limit` hits (and one more, to know there are more). */
async function searchDocuments(store: ProjectStore, annotator: string, candidates: Iterable<Candidate>, query: string, limit: number): Promise<SearchResult> {
  const hits: SearchHit[] = []
  const needle = query.toLocaleLowerCase()
  const labelQuery = query.toLowerCase().replace(/^label:/, '')
  for (const { id, labels } of candidates) {
    // a damaged document is not searched (the document list names it), the rest still are; one
    // removed since the search began is not either
    const document = await store.getDocument(id).catch(nullIfDamagedOrGone)
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
    // (the index knows from the layer's label counts which layers can hold the label: only those are read)
    const layer = labels ? await store.getLayer(id, annotator).catch(nullIfDamaged) : null
    for (const span of layer?.spans ?? []) {
      if (span.label.toLowerCase() !== labelQuery) continue
      hits.push(hit(offsets.toUtf16(span.start), offsets.toUtf16(span.end), span.label))
      if (hits.length > limit) return { hits: hits.slice(0, limit), truncated: true }
    }
  }
  return { hits, truncated: false }
}

function nullIfDamagedOrGone(error: unknown): null {
  if (error instanceof StoreError && error.code === 'not_found') return null
  return nullIfDamaged(error)
}
