// Reads a document or layer file and checks it has the shape the store relies on, so that a
// damaged file (truncated by a full disk, garbage from a bad merge, a hand edit gone wrong) is
// reported as that file being damaged instead of failing later, elsewhere, with no file named.
// The checks are the few fields every reader uses, not a full schema: an export reads every
// layer of a project, and checking each span's every field would cost more than reading it.
import { closeSync, fstatSync, openSync, readFileSync, type Stats } from 'node:fs'
import { ABSENT_VERSION, type FileVersion } from '../../shared/api/contract'
import { STATUSES, type AnnotationLayer, type DocumentRecord } from '../../shared/model'
import { DamagedFileError } from './errors'
import { versionOfBytes } from './file-version'

/** The file's bytes, or null when there is none. */
function readBytesOf(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    if (code === 'EISDIR') throw new DamagedFileError(file, 'a folder where a file should be')
    throw error
  }
}

/** The file's bytes and their version (see file-version.ts), parsed; null when there is none. */
function readParsedVersioned(file: string): { value: unknown; version: FileVersion } {
  const bytes = readBytesOf(file)
  if (bytes === null) return { value: null, version: ABSENT_VERSION }
  return { value: parseBytes(file, bytes), version: versionOfBytes(bytes) }
}

/** The file parsed, null when there is none: for readers that never state a version back (hashing costs). */
function readParsed(file: string): unknown {
  const bytes = readBytesOf(file)
  return bytes === null ? null : parseBytes(file, bytes)
}

function parseBytes(file: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new DamagedFileError(file, `not valid JSON: ${(error as Error).message}`)
  }
}

/**
 * A document or layer file, checked, and the stat of the very bytes it was read from (one open
 * file: a writer replacing it meanwhile cannot pair old bytes with a new stat); null when absent.
 * Caches use the stat to tell later whether the file is still the one they read.
 */
export function readCheckedWithStats<K extends 'document' | 'layer'>(
  file: string,
  kind: K
): { value: K extends 'document' ? DocumentRecord : AnnotationLayer; stats: Stats } | null {
  let handle: number
  try {
    handle = openSync(file, 'r')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let stats: Stats
  let bytes: Buffer
  try {
    stats = fstatSync(handle)
    if (stats.isDirectory()) throw new DamagedFileError(file, 'a folder where a file should be')
    bytes = readFileSync(handle)
  } finally {
    closeSync(handle)
  }
  const parsed = parseBytes(file, bytes)
  const value = kind === 'document' ? checkRecord(file, parsed) : checkLayer(file, parsed)
  return { value: value as K extends 'document' ? DocumentRecord : AnnotationLayer, stats }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export function readRecordFile(file: string): DocumentRecord | null {
  const value = readParsed(file)
  return value === null ? null : checkRecord(file, value)
}

/** A document and the version of the very bytes it was read from (a rename states it back). */
export function readRecordFileVersioned(file: string): { record: DocumentRecord | null; version: FileVersion } {
  const { value, version } = readParsedVersioned(file)
  return { record: value === null ? null : checkRecord(file, value), version }
}

function checkRecord(file: string, value: unknown): DocumentRecord {
  if (!isObject(value) || typeof value.text !== 'string' || typeof value.id !== 'string') {
    throw new DamagedFileError(file, 'not a document: it has no text')
  }
  if (typeof value.title !== 'string') value.title = value.id
  if (!isObject(value.meta)) value.meta = {}
  // a hand-edited or half-merged rename is ignored, never a reason to refuse the document
  if (value.renamed !== undefined && !(isObject(value.renamed) && typeof value.renamed.importedTitle === 'string')) delete value.renamed
  return value as unknown as DocumentRecord
}

export function readLayerFile(file: string): AnnotationLayer | null {
  const value = readParsed(file)
  return value === null ? null : checkLayer(file, value)
}

/** A layer and the version of the very bytes it was read from (a save states it back). */
export function readLayerFileVersioned(file: string): { layer: AnnotationLayer | null; version: FileVersion } {
  const { value, version } = readParsedVersioned(file)
  return { layer: value === null ? null : checkLayer(file, value), version }
}

function checkLayer(file: string, value: unknown): AnnotationLayer {
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
