// The Sync command (button and shortcut): shares this annotator's work with the team through git
// and tells what came in and went out. One sync at a time; afterwards the project and the open
// document are re-read, since a pull may bring documents, labels and teammates' layers.
import { useCallback, useRef, useState } from 'react'
import type { SyncReport } from '../../../shared/api/contract'
import { invoke } from '../api/client'

/** Outcomes that leave the work only here: shown as an error the user should act on. */
const UNFINISHED: SyncReport['outcome'][] = ['unreachable', 'conflict', 'push_rejected']

export function useSync(options: { onReport(text: string, error: boolean): void; onError(message: string): void; afterSync(): Promise<unknown> }) {
  const [syncing, setSyncing] = useState(false)
  const running = useRef(false)
  const { onReport, onError, afterSync } = options

  const sync = useCallback(() => {
    if (running.current) return
    running.current = true
    setSyncing(true)
    onReport('Syncing with your team…', false)
    invoke('project.sync', {})
      .then(async (report) => {
        await afterSync()
        onReport(report.lines.join(' '), UNFINISHED.includes(report.outcome) || report.textProblems.length > 0)
      })
      .catch((error: Error) => onError(error.message))
      .finally(() => {
        running.current = false
        setSyncing(false)
      })
  }, [onReport, onError, afterSync])

  return { syncing, sync }
}
