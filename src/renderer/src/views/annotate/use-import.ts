// An import from the workbench, with its progress and a cancel: in a browser each file is
// uploaded as it is (streamed to the server's disk), then imported there; on the desktop the
// native dialog imports by path. Either way the page polls `imports.progress` for the run it
// named, and Cancel (or Escape, declared with the view's shortcuts) sends `imports.cancel`: the
// run stops and undoes itself.
import { useCallback, useRef, useState } from 'react'
import type { ImportProgress, ImportReport } from '../../../../shared/api/contract'
import { ApiFailure, importWithDesktopDialog, invoke, uploadFile } from '../../api/client'
import type { PickedFile } from '../../api/uploads'

const POLL_MS = 250

export type ImportState =
  | { stage: 'uploading'; sent: number; total: number; files: number }
  | { stage: 'importing'; progress: ImportProgress | null }

export interface ImportOutcome {
  report?: ImportReport
  cancelled?: boolean
}

export function useImport(): {
  state: ImportState | null
  run(picks: PickedFile[] | null, folders?: boolean): Promise<ImportOutcome>
  cancel(): void
} {
  const [state, setState] = useState<ImportState | null>(null)
  const current = useRef<{ id: string; uploads: AbortController } | null>(null)

  const cancel = useCallback(() => {
    const run = current.current
    if (!run) return
    run.uploads.abort()
    void invoke('imports.cancel', { importId: run.id }).catch(() => undefined)
  }, [])

  const run = useCallback(async (picks: PickedFile[] | null, folders = false): Promise<ImportOutcome> => {
    const id = crypto.randomUUID()
    const uploads = new AbortController()
    current.current = { id, uploads }
    let polling: ReturnType<typeof setInterval> | undefined
    try {
      const imported: Promise<ImportReport | null> = (async () => {
        if (!picks) return importWithDesktopDialog(folders, id)
        const total = picks.reduce((sum, pick) => sum + pick.file.size, 0)
        let before = 0
        const sent: { id: string; name: string; path?: string }[] = []
        for (const pick of picks) {
          setState({ stage: 'uploading', sent: before, total, files: picks.length })
          const upload = await uploadFile(pick.file, (bytes) => setState({ stage: 'uploading', sent: before + bytes, total, files: picks.length }), uploads.signal)
          sent.push({ id: upload, name: pick.file.name, ...(pick.path ? { path: pick.path } : {}) })
          before += pick.file.size
        }
        setState({ stage: 'importing', progress: null })
        return invoke('documents.importUploads', { importId: id, uploads: sent })
      })()
      if (!picks) setState({ stage: 'importing', progress: null })
      polling = setInterval(() => {
        void invoke('imports.progress', { importId: id }).then(
          (progress) => progress && setState((was) => (was?.stage === 'importing' ? { stage: 'importing', progress } : was)),
          () => undefined
        )
      }, POLL_MS)
      const report = await imported
      return report ? { report } : {}
    } catch (error) {
      if (error instanceof ApiFailure && error.error.code === 'cancelled') return { cancelled: true }
      throw error
    } finally {
      clearInterval(polling)
      current.current = null
      setState(null)
    }
  }, [])

  return { state, run, cancel }
}

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`

/** What the progress toast says, and how full its bar is (null: not known yet). */
export function importStateText(state: ImportState): { text: string; value: number | null } {
  if (state.stage === 'uploading') {
    return { text: `Uploading ${state.files} file${state.files === 1 ? '' : 's'}: ${megabytes(state.sent)} of ${megabytes(state.total)}`, value: state.total ? state.sent / state.total : null }
  }
  const { progress } = state
  if (!progress) return { text: 'Importing…', value: null }
  if (progress.phase === 'committing') {
    const total = progress.documentsTotal ?? 0
    return { text: `Importing: adding ${progress.documents.toLocaleString()} of ${total.toLocaleString()} files to the project`, value: total ? progress.documents / total : null }
  }
  return {
    text: `Importing: ${megabytes(progress.bytesDone)} of ${megabytes(progress.bytesTotal)} read, ${progress.documents.toLocaleString()} documents`,
    value: progress.bytesTotal ? progress.bytesDone / progress.bytesTotal : null
  }
}
