// One annotator's suggestion file for one document (annotations/<annotator>/suggestions/<id>.json):
// the suggestions they rejected, which never come back for that document, and the suggestions
// `spanwise suggest` left there to review. Its one writer is that annotator (the app, or the CLI
// run as them); every write states the version it read, and a stale one is a conflict.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { ABSENT_VERSION, type FileVersion } from '../../shared/api/contract'
import { suggestionKey, type Suggestion, type SuggestionMark } from '../../shared/suggest/types'
import { fileVersion, readJsonVersioned } from '../store/file-version'
import { writeJsonAtomic, type WriteBatch } from '../store/json-file'
import { KeyedLock } from '../store/keyed-lock'
import { DamagedFileError, StoreError } from '../store/errors'
import { suggestionFile } from './layout'

export interface SuggestionFile {
  version: 1
  documentId: string
  rejected: SuggestionMark[]
  /** Suggestions a `spanwise suggest` run stored for review (never spans until accepted). */
  stored: Suggestion[]
}

const lock = new KeyedLock()

export function readSuggestionFile(folder: string, annotator: string, documentId: string): { file: SuggestionFile; version: FileVersion } {
  const file = suggestionFile(folder, annotator, documentId)
  let read: { data: SuggestionFile | null; version: FileVersion }
  try {
    read = readJsonVersioned<SuggestionFile>(file)
  } catch (error) {
    throw new DamagedFileError(file, (error as Error).message)
  }
  if (read.data === null) return { file: { version: 1, documentId, rejected: [], stored: [] }, version: ABSENT_VERSION }
  if (!Array.isArray(read.data.rejected)) throw new DamagedFileError(file, 'it has no list of rejected suggestions')
  return { file: { ...read.data, stored: Array.isArray(read.data.stored) ? read.data.stored : [] }, version: read.version }
}

/**
 * Changes the file if it is still `baseVersion` (undefined: whatever it is now, for the CLI,
 * which reads and writes under this lock at once). Returns the new version.
 */
export async function editSuggestionFile(
  folder: string,
  annotator: string,
  documentId: string,
  baseVersion: FileVersion | undefined,
  edit: (file: SuggestionFile) => SuggestionFile,
  /** A bulk run's writes, made durable together by its flush (see WriteBatch). */
  batch?: WriteBatch
): Promise<{ file: SuggestionFile; version: FileVersion }> {
  const target = suggestionFile(folder, annotator, documentId)
  return lock.run(target, async () => {
    const current = readSuggestionFile(folder, annotator, documentId)
    if (baseVersion !== undefined && current.version !== baseVersion) {
      throw new StoreError('conflict', `${annotator}'s rejected suggestions of document ${documentId} were changed elsewhere since they were read: reload and try again`)
    }
    const next = edit(current.file)
    mkdirSync(path.dirname(target), { recursive: true })
    await writeJsonAtomic(target, next, batch ? { batch } : {})
    return { file: next, version: fileVersion(target) }
  })
}

/** Adds rejections (each suggestion once). */
export function withRejected(file: SuggestionFile, marks: SuggestionMark[]): SuggestionFile {
  const known = new Set(file.rejected.map(suggestionKey))
  const added = marks.filter((mark) => !known.has(suggestionKey(mark))).map(({ start, end, label }) => ({ start, end, label }))
  const rejected = [...file.rejected, ...added].sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
  return { ...file, rejected }
}

/** Takes rejections back (an undo): those suggestions may be proposed again. */
export function withoutRejected(file: SuggestionFile, marks: SuggestionMark[]): SuggestionFile {
  const back = new Set(marks.map(suggestionKey))
  return { ...file, rejected: file.rejected.filter((mark) => !back.has(suggestionKey(mark))) }
}
