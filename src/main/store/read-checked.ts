// Reads a document or layer file and checks it has the shape the store relies on, so that a
// damaged file (truncated by a full disk, garbage from a bad merge, a hand edit gone wrong) is
// reported as that file being damaged instead of failing later, elsewhere, with no file named.
// The checks are the few fields every reader uses, not a full schema: an export reads every
// layer of a project, and checking each span's every field would cost more than reading it.
import { STATUSES, type AnnotationLayer, type DocumentRecord } from '../../shared/model'
import { DamagedFileError } from './errors'
import { CanonicalJsonFile } from './json-file'

function readParsed(file: string): unknown {
  try {
    return new CanonicalJsonFile(file).read()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new DamagedFileError(file, 'a folder where a file should be')
    if (error instanceof SyntaxError) throw new DamagedFileError(file, `not valid JSON: ${error.message}`)
    throw error
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export function readRecordFile(file: string): DocumentRecord | null {
  const value = readParsed(file)
  if (value === null) return null
  if (!isObject(value) || typeof value.text !== 'string' || typeof value.id !== 'string') {
    throw new DamagedFileError(file, 'not a document: it has no text')
  }
  if (typeof value.title !== 'string') value.title = value.id
  if (!isObject(value.meta)) value.meta = {}
  return value as unknown as DocumentRecord
}

export function readLayerFile(file: string): AnnotationLayer | null {
  const value = readParsed(file)
  if (value === null) return null
  if (!isObject(value) || !Array.isArray(value.spans)) throw new DamagedFileError(file, 'not an annotation layer: it has no list of spans')
  if (!(STATUSES as readonly unknown[]).includes(value.status)) throw new DamagedFileError(file, `unknown status ${JSON.stringify(value.status)}`)
  for (const span of value.spans) {
    if (!isObject(span) || typeof span.start !== 'number' || typeof span.end !== 'number' || typeof span.label !== 'string' || typeof span.id !== 'string') {
      throw new DamagedFileError(file, `a span is not {id, start, end, label}: ${JSON.stringify(span)?.slice(0, 80)}`)
    }
  }
  // layers written before relations existed have none
  if (value.relations === undefined) value.relations = []
  else if (!Array.isArray(value.relations)) throw new DamagedFileError(file, 'its relations are not a list')
  return value as unknown as AnnotationLayer
}
