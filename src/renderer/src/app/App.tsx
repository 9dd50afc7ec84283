import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportReport, ProjectInfo, Upload } from '../../../shared/api/contract'
import type { AnnotationLayer, DocumentSummary } from '../../../shared/model'
import { desktop, exportProject, importWithDesktopDialog, invoke } from '../api/client'
import { droppedUploads, fileToUpload } from '../api/uploads'
import { buildShortcuts, isTypingTarget } from '../commands/shortcuts'
import { TextView, type PendingSelection } from '../editor/TextView'
import { useDocumentEditor } from '../editor/use-document-editor'
import { nextWordEnd, nextWordStart, previousWordEnd, previousWordStart } from '../../../shared/words'
import { AnnotatorField } from '../panels/AnnotatorField'
import { DocumentList, STATUS_TEXT } from '../panels/DocumentList'
import { ImportReportView } from '../panels/ImportReportView'
import { LabelBar } from '../panels/LabelBar'
import { ShortcutSheet } from '../panels/ShortcutSheet'
import { SpanList } from '../panels/SpanList'

export function App() {
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const [currentId, setCurrentId] = useState<string | null>(null)
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [scrollToId, setScrollToId] = useState<string | null>(null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [showShortcuts, setShowShortcuts] = useState(false)
  const [dragging, setDragging] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const folderInput = useRef<HTMLInputElement>(null)

  const showError = useCallback((text: string) => setMessage({ text, error: true }), [])

  const refresh = useCallback(async () => {
    const [project, list] = await Promise.all([invoke('project.info', {}), invoke('documents.list', {})])
    setInfo(project)
    setDocuments(list)
    setCurrentId((current) => (current && list.some((d) => d.id === current) ? current : (list[0]?.id ?? null)))
  }, [])

  useEffect(() => {
    refresh().catch((error: Error) => showError(error.message))
  }, [refresh, showError])

  const onSaved = useCallback((layer: AnnotationLayer) => {
    setDocuments((list) =>
      list.map((doc) => (doc.id === layer.documentId ? { ...doc, status: layer.status, spanCount: layer.spans.length } : doc))
    )
  }, [])

  const editor = useDocumentEditor(currentId, info?.annotator ?? '', onSaved, showError)
  const labels = useMemo(() => info?.labels ?? [], [info])

  const openDocument = useCallback((id: string) => {
    setCurrentId(id)
    setPending(null)
    window.getSelection()?.removeAllRanges()
  }, [])

  const moveDocument = useCallback(
    (step: number) => {
      const index = documents.findIndex((d) => d.id === currentId)
      const next = documents[index + step]
      if (next) openDocument(next.id)
    },
    [documents, currentId, openDocument]
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
      }
    },
    [pending, editor]
  )

  const runImport = useCallback(
    async (uploads: Upload[] | null) => {
      try {
        const result = uploads ? await invoke('documents.import', { files: uploads }) : await importWithDesktopDialog()
        if (!result) return
        setReport(result)
        await refresh()
        if (result.added[0]) openDocument(result.added[0].id)
      } catch (error) {
        showError((error as Error).message)
      }
    },
    [refresh, openDocument, showError]
  )

  const startImport = useCallback(
    (folders: boolean) => {
      if (desktop && !folders) void runImport(null)
      else (folders ? folderInput : fileInput).current?.click()
    },
    [runImport]
  )

  const runExport = useCallback(async () => {
    try {
      const done = await exportProject('jsonl')
      if (done) setMessage({ text: done, error: false })
    } catch (error) {
      showError((error as Error).message)
    }
  }, [showError])

  const toggleDone = useCallback(() => {
    editor.setStatus(editor.status === 'done' ? 'in_progress' : 'done').catch((error: Error) => showError(error.message))
  }, [editor, showError])

  const shortcuts = useMemo(
    () =>
      buildShortcuts({
        labels,
        applyLabel,
        deleteSelected: editor.deleteSelected,
        undo: editor.undo,
        redo: editor.redo,
        nextDocument: () => moveDocument(1),
        previousDocument: () => moveDocument(-1),
        toggleDone,
        nextSpan: (backwards) => {
          const spans = editor.spans
          if (spans.length === 0) return
          const index = spans.findIndex((s) => s.id === editor.selectedId)
          const next = spans[(index + (backwards ? -1 : 1) + spans.length + (index < 0 && backwards ? 1 : 0)) % spans.length]!
          editor.select(next.id)
          setScrollToId(next.id)
        },
        clearSelection: () => {
          setPending(null)
          editor.select(null)
          window.getSelection()?.removeAllRanges()
        },
        showShortcuts: () => setShowShortcuts(true),
        adjustSpan: (edge, grow) => {
          const span = editor.spans.find((s) => s.id === editor.selectedId)
          if (!span || !editor.offsets || !editor.document) return
          const text = editor.document.text
          const start = editor.offsets.toUtf16(span.start)
          const end = editor.offsets.toUtf16(span.end)
          const moved =
            edge === 'end'
              ? { start, end: grow ? nextWordEnd(text, end) : previousWordEnd(text, end, start) }
              : { start: grow ? previousWordStart(text, start) : nextWordStart(text, start, end), end }
          editor.resizeSelected(editor.offsets.toCodePoint(moved.start), editor.offsets.toCodePoint(moved.end))
        }
      }),
    [labels, applyLabel, editor, moveDocument, toggleDone]
  )

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (isTypingTarget(event.target) || showShortcuts) return
      const shortcut = shortcuts.find((s) => s.matches(event))
      if (!shortcut) return
      // Tab moves focus as usual outside the text; inside it, it walks the spans
      if (shortcut.id.endsWith('-span') && !(event.target instanceof HTMLElement && event.target.closest('.document-text'))) return
      event.preventDefault()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shortcuts, showShortcuts])

  useEffect(() => {
    if (!desktop) return
    const commands: Record<string, () => void> = {
      'import-files': () => startImport(false),
      'import-folder': () => startImport(true),
      export: () => void runExport(),
      undo: editor.undo,
      redo: editor.redo,
      'next-document': () => moveDocument(1),
      'previous-document': () => moveDocument(-1),
      'toggle-done': toggleDone
    }
    return desktop.onMenuCommand((command) => commands[command]?.())
  }, [startImport, runExport, editor, moveDocument, toggleDone])

  const done = documents.filter((d) => d.status === 'done').length
  const current = documents.find((d) => d.id === currentId)

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
        droppedUploads(event.dataTransfer).then(
          (uploads) => (uploads.length > 0 ? runImport(uploads) : undefined),
          (error: Error) => showError(error.message)
        )
      }}
    >
      <header className="topbar">
        <h1>Spanwise</h1>
        <span className="project-name">{info?.name}</span>
        <div className="progress" role="status" aria-label={`${done} of ${documents.length} documents done`} data-testid="progress">
          <span>
            {done} / {documents.length} done
          </span>
          <progress max={Math.max(documents.length, 1)} value={done} />
        </div>
        {info && <AnnotatorField annotator={info.annotator} onChange={(name) => invoke('annotator.set', { annotator: name }).then(setInfo).then(refresh)} onError={showError} />}
        <button type="button" onClick={() => startImport(false)}>
          Import files…
        </button>
        <button type="button" onClick={() => startImport(true)}>
          Import folder…
        </button>
        <button type="button" onClick={() => void runExport()}>
          Export JSONL
        </button>
        <button type="button" onClick={() => setShowShortcuts(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
          ?
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          accept=".txt,.md,.markdown,.text"
          data-testid="file-input"
          onChange={async (event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length) await runImport(await Promise.all(files.map((file) => fileToUpload(file))))
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          // @ts-expect-error: webkitdirectory is not in React's attribute types yet
          webkitdirectory=""
          onChange={async (event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length) await runImport(await Promise.all(files.map((file) => fileToUpload(file))))
          }}
        />
      </header>

      {report && <ImportReportView report={report} onClose={() => setReport(null)} />}
      {message && (
        <div className={`toast${message.error ? ' error' : ''}`} role={message.error ? 'alert' : 'status'}>
          {message.text}
          <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}

      <main className="workbench">
        <DocumentList documents={documents} currentId={currentId} onOpen={openDocument} />
        <section className="editor" aria-label="Editor">
          {editor.document && editor.offsets ? (
            <>
              <div className="editor-header">
                <h2 className="doc-heading">{editor.document.title}</h2>
                <span className={`status status-${editor.status}`} data-testid="document-status">
                  {STATUS_TEXT[editor.status]}
                </span>
                <button type="button" onClick={toggleDone} aria-keyshortcuts="Control+Enter">
                  {editor.status === 'done' ? 'Reopen' : 'Mark done'} <kbd>Ctrl+Enter</kbd>
                </button>
                <button type="button" onClick={editor.undo} disabled={!editor.canUndo} aria-keyshortcuts="Control+Z">
                  Undo
                </button>
                <button type="button" onClick={editor.redo} disabled={!editor.canRedo} aria-keyshortcuts="Control+Shift+Z">
                  Redo
                </button>
              </div>
              <LabelBar labels={labels} onApply={applyLabel} />
              <TextView
                text={editor.document.text}
                offsets={editor.offsets}
                spans={editor.spans}
                labels={labels}
                selectedId={editor.selectedId}
                scrollToId={scrollToId}
                onSelectSpan={editor.select}
                onPendingSelection={setPending}
              />
            </>
          ) : (
            <p className="empty">{current ? 'Opening…' : 'Import documents to start annotating.'}</p>
          )}
        </section>
        {editor.offsets && (
          <SpanList
            spans={editor.spans}
            labels={labels}
            offsets={editor.offsets}
            selectedId={editor.selectedId}
            onSelect={(id) => {
              editor.select(id)
              setScrollToId(id)
            }}
          />
        )}
      </main>
      {showShortcuts && <ShortcutSheet shortcuts={shortcuts} onClose={() => setShowShortcuts(false)} />}
    </div>
  )
}
