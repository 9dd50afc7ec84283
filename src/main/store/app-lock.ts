// One app per project folder. The app (desktop window or `spanwise serve`) keeps the project open
// for hours and serves edits from it; a second app on the same folder would have a second set of
// in-memory state over the same files, so it is refused with a message naming the process that
// holds the folder. The CLI's one-shot commands (import, export) do not take the lock: they may
// run beside the app, which watches the folder for what they write.
//
// The lock is a file created with O_EXCL (`wx`): whoever creates it holds it. It records who
// holds it (pid, command, host, since when) for the message. A lock whose process is gone (a
// crash, kill -9) on this host is stale and taken over; a lock from another host (a folder on a
// shared drive) cannot be checked from here and is reported, not taken.
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, rmSync, statSync, writeSync, fsyncSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { StoreError } from './errors'
import { processIsAlive } from './json-file'

/** In the project folder; ignored by git (`spanwise init --git` writes the .gitignore). */
export const APP_LOCK_FILE = '.spanwise-app.lock'

export interface LockHolder {
  pid: number
  command: string
  host: string
  since: string
}

export interface AppLock {
  file: string
  holder: LockHolder
  release(): void
}

export class FolderLockedError extends StoreError {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder
  ) {
    super(
      'conflict',
      `${folder} is already open in another Spanwise app: process ${holder.pid} (${holder.command}) on ${holder.host}, since ${holder.since}. ` +
        `Close it there, or open a copy of the folder. (If that process is gone, remove ${path.join(folder, APP_LOCK_FILE)}.)`
    )
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? holder : null
  } catch {
    // gone meanwhile, or written half by a holder killed while creating it
    return null
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let handle: number
  try {
    handle = openSync(file, 'wx')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(handle, `${JSON.stringify(holder)}\n`)
    fsyncSync(handle)
  } finally {
    closeSync(handle)
  }
  return true
}

/**
 * Taking over a stale lock must not race another process doing the same (both would remove the
 * stale file, and one would then remove the other's new lock): the takeover itself is guarded by
 * a folder, which only one process can create. A guard left by a process killed mid-takeover is
 * ignored after a few seconds.
 */
function withTakeoverGuard(file: string, task: () => void): boolean {
  const guard = `${file}.takeover`
  try {
    mkdirSync(guard)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    if (age < 5000) return false
    rmdirSync(guard)
    return withTakeoverGuard(file, task)
  }
  try {
    task()
  } finally {
    rmdirSync(guard)
  }
  return true
}

function isStale(holder: LockHolder | null): boolean {
  // an unreadable lock is one whose writer died between creating and filling it
  if (holder === null) return true
  return holder.host === os.hostname() && holder.pid !== process.pid && !processIsAlive(holder.pid)
}

/** Takes the folder's app lock or throws FolderLockedError naming who holds it. */
export function acquireAppLock(folder: string, command = describeCommand()): AppLock {
  const file = path.join(folder, APP_LOCK_FILE)
  const me: LockHolder = { pid: process.pid, command, host: os.hostname(), since: new Date().toISOString() }
  for (let attempt = 0; attempt < 20; attempt++) {
    if (tryCreate(file, me)) return heldLock(file, me)
    const holder = readHolder(file)
    if (!isStale(holder)) throw new FolderLockedError(folder, holder!)
    withTakeoverGuard(file, () => {
      // still the same stale lock? (another process may have taken it over meanwhile)
      if (isStale(readHolder(file))) rmSync(file, { force: true })
    })
  }
  throw new StoreError('conflict', `could not take the app lock ${file}: other processes keep taking it`)
}

function heldLock(file: string, holder: LockHolder): AppLock {
  let released = false
  const release = () => {
    if (released) return
    released = true
    process.off('exit', release)
    // only our own lock: never one another process took over
    if (readHolder(file)?.pid === holder.pid) rmSync(file, { force: true })
  }
  process.on('exit', release)
  return { file, holder, release }
}

function describeCommand(): string {
  const args = process.argv.slice(1).map((arg) => (arg.includes(path.sep) ? path.basename(arg) : arg))
  return args.join(' ').slice(0, 200) || path.basename(process.execPath)
}
