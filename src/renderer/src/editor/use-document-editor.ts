// One open document: its text, the current annotator's spans, the selected span and the
// undo history. Every edit is painted at once and saved in the background, in order.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AnnotationLayer, DocumentRecord, DocumentStatus, Span } from '../../../shared/model'
import { OffsetMap } from '../../../shared/offsets'
import { invoke } from '../api/client'
import { applyEdit, redo, startHistory, undo, type SpanHistory } from './span-history'
import { newSpanId } from './span-ids'

export interface DocumentEditor {
  document: DocumentRecord | null
  offsets: OffsetMap | null
  status: DocumentStatus
  spans: Span[]
  selectedId: string | null
  canUndo: boolean
  canRedo: boolean
  select(id: string | null): void
  createSpan(start: number, end: number, label: string): void
  relabelSelected(label: string): void
  /** Moves the selected span's edges (code points); ignored if it would leave nothing. */
  resizeSelected(start: number, end: number): void
  deleteSelected(): void
  undo(): void
  redo(): void
  setStatus(status: DocumentStatus): Promise<void>
}

export function useDocumentEditor(
  documentId: string | null,
  annotator: string,
  onSaved: (layer: AnnotationLayer) => void,
  onError: (message: string) => void
): DocumentEditor {
  const [document, setDocument] = useState<DocumentRecord | null>(null)
  const [history, setHistory] = useState<SpanHistory>(startHistory([]))
  const [status, setStatusState] = useState<DocumentStatus>('todo')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  // the history lives in a ref so that an edit reads the latest spans even between renders
  // (two hotkeys pressed quickly); the state copy makes React re-render
  const historyRef = useRef(history)

  useEffect(() => {
    let cancelled = false
    setDocument(null)
    setSelectedId(null)
    if (!documentId) return
    invoke('documents.get', { id: documentId })
      .then(({ document: doc, layer }) => {
        if (cancelled) return
        setDocument(doc)
        historyRef.current = startHistory(layer.spans)
        setHistory(historyRef.current)
        setStatusState(layer.status)
      })
      .catch((error: Error) => onError(error.message))
    return () => {
      cancelled = true
    }
  }, [documentId, annotator, onError])

  const offsets = useMemo(() => (document ? new OffsetMap(document.text) : null), [document])

  const save = useCallback(
    (spans: Span[]) => {
      if (!documentId) return
      // saves run one after another, so the file always ends with the latest state
      saving.current = saving.current
        .then(() => invoke('annotations.save', { documentId, spans }))
        .then((layer) => {
          setStatusState(layer.status)
          onSaved(layer)
        })
        .catch((error: Error) => onError(`Not saved: ${error.message}`))
    },
    [documentId, onSaved, onError]
  )

  const commit = useCallback(
    (next: SpanHistory) => {
      if (next === historyRef.current) return
      historyRef.current = next
      setHistory(next)
      save(next.spans)
    },
    [save]
  )
  const edit = (change: (spans: Span[]) => Span[]) => commit(applyEdit(historyRef.current, change(historyRef.current.spans)))

  return {
    document,
    offsets,
    status,
    spans: history.spans,
    selectedId,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    select: setSelectedId,
    createSpan: (start, end, label) => {
      const id = newSpanId()
      edit((spans) => [...spans, { id, start, end, label }])
      setSelectedId(id)
    },
    relabelSelected: (label) => {
      if (!selectedId) return
      edit((spans) => spans.map((span) => (span.id === selectedId ? { ...span, label } : span)))
    },
    resizeSelected: (start, end) => {
      if (!selectedId || start >= end) return
      edit((spans) => spans.map((span) => (span.id === selectedId ? { ...span, start, end } : span)))
    },
    deleteSelected: () => {
      if (!selectedId) return
      edit((spans) => spans.filter((span) => span.id !== selectedId))
      setSelectedId(null)
    },
    undo: () => {
      commit(undo(historyRef.current))
      setSelectedId(null)
    },
    redo: () => {
      commit(redo(historyRef.current))
      setSelectedId(null)
    },
    setStatus: async (next) => {
      if (!documentId) return
      await saving.current
      const layer = await invoke('annotations.setStatus', { documentId, status: next })
      setStatusState(layer.status)
      onSaved(layer)
    }
  }
}
