// .jsonl files: which tool wrote them is recognised from the records themselves, per file.
// Spanwise records carry "schema": "spanwise/v1"; doccano ones have "label"/"entities" arrays;
// Prodigy ones have "spans" objects. A record with only "text" fits any shape (a document with
// no spans). All records of one file must have one shape, else the file is rejected at the
// first line that differs; --format doccano|prodigy|spanwise skips the detection.
import { ImportError } from '../importing/errors'
import { doccanoDocument, isDoccanoRecord } from './doccano'
import { isProdigyRecord, prodigyDocuments } from './prodigy'
import { isSpanwiseRecord, spanwiseDocument } from './spanwise-jsonl'
import { parseJsonLines } from './json-lines'
import { titleFor } from './title'
import { metaWithSource } from './incoming'
import type { FormatReader, ParsedDocument } from './types'

type Shape = 'spanwise' | 'doccano' | 'prodigy' | 'text'

function shapeOf(value: Record<string, unknown>): Shape | null {
  if (isSpanwiseRecord(value)) return 'spanwise'
  if (isDoccanoRecord(value)) return 'doccano'
  if (isProdigyRecord(value)) return 'prodigy'
  if (typeof value.text === 'string') return 'text'
  return null
}

export const jsonlReader: FormatReader = {
  name: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  read(file, options) {
    const records = parseJsonLines(file)
    let shape: Exclude<Shape, 'text'> | undefined
    let shapeLine = 0
    for (const { line, value } of records) {
      const found = shapeOf(value)
      if (found === null) {
        const keys = Object.keys(value).slice(0, 8).join(', ') || 'none'
        throw new ImportError(
          file.name,
          `unknown record shape (keys: ${keys}); expected a Spanwise ("schema": "spanwise/v1"), doccano ("text" + "label") or Prodigy ("text" + "spans") record`,
          line
        )
      }
      if (found === 'text') continue
      if (shape && found !== shape) {
        throw new ImportError(file.name, `record looks like ${found} but line ${shapeLine} looks like ${shape}; one file holds one format`, line)
      }
      shape ??= found
      shapeLine ||= line
    }
    if (shape === 'prodigy') return prodigyDocuments(records, file.name, options)
    return records.map(({ line, value }): ParsedDocument => {
      const where = { file: file.name, line }
      if (shape === 'spanwise') return spanwiseDocument(value, where)
      if (shape === 'doccano') return doccanoDocument(value, where, options)
      // a file of bare {"text": ...} records: documents without spans
      if (typeof value.text !== 'string' || value.text.trim() === '') throw new ImportError(file.name, 'record has an empty "text"', line)
      return { file: file.name, text: value.text, title: titleFor(value.text, file.name), meta: metaWithSource(value.meta, file.name), spans: [] }
    })
  }
}
