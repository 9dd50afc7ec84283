// What the document list knows of the report's documents (file name, import order), for the
// Agreement view's table: asked for in batches of the list's own channel; a row shows before its
// listing arrives, and a document gone since the report simply has none.
import { useEffect, useState } from 'react'
import type { DocumentSummary } from '../../../../shared/model'
import { invoke } from '../../api/client'

const BATCH = 10_000

export function useDocumentListing(ids: string[]): Map<string, DocumentSummary> {
  const [listing, setListing] = useState(() => new Map<string, DocumentSummary>())
  const key = ids.join(',')
  useEffect(() => {
    let cancelled = false
    const wanted = key ? key.split(',') : []
    void (async () => {
      const found = new Map<string, DocumentSummary>()
      for (let at = 0; at < wanted.length && !cancelled; at += BATCH) {
        for (const summary of await invoke('documents.summaries', { ids: wanted.slice(at, at + BATCH) }).catch(() => [])) found.set(summary.id, summary)
      }
      if (!cancelled) setListing(found)
    })()
    return () => {
      cancelled = true
    }
  }, [key])
  return listing
}
