// One app per project folder, proved with real processes: a second `spanwise serve` on a folder
// is refused with a message naming the first; the CLI still imports beside it; a lock left by a
// process killed with SIGKILL is taken over; a lock is released when its app stops.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { APP_LOCK_FILE } from '../../../src/main/store/app-lock'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const BIN = path.resolve(import.meta.dirname, '../../../bin/spanwise.mjs')
const running: ChildProcess[] = []

function serve(project: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--project', project, '--annotator', 'alice'], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (url) => resolve({ child, url }))
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())))
}

function spanwise(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 })
}

afterEach(async () => {
  for (const child of running.splice(0)) {
    child.kill('SIGKILL')
    await exited(child)
  }
})
afterAll(removeTempDirs)

describe('one app per project folder', () => {
  it('refuses a second serve on the same folder, naming the process that holds it', async () => {
    const project = await tempDir()
    const first = await serve(project)
    const second = spanwise(['serve', '--project', project, '--annotator', 'bob'])
    expect(second.status).toBe(1)
    expect(second.stdout).toBe('')
    const message = second.stderr
    expect(message).toContain(`process ${first.child.pid} (spanwise serve`)
    expect(message).toContain(`on ${os.hostname()}`)
    expect(message).toMatch(/since \d{4}-\d\d-\d\dT/)
    expect(message).toContain(APP_LOCK_FILE)
    // the first app is untouched: still serving
    expect((await fetch(`${first.url}api/project.info`, { method: 'POST', body: '{}' })).status).toBe(200)
  }, 60_000)

  it('lets the CLI import beside a running app', async () => {
    const project = await tempDir()
    await serve(project)
    const input = path.join(await tempDir(), 'note.txt')
    await writeFile(input, 'A note imported while the app runs.\n')
    const result = spanwise(['import', '--project', project, '--annotator', 'alice', input])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/imported 1 document/)
  }, 60_000)

  it('takes over the lock of an app killed with SIGKILL', async () => {
    const project = await tempDir()
    const first = await serve(project)
    first.child.kill('SIGKILL')
    await exited(first.child)
    const stale = JSON.parse(await readFile(path.join(project, APP_LOCK_FILE), 'utf8')) as { pid: number }
    expect(stale.pid).toBe(first.child.pid)
    const second = await serve(project)
    const lock = JSON.parse(await readFile(path.join(project, APP_LOCK_FILE), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(second.child.pid)
  }, 60_000)

  it('releases the lock when the app stops, so the next one opens', async () => {
    const project = await tempDir()
    const first = await serve(project)
    first.child.kill('SIGTERM')
    await exited(first.child)
    expect(existsSync(path.join(project, APP_LOCK_FILE))).toBe(false)
    await serve(project)
  }, 60_000)
})
