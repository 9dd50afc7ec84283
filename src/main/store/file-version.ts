// A file's version is a hash of its bytes: it needs no counter, means the same in every process
// and survives a `git pull`. A read that hands out a version hashes exactly the bytes it parsed,
// so a version never describes other content than the one it came with.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { ABSENT_VERSION, type FileVersion } from '../../shared/api/contract'

export function versionOfBytes(bytes: Uint8Array): FileVersion {
  // 160 bits of SHA-256: collisions are out of reach, and the value stays short on the wire
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 27)
}

/** The version of a file holding `text` (as UTF-8): what a writer that has just written it hands out. */
export function versionOfText(text: string): FileVersion {
  return versionOfBytes(Buffer.from(text, 'utf8'))
}

/** A file's bytes, or null when there is no such file (any other failure is thrown). */
export function readBytes(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** The version of a file as it is on disk now. */
export function fileVersion(file: string): FileVersion {
  const bytes = readBytes(file)
  return bytes === null ? ABSENT_VERSION : versionOfBytes(bytes)
}

/** A JSON file and the version of the very bytes it was parsed from; null data when absent. */
export function readJsonVersioned<T>(file: string): { data: T | null; version: FileVersion } {
  const bytes = readBytes(file)
  if (bytes === null) return { data: null, version: ABSENT_VERSION }
  let data: T
  try {
    data = JSON.parse(bytes.toString('utf8')) as T
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`)
  }
  return { data, version: versionOfBytes(bytes) }
}
