// `npm run bench -- --only scale`: the workbench on generated projects of 1,000, 10,000 and
// 100,000 documents (400 words and 50 spans each), timed through the HTTP API of a real
// `spanwise serve`, as the window uses it. For each size: the first screen after a restart
// (project.info + documents.list, warm disk cache), listing again, saving one edit (p50/p95),
// project search, the server's RSS, and exports from the CLI and the UI (time per document,
// peak RSS); then the growth from the smallest to the largest size. Beside them, today's
// approach where it is still cheap: the listing as a full scan of every file and the search
// as a scan of every document, at the smaller sizes.
// The generated projects are kept under <dir>/spanwise-bench/ between runs (100,000 documents
// take a few minutes to write); the listing cache in each is removed before the cold run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { CACHE_DIR, listingTuning } from '../src/main/store/listing-index'
import { ProjectStore } from '../src/main/store/project-store'
import { scanProject } from '../src/main/search/project-search'
import { searchIndexOf } from '../src/main/search/search-index'
import { BENCH_ANNOTATOR, generateScaleProject, vocabulary } from './scale-corpus'

const repoRoot = path.resolve(import.meta.dirname, '..')

/** Channels that change nothing, sent again when a closed connection kept them from an answer. */
const READS = new Set(['project.info', 'documents.list', 'documents.get', 'project.search'])

interface Server {
  pid: number
  call<T>(channel: string, input: unknown): Promise<T>
  /** The handler's time the last call reported (its server-timing header), ms. */
  lastServerMs: number
  get(pathAndQuery: string): Promise<number>
  stop(): Promise<void>
}

