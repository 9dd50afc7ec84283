// Imports the UI started and may watch or cancel: each is named by an id the page chose, so that
// `imports.progress` and `imports.cancel` (any transport, any request) reach it while the request
// that runs it is still waiting for its report.
import type { ImportProgress } from '../../shared/api/contract'
import type { ImportControl } from './import-files'

interface Running {
  controller: AbortController
  progress: ImportProgress | null
}

const running = new Map<string, Running>()

/** Runs `work` as import `id`, with a control whose progress and cancel the two channels below reach. */
export async function runImport<T>(id: string, work: (control: Required<ImportControl>) => Promise<T>): Promise<T> {
  if (running.has(id)) throw new Error(`an import with id ${id} is already running`)
  const entry: Running = { controller: new AbortController(), progress: null }
  running.set(id, entry)
  try {
    return await work({ signal: entry.controller.signal, onProgress: (progress) => (entry.progress = progress) })
  } finally {
    running.delete(id)
  }
}

/** How far import `id` has got; null when it has not reported yet or is over. */
export function importProgress(id: string): ImportProgress | null {
  return running.get(id)?.progress ?? null
}

/** Cancels import `id`: it stops at its next step and undoes what it did. False when it is not running. */
export function cancelImport(id: string): boolean {
  const entry = running.get(id)
  if (!entry) return false
  entry.controller.abort()
  return true
}
