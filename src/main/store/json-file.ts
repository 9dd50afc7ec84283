// Every file Spanwise writes goes through lowdb's JSONFile adapter, whose writer (steno) writes
// a temporary file beside the target and renames it over, so a crash never leaves half a file.
// We use the adapter rather than JSONFilePreset because the preset silently keeps data in
// memory when NODE_ENV=test, and our tests must prove that data reaches the disk.
import { JSONFile } from 'lowdb/node'

export async function readJson<T>(file: string): Promise<T | null> {
  return new JSONFile<T>(file).read()
}

/** Writes in flight, per file: two writes to one file share a temp name, so they must queue. */
const pending = new Map<string, Promise<void>>()

export async function writeJsonAtomic<T>(file: string, data: T): Promise<void> {
  const previous = pending.get(file) ?? Promise.resolve()
  const write = previous.catch(() => undefined).then(() => new JSONFile<T>(file).write(data))
  pending.set(file, write)
  try {
    await write
  } finally {
    if (pending.get(file) === write) pending.delete(file)
  }
}
