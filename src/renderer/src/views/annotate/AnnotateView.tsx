import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportReport, SearchHit } from '../../../../shared/api/contract'
import type { Relation } from '../../../../shared/model'
import { relationTypesBetween } from '../../../../shared/relations'
import { compareSpans } from '../../../../shared/span-order'
import { mergeImportReports } from '../../../../shared/api/import-report'
import { snapToWords } from '../../../../shared/words'
import { desktop, exportProject, importWithDesktopDialog, invoke, type ExportRequest } from '../../api/client'
import { droppedFiles, pickedFile, type PickedFile } from '../../api/uploads'
import { ImportProgressToast } from './ImportProgressToast'
import { useImport } from './use-import'
import { buildShortcuts, isTypingTarget, tagKeysOf } from '../../commands/shortcuts'
import { TagBar } from '../../panels/TagBar'
import { UndoRedoButtons } from '../../panels/UndoRedoButtons'
import { findMatches } from '../../editor/find'
import { TextView, type PendingSelection, type ScrollRequest } from '../../editor/TextView'
import { useDocumentEditor } from '../../editor/use-document-editor'
import { stepByWord } from '../../editor/word-step'
import { LABEL_TAG_MODES, type LabelTagMode } from '../../editor/span-marks'
import { usePreferences } from '../../app/preferences'
import { AnnotatorField } from '../../panels/AnnotatorField'
import { applyFilter, DocumentFilters, NO_FILTER, type DocumentFilter } from '../../panels/DocumentFilters'
import { DocumentList, STATUS_TEXT } from '../../panels/DocumentList'
import { DocumentTitle } from '../../panels/DocumentTitle'
import { sortDocuments } from '../../../../shared/document-order'
import { useDocumentRename } from './use-document-rename'
import { ExportDialog } from '../../panels/ExportDialog'
import { FindBar } from '../../panels/FindBar'
import { ImportReportView } from '../../panels/ImportReportView'
import { LabelBar } from '../../panels/LabelBar'
import { applyLabelChange, undoLabelChange } from '../../api/label-change'
import { LabelEditor, type LabelSetChange } from '../../panels/LabelEditor'
import { PanelEdge } from '../../panels/PanelEdge'
import { ProjectSearch } from '../../panels/ProjectSearch'
import { RelationList } from '../../panels/RelationList'
import { ShortcutSheet } from '../../panels/ShortcutSheet'
import { SpanDetails } from '../../panels/SpanDetails'
import { SpanList } from '../../panels/SpanList'
import { SyncButton } from '../../panels/SyncButton'
import { Toasts, type Message } from '../../panels/Toasts'
import { useProject } from '../../app/use-project'
import { PhraseMatcher } from '../../../../shared/suggest/phrases'
import { suggestionKey } from '../../../../shared/suggest/types'
import type { SuggestionActions } from '../../commands/shortcuts'
import { SuggestionList } from '../../panels/SuggestionList'
import { SuggestSettingsDialog } from '../../panels/SuggestSettingsDialog'
import { useSuggestions } from './use-suggestions'
import { useSync } from '../../app/use-sync'

const NO_RELATIONS: Relation[] = []

// the chart library loads only when the statistics are opened
const StatisticsDialog = lazy(() => import('../../panels/StatisticsDialog'))

