// One open document: its text, the current annotator's spans and relations, the selection and
// the undo history. Every edit is painted at once and saved in the background, in order.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AnnotationLayer, DocumentRecord, DocumentStatus, Relation, Span } from '../../../shared/model'
import { keepLinkedRelations } from '../../../shared/relations'
import { compareSpans } from '../../../shared/span-order'
import { OffsetMap } from '../../../shared/offsets'
import { invoke, sendWhileLeaving } from '../api/client'
import { applyEdit, redo, startHistory, undo, type AnnotationHistory, type Annotations } from './span-history'
import { newSpanId } from './span-ids'

export interface DocumentEditor {
  document: DocumentRecord | null
  offsets: OffsetMap | null
  status: DocumentStatus
  spans: Span[]
  relations: Relation[]
  selectedId: string | null
  selectedRelationId: string | null
  canUndo: boolean
  canRedo: boolean
  select(id: string | null): void
  selectRelation(id: string | null): void
  createSpan(start: number, end: number, label: string): void
  /** Makes several spans (code points) as one undoable step; returns how many were new. */
  createSpans(spans: { start: number; end: number; label: string }[]): number
  relabelSelected(label: string): void
  /** Moves the selected span's edges (code points); ignored if it would leave nothing. */
  resizeSelected(start: number, end: number): void
  /** Sets (or with undefined, clears) an attribute value or the note of the selected span. */
  setSpanDetails(id: string, change: { attribute?: [string, string | number | undefined]; note?: string }): void
  deleteSelected(): void
  createRelation(type: string, from: string, to: string): void
  undo(): void
  redo(): void
  setStatus(status: DocumentStatus): Promise<void>
}

// Chromium's task scheduler (also Electron's); where a browser lacks it, a timer does.
declare const scheduler: { postTask(task: () => void, options: { priority: 'background' }): Promise<void> } | undefined

/** Resolves once the next frame has been produced, at background priority: the frame that shows
 *  an edit, and the input that follows it, go before the save of that edit. */
function afterNextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      if (typeof scheduler !== 'undefined') void scheduler.postTask(resolve, { priority: 'background' })
      else setTimeout(resolve, 0)
    })
  )
}

