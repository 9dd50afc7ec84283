// Writes a project export to a stream in the chosen format.
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { spanwiseRecordLine } from '../formats/spanwise-jsonl'
import type { ProjectStore } from '../store/project-store'
import { exportRecords, type ExportSelection } from './export-records'

export const STREAM_EXPORT_FORMATS = ['jsonl'] as const
export type StreamExportFormat = (typeof STREAM_EXPORT_FORMATS)[number]

export interface ExportSummary {
  records: number
  spans: number
}

async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

export async function exportProject(
  store: ProjectStore,
  format: StreamExportFormat,
  selection: ExportSelection,
  out: Writable,
  onProgress?: (done: number, total: number) => void
): Promise<ExportSummary> {
  const summary: ExportSummary = { records: 0, spans: 0 }
  for await (const record of exportRecords(store, selection, onProgress)) {
    if (format === 'jsonl') await writeChunk(out, spanwiseRecordLine(record))
    summary.records++
    summary.spans += record.spans.length
  }
  return summary
}
