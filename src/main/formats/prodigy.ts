// Prodigy's span tasks (ner_manual / spans_manual output), one JSON object per line:
// {"text", "tokens": [{text, start, end, id}], "spans": [{start, end, label, token_start,
// token_end}], "answer", "_annotator_id"}. Offsets are code points (Prodigy is Python).
// On import, `answer` is kept in meta (and "accept" marks the layer done) and the session part
// of `_annotator_id` (else `_session_id`) chooses the layer (prodigy-sessions.ts). Token fields
// are ignored on import: character offsets are authoritative. Export writes one record per
// document and annotator, `_annotator_id` and `_session_id` both the annotator's name.
// Document tags are Prodigy's choice (textcat) fields: `options` [{id, text}] lists every tag
// option of the project, id "group:option" and text the option's name, and `accept` the ids of the
// document's tags. On import an accepted id is read as "group:option", or through its option's
// text when it is not (a bare option, whose group the import finds).
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { annotatorFromFile, fail, isObject, metaWithSource, spanFromInput, type Where } from './incoming'
import { parseJsonLines, streamJsonLines, streamRecordDocuments, type JsonLine } from './json-lines'
import { prodigySessionNames } from './prodigy-sessions'
import { offsetsIn, spanwiseBlock } from './outgoing'
import { statusFrom } from './spanwise-jsonl'
import { titleFor } from './title'
import { tokenize, tokenRange } from './tokenize'
import type { TagGroup } from '../../shared/model'
import { qualifiedTag, splitQualifiedTag } from '../../shared/tags'
import { categoriesOf, tagsFromCategories, withTags } from './tag-fields'
import type { ExportRecord, FormatReader, ParsedDocument, ParsedTag, ReadControl, ReadOptions, StreamSource, StreamWriter } from './types'

export const PRODIGY_DEFAULT_OFFSETS: OffsetUnit = 'codepoint'

export function isProdigyRecord(value: Record<string, unknown>): boolean {
  return typeof value.text === 'string' && (Array.isArray(value.spans) || Array.isArray(value.options)) && value.schema === undefined
}

/** The accepted options of a choice task: ids "group:option", else the option's text. */
function acceptedTags(value: Record<string, unknown>, where: Where): ParsedTag[] {
  if (value.accept === undefined || value.accept === null) return []
  if (!Array.isArray(value.accept)) fail(where, '"accept" must be a list of option ids')
  const options = Array.isArray(value.options) ? (value.options as unknown[]).filter(isObject) : []
  const names = (value.accept as unknown[]).map((id) => {
    if (typeof id !== 'string' && typeof id !== 'number') fail(where, `"accept" entries must be option ids, got ${JSON.stringify(id)}`)
    const name = String(id)
    if (splitQualifiedTag(name).group !== undefined) return name
    const option = options.find((o) => String(o.id) === name)
    return typeof option?.text === 'string' ? option.text : name
  })
  return tagsFromCategories(names, where, 'accept')
}

/** Every tag option of the project as a Prodigy option, and the record's tags as accepted ids. */
function choiceFields(record: ExportRecord, tagGroups: TagGroup[]): { options?: { id: string; text: string }[]; accept?: string[] } {
  if (tagGroups.length === 0 && !record.tags) return {}
  const options = tagGroups.flatMap((group) => group.options.map((option) => ({ id: qualifiedTag(group.name, option.name), text: option.name })))
  return { options, accept: categoriesOf(record.tags) }
}

