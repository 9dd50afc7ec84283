// Crash-and-concurrency soak: `npm run bench -- --only soak` (or `npx tsx bench/soak.ts`).
// Each trial runs, on one project folder:
//   - the app (`spanwise serve`, holding the folder's app lock), taking saves over loopback HTTP
//     from a client here, one after another, each acknowledged by its 200;
//   - two writer processes (bench/soak-writer.ts, as the CLI opens a project), each with several
//     writers saving their own annotators' layers and adding labels to project.json;
// then kills every one of them with SIGKILL at a random moment, and checks the folder:
//   - corrupt files: any project file that does not parse (must be 0);
//   - lost acknowledged edits: a layer on disk older than the last save acknowledged for it (0);
//   - temporary files left after the next open (which removes those of killed writers) (0);
// and that the app starts again on the folder (its stale lock is taken over).
// Options: --trials N (default 10) --writers N per process (default 3) --dir DIR
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { ProjectStore } from '../src/main/store/project-store'
import { fsyncCostLine, measureFsyncCost } from './fsync-cost'

const ROOT = path.resolve(import.meta.dirname, '..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')

interface TrialResult {
  acked: number
  corrupt: string[]
  lost: string[]
  tempKilled: number
  tempAfterOpen: string[]
  appRestarted: boolean
}

/** Every file under `root`, relative paths. */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    return statSync(full).isDirectory() ? walk(root, full) : [path.relative(root, full)]
  })
}

function startApp(folder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--project', folder, '--annotator', 'app'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (url) => resolve({ child, url }))
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
  })
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

async function trial(base: string, writers: number): Promise<TrialResult> {
  const folder = mkdtempSync(path.join(base, 'spanwise-soak-'))
  try {
    const store = await ProjectStore.open(folder, { create: true })
    const texts = Array.from({ length: 6 }, (_, i) => ({ text: `Soak document ${i}: Mayor Ana Lind said the budget grew.`, title: `Doc ${i}`, meta: {} }))
    const ids = (await store.addDocuments(texts)).added.map((record) => record.id)
    const app = await startApp(folder)

    // last acknowledged seq per layer ("annotator/document")
    const acked = new Map<string, number>()
    let ackCount = 0
    const ack = (key: string, seq: number) => {
      acked.set(key, Math.max(acked.get(key) ?? 0, seq))
      ackCount++
    }
    const children = [0, 1].map(() => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'soak-writer.ts'), folder, String(writers), ids.join(',')], {
        stdio: ['ignore', 'pipe', 'inherit']
      })
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const [word, annotator, documentId, seq] = line.split(' ')
        if (word === 'ack') ack(`${annotator}/${documentId}`, Number(seq))
      })
      return child
    })

    // the app's client: saves over HTTP, one at a time, until the app goes; each states the
    // version of the layer it last saw (it is the layer's only writer: no conflict)
    let stopClient = false
    const versions = new Map<string, string>()
    const client = (async () => {
      for (let seq = 1; !stopClient; seq++) {
        const documentId = ids[seq % ids.length]!
        try {
          const baseVersion = versions.get(documentId) ?? 'absent'
          const response = await fetch(`${app.url}api/annotations.save`, {
            method: 'POST',
            body: JSON.stringify({ documentId, baseVersion, spans: [{ id: `n${seq}`, start: 0, end: 1 + (seq % 5), label: 'actor' }] })
          })
          if (response.status === 200) {
            versions.set(documentId, ((await response.json()) as { value: { version: string } }).value.version)
            ack(`app/${documentId}`, seq)
          }
        } catch {
          return // the app was killed
        }
      }
    })()

    // let every writer get going (tsx start-up takes a while under load), then a random moment
    const started = Date.now()
    while ([...acked.keys()].filter((key) => !key.startsWith('app/')).length < 2 * writers && Date.now() - started < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1300))
    await Promise.all([...children, app.child].map(killed))
    stopClient = true
    await client

    const result: TrialResult = { acked: ackCount, corrupt: [], lost: [], tempKilled: 0, tempAfterOpen: [], appRestarted: false }
    result.tempKilled = walk(folder).filter((file) => file.endsWith('.tmp')).length
    for (const file of walk(folder).filter((file) => file.endsWith('.json'))) {
      try {
        JSON.parse(readFileSync(path.join(folder, file), 'utf8'))
      } catch {
        result.corrupt.push(file)
      }
    }
    for (const [key, seq] of acked) {
      const [annotator, documentId] = key.split('/') as [string, string]
      let onDisk = 0
      try {
        const layer = JSON.parse(readFileSync(path.join(folder, 'annotations', annotator, `${documentId}.json`), 'utf8')) as { spans: { id: string }[] }
        onDisk = Number(layer.spans[0]?.id.slice(1) ?? 0)
      } catch {
        // missing or corrupt: counted as lost (corrupt is counted above too)
      }
      if (onDisk < seq) result.lost.push(`${key}: acknowledged ${seq}, on disk ${onDisk}`)
    }
    // the next open: removes killed writers' temporary files; the app takes over its stale lock
    const restarted = await startApp(folder).catch(() => null)
    result.appRestarted = restarted !== null
    if (restarted) await killed(restarted.child)
    result.tempAfterOpen = walk(folder).filter((file) => file.endsWith('.tmp'))
    return result
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

export async function soak(options: { trials: number; writers: number; dir: string }): Promise<void> {
  console.log(`\n# crash soak: ${options.trials} trials of kill -9 during edits (the app over HTTP + 2 writer processes × ${options.writers} writers), in ${options.dir}`)
  const totals = { acked: 0, corrupt: 0, lost: 0, tempKilled: 0, tempAfterOpen: 0, appFailedToRestart: 0 }
  for (let index = 0; index < options.trials; index++) {
    const result = await trial(options.dir, options.writers)
    totals.acked += result.acked
    totals.corrupt += result.corrupt.length
    totals.lost += result.lost.length
    totals.tempKilled += result.tempKilled
    totals.tempAfterOpen += result.tempAfterOpen.length
    if (!result.appRestarted) totals.appFailedToRestart++
    for (const problem of [...result.corrupt.map((f) => `corrupt ${f}`), ...result.lost.map((l) => `lost ${l}`), ...result.tempAfterOpen.map((f) => `temp left ${f}`)]) {
      console.log(`  trial ${index + 1}: ${problem}`)
    }
  }
  console.log(`acknowledged saves                          ${totals.acked}`)
  console.log(`corrupt files                               ${totals.corrupt}`)
  console.log(`lost acknowledged edits                     ${totals.lost}`)
  console.log(`temporary files left after the next open    ${totals.tempAfterOpen}   (${totals.tempKilled} left by killed writers, removed at open)`)
  console.log(`app failed to start again (stale lock)      ${totals.appFailedToRestart}`)
  for (const dir of [options.dir, '/dev/shm']) console.log(fsyncCostLine(await measureFsyncCost(dir)))
  if (totals.corrupt + totals.lost + totals.tempAfterOpen + totals.appFailedToRestart > 0) process.exitCode = 1
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('soak.ts')) {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '10' }, writers: { type: 'string', default: '3' }, dir: { type: 'string', default: os.tmpdir() } }, strict: false })
  await soak({ trials: Number(values.trials), writers: Number(values.writers), dir: String(values.dir) })
}
