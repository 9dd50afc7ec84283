// Every file Spanwise writes goes through lowdb's JSONFile adapter, whose writer (steno) writes
// a temporary file beside the target and renames it over, so a crash never leaves half a file.
// We use the adapter rather than JSONFilePreset because the preset silently keeps data in
// memory when NODE_ENV=test, and our tests must prove that data reaches the disk.
import { JSONFile } from 'lowdb/node'

export async function readJson<T>(file: string): Promise<T | null> {
  return new JSONFile<T>(file).read()
}

export async function writeJsonAtomic<T>(file: string, data: T): Promise<void> {
  await new JSONFile<T>(file).write(data)
}