/** The annotator id a record gives, as Prodigy writes it ("<dataset>-<session>"). */
function annotatorId(value: Record<string, unknown>): string | undefined {
  const id = value._annotator_id ?? value._session_id
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

/** Session names (the layer of each annotator id) from the records of a whole file. */
function sessionNames(records: Iterable<JsonLine>): Map<string, string> {
  const ids: string[] = []
  // a Spanwise export names the layer itself: its id is the name, whatever dashes it holds
  const ownExports = new Set<string>()
  for (const { value } of records) {
    const id = annotatorId(value)
    if (id === undefined) continue
    ids.push(id)
    if (isObject(value.spanwise) && value.spanwise.annotator === id) ownExports.add(id)
  }
  return prodigySessionNames(ids, ownExports)
}

/** A streamed file's session names: a first pass over the whole file (cancellable, not counted as progress). */
export async function prodigyFileSessions(source: StreamSource, control: ReadControl): Promise<Map<string, string>> {
  const records: JsonLine[] = []
  const pass: ReadControl = control.signal ? { signal: control.signal } : {}
  // only the ids are kept: one distinct id and its own-export mark per record at most
  const seen = new Set<string>()
  for await (const batch of streamJsonLines(source, pass)) {
    for (const record of batch) {
      const id = annotatorId(record.value)
      const own = isObject(record.value.spanwise) && record.value.spanwise.annotator === id
      const key = `${id}\u0000${own}`
      if (id !== undefined && !seen.has(key)) {
        seen.add(key)
        records.push({ line: record.line, value: { _annotator_id: id, ...(own ? { spanwise: { annotator: id } } : {}) } })
      }
    }
  }
  return sessionNames(records)
}

/** The records of one file: the layer of each is named from the ids of the whole file (given, or these records'). */
export function prodigyDocuments(records: JsonLine[], file: string, options: ReadOptions, sessions = sessionNames(records)): ParsedDocument[] {
  return records.map(({ line, value }) => {
    const id = annotatorId(value)
    return prodigyDocument(value, { file, line }, options, id === undefined ? undefined : { id, session: sessions.get(id)! })
  })
}

function prodigyDocument(value: Record<string, unknown>, where: Where, options: ReadOptions, named?: { id: string; session: string }): ParsedDocument {
  if (typeof value.text !== 'string' || value.text === '') fail(where, 'record has no "text" string')
  const text = value.text
  const map = new OffsetMap(text)
  const unit = options.offsets ?? PRODIGY_DEFAULT_OFFSETS
  const tags = acceptedTags(value, where)
  const list = value.spans ?? []
  if (!Array.isArray(list)) fail(where, '"spans" must be an array')
  const spans = (list as unknown[]).map((span) => {
    if (!isObject(span)) fail(where, 'each span must be an object with start, end and label')
    return spanFromInput(map, span, unit, where)
  })
  const block = isObject(value.spanwise) ? value.spanwise : {}
  const answer = typeof value.answer === 'string' ? value.answer : undefined
  const status = statusFrom(block.status) ?? (answer === 'accept' ? 'done' : undefined)
  const annotator = named && (annotatorFromFile(named.session) ?? fail(where, `annotator id ${JSON.stringify(named.id)} gives no valid annotator name`))
  return {
    file: where.file,
    text,
    title: typeof block.title === 'string' && block.title.trim() ? block.title : titleFor(text, where.file),
    meta: metaWithSource(value.meta, where.file, answer ? { answer } : {}),
    spans,
    ...withTags(tags),
    ...(annotator ? { annotator } : {}),
    ...(status ? { status } : {})
  }
}

export const prodigyReader: FormatReader = {
  name: 'prodigy',
  extensions: [],
  read(file, options) {
    return prodigyDocuments(parseJsonLines(file), file.name, options)
  },
  async *stream(source, options, control) {
    const sessions = await prodigyFileSessions(source, control)
    yield* streamRecordDocuments(source, control, (records) => prodigyDocuments(records, source.name, options, sessions))
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
      ...choiceFields(record, options.tagGroups ?? []),
      ...(record.status === 'done' ? { answer: 'accept' } : {}),
      // Prodigy's own ids are "<dataset>-<session>"; the bare name reads back as itself since
      // spanwise.annotator says whose layer this is (see prodigy-sessions.ts)
      _annotator_id: record.annotator,
      _session_id: record.annotator,
      meta: record.meta,
      spanwise: { ...spanwiseBlock(record), annotator: record.annotator }
    })}\n`
  }
}
