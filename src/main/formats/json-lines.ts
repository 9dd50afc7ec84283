// Reads JSON Lines strictly: each non-blank line must be one JSON object, and a bad line is
// reported by its line number. Small files are read whole; big ones stream in batches.
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { fileLines } from '../importing/read-lines'
import { isObject } from './incoming'
import { nestsTooDeep, TOO_DEEP } from './json-depth'
import type { ReadControl, SourceFile, StreamSource } from './types'

export interface JsonLine {
  line: number
  value: Record<string, unknown>
}

/** Input bytes per batch of a streamed file (files over 20 MiB): small enough to keep memory flat, big enough for the writes of one batch to overlap the parsing of the next. */
export const STREAM_BATCH_BYTES = 4 * 1024 * 1024

/** One line as a record; null for a blank line. */
function parseJsonLine(file: string, raw: string, line: number): JsonLine | null {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw
  if (text.trim() === '') return null
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new ImportError(file, `invalid JSON: ${(error as Error).message}`, line)
  }
  if (!isObject(value)) throw new ImportError(file, 'each line must be a JSON object', line)
  if (nestsTooDeep(value)) throw new ImportError(file, TOO_DEEP, line)
  return { line, value }
}

export function parseJsonLines(file: SourceFile): JsonLine[] {
  const text = decodeText(file.name, file.bytes)
  const records: JsonLine[] = []
  for (const [index, raw] of text.split('\n').entries()) {
    const record = parseJsonLine(file.name, raw, index + 1)
    if (record) records.push(record)
  }
  if (records.length === 0) throw new ImportError(file.name, 'file has no records')
  return records
}

/** The records of a big file in batches of about STREAM_BATCH_BYTES of input. */
export async function* streamJsonLines(source: StreamSource, control: ReadControl): AsyncGenerator<JsonLine[]> {
  let batch: JsonLine[] = []
  let bytes = 0
  let any = false
  for await (const chunk of fileLines(source, control)) {
    for (let i = 0; i < chunk.lines.length; i++) {
      const record = parseJsonLine(source.name, chunk.lines[i]!, chunk.first + i)
      if (record) batch.push(record)
    }
    bytes += chunk.bytes
    if (bytes >= STREAM_BATCH_BYTES && batch.length > 0) {
      any = true
      yield batch
      batch = []
      bytes = 0
    }
  }
  if (batch.length > 0) yield batch
  else if (!any) throw new ImportError(source.name, 'file has no records')
}

/** A line format whose records each make documents alone: streamed batch by batch. */
export async function* streamRecordDocuments<T>(
  source: StreamSource,
  control: ReadControl,
  documents: (records: JsonLine[]) => T[]
): AsyncGenerator<T[]> {
  for await (const records of streamJsonLines(source, control)) yield documents(records)
}
