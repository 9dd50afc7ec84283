// Prodigy's span tasks (ner_manual / spans_manual output), one JSON object per line:
// {"text", "tokens": [{text, start, end, id}], "spans": [{start, end, label, token_start,
// token_end}], "answer", "_annotator_id"}. Offsets are code points (Prodigy is Python).
// On import, `answer` is kept in meta (and "accept" marks the layer done) and `_annotator_id`
// (else `_session_id`) chooses the layer. Token fields are ignored on import: character offsets
// are authoritative.
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { annotatorFromFile, fail, isObject, metaWithSource, spanFromInput, type Where } from './incoming'
import { parseJsonLines } from './json-lines'
import { offsetsIn, spanwiseBlock } from './outgoing'
import { statusFrom } from './spanwise-jsonl'
import { titleFor } from './title'
import { tokenize, tokenRange } from './tokenize'
import type { FormatReader, ParsedDocument, ReadOptions, StreamWriter } from './types'

export const PRODIGY_DEFAULT_OFFSETS: OffsetUnit = 'codepoint'

export function isProdigyRecord(value: Record<string, unknown>): boolean {
  return typeof value.text === 'string' && Array.isArray(value.spans) && value.schema === undefined
}

export function prodigyDocument(value: Record<string, unknown>, where: Where, options: ReadOptions): ParsedDocument {
  if (typeof value.text !== 'string' || value.text === '') fail(where, 'record has no "text" string')
  const text = value.text
  const map = new OffsetMap(text)
  const unit = options.offsets ?? PRODIGY_DEFAULT_OFFSETS
  const list = value.spans ?? []
  if (!Array.isArray(list)) fail(where, '"spans" must be an array')
  const spans = (list as unknown[]).map((span) => {
    if (!isObject(span)) fail(where, 'each span must be an object with start, end and label')
    return spanFromInput(map, span, unit, where)
  })
  const block = isObject(value.spanwise) ? value.spanwise : {}
  const answer = typeof value.answer === 'string' ? value.answer : undefined
  const status = statusFrom(block.status) ?? (answer === 'accept' ? 'done' : undefined)
  const annotator = annotatorFromFile(value._annotator_id ?? value._session_id)
  return {
    file: where.file,
    text,
    title: typeof block.title === 'string' && block.title.trim() ? block.title : titleFor(text, where.file),
    meta: metaWithSource(value.meta, where.file, answer ? { answer } : {}),
    spans,
    ...(annotator ? { annotator } : {}),
    ...(status ? { status } : {})
  }
}

export const prodigyReader: FormatReader = {
  name: 'prodigy',
  extensions: [],
  read(file, options) {
    return parseJsonLines(file).map(({ line, value }) => prodigyDocument(value, { file: file.name, line }, options))
  }
}

export const prodigyWriter: StreamWriter = {
  name: 'prodigy',
  kind: 'stream',
  extension: 'jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  defaultOffsets: PRODIGY_DEFAULT_OFFSETS,
  record(record, _index, options) {
    const map = new OffsetMap(record.text)
    const tokens = tokenize(map, record.spans.flatMap((span) => [span.start, span.end]))
    const spans = record.spans.map((span) => {
      const range = tokenRange(tokens, span)
      // a span holding only whitespace or bidi marks has no token: it keeps its characters only
      return { ...offsetsIn(map, span, options.offsets), label: span.label, ...(range ? { token_start: range.first, token_end: range.last } : {}) }
    })
    return `${JSON.stringify({
      text: record.text,
      tokens: tokens.map((token, id) => ({ text: token.text, ...offsetsIn(map, token, options.offsets), id })),
      spans,
      ...(record.status === 'done' ? { answer: 'accept' } : {}),
      _annotator_id: record.annotator,
      meta: record.meta,
      spanwise: spanwiseBlock(record)
    })}\n`
  }
}
