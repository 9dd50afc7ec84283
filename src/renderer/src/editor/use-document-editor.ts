// One open document: its text, the current annotator's spans and relations, the selection and
// the undo history. Every edit is painted at once and saved in the background, in order.
// Each save states the version of the layer it was made from. When the layer changed elsewhere
// (another tab, window, process, a teammate's pull) the save is refused with `conflict`, or the
// folder watcher says so first: the editor then reloads the layer, re-applies the user's own
// unsaved changes that do not clash (see rebase-edits.ts), saves that, and tells the user.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AnnotationLayer, DocumentRecord, DocumentStatus, DocumentTags, Relation, Span, TagGroup } from '../../../shared/model'
import type { FileVersion, RequestContext } from '../../../shared/api/contract'
import { keepLinkedRelations } from '../../../shared/relations'
import { compareSpans } from '../../../shared/span-order'
import { OffsetMap } from '../../../shared/offsets'
import { invoke, isConflict, sendWhileLeaving, subscribeToChanges } from '../api/client'
import { rebaseEdits, sameAnnotations } from '../../../shared/rebase-edits'
import { applyEdit, recordStep, redo, sameAnnotationState, startHistory, stepToRedo, stepToUndo, undo, type AnnotationHistory, type Annotations, type HistoryStep } from './span-history'
import { newSpanId } from './span-ids'
import { toggleTag } from '../../../shared/tags'

/** How often in a row a save may meet a newer layer before the editor gives up and says so. */
const MAX_REBASES = 3

