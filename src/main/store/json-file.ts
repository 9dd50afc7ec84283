// Every file Spanwise writes goes through lowdb's DataFileSync adapter, which writes a temporary
// file beside the target and renames it over, so a crash never leaves half a file. We use the
// adapter rather than JSONFilePreset because the preset silently keeps data in memory when
// NODE_ENV=test, and our tests must prove that data reaches the disk.
// The synchronous adapter is deliberate: project files are small, and synchronous reads and
// writes of small files are several times faster than the thread-pool round trips of async
// ones (see `npm run bench`); each call is also whole before any other code runs, so two writes
// to one file can never interleave. Files are compact JSON: indentation only costs time and space.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { DataFileSync } from 'lowdb/node'

function jsonFile<T>(file: string): DataFileSync<T> {
  return new DataFileSync<T>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) })
}

export async function readJson<T>(file: string): Promise<T | null> {
  return jsonFile<T>(file).read()
}

/**
 * `makeFolder`: a missing folder (an annotator's, at their first layer) is made by the write
 * that needs it, rather than asking the disk for it before every write. Only the last folder is
 * made: a project folder that has gone (moved, unmounted) stays an error, not a new empty project.
 */
export async function writeJsonAtomic<T>(file: string, data: T, options: { makeFolder?: boolean } = {}): Promise<void> {
  const adapter = jsonFile<T>(file)
  try {
    adapter.write(data)
  } catch (error) {
    if (!options.makeFolder || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    try {
      mkdirSync(path.dirname(file))
    } catch (mkdirError) {
      // made meanwhile by another process (a teammate's app on a shared folder) is fine
      if ((mkdirError as NodeJS.ErrnoException).code !== 'EEXIST') throw mkdirError
    }
    adapter.write(data)
  }
}
