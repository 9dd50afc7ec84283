// One document under review: its text, the annotators' layers and the gold layer, with every
// decision kept as a new gold state (undo and redo walk the states) and saved at once with the
// version it was based on. A stale save is a conflict: the document is reloaded and the user is
// told, never is someone else's gold overwritten.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { AnnotationLayer, DocumentRecord } from '../../../../shared/model'
import { OffsetMap } from '../../../../shared/offsets'
import type { GoldLayer, ReviewStatus } from '../../../../shared/review'
import { ApiFailure, invoke } from '../../api/client'

interface Loaded {
  document: DocumentRecord
  layers: AnnotationLayer[]
}

interface History {
  past: GoldLayer[]
  future: GoldLayer[]
}

const NO_HISTORY: History = { past: [], future: [] }

export function useReviewDocument(
  documentId: string | null,
  annotators: string[] | undefined,
  onError: (message: string) => void,
  onSaved: (gold: GoldLayer) => void
) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [gold, setGold] = useState<GoldLayer | null>(null)
  const [history, setHistory] = useState<History>(NO_HISTORY)
  const [reloads, setReloads] = useState(0)
  const version = useRef<string | null>(null)
  // saves go one after another, each based on the version the previous one produced
  const saving = useRef<Promise<void>>(Promise.resolve())
  const annotatorKey = annotators?.join('\u0000') ?? ''

  useEffect(() => {
    if (!documentId) {
      setLoaded(null)
      setGold(null)
      return
    }
    let current = true
    // a document loads after the saves still on their way, so it shows them
    saving.current
      .then(() => invoke('review.document', { documentId, annotators: annotatorKey ? annotatorKey.split('\u0000') : undefined }))
      .then(
        (result) => {
          if (!current) return
          version.current = result.goldVersion
          setLoaded({ document: result.document, layers: result.layers })
          setGold(result.gold)
          setHistory(NO_HISTORY)
        },
        (error: Error) => current && onError(error.message)
      )
    return () => {
      current = false
    }
  }, [documentId, annotatorKey, reloads, onError])

  const save = useCallback(
    (next: GoldLayer) => {
      saving.current = saving.current.then(async () => {
        try {
          const result = await invoke('gold.save', {
            documentId: next.documentId,
            baseVersion: version.current ?? '',
            spans: next.spans,
            relations: next.relations,
            rejected: next.rejected,
            rejectedRelations: next.rejectedRelations ?? [],
            tags: next.tags ?? {},
            ...(next.labelRevision !== undefined ? { labelRevision: next.labelRevision } : {}),
            status: next.status
          })
          version.current = result.version
          onSaved(result.gold)
        } catch (error) {
          if (error instanceof ApiFailure && error.error.code === 'conflict') {
            onError(`The gold layer of this document was changed elsewhere (another window or a teammate), so your last decision was not saved. It has been reloaded: please check it and decide again.`)
            setReloads((n) => n + 1)
          } else onError((error as Error).message)
        }
      })
    },
    [onError, onSaved]
  )

  /** Makes a decision: the new gold state is shown at once, kept for undo and saved. */
  const decide = useCallback(
    (change: (gold: GoldLayer) => GoldLayer) => {
      if (!gold) return
      let next = change(gold)
      if (next === gold) return
      // deciding anything starts the review
      if (next.status === 'not_started') next = { ...next, status: 'in_progress' }
      setHistory((h) => ({ past: [...h.past, gold], future: [] }))
      setGold(next)
      save(next)
    },
    [gold, save]
  )

  const undo = useCallback(() => {
    const previous = history.past.at(-1)
    if (!previous || !gold) return
    setHistory({ past: history.past.slice(0, -1), future: [gold, ...history.future] })
    setGold(previous)
    save(previous)
  }, [history, gold, save])

  const redo = useCallback(() => {
    const next = history.future[0]
    if (!next || !gold) return
    setHistory({ past: [...history.past, gold], future: history.future.slice(1) })
    setGold(next)
    save(next)
  }, [history, gold, save])

  const setStatus = useCallback((status: ReviewStatus) => decide((g) => (g.status === status ? g : { ...g, status })), [decide])

  const offsets = useMemo(() => (loaded ? new OffsetMap(loaded.document.text) : null), [loaded])

  return {
    document: loaded?.document ?? null,
    layers: loaded?.layers ?? [],
    gold,
    offsets,
    decide,
    undo,
    redo,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    setStatus,
    reload: useCallback(() => setReloads((n) => n + 1), []),
    /** Resolves when every decision made so far is saved (or has failed). */
    whenSaved: useCallback(() => saving.current, [])
  }
}
