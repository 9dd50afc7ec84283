// Reads a big text file from disk as lines, a chunk at a time, with exact line numbers: the
// streaming counterpart of decodeText for line formats (JSONL). Bytes are split at newlines
// before decoding, so a character is never cut in two, and each chunk is checked as strict UTF-8
// (a bad byte names its line). UTF-16 files are read whole (decodeText) up to the 20 MiB limit.
import { isUtf8 } from 'node:buffer'
import { createReadStream } from 'node:fs'
import type { ReadControl, StreamSource } from '../formats/types'
import { ImportError } from './errors'

export const CHUNK_BYTES = 1 << 20

/** A cancelled import: not a problem with any file, so it rejects none; the run is undone. */
export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled: nothing was changed')
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelled()
}

/** The file's bytes, a chunk at a time, counted for progress; stops when cancelled. */
export async function* fileChunks(source: StreamSource, control: ReadControl): AsyncGenerator<Buffer> {
  const stream = createReadStream(source.path, { highWaterMark: CHUNK_BYTES })
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      throwIfCancelled(control.signal)
      control.onBytes?.(chunk.length)
      yield chunk
    }
  } finally {
    stream.destroy()
  }
}

/**
 * A big file's text, decoded strictly chunk by chunk (a character split between chunks is
 * joined); for formats whose records span lines (CSV, JSON), so bad bytes name no line.
 */
export async function* decodedChunks(source: StreamSource, control: ReadControl): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let atStart = true
  for await (const bytes of fileChunks(source, control)) {
    if (atStart) checkText(source, bytes.subarray(0, 2), 1, true)
    atStart = false
    if (bytes.indexOf(0) >= 0) throw new ImportError(source.name, 'binary file (contains NUL bytes), not text')
    try {
      yield decoder.decode(bytes, { stream: true })
    } catch {
      throw new ImportError(source.name, 'not valid UTF-8 text; save it as UTF-8 and import again')
    }
  }
}

export interface LineChunk {
  /** Line number (1-based) of `lines[0]`. */
  first: number
  lines: string[]
  /** Input bytes these lines took (newlines included), for batching. */
  bytes: number
}

function checkText(source: StreamSource, bytes: Buffer, firstLine: number, atStart: boolean): void {
  if (atStart && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new ImportError(source.name, 'is UTF-16 (it starts with a UTF-16 byte order mark); files over 20 MiB must be UTF-8: save it as UTF-8 and import again')
  }
  const nul = bytes.indexOf(0)
  if (nul < 0 && isUtf8(bytes)) return
  // find the line: the first one with a NUL or a byte that is not UTF-8
  let line = firstLine
  for (let start = 0; start < bytes.length; line++) {
    const end = bytes.indexOf(0x0a, start)
    const part = bytes.subarray(start, end < 0 ? bytes.length : end)
    if (part.indexOf(0) >= 0) throw new ImportError(source.name, 'binary file (contains NUL bytes), not text', line)
    if (!isUtf8(part)) throw new ImportError(source.name, 'not valid UTF-8 text; save it as UTF-8 and import again', line)
    if (end < 0) break
    start = end + 1
  }
}

/** The file's lines (without "\n"; a "\r" before it is kept), in chunks of about CHUNK_BYTES. */
export async function* fileLines(source: StreamSource, control: ReadControl): AsyncGenerator<LineChunk> {
  let carry: Buffer = Buffer.alloc(0)
  let line = 1
  let atStart = true
  for await (const chunk of fileChunks(source, control)) {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk
    const cut = bytes.lastIndexOf(0x0a)
    if (cut < 0) {
      carry = bytes
      continue
    }
    const whole = bytes.subarray(0, cut + 1)
    carry = Buffer.from(bytes.subarray(cut + 1))
    checkText(source, whole, line, atStart)
    let text = whole.toString('utf8', 0, whole.length - 1)
    // a UTF-8 byte order mark is an encoding marker, not text
    if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    atStart = false
    const lines = text.split('\n')
    yield { first: line, lines, bytes: whole.length }
    line += lines.length
  }
  if (carry.length > 0) {
    checkText(source, carry, line, atStart)
    let text = carry.toString('utf8')
    if (atStart && text.charCodeAt(0) === 0xfeff) text = text.slice(1)
    yield { first: line, lines: [text], bytes: carry.length }
  }
}