export function AnnotateView() {
  const [message, setMessage] = useState<Message | null>(null)
  const showError = useCallback((text: string) => setMessage({ text, error: true }), [])
  const dismissMessage = useCallback(() => setMessage(null), [])
  const { info, setInfo, documents, refresh, refreshDocuments, onSaved, onRenamed, switchAnnotator } = useProject(showError)
  const [currentId, setCurrentId] = useState<string | null>(null)
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [scrollTo, setScrollTo] = useState<ScrollRequest | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const importer = useImport()
  const [dialog, setDialog] = useState<'shortcuts' | 'labels' | 'export' | 'statistics' | 'suggestions' | null>(null)
  const [dragging, setDragging] = useState(false)
  const [filter, setFilter] = useState<DocumentFilter>(NO_FILTER)
  const [findOpen, setFindOpen] = useState(false)
  const [findQuery, setFindQuery] = useState('')
  const [findIndex, setFindIndex] = useState(0)
  const [linkFrom, setLinkFrom] = useState<string | null>(null)
  const [linkChoice, setLinkChoice] = useState<{ from: string; to: string; types: string[] } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const view = usePreferences()
  // in the user's order: the list, ] and [ and the first document opened all follow it
  const visibleDocuments = useMemo(() => sortDocuments(applyFilter(documents, filter), view.documentOrder), [documents, filter, view.documentOrder])
  // derived from the summaries, so an annotator appears as soon as their first save lands
  const annotators = useMemo(() => [...new Set(documents.flatMap((d) => d.annotators))].sort(), [documents])
  useEffect(() => {
    // (a damaged document is not opened first: it can only show its error)
    if (!currentId || !documents.some((d) => d.id === currentId)) {
      const ordered = sortDocuments(documents, view.documentOrder)
      setCurrentId((ordered.find((d) => !d.error) ?? ordered[0])?.id ?? null)
    }
  }, [documents, currentId, view.documentOrder])

  const [reloadKey, setReloadKey] = useState(0)
  const { syncing, sync } = useSync({
    onReport: useCallback((text: string, error: boolean) => setMessage({ text, error }), []),
    onError: showError,
    afterSync: useCallback(() => refresh().then(() => setReloadKey((k) => k + 1)), [refresh])
  })
  // each landed save asks for the suggestions from the analyst's own labels again
  const [savedTick, setSavedTick] = useState(0)
  const onLayerSaved = useCallback<typeof onSaved>(
    (layer) => {
      onSaved(layer)
      setSavedTick((tick) => tick + 1)
    },
    [onSaved]
  )
  const editor = useDocumentEditor(currentId, info?.annotator ?? '', onLayerSaved, showError, reloadKey)
  const suggestions = useSuggestions(currentId, info?.annotator ?? '', editor.document !== null, editor.spans, savedTick, showError)
  const [selectedSuggestion, setSelectedSuggestion] = useState<string | null>(null)
  useEffect(() => setSelectedSuggestion(null), [currentId])
  // another tab renamed or deleted a label: the open layer is read again, named as the label set
  // is now (saves sent meanwhile are brought forward by the store); once per label set version
  const reloadedForLabels = useRef<string | null>(null)
  useEffect(() => {
    if (!info || reloadedForLabels.current === info.labelsVersion) return
    const known = new Set(info.labels.map((label) => label.name))
    if (!editor.spans.some((span) => !known.has(span.label))) return
    reloadedForLabels.current = info.labelsVersion
    setReloadKey((k) => k + 1)
  }, [info, editor.spans])
  const rename = useDocumentRename({ documentId: currentId, documentVersion: editor.documentVersion, onRenamed, onMessage: setMessage })
  const labels = useMemo(() => info?.labels ?? [], [info])
  const relationTypes = useMemo(() => info?.relationTypes ?? [], [info])
  const tagGroups = useMemo(() => info?.tagGroups ?? [], [info])
  const text = editor.document?.text ?? ''

  const matches = useMemo(() => (findOpen ? findMatches(text, findQuery) : []), [findOpen, text, findQuery])
  const find = useMemo(() => ({ matches, current: Math.min(findIndex, Math.max(0, matches.length - 1)) }), [matches, findIndex])

  const openDocument = useCallback((id: string) => {
    setCurrentId(id)
    // a position asked for in the previous document means nothing in this one
    setScrollTo(null)
    setPending(null)
    setLinkFrom(null)
    setLinkChoice(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  const selectSuggestion = useCallback(
    (key: string | null) => {
      setSelectedSuggestion(key)
      const suggestion = key ? suggestions.byKey.get(key) : undefined
      if (suggestion) {
        editor.select(null)
        setPending(null)
        setScrollTo({ offset: suggestion.start })
      }
    },
    [suggestions.byKey, editor]
  )

  /** Accepts suggestions (one undo step); selects the one after the last accepted. */
  const acceptSuggestions = useCallback(
    (keys: string[], label?: string) => {
      const chosen = keys.map((key) => suggestions.byKey.get(key)).filter((s) => s !== undefined)
      if (chosen.length === 0) return 0
      const after = suggestions.shown.find((s) => !keys.includes(s.id) && s.start >= chosen.at(-1)!.end)
      const made = editor.createSpans(chosen.map((s) => ({ start: s.start, end: s.end, label: label ?? s.label })))
      setSelectedSuggestion(after?.id ?? null)
      if (after) setScrollTo({ offset: after.start })
      return made
    },
    [suggestions, editor]
  )

  const suggestionActions = useMemo<SuggestionActions>(
    () => ({
      nextSuggestion: (backwards) => {
        const list = suggestions.shown
        if (list.length === 0) return
        const index = list.findIndex((s) => s.id === selectedSuggestion)
        const next = index < 0 ? (backwards ? list.length - 1 : 0) : (index + (backwards ? -1 : 1) + list.length) % list.length
        selectSuggestion(list[next]!.id)
      },
      acceptSuggestion: () => {
        if (selectedSuggestion) acceptSuggestions([selectedSuggestion])
      },
      rejectSuggestion: () => {
        const suggestion = selectedSuggestion ? suggestions.byKey.get(selectedSuggestion) : undefined
        if (!suggestion) return
        const after = suggestions.shown.find((s) => s.id !== selectedSuggestion && s.start >= suggestion.start)
        suggestions.reject([suggestion])
        // one step of the editor's undo history: Ctrl+Z brings the suggestion back (and selects it)
        const { reject, unreject } = suggestions
        editor.recordStep({
          undo: () => {
            unreject([suggestion])
            setSelectedSuggestion(suggestionKey(suggestion))
            setScrollTo({ offset: suggestion.start })
          },
          redo: () => reject([suggestion])
        })
        setSelectedSuggestion(after?.id ?? null)
        if (after) setScrollTo({ offset: after.start })
      },
      acceptLabel: () => {
        const label = selectedSuggestion ? suggestions.byKey.get(selectedSuggestion)?.label : undefined
        if (!label) return
        const made = acceptSuggestions(suggestions.shown.filter((s) => s.label === label).map((s) => s.id))
        setMessage({ text: `Accepted ${made} ${label} suggestion(s).`, error: false, undo: editor.undo })
      },
      acceptAll: () => {
        const made = acceptSuggestions(suggestions.shown.map((s) => s.id))
        if (made > 0) setMessage({ text: `Accepted ${made} suggestion(s).`, error: false, undo: editor.undo })
      },
      labelAllOccurrences: () => {
        const span = editor.spans.find((s) => s.id === editor.selectedId)
        if (!span || !editor.offsets) return
        const matcher = new PhraseMatcher()
        matcher.add(editor.offsets.sliceCodePoints(span.start, span.end), span.label)
        const offsets = editor.offsets
        const found = matcher.match(text).map((m) => ({ start: offsets.toCodePoint(m.start), end: offsets.toCodePoint(m.end), label: span.label }))
        const made = editor.createSpans(found)
        setMessage({ text: `Labelled ${made} more occurrence(s) as ${span.label}.`, error: false, ...(made > 0 ? { undo: editor.undo } : {}) })
      },
      openSettings: () => setDialog('suggestions')
    }),
    [suggestions, selectedSuggestion, selectSuggestion, acceptSuggestions, editor, text]
  )

  const moveDocument = useCallback(
    (step: number) => {
      const index = visibleDocuments.findIndex((d) => d.id === currentId)
      const next = visibleDocuments[index < 0 ? 0 : index + step]
      if (next) openDocument(next.id)
    },
    [visibleDocuments, currentId, openDocument]
  )

  const stepFind = useCallback(
    (step: 1 | -1) => {
      if (matches.length === 0 || !editor.offsets) return
      const next = (find.current + step + matches.length) % matches.length
      setFindIndex(next)
      setScrollTo({ offset: editor.offsets.toCodePoint(matches[next]!.start) })
    },
    [matches, find, editor.offsets]
  )

  // the find bar labels its current match, or every match, snapped like a mouse selection
  const labelMatches = useCallback(
    (label: string, all: boolean) => {
      const offsets = editor.offsets
      if (!offsets || matches.length === 0) return
      const chosen = all ? matches : [matches[find.current]!]
      const spans = chosen.flatMap((match) => {
        const snapped = snapToWords(text, match.start, match.end)
        return snapped ? [{ start: offsets.toCodePoint(snapped.start), end: offsets.toCodePoint(snapped.end), label }] : []
      })
      const made = editor.createSpans(spans)
      if (all) setMessage({ text: `Labelled ${made} of ${chosen.length} matches as ${label}.`, error: false, undo: editor.undo })
      else if (!all && made > 0) stepFind(1)
    },
    [editor, matches, find, text, stepFind]
  )

  // relations: the source is chosen first, then the target; the type follows from the labels
  const finishLink = useCallback(
    (from: string, to: string) => {
      const source = editor.spans.find((s) => s.id === from)
      const target = editor.spans.find((s) => s.id === to)
      if (!source || !target || from === to) return
      const fits = relationTypesBetween(relationTypes, source.label, target.label)
      if (fits.length === 0) {
        showError(`No relation type goes from ${source.label} to ${target.label}.`)
        return
      }
      setLinkFrom(null)
      if (fits.length === 1) editor.createRelation(fits[0]!.name, from, to)
      else setLinkChoice({ from, to, types: fits.map((t) => t.name) })
    },
    [editor, relationTypes, showError]
  )

  const selectSpan = useCallback(
    (id: string | null) => {
      if (linkFrom && id && id !== linkFrom) finishLink(linkFrom, id)
      else editor.select(id)
      if (id) setSelectedSuggestion(null)
    },
    [linkFrom, finishLink, editor]
  )

  const applyLabel = useCallback(
    (label: string) => {
      if (pending) {
        editor.createSpan(pending.start, pending.end, label)
        setPending(null)
        // the caret stays at the span's end, so keyboard work carries on from there
        const selection = window.getSelection()
        if (selection && selection.rangeCount > 0) selection.collapseToEnd()
      } else if (editor.selectedId) {
        editor.relabelSelected(label)
      } else if (selectedSuggestion) {
        // a label key on a selected suggestion accepts it with that label
        acceptSuggestions([selectedSuggestion], label)
      }
    },
    [pending, editor, selectedSuggestion, acceptSuggestions]
  )

  const runImport = useCallback(
    async (picks: PickedFile[] | null, folders = false) => {
      try {
        const { report: result, cancelled } = await importer.run(picks, folders)
        if (cancelled) {
          setMessage({ text: 'Import cancelled: the project is as it was.', error: false })
          return
        }
        if (!result) return
        setReport(result)
        // the new rows only (labels the import added come with the watcher's notice)
        await refreshDocuments(result.added.map((doc) => doc.id))
        if (result.added[0]) openDocument(result.added[0].id)
      } catch (error) {
        showError((error as Error).message)
      }
    },
    [refreshDocuments, openDocument, showError, importer.run]
  )

  const startImport = useCallback(
    (folders: boolean) => {
      if (desktop) void runImport(null, folders)
      else (folders ? folderInput : fileInput).current?.click()
    },
    [runImport]
  )

  const runExport = useCallback(
    async (request: ExportRequest) => {
      setDialog(null)
      try {
        const done = await exportProject(request)
        if (done) setMessage({ text: done, error: false })
      } catch (error) {
        showError((error as Error).message)
      }
    },
    [showError]
  )

  const changeLabels = useCallback(
    async (change: LabelSetChange) => {
      const { info: next, undo, keptFromElsewhere } = await applyLabelChange(change)
      setInfo(next)
      // the open layer is read again at once: the watcher's word of the layers this change
      // rewrote must not come first and be taken for someone else's edit
      setReloadKey((k) => k + 1)
      await refresh()
      setMessage({
        text: keptFromElsewhere.length ? `Labels saved; kept ${keptFromElsewhere.join(', ')}, added elsewhere meanwhile.` : 'Labels saved.',
        error: false,
        undo: () => {
          undoLabelChange(undo, next)
            .then((restored) => {
              setInfo(restored)
              setReloadKey((k) => k + 1)
            })
            .then(refresh)
            .then(() => setMessage({ text: 'Label change undone.', error: false }), (error: Error) => showError(error.message))
        }
      })
    },
    [setInfo, refresh, showError]
  )

  const toggleDone = useCallback(() => {
    editor.setStatus(editor.status === 'done' ? 'in_progress' : 'done').catch((error: Error) => showError(error.message))
  }, [editor, showError])

  const shortcuts = useMemo(
    () =>
      buildShortcuts({
        labels,
        applyLabel,
        tagKeys: tagKeysOf(tagGroups),
        toggleTag: (groupName, option) => {
          const group = tagGroups.find((g) => g.name === groupName)
          if (group && editor.document) editor.toggleTag(group, option)
        },
        deleteSelected: editor.deleteSelected,
        undo: editor.undo,
        redo: editor.redo,
        nextDocument: () => moveDocument(1),
        previousDocument: () => moveDocument(-1),
        toggleDone,
        nextSpan: (backwards) => {
          // in text order; in relation mode only the spans some relation type can link to
          const source = editor.spans.find((s) => s.id === linkFrom)
          const stops = source
            ? editor.spans.filter((s) => s.id !== source.id && relationTypesBetween(relationTypes, source.label, s.label).length > 0)
            : editor.spans
          const current = editor.spans.find((s) => s.id === editor.selectedId)
          const next = current
            ? backwards
              ? (stops.findLast((s) => compareSpans(s, current) < 0) ?? stops.at(-1))
              : (stops.find((s) => compareSpans(s, current) > 0) ?? stops[0])
            : backwards
              ? stops.at(-1)
              : stops[0]
          if (!next) return
          editor.select(next.id)
          setScrollTo({ offset: next.start })
        },
        clearSelection: () => {
          setPending(null)
          setLinkFrom(null)
          setLinkChoice(null)
          editor.select(null)
          editor.selectRelation(null)
          setSelectedSuggestion(null)
          window.getSelection()?.removeAllRanges()
        },
        showShortcuts: () => setDialog('shortcuts'),
        showStatistics: () => setDialog('statistics'),
        toggleRelations: view.toggleRelations,
        changeTextSize: view.changeTextSize,
        togglePanel: view.togglePanel,
        cycleLabelTags: view.cycleLabelTags,
        sync,
        suggestions: suggestionActions,
        importing: importer.state !== null,
        cancelImport: importer.cancel,
        adjustSpan: (edge, grow) => {
          const span = editor.spans.find((s) => s.id === editor.selectedId)
          if (!span || !editor.offsets) return
          const moved = stepByWord(text, editor.offsets, span, edge, grow)
          editor.resizeSelected(moved.start, moved.end)
        },
        startLink: () => {
          if (editor.selectedId) setLinkFrom(editor.selectedId)
        },
        confirmLink: (event) => {
          // arrows in the span list move focus, not the selection: the focused row is the target
          const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-span-id]') : null
          const target = row?.dataset.spanId ?? editor.selectedId
          if (linkFrom && target && target !== linkFrom) finishLink(linkFrom, target)
        },
        openFind: () => setFindOpen(true),
        renameDocument: (event) => {
          // on a row of the document list: that document (opened first); elsewhere the open one
          const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[data-document-id]') : null
          const id = row?.dataset.documentId ?? currentId
          if (!id) return
          if (id !== currentId) openDocument(id)
          rename.start(id)
        },
        editDetails: () => document.querySelector<HTMLElement>('.span-details select, .span-details input, .span-details textarea')?.focus()
      }),
    [labels, tagGroups, applyLabel, editor, moveDocument, toggleDone, text, linkFrom, finishLink, relationTypes, view, sync, currentId, openDocument, rename, suggestionActions, importer.state !== null, importer.cancel]
  )

  // the keys that come before any other use of theirs (Escape cancelling an import), even in a field or a dialog
  useEffect(() => {
    const first = shortcuts.filter((s) => s.first)
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = first.find((s) => s.matches(event))
      if (!shortcut) return
      event.preventDefault()
      event.stopPropagation()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [shortcuts])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (dialog) return
      // choosing a relation type: its number
      if (linkChoice && /^[1-9]$/.test(event.key)) {
        const type = linkChoice.types[Number(event.key) - 1]
        if (type) editor.createRelation(type, linkChoice.from, linkChoice.to)
        setLinkChoice(null)
        event.preventDefault()
        return
      }
      const shortcut = shortcuts.find((s) => s.matches(event))
      if (!shortcut) return
      if (isTypingTarget(event.target) && shortcut.id !== 'find') return
      // Tab moves focus as usual outside the text; inside it, it walks the spans
      if (shortcut.id.endsWith('-span') && !(event.target instanceof HTMLElement && event.target.closest('.document-text'))) return
      if (linkFrom && shortcut.id.startsWith('label:')) return
      // Enter links only in relation mode; elsewhere it presses the focused button
      if (shortcut.id === 'confirm-link' && !linkFrom) return
      event.preventDefault()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shortcuts, dialog, linkChoice, linkFrom, editor])

  useEffect(() => {
    if (!desktop) return
    const commands: Record<string, () => void> = {
      'import-files': () => startImport(false),
      'import-folder': () => startImport(true),
      export: () => setDialog('export'),
      undo: editor.undo,
      redo: editor.redo,
      'next-document': () => moveDocument(1),
      'previous-document': () => moveDocument(-1),
      'toggle-done': toggleDone,
      'rename-document': () => currentId && rename.start(currentId),
      'toggle-relations': view.toggleRelations,
      'cycle-label-tags': view.cycleLabelTags,
      'text-larger': () => view.changeTextSize(1),
      'text-smaller': () => view.changeTextSize(-1),
      'text-reset': () => view.changeTextSize(0),
      sync
    }
    return desktop.onMenuCommand((command) => commands[command]?.())
  }, [startImport, editor, moveDocument, toggleDone, view, sync, currentId, rename])

  const done = documents.filter((d) => d.status === 'done').length
  const current = documents.find((d) => d.id === currentId)
  // the details panel follows a change of selection at low priority, so the frame that shows a
  // new span paints only the text (its content follows edits at once: typing never lags)
  const detailsSpanId = useDeferredValue(editor.selectedId)
  const selectedSpan = editor.spans.find((s) => s.id === detailsSpanId)
  const linkSource = editor.spans.find((s) => s.id === linkFrom)
  const accept = (info?.importExtensions ?? ['.txt', '.md']).join(',')
  const onPicked = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])]
    event.target.value = ''
    if (files.length) await runImport(files.map((file) => pickedFile(file)))
  }

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={(event) => event.currentTarget === event.target && setDragging(false)}
      onDrop={(event) => {
        event.preventDefault()
        setDragging(false)
        droppedFiles(event.dataTransfer).then(
          (picks) => (picks.length > 0 ? runImport(picks) : undefined),
          (error: Error) => showError(error.message)
        )
      }}
    >
      <header className="topbar">
        <h1>Spanwise</h1>
        <span className="project-name" title={info?.name}>
          {info?.name}
        </span>
        <div className="progress" role="status" aria-label={`${done} of ${documents.length} documents done`} data-testid="progress">
          <span>
            {done} / {documents.length} done
          </span>
          <progress max={Math.max(documents.length, 1)} value={done} />
        </div>
        {info && (
          <AnnotatorField
            annotator={info.annotator}
            onChange={switchAnnotator}
            onError={showError}
          />
        )}
        {/* the actions stay together: on a narrow window they move to a row of their own, never one by one */}
        <div className="topbar-actions" role="group" aria-label="Project actions">
          <button type="button" onClick={() => startImport(false)}>
            Import files…
          </button>
          <button type="button" onClick={() => startImport(true)}>
            Import folder…
          </button>
          <button type="button" onClick={() => setDialog('export')}>
            Export…
          </button>
          <button type="button" onClick={() => setDialog('statistics')} aria-keyshortcuts="Control+Shift+S">
            Statistics…
          </button>
          <button type="button" onClick={() => setDialog('labels')}>
            Labels…
          </button>
          <button type="button" onClick={() => setDialog('suggestions')} aria-keyshortcuts="Control+Shift+K">
            Suggestions…
          </button>
          <SyncButton syncing={syncing} onSync={sync} />
          <button type="button" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
            ?
          </button>
        </div>
        <input ref={fileInput} type="file" multiple hidden accept={accept} data-testid="file-input" onChange={onPicked} />
        {/* @ts-expect-error: webkitdirectory is not in React's attribute types yet */}
        <input ref={folderInput} type="file" hidden webkitdirectory="" onChange={onPicked} />
      </header>

      <Toasts message={message} onDismiss={dismissMessage}>
        {importer.state && <ImportProgressToast state={importer.state} onCancel={importer.cancel} cancelKeys={shortcuts.find((s) => s.id === 'cancel-import')?.keys} />}
      </Toasts>
      {report && <ImportReportView report={report} onClose={() => setReport(null)} />}

      <main
        className="workbench"
        style={{ ['--left-width' as string]: `${view.panels.leftCollapsed ? 0 : view.panels.left}px`, ['--right-width' as string]: `${view.panels.rightCollapsed || !editor.offsets ? 0 : view.panels.right}px` }}
      >
        <div className="sidebar" hidden={view.panels.leftCollapsed}>
          <ProjectSearch
            onError={showError}
            onOpen={(hit: SearchHit) => {
              openDocument(hit.documentId)
              setFindOpen(true)
              setFindQuery(hit.label ? '' : hit.match)
              setScrollTo({ offset: hit.start })
            }}
          />
          <DocumentFilters filter={filter} labels={labels.map((l) => l.name)} annotators={annotators} tagGroups={tagGroups} documents={documents} onChange={setFilter} />
          <DocumentList documents={visibleDocuments} currentId={currentId} onOpen={openDocument} order={view.documentOrder} onOrder={view.setDocumentOrder} tagGroups={tagGroups} />
        </div>
        <PanelEdge
          side="left"
          label="documents"
          width={view.panels.left}
          collapsed={view.panels.leftCollapsed}
          onResize={(width) => view.setPanelWidth('left', width)}
          onToggle={() => view.togglePanel('left')}
        />
        <section className="editor" aria-label="Editor">
          {editor.document && editor.offsets ? (
            <>
              <div className="editor-header">
                <DocumentTitle
                  // the list's title: renamed elsewhere, it follows (the watcher refreshed the list)
                  title={current?.title ?? editor.document.title}
                  {...(current?.importedTitle ? { importedTitle: current.importedTitle } : {})}
                  {...(current?.fileName ? { fileName: current.fileName } : {})}
                  editing={rename.renaming === editor.document.id}
                  onStartEdit={() => rename.start(editor.document!.id)}
                  onCancel={rename.cancel}
                  onRename={(title, seen) => void rename.commit(editor.document!.id, title, seen)}
                />
                <div className="editor-actions">
                  <span className={`status status-${editor.status}`} data-testid="document-status">
                    {STATUS_TEXT[editor.status]}
                  </span>
                  <button type="button" onClick={toggleDone} aria-keyshortcuts="Control+Enter" title="Ctrl+Enter">
                    {editor.status === 'done' ? 'Reopen' : 'Mark done'} <kbd>Ctrl+Enter</kbd>
                  </button>
                  <UndoRedoButtons undo={editor.undo} redo={editor.redo} canUndo={editor.canUndo} canRedo={editor.canRedo} />
                </div>
              </div>
              <TagBar groups={tagGroups} tags={editor.tags} onToggle={editor.toggleTag} />
              <div className="label-bar-row">
                <LabelBar labels={labels} onApply={applyLabel} />
                {/* how the text is shown: the user's own settings, beside the labels they concern */}
                <div className="view-controls">
                  <select
                    aria-label="Label tags"
                    aria-keyshortcuts="Control+Shift+L"
                    value={view.labelTags}
                    onChange={(event) => view.setLabelTags(event.target.value as LabelTagMode)}
                    data-testid="label-tags"
                  >
                    {LABEL_TAG_MODES.map((option) => (
                      <option key={option.mode} value={option.mode}>
                        {option.title}
                      </option>
                    ))}
                  </select>
                  <button type="button" aria-pressed={!view.showRelations} aria-keyshortcuts="Control+Shift+H" onClick={view.toggleRelations} data-testid="hide-relations">
                    Hide relations
                  </button>
                </div>
              </div>
              {findOpen && (
                <FindBar
                  query={findQuery}
                  count={matches.length}
                  current={find.current}
                  onQuery={(query) => {
                    setFindQuery(query)
                    setFindIndex(0)
                    const first = findMatches(text, query, 1)[0]
                    if (first && editor.offsets) setScrollTo({ offset: editor.offsets.toCodePoint(first.start) })
                  }}
                  onStep={stepFind}
                  labels={labels}
                  onLabel={labelMatches}
                  onClose={() => {
                    setFindOpen(false)
                    document.querySelector<HTMLElement>('.document-text')?.focus()
                  }}
                />
              )}
              {linkSource && (
                <p className="link-banner" role="status" data-testid="link-banner">
                  Linking from “{editor.offsets.sliceCodePoints(linkSource.start, linkSource.end)}”: click the target span, or Tab to it and press Enter. Esc cancels.
                </p>
              )}
              {linkChoice && (
                <div className="link-banner" role="group" aria-label="Choose the relation type">
                  Relation type:{' '}
                  {linkChoice.types.map((type, i) => (
                    <button
                      key={type}
                      type="button"
                      onClick={() => {
                        editor.createRelation(type, linkChoice.from, linkChoice.to)
                        setLinkChoice(null)
                      }}
                    >
                      <kbd>{i + 1}</kbd> {type}
                    </button>
                  ))}
                </div>
              )}
              <TextView
                text={editor.document.text}
                offsets={editor.offsets}
                spans={editor.spans}
                labels={labels}
                selectedId={editor.selectedId}
                relations={view.showRelations ? editor.relations : NO_RELATIONS}
                labelTags={view.labelTags}
                relationTypes={relationTypes}
                selectedRelationId={editor.selectedRelationId}
                linkSourceId={linkFrom}
                find={find}
                scrollTo={scrollTo}
                onSelectSpan={selectSpan}
                onSelectRelation={editor.selectRelation}
                onPendingSelection={setPending}
                suggestions={suggestions.shown}
                selectedSuggestionId={selectedSuggestion}
              />
            </>
          ) : (
            <p className="empty" role={current?.error ? 'alert' : undefined}>
              {current?.error ? current.error.message : current ? 'Opening…' : 'Import documents to start annotating.'}
            </p>
          )}
        </section>
        <PanelEdge
          side="right"
          label="span details"
          width={view.panels.right}
          collapsed={view.panels.rightCollapsed || !editor.offsets}
          onResize={(width) => view.setPanelWidth('right', width)}
          onToggle={() => view.togglePanel('right')}
        />
        {editor.offsets && (
          <div className="sidebar right" hidden={view.panels.rightCollapsed}>
            {selectedSpan && (
              <SpanDetails
                span={selectedSpan}
                label={labels.find((l) => l.name === selectedSpan.label)}
                text={editor.offsets.sliceCodePoints(selectedSpan.start, selectedSpan.end)}
                onChange={(change) => editor.setSpanDetails(selectedSpan.id, change)}
                onStartLink={() => setLinkFrom(selectedSpan.id)}
              />
            )}
            <SpanList
              spans={editor.spans}
              labels={labels}
              offsets={editor.offsets}
              selectedId={editor.selectedId}
              onSelect={(id) => {
                selectSpan(id)
                const span = editor.spans.find((s) => s.id === id)
                if (span) setScrollTo({ offset: span.start })
              }}
            />
            <SuggestionList
              suggestions={suggestions.shown}
              byKey={suggestions.byKey}
              labels={labels}
              offsets={editor.offsets}
              selectedKey={selectedSuggestion}
              onSelect={selectSuggestion}
              onAcceptLabel={(label) => {
                const made = acceptSuggestions(suggestions.shown.filter((s) => s.label === label).map((s) => s.id))
                setMessage({ text: `Accepted ${made} ${label} suggestion(s).`, error: false, undo: editor.undo })
              }}
              onAcceptAll={() => suggestionActions.acceptAll()}
            />
            <RelationList relations={editor.relations} spans={editor.spans} offsets={editor.offsets} selectedId={editor.selectedRelationId} onSelect={editor.selectRelation} />
          </div>
        )}
      </main>
      {dialog === 'shortcuts' && <ShortcutSheet shortcuts={shortcuts} onClose={() => setDialog(null)} />}
      {dialog === 'statistics' && (
        <Suspense fallback={null}>
          <StatisticsDialog labels={labels} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog === 'labels' && info && <LabelEditor labels={info.labels} tagGroups={info.tagGroups} labelsVersion={info.labelsVersion} documents={documents} onApply={changeLabels} onClose={() => setDialog(null)} />}
      {dialog === 'suggestions' && <SuggestSettingsDialog labels={labels} onSaved={suggestions.reload} onClose={() => setDialog(null)} />}
      {dialog === 'export' && info && (
        <ExportDialog formats={info.exportFormats} annotators={annotators} onExport={(choice) => void runExport(choice)} onClose={() => setDialog(null)} />
      )}
    </div>
  )
}
