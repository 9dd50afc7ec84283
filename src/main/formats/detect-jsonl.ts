// .jsonl files: which tool wrote them is recognised from the records themselves, per file.
// Spanwise records carry "schema": "spanwise/v1"; doccano ones have "label"/"entities" arrays;
// Prodigy ones have "spans" objects. A record with only "text" fits any shape (a document with
// no spans). All records of one file must have one shape, else the file is rejected at the
// first line that differs; --format doccano|prodigy|spanwise skips the detection.
import { ImportError } from '../importing/errors'
import { doccanoDocument, isDoccanoRecord } from './doccano'
import { isProdigyRecord, prodigyDocuments, prodigyFileSessions } from './prodigy'
import { isSpanwiseRecord, spanwiseDocument } from './spanwise-jsonl'
import { parseJsonLines, streamJsonLines, type JsonLine } from './json-lines'
import { titleFor } from './title'
import { metaWithSource } from './incoming'
import type { FormatReader, ParsedDocument, ReadOptions } from './types'

type Shape = 'spanwise' | 'doccano' | 'prodigy' | 'text'

function shapeOf(value: Record<string, unknown>): Shape | null {
  if (isSpanwiseRecord(value)) return 'spanwise'
  if (isDoccanoRecord(value)) return 'doccano'
  if (isProdigyRecord(value)) return 'prodigy'
  if (typeof value.text === 'string') return 'text'
  return null
}

/**
 * Turns the records of one file into documents, batch after batch: the file's shape is set by
 * its first record that has one, and every later record must have the same. A file read whole
 * is one batch. Prodigy records need the annotator ids of the whole file (prodigy-sessions.ts),
 * which a streamed file gathers in a first pass.
 */
function jsonlConverter(file: string, options: ReadOptions) {
  let shape: Exclude<Shape, 'text'> | undefined
  let shapeLine = 0
  return {
    /** Checks the batch's shapes against the file's; returns the file's shape so far. */
    detect(records: JsonLine[]): Exclude<Shape, 'text'> | undefined {
      for (const { line, value } of records) {
        const found = shapeOf(value)
        if (found === null) {
          const keys = Object.keys(value).slice(0, 8).join(', ') || 'none'
          throw new ImportError(
            file,
            `unknown record shape (keys: ${keys}); expected a Spanwise ("schema": "spanwise/v1"), doccano ("text" + "label") or Prodigy ("text" + "spans") record`,
            line
          )
        }
        if (found === 'text') continue
        if (shape && found !== shape) {
          throw new ImportError(file, `record looks like ${found} but line ${shapeLine} looks like ${shape}; one file holds one format`, line)
        }
        shape ??= found
        shapeLine ||= line
      }
      return shape
    },
    convert(records: JsonLine[], sessions?: Map<string, string>): ParsedDocument[] {
      if (shape === 'prodigy') return prodigyDocuments(records, file, options, sessions)
      return records.map(({ line, value }): ParsedDocument => {
        const where = { file, line }
        if (shape === 'spanwise') return spanwiseDocument(value, where)
        if (shape === 'doccano') return doccanoDocument(value, where, options)
        // a file of bare {"text": ...} records: documents without spans
        if (typeof value.text !== 'string' || value.text.trim() === '') throw new ImportError(file, 'record has an empty "text"', line)
        return { file, text: value.text, title: titleFor(value.text, file), meta: metaWithSource(value.meta, file), spans: [] }
      })
    }
  }
}

export const jsonlReader: FormatReader = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  read(file, options) {
    const records = parseJsonLines(file)
    const converter = jsonlConverter(file.name, options)
    converter.detect(records)
    return converter.convert(records)
  },
  async *stream(source, options, control) {
    const converter = jsonlConverter(source.name, options)
    let sessions: Map<string, string> | undefined
    for await (const records of streamJsonLines(source, control)) {
      if (converter.detect(records) === 'prodigy') sessions ??= await prodigyFileSessions(source, control)
      yield converter.convert(records, sessions)
    }
  }
}
