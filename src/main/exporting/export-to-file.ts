// Exports into a file the way the store writes: into a temporary file beside it, renamed over
// the target only when the export has finished, so a failed export leaves no half-written file.
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import type { ProjectStore } from '../store/project-store'
import { exportProject, type ExportOptions, type ExportSummary, type StreamExportFormat } from './export-project'
import type { ExportSelection } from './export-records'

export async function exportToFile(
  store: ProjectStore,
  format: StreamExportFormat,
  selection: ExportSelection,
  file: string,
  onProgress?: (done: number, total: number) => void,
  options: ExportOptions = {}
): Promise<ExportSummary> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.partial`)
  // a large buffer: records are written in big chunks instead of waiting on the disk every 16 KiB
  const out = createWriteStream(temporary, { highWaterMark: 1 << 20 })
  try {
    await once(out, 'open')
    const summary = await exportProject(store, format, selection, out, onProgress, options)
    out.end()
    await finished(out)
    await rename(temporary, file)
    return summary
  } catch (error) {
    out.destroy()
    await rm(temporary, { force: true })
    throw error
  }
}
