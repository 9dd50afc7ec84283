// Spanwise's own JSONL: one record per document and annotator, offsets in code points so that
// Python's text[start:end] gives back each span's text. Documented in docs/formats.md.
// Offsets are always code points here: --offsets does not apply.
import { STATUSES, type DocumentStatus } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import { annotatorFromFile, fail, isObject, metaWithSource, spanFromInput, type Where } from './incoming'
import { parseJsonLines } from './json-lines'
import { titleFor } from './title'
import type { ExportRecord, FormatReader, ParsedDocument, StreamWriter } from './types'

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

export const spanwiseWriter: StreamWriter = {
  name: 'jsonl',
  kind: 'stream',
  extension: 'jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  defaultOffsets: null,
  record: (record) => spanwiseRecordLine(record)
}

export function isSpanwiseRecord(value: Record<string, unknown>): boolean {
  return value.schema === SPANWISE_SCHEMA
}

export function statusFrom(value: unknown): DocumentStatus | undefined {
  return (STATUSES as readonly unknown[]).includes(value) ? (value as DocumentStatus) : undefined
}

export function spanwiseDocument(value: Record<string, unknown>, where: Where): ParsedDocument {
  if (value.schema !== SPANWISE_SCHEMA) fail(where, `not a Spanwise record (schema is ${JSON.stringify(value.schema)}, expected "${SPANWISE_SCHEMA}")`)
  if (typeof value.text !== 'string' || value.text === '') fail(where, 'record has no "text" string')
  const text = value.text
  const map = new OffsetMap(text)
  if (!Array.isArray(value.spans)) fail(where, '"spans" must be an array')
  const spans = value.spans.map((span: unknown) => {
    if (!isObject(span)) fail(where, 'each span must be an object')
    return spanFromInput(map, span, 'codepoint', where)
  })
  const annotator = annotatorFromFile(value.annotator)
  const status = statusFrom(value.status)
  return {
    file: where.file,
    text,
    title: typeof value.title === 'string' && value.title.trim() ? value.title : titleFor(text, where.file),
    meta: metaWithSource(value.meta, where.file),
    spans,
    ...(annotator ? { annotator } : {}),
    ...(status ? { status } : {})
  }
}

export const spanwiseReader: FormatReader = {
  name: 'spanwise',
  extensions: [],
  read(file) {
    return parseJsonLines(file).map(({ line, value }) => spanwiseDocument(value, { file: file.name, line }))
  }
}
