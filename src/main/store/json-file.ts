// Every file Spanwise writes goes through here: canonical bytes (canonical-json.ts), written to a
// temporary file of its own beside the target, fsynced, renamed over the target, and the folder
// fsynced, so that neither a crash nor a power loss ever leaves half a file or an empty one.
//
// Why not lowdb's DataFileSync (used before): it writes every save of a file through one fixed
// temporary name (`.project.json.tmp`), so two processes writing one file at once write into the
// same temporary file and can rename a mixture over the target; nor does it fsync. Why not
// `write-file-atomic`: it fsyncs the file but not the folder (the rename itself is then not
// durable), and our temporary names must carry the writer's pid so that a later open can tell
// a dead writer's leftover from a live writer's file in flight (see removeStaleTempFiles). The
// code below is that library's core idea in a few lines, kept as a lowdb sync adapter so the
// store still reads and writes through lowdb's interface.
//
// The synchronous calls are deliberate: project files are small, and synchronous reads and
// writes of small files are several times faster than the thread-pool round trips of async
// ones (see `npm run bench`); each call is also whole before any other code runs, so two writes
// of one process to one file never interleave.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open } from 'node:fs/promises'
import path from 'node:path'
import type { SyncAdapter } from 'lowdb'
import { checkAnnotatorCase } from './annotator'
import { canonicalJson } from './canonical-json'

/** Temporary files are `.<name>.<pid>.<random>.tmp`: hidden, and naming the process writing them. */
const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/

function tempFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Durability can be turned off for one purpose only: the benchmark measures what fsync costs
 * per save by comparing the two. Spanwise itself always writes durably.
 */
export interface WriteOptions {
  durable?: boolean
}

function fsyncFolder(folder: string): void {
  const handle = openSync(folder, 'r')
  try {
    fsyncSync(handle)
  } finally {
    closeSync(handle)
  }
}

/** Writes `bytes` to `file` atomically: whole or not at all, on disk before it returns. */
export function writeFileAtomicSync(file: string, bytes: string | Uint8Array, options: WriteOptions = {}): void {
  const durable = options.durable ?? true
  const temporary = tempFileFor(file)
  try {
    const handle = openSync(temporary, 'wx', 0o666)
    try {
      writeSync(handle, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
      if (durable) fsyncSync(handle)
    } finally {
      closeSync(handle)
    }
    renameSync(temporary, file)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
  // the rename is only durable once the folder's entry is on disk
  if (durable) fsyncFolder(path.dirname(file))
}

/** A lowdb adapter over one JSON file: canonical, atomic, durable writes. */
export class CanonicalJsonFile<T> implements SyncAdapter<T> {
  constructor(
    private readonly file: string,
    private readonly options: WriteOptions = {}
  ) {}

  read(): T | null {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return JSON.parse(text) as T
  }

  write(data: T): void {
    this.writeText(data)
  }

  /** Writes `data`; returns the text written. */
  writeText(data: T): string {
    const text = canonicalJson(data)
    writeFileAtomicSync(this.file, text, this.options)
    return text
  }
}

/**
 * Bulk writes (an import writes thousands of files) are made durable together at the end instead
 * of one fsync each: on a disk an fsync costs milliseconds, so an import of 10,000 documents would
 * spend minutes in them. Files written with a batch are fsynced by `flush`, which the writer
 * awaits before it reports the run done; until then its journal protects the run (see
 * import-journal.ts).
 */
export class WriteBatch {
  private readonly files = new Set<string>()
  private readonly lists: (() => Iterable<string>)[] = []

  add(file: string): void {
    this.files.add(file)
  }

  /**
   * Files the writer can list again when the batch is flushed (an import's hundreds of thousands
   * of documents and layers: listing them again costs less than holding every path meanwhile).
   */
  addListed(list: () => Iterable<string>): void {
    this.lists.push(list)
  }

  async flush(): Promise<void> {
    // what was added until now: a later add waits for the next flush
    const files = [...this.files]
    const lists = this.lists.splice(0)
    this.files.clear()
    function* allFiles(): Generator<string> {
      yield* files
      for (const list of lists) yield* list()
    }
    const folderSet = new Set<string>()
    for (const file of allFiles()) folderSet.add(path.dirname(file))
    if (folderSet.size === 0) return
    const folders = [...folderSet]
    // Linux: one syncfs(2) per file system (`sync -f`, coreutils) flushes the lot at once, several
    // times cheaper than an fsync per file; elsewhere, or if it fails, each file and folder
    if (process.platform === 'linux' && (await syncFileSystems(folders))) return
    await fsyncAll([...allFiles(), ...folders])
  }
}

function syncFileSystems(folders: string[]): Promise<boolean> {
  return new Promise((resolve) => execFile('sync', ['-f', ...folders], (error) => resolve(error === null)))
}

async function fsyncAll(paths: string[]): Promise<void> {
  let next = 0
  // several at once: the file system commits concurrent fsyncs together
  const worker = async () => {
    while (next < paths.length) {
      const handle = await open(paths[next++]!, 'r')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, worker))
}

export async function readJson<T>(file: string): Promise<T | null> {
  return new CanonicalJsonFile<T>(file).read()
}

/**
 * `makeFolder`: a missing folder (an annotator's, at their first layer) is made by the write
 * that needs it, rather than asking the disk for it before every write. Only the last folder is
 * made: a project folder that has gone (moved, unmounted) stays an error, not a new empty project.
 */
export async function writeJsonAtomic<T>(file: string, data: T, options: { makeFolder?: boolean; batch?: WriteBatch } & WriteOptions = {}): Promise<string> {
  const durable = options.batch ? false : (options.durable ?? true)
  options.batch?.add(file)
  const adapter = new CanonicalJsonFile<T>(file, { durable })
  try {
    return adapter.writeText(data)
  } catch (error) {
    if (!options.makeFolder || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    // never a folder that differs from a sibling only in case (one folder on other disks)
    checkAnnotatorCase(path.basename(path.dirname(file)), readdirSync(path.dirname(path.dirname(file))))
    try {
      mkdirSync(path.dirname(file))
    } catch (mkdirError) {
      // made meanwhile by another process (a teammate's app on a shared folder) is fine
      if ((mkdirError as NodeJS.ErrnoException).code !== 'EEXIST') throw mkdirError
    }
    // the new folder's own entry must reach the disk too
    if (durable) fsyncFolder(path.dirname(path.dirname(file)))
    else options.batch?.add(path.dirname(file))
    return adapter.writeText(data)
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: alive, but someone else's
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temporary files a writer left when it was killed mid-write (kill -9, a crash): only
 * those whose process is gone, since a live process (the CLI beside the app) may be writing one
 * now. Returns the files removed.
 */
export function removeStaleTempFiles(folder: string): string[] {
  const removed: string[] = []
  for (const name of readdirSync(folder)) {
    const match = TEMP_FILE.exec(name)
    if (!match || processIsAlive(Number(match[2]))) continue
    rmSync(path.join(folder, name), { force: true })
    removed.push(path.join(folder, name))
  }
  return removed
}

export { processIsAlive, TEMP_FILE }
