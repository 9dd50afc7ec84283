// Temporary folders for tests: each test gets its own under os.tmpdir(), removed afterwards.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

const created: string[] = []

export async function tempDir(prefix = 'spanwise-test-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  created.push(dir)
  return dir
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
}

export interface FileState {
  mtimeMs: number
  content: string
}

/**
 * Every file under `root` (hidden ones included), keyed by path relative to `root`; but not the
 * derived caches in `.spanwise/` (rebuilt from the files at any time, written when convenient).
 */
export async function snapshotFiles(root: string): Promise<Map<string, FileState>> {
  const result = new Map<string, FileState>()
  async function walk(dir: string): Promise<void> {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && dir === root && entry.name === '.spanwise') continue
      if (entry.isDirectory()) await walk(full)
      else result.set(path.relative(root, full), { mtimeMs: (await stat(full)).mtimeMs, content: await readFile(full, 'utf8') })
    }
  }
  await walk(root)
  return result
}

export async function readJsonRaw<T = unknown>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T
}
