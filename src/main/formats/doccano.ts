// doccano sequence labelling JSONL: {"text": ..., "label": [[start, end, "LABEL"], ...]}.
// Offsets are UTF-16 units by default (doccano's browser front end selects spans in JavaScript
// string indexes); --offsets codepoint overrides. Newer doccano exports put spans in
// "entities": [{start_offset, end_offset, label}]; both shapes are read. doccano exports one
// <username>.jsonl per annotator: `--annotator-from-file-name` reads each into that layer, and
// `export --all-annotators --out DIR` writes the same shape.
// Document tags are doccano text classification: `label` as a list of category names, each
// "group:option" (a bare name is an option whose group the import finds). A record with both
// tags and spans is doccano's intent detection shape: spans in `entities`, categories in `label`
// (`cats` is read too).
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { annotatorFromFile, fail, isObject, metaWithSource, spanFromInput, type Where } from './incoming'
import { parseJsonLines, streamRecordDocuments } from './json-lines'
import { offsetsIn, spanwiseBlock } from './outgoing'
import { statusFrom } from './spanwise-jsonl'
import { titleFor } from './title'
import { categoriesOf, tagsFromCategories, withTags } from './tag-fields'
import type { FormatReader, ParsedDocument, ParsedTag, ReadOptions, StreamWriter } from './types'

export const DOCCANO_DEFAULT_OFFSETS: OffsetUnit = 'utf16'

const SPAN_KEYS = ['label', 'labels', 'entities'] as const
const KNOWN_KEYS = new Set(['text', ...SPAN_KEYS, 'cats', 'annotator', 'user', 'meta', 'spanwise', 'id'])

export function isDoccanoRecord(value: Record<string, unknown>): boolean {
  return typeof value.text === 'string' && [...SPAN_KEYS, 'cats'].some((key) => Array.isArray(value[key]))
}

/** A list of category names (text classification), not of spans. */
const isCategoryList = (list: unknown[]): boolean => list.length > 0 && list.every((item) => typeof item === 'string')

export function doccanoDocument(value: Record<string, unknown>, where: Where, options: ReadOptions): ParsedDocument {
  if (typeof value.text !== 'string' || value.text === '') fail(where, 'record has no "text" string')
  const text = value.text
  const map = new OffsetMap(text)
  const unit = options.offsets ?? DOCCANO_DEFAULT_OFFSETS
  const spans = []
  const tags: ParsedTag[] = value.cats === undefined ? [] : tagsFromCategories(value.cats, where, 'cats')
  for (const key of SPAN_KEYS) {
    const list = value[key]
    if (list === undefined) continue
    if (!Array.isArray(list)) fail(where, `"${key}" must be an array`)
    if (key !== 'entities' && isCategoryList(list)) {
      tags.push(...tagsFromCategories(list, where, key))
      continue
    }
    for (const item of list as unknown[]) {
      if (Array.isArray(item) && item.length >= 3) spans.push(spanFromInput(map, { start: item[0], end: item[1], label: item[2] }, unit, where))
      else if (isObject(item) && 'start_offset' in item) {
        spans.push(spanFromInput(map, { start: item.start_offset, end: item.end_offset, label: item.label }, unit, where))
      } else fail(where, `"${key}" entries must be [start, end, "label"], got ${JSON.stringify(item)}`)
    }
  }
  const block = isObject(value.spanwise) ? value.spanwise : {}
  // doccano keeps unknown columns as metadata; so do we
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN_KEYS.has(key)))
  const annotator = annotatorFromFile(value.annotator ?? value.user)
  const status = statusFrom(block.status)
  return {
    file: where.file,
    text,
    title: typeof block.title === 'string' && block.title.trim() ? block.title : titleFor(text, where.file),
    meta: metaWithSource(value.meta, where.file, extra),
    spans,
    ...withTags(tags),
    ...(annotator ? { annotator } : {}),
    ...(status ? { status } : {})
  }
}

export const doccanoReader: FormatReader = {
  name: 'doccano',
  extensions: [],
  read(file, options) {
    return parseJsonLines(file).map(({ line, value }) => doccanoDocument(value, { file: file.name, line }, options))
  },
  stream(source, options, control) {
    return streamRecordDocuments(source, control, (records) => records.map(({ line, value }) => doccanoDocument(value, { file: source.name, line }, options)))
  }
}

export const doccanoWriter: StreamWriter = {
  name: 'doccano',
  kind: 'stream',
  extension: 'jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  defaultOffsets: DOCCANO_DEFAULT_OFFSETS,
  // doccano's export of a project without collaborative annotation is one <username>.jsonl each
  filePerAnnotator: true,
  record(record, _index, options) {
    const map = new OffsetMap(record.text)
    const spans = record.spans.map((span) => {
      const { start, end } = offsetsIn(map, span, options.offsets)
      return [start, end, span.label]
    })
    const categories = categoriesOf(record.tags)
    // spans alone: sequence labelling; tags: text classification, with spans in `entities`
    const annotations = categories.length === 0 ? { label: spans } : { ...(spans.length > 0 ? { entities: spans } : {}), label: categories }
    return `${JSON.stringify({ text: record.text, ...annotations, annotator: record.annotator, meta: record.meta, spanwise: spanwiseBlock(record) })}\n`
  }
}
