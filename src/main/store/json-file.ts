// Every file Spanwise writes goes through lowdb's DataFile adapter, whose writer (steno) writes
// a temporary file beside the target and renames it over, so a crash never leaves half a file.
// We use the adapter rather than JSONFilePreset because the preset silently keeps data in
// memory when NODE_ENV=test, and our tests must prove that data reaches the disk.
// Files are compact JSON: documents are mostly text, and indentation only costs time and space.
import { DataFile } from 'lowdb/node'

function jsonFile<T>(file: string): DataFile<T> {
  return new DataFile<T>(file, { parse: JSON.parse, stringify: (data) => JSON.stringify(data) })
}

export async function readJson<T>(file: string): Promise<T | null> {
  return jsonFile<T>(file).read()
}

/** Writes in flight, per file: two writes to one file share a temp name, so they must queue. */
const pending = new Map<string, Promise<void>>()

export async function writeJsonAtomic<T>(file: string, data: T): Promise<void> {
  const previous = pending.get(file) ?? Promise.resolve()
  const write = previous.catch(() => undefined).then(() => jsonFile<T>(file).write(data))
  pending.set(file, write)
  try {
    await write
  } finally {
    if (pending.get(file) === write) pending.delete(file)
  }
}
