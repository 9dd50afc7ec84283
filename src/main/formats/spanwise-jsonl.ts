// Spanwise's own JSONL: one record per document and annotator, offsets in code points so that
// Python's text[start:end] gives back each span's text. Documented in docs/formats.md.
import type { ExportRecord } from './types'

export const SPANWISE_SCHEMA = 'spanwise/v1'

export function spanwiseRecordLine(record: ExportRecord): string {
  return `${JSON.stringify({
    schema: SPANWISE_SCHEMA,
    id: record.id,
    title: record.title,
    text: record.text,
    meta: record.meta,
    annotator: record.annotator,
    status: record.status,
    spans: record.spans.map(({ id, start, end, label, text }) => ({ id, start, end, label, text }))
  })}\n`
}
