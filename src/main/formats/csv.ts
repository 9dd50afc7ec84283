// CSV/TSV through papaparse (quoted fields with newlines, doubled quotes, any common delimiter).
// Import: one document per row from the text column (--text-column, default "text"); every other
// column is kept as meta, and a "title" column, when present, gives the title. A .tsv is split on
// tabs; a .csv's delimiter is detected (comma, semicolon, tab, pipe). The byte order mark is
// dropped by decodeText. Export: one row per span, columns
// document_id,start,end,label,text,annotator,attributes,note; offsets in code points unless
// --offsets utf16; `attributes` is the span's attribute values as a JSON object ("{}" when
// none), `note` its note (empty when none). Relations are not written: a span table has no place
// for them.
// Document tags: a column per tag group, named "tag:<group>", its options joined by "|" (tag
// names cannot hold one). The import reads such columns as the document's tags; the export
// `csv-documents` writes one row per document and annotator: document_id,title,text,annotator,
// status, then a tag column per tag group of the project.
import path from 'node:path'
import { Readable } from 'node:stream'
import Papa from 'papaparse'
import type { OffsetUnit } from '../../shared/offsets'
import { OffsetMap } from '../../shared/offsets'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { decodedChunks } from '../importing/read-lines'
import { STREAM_BATCH_BYTES } from './json-lines'
import { lineOfIndex } from './json-position'
import { offsetsIn } from './outgoing'
import { titleFor } from './title'
import type { Where } from './incoming'
import { checkTag, withTags } from './tag-fields'
import type { FormatReader, ParsedDocument, ParsedTag, ReadControl, StreamSource, StreamWriter } from './types'

export const CSV_DEFAULT_OFFSETS: OffsetUnit = 'codepoint'
export const CSV_SPAN_COLUMNS = ['document_id', 'start', 'end', 'label', 'text', 'annotator', 'attributes', 'note'] as const

/** The import's rule for each row: text from the text column, every other column kept as meta. */
function rowDocument(file: string, row: Record<string, string>, fields: string[], column: string, rowNumber: number): ParsedDocument {
  const text = row[column] ?? ''
  if (text.trim() === '') throw new ImportError(file, `data row ${rowNumber}: the "${column}" column is empty`)
  const meta: Record<string, unknown> = { source: file, row: rowNumber }
  const tags: ParsedTag[] = []
  const where = { file, context: `data row ${rowNumber}` }
  for (const field of fields) {
    const group = tagColumnGroup(field)
    if (group !== null) tags.push(...tagsFromCell(row[field], group, where))
    else if (field !== column && field !== '') meta[field] = row[field]
  }
  const title = row.title?.trim()
  return { file, text, title: title ? title : titleFor(text, file), meta, spans: [], ...withTags(tags) }
}

function checkColumns(file: string, fields: string[], column: string): void {
  if (!fields.includes(column)) {
    throw new ImportError(file, `no "${column}" column (columns: ${fields.join(', ') || 'none'}); name the text column with --text-column`, 1)
  }
}

const parseConfig = (file: string) => ({
  header: true,
  skipEmptyLines: 'greedy' as const,
  ...(path.extname(file).toLowerCase() === '.tsv' ? { delimiter: '\t' } : {})
})

// a file with one column has no delimiter to detect: that is fine
const realError = (errors: Papa.ParseError[]) => errors.find((e) => e.code !== 'UndetectableDelimiter')

/** Rows of a big file through papaparse's stream parser, a chunk at a time (paused while a batch is stored). */
async function* streamRows(source: StreamSource, control: ReadControl): AsyncGenerator<{ rows: Record<string, string>[]; fields: string[]; errors: Papa.ParseError[] }> {
  const queue: { rows: Record<string, string>[]; fields: string[]; errors: Papa.ParseError[] }[] = []
  let done = false
  let failure: unknown = null
  let wake: (() => void) | null = null
  let parser: Papa.Parser | null = null
  const input = Readable.from(decodedChunks(source, control))
  input.on('error', (error) => {
    failure = error
    done = true
    wake?.()
  })
  Papa.parse<Record<string, string>>(input as unknown as File, {
    ...parseConfig(source.name),
    chunk(results, chunkParser) {
      parser = chunkParser
      chunkParser.pause()
      queue.push({ rows: results.data, fields: results.meta.fields ?? [], errors: results.errors })
      wake?.()
    },
    complete() {
      done = true
      wake?.()
    },
    error(error: Error) {
      failure = error
      done = true
      wake?.()
    }
  })
  for (;;) {
    const next = queue.shift()
    if (next) {
      yield next
      ;(parser as Papa.Parser | null)?.resume()
      continue
    }
    if (failure) throw failure
    if (done) return
    await new Promise<void>((resolve) => (wake = resolve))
    wake = null
  }
}

