// Spanwise's own JSONL: one record per document and annotator, offsets in code points so that
// Python's text[start:end] gives back each span's text. Documented in docs/formats.md.
// Offsets are always code points here: --offsets does not apply. Spans carry `attributes` and
// `note` only when they have some (an empty object or note is left out); every record carries
// the layer's `relations` [{id, type, from, to}] ([] when none), from/to being ids of spans in
// the same record, and the layer's document `tags` ({group: [options]}, {} when none). On read,
// span ids only link relations (the import gives spans new ids), so a relation must name span
// ids of its own record.
import { STATUSES, type DocumentStatus } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import { attributesFromInput, annotatorFromFile, checkRelationType, fail, isObject, metaWithSource, noteFromInput, spanFromInput, type Where } from './incoming'
import { parseJsonLines, streamRecordDocuments } from './json-lines'
import { tagsFromObject, withTags } from './tag-fields'
import { titleFor } from './title'
import type { ExportRecord, ExportSpan, FormatReader, ParsedDocument, ParsedRelation, ParsedSpan, StreamWriter } from './types'

export const SPANWISE_SCHEMA = 'spanwise/v1'

/** One span as the format writes it; built field by field (not spread): it runs for every span. */
function spanwiseSpan({ id, start, end, label, text, attributes, note, provenance }: ExportSpan): ExportSpan {
  const out: ExportSpan = { id, start, end, label, text }
  if (attributes && Object.keys(attributes).length > 0) out.attributes = attributes
  if (note) out.note = note
  if (provenance) out.provenance = provenance
  return out
}

export function spanwiseRecordLine(record: ExportRecord): string {
  return `${JSON.stringify({
    schema: SPANWISE_SCHEMA,
    id: record.id,
    title: record.title,
    text: record.text,
    meta: record.meta,
    annotator: record.annotator,
    status: record.status,
    spans: record.spans.map(spanwiseSpan),
    relations: (record.relations ?? []).map(({ id, type, from, to, provenance }) => (provenance ? { id, type, from, to, provenance } : { id, type, from, to })),
    tags: record.tags ?? {},
    // the gold layer: the review's status and the units resolved with nothing (docs/export-format.md)
    ...(record.gold ? { layer: 'gold', review_status: record.gold.reviewStatus, rejected: record.gold.rejected } : {})
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
  const spanIndex = new Map<string, number>()
  const spans = value.spans.map((span: unknown, index): ParsedSpan => {
    if (!isObject(span)) fail(where, 'each span must be an object')
    const parsed = spanFromInput(map, span, 'codepoint', where)
    if (typeof span.id === 'string') {
      if (spanIndex.has(span.id)) fail(where, `span id "${span.id}" is used twice`)
      spanIndex.set(span.id, index)
    }
    // most spans have neither attributes nor a note, and are spared building the message prefix
    if ((span.attributes !== undefined && span.attributes !== null) || (span.note !== undefined && span.note !== null)) {
      const owner = `span ${typeof span.id === 'string' ? span.id : index + 1}`
      const attributes = attributesFromInput(span.attributes, where, owner)
      const note = noteFromInput(span.note, where, owner)
      if (attributes) parsed.attributes = attributes
      if (note !== undefined) parsed.note = note
    }
    if (where.line !== undefined) parsed.line = where.line
    return parsed
  })
  const relations = relationsFrom(value.relations, spanIndex, where)
  const tags = tagsFromObject(value.tags, where)
  const annotator = annotatorFromFile(value.annotator)
  const status = statusFrom(value.status)
  return {
    file: where.file,
    text,
    title: typeof value.title === 'string' && value.title.trim() ? value.title : titleFor(text, where.file),
    meta: metaWithSource(value.meta, where.file),
    spans,
    ...(relations.length ? { relations } : {}),
    ...withTags(tags),
    ...(annotator ? { annotator } : {}),
    ...(status ? { status } : {})
  }
}

/** A record's `relations`: each {type, from, to} names two distinct span ids of the record. */
function relationsFrom(value: unknown, spanIndex: Map<string, number>, where: Where): ParsedRelation[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) fail(where, '"relations" must be an array')
  return value.map((relation: unknown, index): ParsedRelation => {
    const owner = `relation ${isObject(relation) && typeof relation.id === 'string' ? relation.id : index + 1}`
    if (!isObject(relation)) fail(where, `${owner} must be an object {id, type, from, to}`)
    const type = checkRelationType(where, relation.type, owner)
    const end = (key: 'from' | 'to'): number => {
      const id = relation[key]
      const found = typeof id === 'string' ? spanIndex.get(id) : undefined
      if (found === undefined) fail(where, `${owner} (${type}): "${key}" ${JSON.stringify(id)} is not the id of a span in this record`)
      return found
    }
    const from = end('from')
    const to = end('to')
    if (from === to) fail(where, `${owner} (${type}) links span ${JSON.stringify(relation.from)} to itself`)
    return { type, from, to, ...(where.line !== undefined ? { line: where.line } : {}) }
  })
}

export const spanwiseReader: FormatReader = {
  name: 'spanwise',
  extensions: [],
  read(file) {
    return parseJsonLines(file).map(({ line, value }) => spanwiseDocument(value, { file: file.name, line }))
  },
  stream(source, _options, control) {
    return streamRecordDocuments(source, control, (records) => records.map(({ line, value }) => spanwiseDocument(value, { file: source.name, line })))
  }
}