export interface DocumentEditor {
  document: DocumentRecord | null
  /** The version of the document's file when it was opened (what a rename states). */
  documentVersion: FileVersion | null
  offsets: OffsetMap | null
  status: DocumentStatus
  spans: Span[]
  relations: Relation[]
  /** The document's tags in this annotator's layer. */
  tags: DocumentTags
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
  /** Toggles a document tag (one undoable step, like a span edit). */
  toggleTag(group: TagGroup, option: string): void
  undo(): void
  redo(): void
  /** An action outside the layer (a suggestion rejected) as one step of this history: Ctrl+Z undoes it in turn with the edits. */
  recordStep(step: HistoryStep): void
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
  const [documentVersion, setDocumentVersion] = useState<FileVersion | null>(null)
  const [history, setHistory] = useState<AnnotationHistory>(startHistory({ spans: [], relations: [], tags: {} }))
  const [status, setStatusState] = useState<DocumentStatus>('todo')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [selectedRelationId, setSelectedRelationId] = useState<string | null>(null)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  // the history lives in a ref so that an edit reads the latest state even between renders
  // (two hotkeys pressed quickly); the state copy makes React re-render
  const historyRef = useRef(history)
  /**
   * The layer as this editor last knew it on disk: its version (what a save states) and its
   * spans and relations (what the user's unsaved changes are measured from).
   */
  const base = useRef<{ version: FileVersion; annotations: Annotations } | null>(null)
  /**
   * The label revision the editor's spans are named in (the layer's, as read). Sent with every
   * save: if another tab renamed or deleted a label since, the store brings the spans forward
   * instead of refusing an "unknown label".
   */
  const labelRevision = useRef(0)
  /** Versions this editor saved or loaded lately: the watcher's notices of them are no news. */
  const written = useRef(new Set<FileVersion>())
  /** Bumped when the state is rebuilt from disk: saves queued before then are not sent. */
  const epoch = useRef(0)
  const documentRef = useRef<DocumentRecord | null>(null)
  /** The latest save not yet sent, sent at once if the page goes away before its turn. */
  const unsent = useRef<{ request: { documentId: string; spans: Span[]; relations: Relation[]; tags: DocumentTags; labelRevision: number }; context: RequestContext } | null>(null)
  useEffect(() => {
    const flush = () => {
      if (unsent.current && base.current) sendWhileLeaving('annotations.save', { ...unsent.current.request, baseVersion: base.current.version }, unsent.current.context)
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
    base.current = null
    epoch.current += 1
    historyRef.current = startHistory({ spans: [], relations: [], tags: {} })
    setHistory(historyRef.current)
    setDocument(null)
    setDocumentVersion(null)
    documentRef.current = null
    setSelectedId(null)
    setSelectedRelationId(null)
    if (!documentId) return
    // read the layer only after the saves still on their way have landed
    saving.current
      .then(() => invoke('documents.get', { id: documentId }, { annotator }))
      .then(({ document: doc, documentVersion: docVersion, layer, version }) => {
        if (cancelled) return
        setDocument(doc)
        setDocumentVersion(docVersion)
        documentRef.current = doc
        const annotations = { spans: layer.spans, relations: layer.relations, tags: layer.tags ?? {} }
        base.current = { version, annotations }
        labelRevision.current = layer.labelRevision ?? 0
        written.current.add(version)
        historyRef.current = startHistory(annotations)
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

  /** The layer was saved or read as `version`: it is the new base of the user's edits. */
  const landed = useCallback(
    (layer: AnnotationLayer, version: FileVersion, annotations: Annotations) => {
      base.current = { version, annotations }
      written.current.add(version)
      if (written.current.size > 50) written.current.delete(written.current.values().next().value!)
      setStatusState(layer.status)
      onSaved(layer)
    },
    [onSaved]
  )

  /**
   * The layer on disk is newer than the editor's base: take it, re-apply the user's changes
   * that do not clash, save the result against the new version, and say what happened.
   * Runs inside the save queue, so nothing else is sent meanwhile.
   */
  const rebaseOnDisk = useCallback(
    async (id: string, context: RequestContext, attempt = 1): Promise<void> => {
      const known = base.current
      const fresh = await invoke('documents.get', { id }, context)
      if (!known || documentRef.current?.id !== id || fresh.version === known.version) return
      // saves queued before now are superseded by the rebuilt state, which holds their edits
      epoch.current += 1
      unsent.current = null
      const theirs = { spans: fresh.layer.spans, relations: fresh.layer.relations, tags: fresh.layer.tags ?? {} }
      const mine = historyRef.current.current
      const rebased = rebaseEdits(known.annotations, mine, theirs)
      const { kept, dropped } = rebased
      const result = { ...rebased.result, tags: rebased.result.tags ?? {} }
      landed(fresh.layer, fresh.version, theirs)
      // the undo history starts again here: undoing past this point would undo their changes
      historyRef.current = startHistory(result)
      setHistory(historyRef.current)
      const title = documentRef.current?.title ?? id
      const yours =
        kept + dropped === 0
          ? ''
          : ` Your unsaved change(s): ${kept} re-applied${dropped ? `, ${dropped} dropped because they clashed with theirs (their version wins)` : ''}.`
      onError(`“${title}” was changed elsewhere (another tab, window or person): showing the version now on disk.${yours}`)
      if (sameAnnotations(result, theirs)) return
      try {
        const saved = await invoke('annotations.save', { documentId: id, baseVersion: fresh.version, ...result }, context)
        landed(saved.layer, saved.version, result)
      } catch (error) {
        if (isConflict(error) && attempt < MAX_REBASES) return rebaseOnDisk(id, context, attempt + 1)
        throw error
      }
    },
    [landed, onError]
  )

  const save = useCallback(
    ({ spans, relations, tags }: Annotations) => {
      if (!documentId) return
      // saves run one after another, so the file always ends with the latest state; each waits
      // for the next frame, so the edit is painted before its request is built and sent. The
      // annotator is the one the edit was made as, even if the tab switches meanwhile.
      const request = { documentId, spans, relations, tags, labelRevision: labelRevision.current }
      const context = { annotator }
      const queuedIn = epoch.current
      unsent.current = { request, context }
      saving.current = saving.current
        .then(afterNextFrame)
        .then(async () => {
          if (unsent.current?.request === request) unsent.current = null
          // rebuilt from disk since: the rebuilt state (which holds this edit) was saved instead
          if (queuedIn !== epoch.current || !base.current) return
          try {
            const saved = await invoke('annotations.save', { ...request, baseVersion: base.current.version }, context)
            landed(saved.layer, saved.version, { spans, relations, tags })
          } catch (error) {
            if (!isConflict(error)) throw error
            await rebaseOnDisk(documentId, context)
          }
        })
        .catch((error: Error) => onError(`Not saved: ${error.message}`))
    },
    [documentId, annotator, landed, rebaseOnDisk, onError]
  )

  // the folder watcher: this layer changed on disk (another tab, process, or a pull). After
  // the saves on their way, a version other than the editor's means someone else wrote it.
  useEffect(() => {
    if (!documentId) return
    const context = { annotator }
    return subscribeToChanges((notice) => {
      const touched =
        notice === 'resync' ||
        notice.changes.some((c) => c.kind === 'layer' && c.documentId === documentId && c.annotator === annotator && !written.current.has(c.version))
      if (!touched) return
      saving.current = saving.current
        .then(() => (loaded.current ? rebaseOnDisk(documentId, context) : undefined))
        .catch((error: Error) => onError(`Could not reload the document: ${error.message}`))
    })
  }, [documentId, annotator, rebaseOnDisk, onError])

  const commit = useCallback(
    (next: AnnotationHistory) => {
      if (next === historyRef.current || !loaded.current) return
      const before = historyRef.current.current
      historyRef.current = next
      setHistory(next)
      // an outside action (and its undo) leaves the layer as it was: nothing to write
      if (!sameAnnotationState(before, next.current)) save(next.current)
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
    commit(applyEdit(historyRef.current, { spans, relations: keepLinkedRelations(spans, next.relations), tags: next.tags }))
  }
  const editSpan = (id: string, change: (span: Span) => Span) =>
    edit((state) => ({ ...state, spans: state.spans.map((span) => (span.id === id ? change(span) : span)) }))

  return {
    document,
    documentVersion,
    offsets,
    status,
    spans: history.current.spans,
    relations: history.current.relations,
    tags: history.current.tags,
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
    toggleTag: (group, option) => edit((state) => ({ ...state, tags: toggleTag(state.tags, group, option) })),
    undo: () => {
      const step = loaded.current ? stepToUndo(historyRef.current) : undefined
      commit(undo(historyRef.current))
      step?.undo()
      setSelectedId(null)
      setSelectedRelationId(null)
    },
    redo: () => {
      const step = loaded.current ? stepToRedo(historyRef.current) : undefined
      commit(redo(historyRef.current))
      step?.redo()
      setSelectedId(null)
      setSelectedRelationId(null)
    },
    recordStep: (step) => {
      if (loaded.current) commit(recordStep(historyRef.current, step))
    },
    setStatus: async (next) => {
      if (!documentId || !loaded.current) return
      const context = { annotator }
      const send = async () => {
        const known = base.current
        if (!known) return
        const saved = await invoke('annotations.setStatus', { documentId, baseVersion: known.version, status: next }, context)
        landed(saved.layer, saved.version, known.annotations)
      }
      // through the same queue as the edits, so neither overwrites the other; a newer layer on
      // disk is taken first (with the user's edits re-applied), then the status is set on it
      const done = saving.current.then(() =>
        send().catch(async (error: unknown) => {
          if (!isConflict(error)) throw error
          await rebaseOnDisk(documentId, context)
          await send()
        })
      )
      saving.current = done.catch(() => undefined)
      await done
    }
  }
}
