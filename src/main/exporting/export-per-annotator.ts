// Every annotator's layer as a file of its own, `<annotator>.<extension>` in one folder: what
// doccano's export of a non-collaborative project looks like (one <username>.jsonl per user).
// Records still come one at a time; each annotator's file is written under a temporary name and
// renamed into place when the export has finished, so a failed export leaves no half file.
import { mkdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ProjectStore } from '../store/project-store'
import { chunkWriter, ExportError, streamWriter, unitFor, type ExportOptions, type ExportSummary, type StreamExportFormat } from './export-project'
import { exportRecords, type ExportSelection } from './export-records'
import { openPartialFile, type PartialFile } from './export-to-file'

/** Whether an export of `format` with this selection writes one file per annotator. */
export function writesFilePerAnnotator(format: string, selection: ExportSelection): boolean {
  const writer = streamWriter(format)
  return writer.filePerAnnotator === true && typeof selection.annotator !== 'string'
}

interface AnnotatorFile {
  partial: PartialFile
  output: ReturnType<typeof chunkWriter>
  records: number
}

export async function exportFilePerAnnotator(
  store: ProjectStore,
  format: StreamExportFormat,
  selection: ExportSelection,
  folder: string,
  onProgress?: (done: number, total: number) => void,
  options: ExportOptions = {}
): Promise<ExportSummary & { files: string[] }> {
  const writer = streamWriter(format)
  const write = { offsets: unitFor(writer, options), tagGroups: (await store.freshSettings()).tagGroups }
  const root = path.resolve(folder)
  const existing = await stat(root).catch(() => null)
  if (existing && !existing.isDirectory()) throw new ExportError(`${folder} is a file; with every annotator, ${format} writes one file per annotator into a folder`)
  await mkdir(root, { recursive: true })
  const files = new Map<string, AnnotatorFile>()
  const summary: ExportSummary = { records: 0, spans: 0, damaged: [] }
  try {
    for await (const record of exportRecords(store, selection, onProgress, summary.damaged)) {
      let file = files.get(record.annotator)
      if (!file) {
        // annotator names are folder-safe (the store's own folders), so they are safe file names
        const partial = await openPartialFile(path.join(root, `${record.annotator}.${writer.extension}`))
        file = { partial, output: chunkWriter(partial.out), records: 0 }
        files.set(record.annotator, file)
        await file.output.write(writer.header?.(write) ?? '')
      }
      await file.output.write(writer.record(record, file.records, write))
      file.records++
      summary.records++
      summary.spans += record.spans.length
    }
    for (const file of files.values()) {
      await file.output.write(writer.footer?.(file.records) ?? '')
      file.output.close()
      await file.partial.commit()
    }
  } catch (error) {
    await Promise.all([...files.values()].map((file) => file.partial.abort()))
    throw error
  }
  return { ...summary, files: [...files.keys()].map((annotator) => path.join(root, `${annotator}.${writer.extension}`)) }
}
