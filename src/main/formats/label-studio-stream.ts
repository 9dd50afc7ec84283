// A big Label Studio export (one JSON array of tasks, gigabytes) read a task at a time through
// stream-json's parser, so memory holds one batch of tasks, never the file.
import { pipeline, Readable } from 'node:stream'
import { streamArray } from 'stream-json/streamers/stream-array.js'
import { ImportError } from '../importing/errors'
import { decodedChunks, ImportCancelled } from '../importing/read-lines'
import { nestsTooDeep, TOO_DEEP } from './json-depth'
import { STREAM_BATCH_BYTES } from './json-lines'
import type { ParsedDocument, ReadControl, StreamSource } from './types'

/** The documents of every task, in batches of about STREAM_BATCH_BYTES of text. */
export async function* streamTasks(
  source: StreamSource,
  control: ReadControl,
  documentsOf: (task: unknown, index: number) => ParsedDocument[]
): AsyncGenerator<ParsedDocument[]> {
  const items = pipeline(Readable.from(decodedChunks(source, control)), streamArray.withParserAsStream(), () => undefined)
  let batch: ParsedDocument[] = []
  let chars = 0
  let tasks = 0
  try {
    for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) {
      tasks++
      if (nestsTooDeep(value)) throw new ImportError(source.name, `task ${key + 1}: ${TOO_DEEP}`)
      for (const document of documentsOf(value, key)) {
        batch.push(document)
        chars += document.text.length
      }
      if (chars >= STREAM_BATCH_BYTES) {
        yield batch
        batch = []
        chars = 0
      }
    }
  } catch (error) {
    if (error instanceof ImportError || error instanceof ImportCancelled) throw error
    // the parser's own messages say what it expected, not where: the task it was reading does
    throw new ImportError(source.name, `task ${tasks + 1}: invalid JSON (${(error as Error).message}); a Label Studio export over 20 MiB must be one JSON array of tasks`)
  } finally {
    items.destroy()
  }
  if (batch.length > 0) yield batch
  else if (tasks === 0) throw new ImportError(source.name, 'file has no tasks')
}