export const csvReader: FormatReader = {
  name: 'csv',
  extensions: ['.csv', '.tsv'],
  read(file, options) {
    const source = decodeText(file.name, file.bytes)
    const column = options.textColumn ?? 'text'
    const result = Papa.parse<Record<string, string>>(source, parseConfig(file.name))
    const error = realError(result.errors)
    if (error) {
      const line = error.index !== undefined ? lineOfIndex(source, error.index) : undefined
      throw new ImportError(file.name, `${error.message}${error.row !== undefined ? ` (data row ${error.row + 1})` : ''}`, line)
    }
    const fields = result.meta.fields ?? []
    checkColumns(file.name, fields, column)
    if (result.data.length === 0) throw new ImportError(file.name, 'file has a header but no rows')
    return result.data.map((row, index) => rowDocument(file.name, row, fields, column, index + 1))
  },
  async *stream(source, options, control) {
    const column = options.textColumn ?? 'text'
    let rowsBefore = 0
    let batch: ParsedDocument[] = []
    let batchChars = 0
    for await (const { rows, fields, errors } of streamRows(source, control)) {
      const error = realError(errors)
      if (error) throw new ImportError(source.name, `${error.message}${error.row !== undefined ? ` (data row ${rowsBefore + error.row + 1})` : ''}`)
      checkColumns(source.name, fields, column)
      for (const [index, row] of rows.entries()) {
        const document = rowDocument(source.name, row, fields, column, rowsBefore + index + 1)
        batch.push(document)
        batchChars += document.text.length
      }
      rowsBefore += rows.length
      if (batchChars >= STREAM_BATCH_BYTES) {
        yield batch
        batch = []
        batchChars = 0
      }
    }
    if (batch.length > 0) yield batch
    else if (rowsBefore === 0) throw new ImportError(source.name, 'file has a header but no rows')
  }
}

const TAG_COLUMN = 'tag:'

function tagColumnGroup(field: string): string | null {
  return field.startsWith(TAG_COLUMN) ? field.slice(TAG_COLUMN.length) : null
}

function tagsFromCell(cell: string | undefined, group: string, where: Where): ParsedTag[] {
  return (cell ?? '')
    .split('|')
    .map((option) => option.trim())
    .filter(Boolean)
    .map((option) => checkTag(where, { group, option }))
}

const unparseRow = (row: unknown[]): string => `${Papa.unparse([row], { header: false, newline: '\r\n' })}\r\n`

export const csvWriter: StreamWriter = {
  name: 'csv',
  kind: 'stream',
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  defaultOffsets: CSV_DEFAULT_OFFSETS,
  header: () => unparseRow([...CSV_SPAN_COLUMNS]),
  record(record, _index, options) {
    const map = new OffsetMap(record.text)
    return record.spans
      .map((span) => {
        const { start, end } = offsetsIn(map, span, options.offsets)
        return unparseRow([record.id, start, end, span.label, span.text, record.annotator, JSON.stringify(span.attributes ?? {}), span.note ?? ''])
      })
      .join('')
  }
}

/** One row per document and annotator, a column per tag group: the documents and their tags. */
export const csvDocumentsWriter: StreamWriter = {
  name: 'csv-documents',
  kind: 'stream',
  extension: 'csv',
  contentType: 'text/csv; charset=utf-8',
  defaultOffsets: null,
  header: (options) => unparseRow(['document_id', 'title', 'text', 'annotator', 'status', ...(options?.tagGroups ?? []).map((group) => `${TAG_COLUMN}${group.name}`)]),
  record(record, _index, { tagGroups = [] }) {
    return unparseRow([record.id, record.title, record.text, record.annotator, record.status, ...tagGroups.map((group) => (record.tags?.[group.name] ?? []).join('|'))])
  }
}
