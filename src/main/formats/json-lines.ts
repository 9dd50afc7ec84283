// Reads JSON Lines strictly: each non-blank line must be one JSON object, and a bad line is
// reported by its line number.
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { isObject } from './incoming'
import { nestsTooDeep, TOO_DEEP } from './json-depth'
import type { SourceFile } from './types'

export interface JsonLine {
  line: number
  value: Record<string, unknown>
}

export function parseJsonLines(file: SourceFile): JsonLine[] {
  const text = decodeText(file.name, file.bytes)
  const records: JsonLine[] = []
  const lines = text.split('\n')
  for (const [index, raw] of lines.entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch (error) {
      throw new ImportError(file.name, `invalid JSON: ${(error as Error).message}`, index + 1)
    }
    if (!isObject(value)) throw new ImportError(file.name, 'each line must be a JSON object', index + 1)
    if (nestsTooDeep(value)) throw new ImportError(file.name, TOO_DEEP, index + 1)
    records.push({ line: index + 1, value })
  }
  if (records.length === 0) throw new ImportError(file.name, 'file has no records')
  return records
}
