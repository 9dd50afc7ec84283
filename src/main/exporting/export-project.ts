// Writes a project export in the chosen format: to a stream (one file, stdout or a download), or
// for brat, to a folder. Records come one at a time from exportRecords and are written as they
// come, so memory stays flat however large the project is.
import { once } from 'node:events'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Writable } from 'node:stream'
import type { OffsetUnit } from '../../shared/offsets'
import { writerByName } from '../formats/registry'
import type { ExportRecord, FolderWriter, FormatWriter, StreamWriter } from '../formats/types'
import type { ProjectStore } from '../store/project-store'
import { exportRecords, type DamagedDocument, type ExportSelection } from './export-records'

/** Formats written as one stream. */
export const STREAM_EXPORT_FORMATS = ['jsonl', 'doccano', 'prodigy', 'label-studio', 'conll', 'csv', 'csv-documents'] as const
export type StreamExportFormat = (typeof STREAM_EXPORT_FORMATS)[number]
/** Formats written as a folder of files (need --out DIR). */
export const FOLDER_EXPORT_FORMATS = ['brat'] as const
export type FolderExportFormat = (typeof FOLDER_EXPORT_FORMATS)[number]
export const EXPORT_FORMAT_NAMES = [...STREAM_EXPORT_FORMATS, ...FOLDER_EXPORT_FORMATS] as const
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number]

export interface ExportSummary {
  records: number
  spans: number
  /** Documents left out because a file of theirs is damaged (each named, for the user). */
  damaged: DamagedDocument[]
}

export interface ExportOptions {
  /** Overrides the format's default offset unit; refused by formats with fixed offsets. */
  offsets?: OffsetUnit
}

export class ExportError extends Error {}

/** Writes with back-pressure; a reader that goes away (a cancelled download) ends the export. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) throw new ExportError('the export was cancelled: its output closed')
  if (!chunk || out.write(chunk)) return
  const closed = new AbortController()
  const onClose = () => closed.abort()
  out.once('close', onClose)
  try {
    await once(out, 'drain', { signal: closed.signal })
  } catch (error) {
    if (closed.signal.aborted) throw new ExportError('the export was cancelled: its output closed')
    throw error
  } finally {
    out.off('close', onClose)
  }
}

export function unitFor(writer: FormatWriter, options: ExportOptions): OffsetUnit {
  if (options.offsets && writer.defaultOffsets === null) {
    throw new ExportError(`--offsets does not apply to ${writer.name}: ${writer.name === 'jsonl' ? 'Spanwise JSONL offsets are always code points' : 'it has no offsets'}`)
  }
  return options.offsets ?? writer.defaultOffsets ?? 'codepoint'
}

export function streamWriter(format: string): StreamWriter {
  const writer = writerByName(format)
  if (!writer) throw new ExportError(`unknown export format "${format}"; formats: ${EXPORT_FORMAT_NAMES.join(', ')}`)
  if (writer.kind !== 'stream') throw new ExportError(`${format} exports a folder of files; give a folder with --out`)
  return writer
}

/** Writes chunks to `out` with back-pressure; an output that fails ends the export with its error. */
export function chunkWriter(out: Writable): { write(chunk: string): Promise<void>; close(): void } {
  // an output that fails (a full disk, a closed pipe) ends the export with its error; on a failed
  // output the listener stays, since writes already queued may still report errors
  let failure: Error | null = null
  const onError = (error: Error) => (failure ??= error)
  out.on('error', onError)
  return {
    async write(chunk) {
      if (failure) throw failure
      await writeChunk(out, chunk)
    },
    close() {
      if (failure) throw failure
      out.off('error', onError)
    }
  }
}

/** Consecutive records of one document (exportRecords yields a document's layers together). */
async function* byDocument(records: AsyncIterable<ExportRecord>): AsyncGenerator<ExportRecord[]> {
  let group: ExportRecord[] = []
  for await (const record of records) {
    if (group.length > 0 && group[0]!.id !== record.id) {
      yield group
      group = []
    }
    group.push(record)
  }
  if (group.length > 0) yield group
}

export async function exportProject(
  store: ProjectStore,
  format: StreamExportFormat,
  selection: ExportSelection,
  out: Writable,
  onProgress?: (done: number, total: number) => void,
  options: ExportOptions = {}
): Promise<ExportSummary> {
  const writer = streamWriter(format)
  const offsets = unitFor(writer, options)
  const write = { offsets, tagGroups: (await store.freshSettings()).tagGroups }
  const summary: ExportSummary = { records: 0, spans: 0, damaged: [] }
  const output = chunkWriter(out)
  await output.write(writer.header?.(write) ?? '')
  let items = 0
  for await (const records of byDocument(exportRecords(store, selection, onProgress, summary.damaged))) {
    // a format holding every layer of a document in one item (Label Studio) gets them together
    if (writer.document) await output.write(writer.document(records, items++, write))
    for (const record of records) {
      if (!writer.document) await output.write(writer.record(record, summary.records, write))
      summary.records++
      summary.spans += record.spans.length
    }
  }
  await output.write(writer.footer?.(writer.document ? items : summary.records) ?? '')
  output.close()
  return summary
}

/** Writes a folder format (brat) into `folder`, created if missing; files are overwritten. */
export async function exportProjectToFolder(
  store: ProjectStore,
  format: FolderExportFormat,
  selection: ExportSelection,
  folder: string,
  onProgress?: (done: number, total: number) => void,
  options: ExportOptions = {}
): Promise<ExportSummary> {
  const writer = writerByName(format)
  if (!writer || writer.kind !== 'folder') throw new ExportError(`${format} is not a folder export format`)
  const offsets = unitFor(writer, options)
  const allAnnotators = typeof selection.annotator !== 'string'
  const summary: ExportSummary = { records: 0, spans: 0, damaged: [] }
  const root = path.resolve(folder)
  for await (const record of exportRecords(store, selection, onProgress, summary.damaged)) {
    for (const file of (writer as FolderWriter).files(record, { offsets, allAnnotators })) {
      const target = path.join(root, file.path)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, file.content, 'utf8')
    }
    summary.records++
    summary.spans += record.spans.length
  }
  return summary
}

export function isFolderFormat(format: string): format is FolderExportFormat {
  return (FOLDER_EXPORT_FORMATS as readonly string[]).includes(format)
}
