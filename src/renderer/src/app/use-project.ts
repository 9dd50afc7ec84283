// The open project as the renderer sees it: its info (labels, annotator, formats) and its
// document summaries, refreshed from the backend, patched locally after each save, and kept up
// to date with what other tabs and processes change in the folder (the watcher's notices).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProjectChange, ProjectInfo } from '../../../shared/api/contract'
import { ABSENT_VERSION } from '../../../shared/api/wire'
import type { AnnotationLayer, DocumentRecord, DocumentSummary } from '../../../shared/model'
import { invoke, setTabAnnotator, subscribeToChanges } from '../api/client'

type LayerChange = Extract<ProjectChange, { kind: 'layer' }>

/** A summary after one layer changed: its owner's figures if it is ours, and who has a layer. */
function patchSummary(doc: DocumentSummary, change: Pick<LayerChange, 'annotator' | 'status' | 'spanCount' | 'labels'> & { present: boolean }, mine: boolean): DocumentSummary {
  const annotators = change.present
    ? doc.annotators.includes(change.annotator)
      ? doc.annotators
      : [...doc.annotators, change.annotator].sort()
    : doc.annotators.filter((name) => name !== change.annotator)
  return mine ? { ...doc, status: change.status, spanCount: change.spanCount, labels: change.labels, annotators } : { ...doc, annotators }
}

export function useProject(onError: (message: string) => void) {
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const noticesShown = useRef(false)
  const annotatorRef = useRef<string | null>(null)
  annotatorRef.current = info?.annotator ?? null

  const refresh = useCallback(async () => {
    const [project, list] = await Promise.all([invoke('project.info', {}), invoke('documents.list', {})])
    setInfo(project)
    setDocuments(list)
    // what opening the project put right (an interrupted import rolled back): said once, and
    // kept on screen until dismissed
    if (!noticesShown.current && project.notices.length > 0) onError(project.notices.join('\n'))
    noticesShown.current = true
    return list
  }, [onError])

  useEffect(() => {
    refresh().catch((error: Error) => onError(error.message))
  }, [refresh, onError])

  /** A save changed one document's status and spans: update its summary without a round trip. */
  const onSaved = useCallback((layer: AnnotationLayer) => {
    const change = {
      annotator: layer.annotator,
      status: layer.status,
      spanCount: layer.spans.length,
      labels: [...new Set(layer.spans.map((span) => span.label))].sort(),
      present: true
    }
    setDocuments((list) => list.map((doc) => (doc.id === layer.documentId ? patchSummary(doc, change, true) : doc)))
  }, [])

  /** A document was renamed (here, or read again after a rename elsewhere): its row shows the new title at once. */
  const onRenamed = useCallback((record: DocumentRecord) => {
    setDocuments((list) =>
      list.map((doc) => {
        if (doc.id !== record.id) return doc
        const { importedTitle: _old, ...rest } = doc
        return { ...rest, title: record.title, ...(record.renamed ? { importedTitle: record.renamed.importedTitle } : {}) }
      })
    )
  }, [])

  // what changed on disk: a layer patches its summary; new or removed documents and a changed
  // label set are read again (rare: an import, a pull); a missed notice refreshes everything.
  // One refresh at a time: notices during one (a long import sends many) make one more after it.
  useEffect(() => {
    let running: Promise<unknown> | null = null
    let again = false
    const refreshSoon = () => {
      if (running) {
        again = true
        return
      }
      running = refresh()
        .catch((error: Error) => onError(error.message))
        .finally(() => {
          running = null
          if (again) {
            again = false
            refreshSoon()
          }
        })
    }
    return subscribeToChanges((notice) => {
      const changes = notice === 'resync' ? [] : notice.changes
      if (notice === 'resync' || changes.some((c) => c.kind !== 'layer')) {
        refreshSoon()
        return
      }
      const byDocument = new Map<string, LayerChange[]>()
      for (const change of changes) if (change.kind === 'layer') byDocument.set(change.documentId, [...(byDocument.get(change.documentId) ?? []), change])
      setDocuments((list) =>
        list.map((doc) =>
          (byDocument.get(doc.id) ?? []).reduce(
            (patched, change) => patchSummary(patched, { ...change, present: change.version !== ABSENT_VERSION }, change.annotator === annotatorRef.current),
            doc
          )
        )
      )
    })
  }, [refresh, onError])

  /** This tab (or window) works as `name` from now on; the server checks the name first. */
  const switchAnnotator = useCallback(
    async (name: string) => {
      const next = await invoke('project.info', {}, { annotator: name })
      setTabAnnotator(name)
      setInfo(next)
      await refresh()
    },
    [refresh]
  )

  return { info, setInfo, documents, refresh, onSaved, onRenamed, switchAnnotator }
}
