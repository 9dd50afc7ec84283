// The open document's suggestions: asked for once the text is on screen (the quick sources
// first, the model after), asked again from the analyst's own labels after each save (a newly
// labelled name is proposed at once elsewhere), and shown only where the live spans leave room.
// A rejection is remembered at once on screen and saved to the annotator's suggestion file with
// the version it was read at; a conflict (another tab rejected meanwhile) reads it and tries again.
// Its undo (Ctrl+Z, through the editor's history) takes it back the same way.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { FileVersion } from '../../../../shared/api/contract'
import type { Span } from '../../../../shared/model'
import { suggestionKey, visibleSuggestions, type Suggestion, type SuggestionMark, type SuggestionSourceId } from '../../../../shared/suggest/types'
import { invoke, isConflict } from '../../api/client'

const QUICK: SuggestionSourceId[] = ['own', 'dictionary', 'patterns']
const MODEL: SuggestionSourceId[] = ['model']

export interface DocumentSuggestions {
  /** What to show, in text order; each as a span whose id is its suggestion key. */
  shown: Span[]
  byKey: Map<string, Suggestion>
  reject(marks: Suggestion[]): void
  /** Takes rejections back (their undo): the suggestions show again. */
  unreject(marks: Suggestion[]): void
  /** Reads every source again (after the settings or dictionaries changed). */
  reload(): void
}

export function useSuggestions(
  documentId: string | null,
  annotator: string,
  /** Whether the document's text is on screen: nothing is asked for before. */
  ready: boolean,
  spans: Span[],
  /** Changes after each save of the layer: the analyst's own labels are read again. */
  savedTick: number,
  onError: (message: string) => void
): DocumentSuggestions {
  const [bySource, setBySource] = useState<Partial<Record<SuggestionSourceId, Suggestion[]>>>({})
  const [rejected, setRejected] = useState<Set<string>>(new Set())
  const [reloadKey, setReloadKey] = useState(0)
  const version = useRef<FileVersion | null>(null)
  const current = useRef<string | null>(null)
  /** Rejections are sent one after another: each states the version the previous one wrote. */
  const queue = useRef<Promise<void>>(Promise.resolve())

  const fetchSources = useCallback(
    async (id: string, sources: SuggestionSourceId[]) => {
      const result = await invoke('suggestions.document', { documentId: id, sources }, { annotator })
      if (current.current !== id) return
      version.current = result.version
      setBySource((previous) => ({ ...previous, ...Object.fromEntries(sources.map((source) => [source, result.suggestions.filter((s) => s.source === source)])) }))
    },
    [annotator]
  )

  useEffect(() => {
    current.current = ready ? documentId : null
    setBySource({})
    setRejected(new Set())
    version.current = null
    if (!documentId || !ready) return
    const id = documentId
    // the quick sources, then the model (a long text takes it a while), never holding up the text
    fetchSources(id, QUICK)
      .then(() => fetchSources(id, MODEL))
      .catch((error: Error) => onError(`Suggestions: ${error.message}`))
  }, [documentId, ready, fetchSources, onError, reloadKey])

  useEffect(() => {
    if (!documentId || !ready || savedTick === 0) return
    fetchSources(documentId, ['own']).catch((error: Error) => onError(`Suggestions: ${error.message}`))
  }, [savedTick])

  const all = useMemo(() => Object.values(bySource).flat(), [bySource])
  const shownSuggestions = useMemo(() => visibleSuggestions(all, spans, rejected), [all, spans, rejected])
  const shown = useMemo(() => shownSuggestions.map((s) => ({ id: suggestionKey(s), start: s.start, end: s.end, label: s.label })), [shownSuggestions])
  const byKey = useMemo(() => new Map(shownSuggestions.map((s) => [suggestionKey(s), s])), [shownSuggestions])

  /** Saves rejections (or, with `undo`, takes them back) after those sent before. */
  const send = useCallback(
    (marks: SuggestionMark[], undo: boolean) => {
      if (!documentId) return
      const request = async (attempt: number): Promise<void> => {
        const baseVersion = version.current ?? 'absent'
        try {
          const suggestions = marks.map(({ start, end, label }) => ({ start, end, label }))
          const saved = await invoke('suggestions.reject', { documentId, baseVersion, suggestions, ...(undo ? { undo } : {}) }, { annotator })
          if (current.current === documentId) version.current = saved.version
        } catch (error) {
          if (!isConflict(error) || attempt > 2) throw error
          // changed elsewhere meanwhile: adding to (or taking from) a set, so read the version and do it again
          version.current = (await invoke('suggestions.document', { documentId, sources: ['own'] }, { annotator })).version
          await request(attempt + 1)
        }
      }
      queue.current = queue.current.then(() => request(1)).catch((error: Error) => onError(`Not saved: ${error.message}`))
    },
    [documentId, annotator, onError]
  )

  const reject = useCallback(
    (marks: Suggestion[]) => {
      if (!documentId || marks.length === 0) return
      setRejected((previous) => new Set([...previous, ...marks.map(suggestionKey)]))
      send(marks, false)
    },
    [documentId, send]
  )

  const unreject = useCallback(
    (marks: Suggestion[]) => {
      if (!documentId || marks.length === 0) return
      const back = new Set(marks.map(suggestionKey))
      setRejected((previous) => new Set([...previous].filter((key) => !back.has(key))))
      // a list read again since the rejection no longer holds them: they come back to their source's list
      setBySource((previous) => {
        const next = { ...previous }
        for (const mark of marks) {
          const list = next[mark.source] ?? []
          if (!list.some((s) => suggestionKey(s) === suggestionKey(mark))) next[mark.source] = [...list, mark]
        }
        return next
      })
      send(marks, true)
    },
    [documentId, send]
  )

  return { shown, byKey, reject, unreject, reload: useCallback(() => setReloadKey((k) => k + 1), []) }
}
