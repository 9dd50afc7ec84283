// The open project as the renderer sees it: its info (labels, annotator, formats) and its
// document summaries, refreshed from the backend, patched locally after each save, and kept up
// to date with what other tabs and processes change in the folder (the watcher's notices).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProjectChange, ProjectInfo } from '../../../shared/api/contract'
import { ABSENT_VERSION } from '../../../shared/api/wire'
import type { AnnotationLayer, DocumentRecord, DocumentSummary } from '../../../shared/model'
import { summaryFromLayer } from '../../../shared/document-summary'
import { invoke, setTabAnnotator, subscribeToChanges } from '../api/client'

type LayerChange = Extract<ProjectChange, { kind: 'layer' }>

/** A summary after one layer changed: its owner's figures if it is ours, and who has a layer. */
function patchSummary(doc: DocumentSummary, change: Pick<LayerChange, 'annotator' | 'status' | 'spanCount' | 'labels' | 'tags'> & { present: boolean }, mine: boolean): DocumentSummary {
  const annotators = change.present
    ? doc.annotators.includes(change.annotator)
      ? doc.annotators
      : [...doc.annotators, change.annotator].sort()
    : doc.annotators.filter((name) => name !== change.annotator)
  if (!mine) return { ...doc, annotators }
  const { tags: _old, ...rest } = doc
  return { ...rest, status: change.status, spanCount: change.spanCount, labels: change.labels, ...(change.tags ? { tags: change.tags } : {}), annotators }
}

// the server's order (title, then id), to put added documents in place without sorting 100,000 rows
const collator = new Intl.Collator()
const byTitle = (a: DocumentSummary, b: DocumentSummary) => collator.compare(a.title, b.title) || collator.compare(a.id, b.id)

/** `list` without the documents `ids` names, with `rows` (their rows now) put in order. */
function mergeRows(list: DocumentSummary[], ids: Set<string>, rows: DocumentSummary[]): DocumentSummary[] {
  const merged = list.filter((doc) => !ids.has(doc.id))
  for (const row of rows) {
    let low = 0
    let high = merged.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (byTitle(merged[mid]!, row) < 0) low = mid + 1
      else high = mid
    }
    merged.splice(low, 0, row)
  }
  return merged
}

/** Most documents the list takes in row by row; beyond, it is read whole. */
const ROWS_AT_ONCE = 10_000

export function useProject(onError: (message: string) => void) {
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const noticesShown = useRef(false)
  const annotatorRef = useRef<string | null>(null)
  annotatorRef.current = info?.annotator ?? null
  const infoRef = useRef<ProjectInfo | null>(null)
  infoRef.current = info

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

  /**
   * Documents were added or removed (an import, another process, a pull): their rows only are
   * read, and the project info (its progress counts), not the whole list.
   */
  const refreshDocuments = useCallback(
    async (ids: string[]) => {
      if (ids.length === 0) return
      if (ids.length > ROWS_AT_ONCE) return void (await refresh())
      const [project, rows] = await Promise.all([invoke('project.info', {}), invoke('documents.summaries', { ids })])
      setInfo(project)
      setDocuments((list) => mergeRows(list, new Set(ids), rows))
    },
    [refresh]
  )

  /** The label set changed: the info is read again, and the list only if a label went (renamed or deleted). */
  const refreshLabels = useCallback(async () => {
    const before = new Set(infoRef.current?.labels.map((label) => label.name) ?? [])
    const project = await invoke('project.info', {})
    setInfo(project)
    const now = new Set(project.labels.map((label) => label.name))
    if ([...before].some((name) => !now.has(name))) setDocuments(await invoke('documents.list', {}))
  }, [])

  /** A save changed one document's status and spans: update its summary without a round trip. */
  const onSaved = useCallback((layer: AnnotationLayer) => {
    const change = { annotator: layer.annotator, ...summaryFromLayer(layer), present: true }
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

  // what changed on disk: a layer patches its summary; added or removed documents are read row
  // by row; a changed label set re-reads the info (and the list if a label went); a missed
  // notice refreshes everything. One update at a time: notices during one (a long import sends
  // many) are gathered into one more after it.
  useEffect(() => {
    let running: Promise<unknown> | null = null
    const queued = { all: false, labels: false, documents: new Set<string>() }
    const update = () => {
      if (running) return
      const work = { all: queued.all, labels: queued.labels, documents: [...queued.documents] }
      if (!work.all && !work.labels && work.documents.length === 0) return
      queued.all = false
      queued.labels = false
      queued.documents.clear()
      running = (work.all ? refresh() : Promise.all([work.labels ? refreshLabels() : null, refreshDocuments(work.documents)]))
        .catch((error: Error) => onError(error.message))
        .finally(() => {
          running = null
          update()
        })
    }
    return subscribeToChanges((notice) => {
      if (notice === 'resync') {
        queued.all = true
        return update()
      }
      const byDocument = new Map<string, LayerChange[]>()
      for (const change of notice.changes) {
        if (change.kind === 'layer') byDocument.set(change.documentId, [...(byDocument.get(change.documentId) ?? []), change])
        else if (change.kind === 'document') queued.documents.add(change.documentId)
        else queued.labels = true
      }
      if (byDocument.size > 0) {
        setDocuments((list) =>
          list.map((doc) =>
            (byDocument.get(doc.id) ?? []).reduce(
              (patched, change) => patchSummary(patched, { ...change, present: change.version !== ABSENT_VERSION }, change.annotator === annotatorRef.current),
              doc
            )
          )
        )
      }
      update()
    })
  }, [refresh, refreshDocuments, refreshLabels, onError])

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

  return { info, setInfo, documents, refresh, refreshDocuments, onSaved, onRenamed, switchAnnotator }
}
