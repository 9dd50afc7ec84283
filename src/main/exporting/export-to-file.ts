// Exports into a file the way the store writes: into a temporary file beside it, renamed over
// the target only when the export has finished, so a failed export leaves no half-written file.
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import type { ProjectStore } from '../store/project-store'
import { exportProject, type ExportOptions, type ExportSummary, type StreamExportFormat } from './export-project'
import type { ExportSelection } from './export-records'

/** A file written under a temporary name: `commit` renames it over the target, `abort` removes it. */
export interface PartialFile {
  out: WriteStream
  commit(): Promise<void>
  abort(): Promise<void>
}

export async function openPartialFile(file: string): Promise<PartialFile> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.partial`)
  // a large buffer: records are written in big chunks instead of waiting on the disk every 16 KiB
  const out = createWriteStream(temporary, { highWaterMark: 1 << 20 })
  const abort = async () => {
    out.destroy()
    await rm(temporary, { force: true })
  }
  try {
    await once(out, 'open')
  } catch (error) {
    await abort()
    throw error
  }
  return {
    out,
    abort,
    async commit() {
      out.end()
      await finished(out)
      await rename(temporary, file)
    }
  }
}

export async function exportToFile(
  store: ProjectStore,
  format: StreamExportFormat,
  selection: ExportSelection,
  file: string,
  onProgress?: (done: number, total: number) => void,
  options: ExportOptions = {}
): Promise<ExportSummary> {
  const partial = await openPartialFile(file)
  try {
    const summary = await exportProject(store, format, selection, partial.out, onProgress, options)
    await partial.commit()
    return summary
  } catch (error) {
    await partial.abort()
    throw error
  }
}