export function useDocumentEditor(
  documentId: string | null,
  annotator: string,
  onSaved: (layer: AnnotationLayer) => void,
  onError: (message: string) => void,
  /** Changes when the open document must be read again (e.g. after a label rename). */
  reloadKey = 0
): DocumentEditor {
  const [document, setDocument] = useState<DocumentRecord | null>(null)
  const [history, setHistory] = useState<AnnotationHistory>(startHistory({ spans: [], relations: [] }))
  const [status, setStatusState] = useState<DocumentStatus>('todo')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [selectedRelationId, setSelectedRelationId] = useState<string | null>(null)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  // the history lives in a ref so that an edit reads the latest state even between renders
  // (two hotkeys pressed quickly); the state copy makes React re-render
  const historyRef = useRef(history)
  /** The latest save not yet sent, sent at once if the page goes away before its turn. */
  const unsent = useRef<{ documentId: string; spans: Span[]; relations: Relation[] } | null>(null)
  useEffect(() => {
    const flush = () => {
      if (unsent.current) sendWhileLeaving('annotations.save', unsent.current)
      unsent.current = null
    }
    window.addEventListener('pagehide', flush)
    return () => window.removeEventListener('pagehide', flush)
  }, [])
  /** Whether the open document's layer has arrived: edits before that are ignored. */
  const loaded = useRef(false)

  useEffect(() => {
    let cancelled = false
    // nothing of the previous document may be edited, undone or saved into this one
    loaded.current = false
    historyRef.current = startHistory({ spans: [], relations: [] })
    setHistory(historyRef.current)
    setDocument(null)
    setSelectedId(null)
    setSelectedRelationId(null)
    if (!documentId) return
    // read the layer only after the saves still on their way have landed
    saving.current
      .then(() => invoke('documents.get', { id: documentId }))
      .then(({ document: doc, layer }) => {
        if (cancelled) return
        setDocument(doc)
        historyRef.current = startHistory({ spans: layer.spans, relations: layer.relations })
        setHistory(historyRef.current)
        setStatusState(layer.status)
        loaded.current = true
      })
      .catch((error: Error) => onError(error.message))
    return () => {
      cancelled = true
    }
  }, [documentId, annotator, onError, reloadKey])

  const offsets = useMemo(() => (document ? new OffsetMap(document.text) : null), [document])

  const save = useCallback(
    ({ spans, relations }: Annotations) => {
      if (!documentId) return
      // saves run one after another, so the file always ends with the latest state; each waits
      // for the next frame, so the edit is painted before its request is built and sent
      const request = { documentId, spans, relations }
      unsent.current = request
      saving.current = saving.current
        .then(afterNextFrame)
        .then(() => {
          if (unsent.current === request) unsent.current = null
          return invoke('annotations.save', request)
        })
        .then((layer) => {
          setStatusState(layer.status)
          onSaved(layer)
        })
        .catch((error: Error) => onError(`Not saved: ${error.message}`))
    },
    [documentId, onSaved, onError]
  )

  const commit = useCallback(
    (next: AnnotationHistory) => {
      if (next === historyRef.current || !loaded.current) return
      historyRef.current = next
      setHistory(next)
      save(next.current)
    },
    [save]
  )

  /**
   * Applies a change; relations whose spans are gone go with them. Spans stay in text order (as
   * the store keeps them), so the span list and Tab follow the text, never the order of making.
   */
  const edit = (change: (state: Annotations) => Annotations) => {
    if (!loaded.current) return
    const next = change(historyRef.current.current)
    const spans = [...next.spans].sort(compareSpans)
    commit(applyEdit(historyRef.current, { spans, relations: keepLinkedRelations(spans, next.relations) }))
  }
  const editSpan = (id: string, change: (span: Span) => Span) =>
    edit((state) => ({ ...state, spans: state.spans.map((span) => (span.id === id ? change(span) : span)) }))

  return {
    document,
    offsets,
    status,
    spans: history.current.spans,
    relations: history.current.relations,
    selectedId,
    selectedRelationId,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    select: (id) => {
      setSelectedId(id)
      if (id) setSelectedRelationId(null)
    },
    selectRelation: (id) => {
      setSelectedRelationId(id)
      if (id) setSelectedId(null)
    },
    createSpan: (start, end, label) => {
      const id = newSpanId()
      edit((state) => ({ ...state, spans: [...state.spans, { id, start, end, label }] }))
      setSelectedId(id)
    },
    createSpans: (made) => {
      // spans that exist already (same bounds and label) are not made twice
      const fresh = made.filter((m) => !history.current.spans.some((s) => s.start === m.start && s.end === m.end && s.label === m.label))
      if (fresh.length === 0) return 0
      edit((state) => ({ ...state, spans: [...state.spans, ...fresh.map((m) => ({ id: newSpanId(), ...m }))] }))
      return fresh.length
    },
    relabelSelected: (label) => {
      // a relabelled span keeps no attribute values: they belonged to the old label
      if (selectedId) editSpan(selectedId, ({ attributes: _dropped, ...span }) => ({ ...span, label }))
    },
    resizeSelected: (start, end) => {
      if (selectedId && start < end) editSpan(selectedId, (span) => ({ ...span, start, end }))
    },
    setSpanDetails: (id, change) =>
      editSpan(id, (span) => {
        const next: Span = { ...span }
        if (change.attribute) {
          const [name, value] = change.attribute
          const attributes = { ...(span.attributes ?? {}) }
          if (value === undefined || value === '') delete attributes[name]
          else attributes[name] = value
          if (Object.keys(attributes).length > 0) next.attributes = attributes
          else delete next.attributes
        }
        if (change.note !== undefined) {
          if (change.note.trim()) next.note = change.note
          else delete next.note
        }
        return next
      }),
    deleteSelected: () => {
      if (selectedRelationId) {
        edit((state) => ({ ...state, relations: state.relations.filter((r) => r.id !== selectedRelationId) }))
        setSelectedRelationId(null)
      } else if (selectedId) {
        edit((state) => ({ ...state, spans: state.spans.filter((span) => span.id !== selectedId) }))
        setSelectedId(null)
      }
    },
    createRelation: (type, from, to) => {
      const id = `r${newSpanId().slice(1)}`
      edit((state) => ({ ...state, relations: [...state.relations, { id, type, from, to }] }))
      setSelectedRelationId(id)
      setSelectedId(null)
    },
    undo: () => {
      commit(undo(historyRef.current))
      setSelectedId(null)
      setSelectedRelationId(null)
    },
    redo: () => {
      commit(redo(historyRef.current))
      setSelectedId(null)
      setSelectedRelationId(null)
    },
    setStatus: async (next) => {
      if (!documentId || !loaded.current) return
      // through the same queue as the edits, so neither overwrites the other
      const done = saving.current.then(() => invoke('annotations.setStatus', { documentId, status: next }))
      saving.current = done.catch(() => undefined)
      const layer = await done
      setStatusState(layer.status)
      onSaved(layer)
    }
  }
}