async function serve(folder: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['bin/spanwise.mjs', 'serve', '--project', folder, '--annotator', BENCH_ANNOTATOR], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()))
    child.once('exit', (code) => reject(new Error(`spanwise serve exited with ${code}: ${stderr}`)))
  })
  const server: Server = {
    pid: child.pid!,
    lastServerMs: 0,
    async call<T>(channel: string, input: unknown): Promise<T> {
      const send = () => fetch(`${url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })
      // a kept-alive connection the server closed as it idled (its 5 s timeout, late under load)
      // is met by the next request: a read is sent again, as a browser does
      const res = await send().catch((error: Error) => {
        if (!READS.has(channel)) throw error
        return send()
      })
      server.lastServerMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN)
      const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } }
      if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
      return body.value as T
    },
    async get(pathAndQuery) {
      const res = await fetch(`${url}${pathAndQuery}`)
      let bytes = 0
      for await (const chunk of res.body!) bytes += (chunk as Uint8Array).length
      return bytes
    },
    async stop() {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
    }
  }
  return server
}

/** A process's resident memory now and at its peak, in MiB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/** CPU time a process has used so far, all its threads (the libuv pool's too), ms (Linux schedstat, ns). */
function cpuMs(pid: number): number {
  let ns = 0
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
    } catch {
      // a thread that ended meanwhile
    }
  }
  return ns / 1e6
}

/** Waits until the server has done its background work (a check of every file's stat after a restart). */
async function quiet(pid: number): Promise<void> {
  const deadline = Date.now() + 120_000
  let before = cpuMs(pid)
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300))
    const now = cpuMs(pid)
    if (now - before < 5) return
    before = now
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await work()
  return { ms: performance.now() - start, value }
}

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!
const median = (xs: number[]) => quantile(xs, 0.5)

/** Queries a user types: a rare word, a common word, a phrase, a label. */
function queries(): string[] {
  const words = vocabulary()
  return [words[20_000]!, words[40]!, `${words[0]} ${words[1]}`, 'label:actor']
}

interface Row {
  documents: number
  firstScreenMs: number
  firstScreenCpuMs: number
  relistMs: number
  relistCpuMs: number
  saveP50Ms: number
  saveP95Ms: number
  saveCpuMs: number
  searchMs: number
  searchCpuMs: number
  searchFirstMs: number
  searchFirstCpuMs: number
  rssMiB: number
  exportCliMsPerDoc: number
  exportCliPeakMiB: number
  exportUiMsPerDoc: number
  exportCheckMsPerDoc: number
  serverPeakMiB: number
  scanListMs?: number
  scanSearchMs?: number
}

/** `spanwise export` of the whole project to a file: ms per document and the process's peak RSS (GNU time). */
function cliExport(folder: string, documents: number): { msPerDoc: number; peakMiB: number } {
  const out = path.join(folder, '..', `export-${documents}.jsonl`)
  const start = performance.now()
  const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, 'bin/spanwise.mjs', 'export', '--project', folder, '--annotator', BENCH_ANNOTATOR, '--out', out], {
    cwd: repoRoot,
    encoding: 'utf8'
  })
  const ms = performance.now() - start
  rmSync(out, { force: true })
  if (result.status !== 0) throw new Error(`export failed: ${result.stderr}`)
  const peakKiB = Number(result.stderr.trim().split('\n').at(-1))
  return { msPerDoc: ms / documents, peakMiB: peakKiB / 1024 }
}

/** CPU time of this process (user + system) spent in `work`, ms. */
async function cpuOf(work: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage()
  await work()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/** Today's listing: every document and the annotator's layer read, in this process. */
async function scanListing(folder: string): Promise<void> {
  const store = await ProjectStore.open(folder)
  let spans = 0
  for (const id of await store.documentIds()) {
    await store.getDocument(id)
    spans += (await store.getLayer(id, BENCH_ANNOTATOR)).spans.length
  }
  if (spans === 0) throw new Error('no spans read')
}

async function measure(folder: string, documents: number, withScans: boolean): Promise<Row> {
  // the caches as a previous session of the app leaves them (and a warm disk cache): built
  // here, to the end, then a restart, as a user's
  const warm = await ProjectStore.open(folder)
  await warm.summaries(BENCH_ANNOTATOR)
  await warm.listing.settled()
  await searchIndexOf(warm).candidates(BENCH_ANNOTATOR, 'warm')
  await searchIndexOf(warm).settled()
  warm.saveCaches()

  const server = await serve(folder)
  let cpu = cpuMs(server.pid)
  const cpuSince = () => {
    const before = cpu
    cpu = cpuMs(server.pid)
    return cpu - before
  }
  const first = await timed(() => Promise.all([server.call('project.info', {}), server.call<{ id: string }[]>('documents.list', {})]))
  const firstCpu = cpuSince()
  const list = first.value[1]
  if (list.length !== documents) throw new Error(`listed ${list.length} of ${documents} documents`)
  // what follows is measured apart from the restart's background check (which starts a little
  // after the first screen: waiting for quiet before then would measure the two together)
  await new Promise((resolve) => setTimeout(resolve, listingTuning.checkDelayMs + 500))
  await quiet(server.pid)
  cpuSince()
  const relists: number[] = []
  for (let i = 0; i < 5; i++) relists.push((await timed(() => server.call('documents.list', {}))).ms)
  const relistCpu = cpuSince() / 5

  const saves: number[] = []
  const saveCpu: number[] = []
  for (let i = 0; i < 40; i++) {
    const id = list[(i * 7919) % list.length]!.id
    const { layer, version } = await server.call<{ layer: { spans: { id: string; start: number; end: number; label: string }[] }; version: string }>('documents.get', { id })
    const spans = [...layer.spans.slice(1), { id: `bench-${i}`, start: 0, end: 7, label: 'actor' }]
    cpuSince()
    await server.call('annotations.save', { documentId: id, baseVersion: version, spans })
    saves.push(server.lastServerMs)
    saveCpu.push(cpuSince())
  }

  cpuSince()
  const searchFirst = (await timed(() => server.call('project.search', { query: queries()[0], limit: 200 }))).ms
  const searchFirstCpu = cpuSince()
  const searches: number[] = []
  const searchCpu: number[] = []
  for (const query of queries()) {
    const runs: number[] = []
    for (let i = 0; i < 3; i++) runs.push((await timed(() => server.call('project.search', { query, limit: 200 }))).ms)
    searches.push(median(runs))
    searchCpu.push(cpuSince() / 3)
  }
  const rss = memory(server.pid).rss
  // the workbench asks which documents are damaged first (check=1), then downloads
  const uiCheck = await timed(() => server.get(`export?format=jsonl&annotator=${BENCH_ANNOTATOR}&check=1`))
  const uiExport = await timed(() => server.get(`export?format=jsonl&annotator=${BENCH_ANNOTATOR}&skipDamaged=1`))
  const serverPeak = memory(server.pid).peak
  await server.stop()
  const cli = cliExport(folder, documents)

  const row: Row = {
    documents,
    firstScreenMs: first.ms,
    firstScreenCpuMs: firstCpu,
    relistMs: median(relists),
    relistCpuMs: relistCpu,
    saveP50Ms: quantile(saves, 0.5),
    saveP95Ms: quantile(saves, 0.95),
    saveCpuMs: median(saveCpu),
    searchMs: Math.max(...searches),
    searchCpuMs: Math.max(...searchCpu),
    searchFirstMs: searchFirst,
    searchFirstCpuMs: searchFirstCpu,
    rssMiB: rss,
    exportCliMsPerDoc: cli.msPerDoc,
    exportCliPeakMiB: cli.peakMiB,
    exportUiMsPerDoc: uiExport.ms / documents,
    exportCheckMsPerDoc: uiCheck.ms / documents,
    serverPeakMiB: serverPeak
  }
  if (withScans) {
    row.scanListMs = await cpuOf(() => scanListing(folder))
    const store = await ProjectStore.open(folder)
    const scans: number[] = []
    for (const query of queries()) scans.push(await cpuOf(() => scanProject(store, BENCH_ANNOTATOR, query, 200)))
    row.scanSearchMs = Math.max(...scans)
  }
  return row
}

/** The first screen with no cache at all (the index built from every file), for the record. */
async function coldFirstScreen(folder: string): Promise<number> {
  rmSync(path.join(folder, CACHE_DIR), { recursive: true, force: true })
  const server = await serve(folder)
  const { ms } = await timed(() => Promise.all([server.call('project.info', {}), server.call('documents.list', {})]))
  await server.stop()
  return ms
}

export async function scaleBench(options: { sizes: number[]; dir: string; scanUpTo: number }): Promise<void> {
  const root = path.join(options.dir, 'spanwise-bench')
  mkdirSync(root, { recursive: true })
  console.log(`\n# scale: projects of ${options.sizes.map((n) => n.toLocaleString()).join(', ')} documents (400 words, 50 spans each) in ${root}; load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`)
  const rows: Row[] = []
  for (const documents of options.sizes) {
    const folder = path.join(root, `scale-${documents}`)
    const generating = !existsSync(path.join(folder, '.bench-complete'))
    const generated = await timed(() => generateScaleProject(folder, documents))
    if (generating) console.log(`generated ${documents.toLocaleString()} documents in ${(generated.ms / 1000).toFixed(1)} s`)
    // with no cache at all (the index built from every file): minutes at 100,000 on a busy machine
    if (documents <= options.scanUpTo) {
      const cold = await coldFirstScreen(folder)
      console.log(`${documents.toLocaleString()} documents: first screen with no cache (index built from the files) ${cold.toFixed(0)} ms`)
    }
    rows.push(await measure(folder, documents, documents <= options.scanUpTo))
  }
  const ms = (x: number | undefined) => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(0))
  const columns: [string, (row: Row) => number | undefined, string][] = [
    ['first screen (info + list), ms', (r) => r.firstScreenMs, ''],
    ['  server CPU, ms', (r) => r.firstScreenCpuMs, ''],
    ['list again, ms', (r) => r.relistMs, ''],
    ['  server CPU, ms', (r) => r.relistCpuMs, ''],
    ['save p50, ms (server time)', (r) => r.saveP50Ms, ''],
    ['save p95, ms (server time)', (r) => r.saveP95Ms, ''],
    ['  server CPU per save (median), ms', (r) => r.saveCpuMs, ''],
    ['search, slowest of 4 queries, ms', (r) => r.searchMs, ''],
    ['  server CPU, ms', (r) => r.searchCpuMs, ''],
    ['first search after restart, ms', (r) => r.searchFirstMs, ''],
    ['  server CPU, ms', (r) => r.searchFirstCpuMs, ''],
    ['server RSS, MiB', (r) => r.rssMiB, ''],
    ['server peak RSS (with UI export), MiB', (r) => r.serverPeakMiB, ''],
    ['UI export: damaged check, ms/doc', (r) => r.exportCheckMsPerDoc, ''],
    ['UI export (jsonl download), ms/doc', (r) => r.exportUiMsPerDoc, ''],
    ['CLI export, ms/doc', (r) => r.exportCliMsPerDoc, ''],
    ['CLI export peak RSS, MiB', (r) => r.exportCliPeakMiB, ''],
    ["today's listing (full scan), CPU ms", (r) => r.scanListMs, ''],
    ["today's search (scan), slowest, CPU ms", (r) => r.scanSearchMs, '']
  ]
  const first = rows[0]!
  const last = rows.at(-1)!

  console.log(`${'measure'.padEnd(40)}${rows.map((r) => r.documents.toLocaleString().padStart(10)).join('')}   growth ${first.documents.toLocaleString()} → ${last.documents.toLocaleString()}`)
  for (const [label, value] of columns) {
    const measured = rows.filter((r) => value(r) !== undefined)
    const a = measured.length > 1 ? value(measured[0]!) : undefined
    const b = measured.length > 1 ? value(measured.at(-1)!) : undefined
    const growth = a !== undefined && b !== undefined ? `×${(b / a).toFixed(2)}${measured.at(-1) === last ? '' : ` (to ${measured.at(-1)!.documents.toLocaleString()})`}` : '—'
    console.log(`${label.padEnd(40)}${rows.map((r) => ms(value(r)).padStart(10)).join('')}   ${growth}`)
  }
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`)
}
