// `npm run bench`: measures side by side in one run and prints medians and ratios.
//   io:     import and export of a generated project (default 10,000 documents, 500,000 spans)
//           against the practical limit (bare JSON.parse / JSON.stringify + one file write).
//   renderer: the editor in Chromium (open, new span by hotkey, scroll) on a 200,000-character
//           document with 2,000 spans, against the same text without spans and against
//           @recogito/text-annotator (bench/renderer/renderer-bench.ts; needs `npx electron-vite build`).
//   fsync:  what a durable save (fsync of file and folder) costs over a plain one, in --dir and /dev/shm.
//   soak:   kill -9 during edits from several writers and two processes on one folder: corrupt
//           files, lost acknowledged edits, leftover temporary files (bench/soak.ts).
//   agreement: every agreement measure at every level over a generated project of N documents ×
//           3 annotators × S spans (bench/agreement-phase.ts): end to end from the folder (one
//           thread; worker threads; from the cache, unchanged and with 1% of layers edited), and
//           the measures alone on documents in memory, each measure on its own too.
//   sync:   a team syncing one project through a local bare git repository (bench/sync-bench.ts):
//           --sync-annotators N (default 20) × --sync-documents N (default 1,000).
//   review: units of the 200,000-character document with three annotators, and auto-merge of
//           --documents documents × 3 annotators (bench/review-bench.ts).
//   import (only with --only import): one big generated Spanwise JSONL (--import-bytes, default 1 GB) streamed into a new
//           project as `spanwise import` does, against read + JSON.parse per line of the same file:
//           MB/s, peak RSS, and the load average (the machine is shared).
//   suggest: each suggestion source's precision and recall on a labelled sample corpus, the time
//           to suggest across --documents documents, and suggestions in the editor on a
//           200,000-character document (bench/suggest-bench.ts; the last needs the build).
//   scale:  the workbench through its HTTP API on generated projects of --scale-sizes documents
//           (default 1,000, 10,000 and 100,000; 400 words and 50 spans each, kept in
//           <dir>/spanwise-bench/ between runs): first screen, list again, save, search, RSS,
//           exports, and their growth (bench/scale-bench.ts).
// Options: --documents N --spans-per-document N --runs N --open-runs N --hotkey-reps N --trials N
//          --import-bytes N --scale-sizes N,N,...
//          --only io|import|renderer|fsync|soak|agreement|sync|review|scale|suggest
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { fsyncCostLine, measureFsyncCost } from './fsync-cost'
import { rendererBench } from './renderer/renderer-bench'
import { soak } from './soak'
import { syncBench } from './sync-bench'
import { reviewBench } from './review-bench'
import { scaleBench } from './scale-bench'
import { suggestBench } from './suggest-bench'

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    'spans-per-document': { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    'open-runs': { type: 'string', default: '5' },
    'hotkey-reps': { type: 'string', default: '40' },
    only: { type: 'string' },
    trials: { type: 'string', default: '10' },
    'import-bytes': { type: 'string', default: '1000000000' },
    'sync-annotators': { type: 'string', default: '20' },
    'sync-documents': { type: 'string', default: '1000' },
    'scale-sizes': { type: 'string', default: '1000,10000,100000' },
    // where the generated projects live: the default temp folder, or e.g. /dev/shm to leave the disk out
    dir: { type: 'string', default: os.tmpdir() }
  }
})
const documents = Number(values.documents)
const spans = Number(values['spans-per-document'])
const runs = Number(values.runs)

interface PhaseResult {
  seconds: number
  /** user + system CPU seconds of the phase */
  cpuSeconds: number
  bytes: number
  maxRssMiB: number
}

function phase(name: string, work: string, size = documents): PhaseResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'io-phase.ts'), name, work, String(size), String(spans)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  if (result.status !== 0) throw new Error(`${name} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as PhaseResult
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const mbps = (r: PhaseResult) => r.bytes / 1e6 / r.seconds
/** Throughput per CPU second: what a quiet core would give, far less inflated by a loaded machine than wall time. */
const cpuMbps = (r: PhaseResult) => r.bytes / 1e6 / r.cpuSeconds

function ioBench(): void {
  console.log(`\n# import/export: ${documents.toLocaleString()} documents, ${(documents * spans).toLocaleString()} spans, median of ${runs} runs, in ${values.dir}`)
  const rows: Record<string, PhaseResult[]> = { import: [], 'baseline-read': [], export: [], 'baseline-write': [] }
  for (let run = 0; run < runs; run++) {
    const work = mkdtempSync(path.join(values.dir!, 'spanwise-bench-'))
    try {
      mkdirSync(path.join(work, 'input'))
      phase('generate', work)
      // alternate the order so that neither side always runs on a warmer disk cache
      const order = run % 2 === 0 ? ['baseline-read', 'import', 'export', 'baseline-write'] : ['import', 'baseline-read', 'baseline-write', 'export']
      for (const name of order) rows[name]!.push(phase(name, work))
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }
  const line = (label: string, results: PhaseResult[]) =>
    `${label.padEnd(34)} ${median(results.map(mbps)).toFixed(1).padStart(8)} MB/s ${median(results.map((r) => r.seconds)).toFixed(2).padStart(8)} s  CPU ${median(results.map((r) => r.cpuSeconds)).toFixed(2).padStart(7)} s (${median(results.map(cpuMbps)).toFixed(1)} MB/CPU s)  peak RSS ${median(results.map((r) => r.maxRssMiB)).toFixed(0).padStart(6)} MiB`
  console.log(line('import (Spanwise JSONL → project)', rows.import!))
  console.log(line('limit: read + JSON.parse per line', rows['baseline-read']!))
  console.log(`  ratio import / limit: ${(median(rows.import!.map(mbps)) / median(rows['baseline-read']!.map(mbps))).toFixed(2)} (per CPU second: ${(median(rows.import!.map(cpuMbps)) / median(rows['baseline-read']!.map(cpuMbps))).toFixed(2)}), load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`)
  console.log(line('export (project → Spanwise JSONL)', rows.export!))
  console.log(line('limit: JSON.stringify + one write', rows['baseline-write']!))
  console.log(`  ratio export / limit: ${(median(rows.export!.map(mbps)) / median(rows['baseline-write']!.map(mbps))).toFixed(2)}`)
}

function bigImportBench(): void {
  const size = Number(values['import-bytes'])
  console.log(`\n# streaming import: one generated Spanwise JSONL of ${(size / 1e9).toFixed(2)} GB, median of ${runs} runs, in ${values.dir}`)
  const work = mkdtempSync(path.join(values.dir!, 'spanwise-big-import-'))
  const rows: Record<string, PhaseResult[]> = { import: [], baseline: [] }
  const loads: number[][] = []
  try {
    phase('generate-big', work, size)
    for (let run = 0; run < runs; run++) {
      // alternate the order so that neither side always runs on a warmer disk cache
      for (const name of run % 2 === 0 ? ['baseline', 'import'] : ['import', 'baseline']) {
        if (name === 'import') rmSync(path.join(work, 'project'), { recursive: true, force: true })
        const result = phase(name === 'import' ? 'import-big' : 'baseline-big', work)
        rows[name]!.push(result)
        loads.push(os.loadavg())
        console.log(`  run ${run + 1} ${name.padEnd(8)} ${mbps(result).toFixed(1)} MB/s, ${result.seconds.toFixed(1)} s (CPU ${result.cpuSeconds.toFixed(1)} s, ${cpuMbps(result).toFixed(1)} MB per CPU s), peak RSS ${result.maxRssMiB.toFixed(0)} MiB, load ${loads.at(-1)![0]!.toFixed(1)}`)
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  const line = (label: string, results: PhaseResult[]) =>
    `${label.padEnd(40)} ${median(results.map(mbps)).toFixed(1).padStart(8)} MB/s ${median(results.map((r) => r.seconds)).toFixed(1).padStart(8)} s  CPU ${median(results.map((r) => r.cpuSeconds)).toFixed(1).padStart(7)} s (${median(results.map(cpuMbps)).toFixed(1)} MB/CPU s)  peak RSS ${median(results.map((r) => r.maxRssMiB)).toFixed(0).padStart(6)} MiB (max ${Math.max(...results.map((r) => r.maxRssMiB)).toFixed(0)})`
  console.log(line('import (streamed JSONL → project)', rows.import!))
  console.log(line('limit: read + JSON.parse per line', rows.baseline!))
  console.log(`  ratio import / limit: ${(median(rows.import!.map(mbps)) / median(rows.baseline!.map(mbps))).toFixed(2)} (per CPU second: ${(median(rows.import!.map(cpuMbps)) / median(rows.baseline!.map(cpuMbps))).toFixed(2)})`)
  console.log(`  load average (1 min) after each phase: ${loads.map((l) => l[0]!.toFixed(1)).join(', ')} on ${os.cpus().length} cores`)
}

interface AgreementPhaseResult {
  seconds: number
  maxRssMiB: number
  /** CPU seconds of every thread, which a shared machine's load inflates far less than wall time */
  cpuSeconds?: number
}

function agreementPhase(name: string, work: string, measures?: string): AgreementPhaseResult {
  const args = ['--import', 'tsx', path.join(import.meta.dirname, 'agreement-phase.ts'), name, work, String(documents), String(spans), ...(measures ? [measures] : [])]
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (result.status !== 0) throw new Error(`agreement ${name} failed: ${result.stderr}`)
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as AgreementPhaseResult
}

function agreementBench(): void {
  console.log(`\n# agreement: ${documents.toLocaleString()} documents × 3 annotators × ${spans} spans, median of ${runs} runs, in ${values.dir}`)
  const work = mkdtempSync(path.join(values.dir!, 'spanwise-agreement-'))
  try {
    agreementPhase('generate', work)
    const line = (label: string, results: AgreementPhaseResult[]) =>
      `${label.padEnd(44)} ${median(results.map((r) => r.seconds)).toFixed(2).padStart(8)} s${
        results[0]?.cpuSeconds === undefined ? '' : ` ${median(results.map((r) => r.cpuSeconds!)).toFixed(2).padStart(7)} CPU s`
      }  peak RSS ${median(results.map((r) => r.maxRssMiB)).toFixed(0).padStart(6)} MiB  (load ${os.loadavg()[0]!.toFixed(1)})`
    const repeat = (name: string, measures?: string) => Array.from({ length: runs }, () => agreementPhase(name, work, measures))
    console.log(line('spanwise agreement, one thread, no cache', repeat('report-one')))
    console.log(line(`  on worker threads (${Math.min(4, os.availableParallelism())}), no cache`, repeat('report-workers')))
    agreementPhase('report-fill', work)
    console.log(line('  again, nothing changed (from the cache)', repeat('report-warm')))
    console.log(line('  again, 1% of layers edited since', repeat('report-changed')))
    console.log(line('all measures, documents in memory, one thread', repeat('compute')))
    const groups: [string, string][] = [
      ['span F1 (exact, overlap, boundary)', 'span_f1_exact,span_f1_overlap,span_f1_boundary'],
      ["Cohen's κ, Fleiss' κ, α over tokens", 'cohen_kappa,fleiss_kappa,alpha_tokens'],
      ['α over aligned units', 'alpha_units'],
      ['α_U (unitizing)', 'alpha_unitizing'],
      ['γ', 'gamma']
    ]
    for (const [label, measures] of groups) console.log(line(`  ${label}`, repeat('compute', measures)))
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (!values.only || values.only === 'io') ioBench()
// (gigabytes of disk and minutes of time: only when asked for)
if (values.only === 'import') bigImportBench()
if (!values.only || values.only === 'fsync') {
  console.log('\n# durable saves: fsync of the file and its folder, per save')
  for (const dir of [values.dir!, '/dev/shm']) console.log(fsyncCostLine(await measureFsyncCost(dir)))
}
if (!values.only || values.only === 'soak') await soak({ trials: Number(values.trials), writers: 3, dir: values.dir! })
if (!values.only || values.only === 'agreement') agreementBench()
if (!values.only || values.only === 'renderer') await rendererBench({ openRuns: Number(values['open-runs']), hotkeyReps: Number(values['hotkey-reps']) })
if (!values.only || values.only === 'sync') {
  await syncBench({ annotators: Number(values['sync-annotators']), documents: Number(values['sync-documents']), dir: values.dir! })
}
if (!values.only || values.only === 'review') await reviewBench({ documents, dir: values.dir!, runs })
if (!values.only || values.only === 'scale') {
  await scaleBench({ sizes: values['scale-sizes']!.split(',').map(Number), dir: values.dir!, scanUpTo: 10_000 })
}
if (!values.only || values.only === 'suggest') await suggestBench({ documents, dir: values.dir!, openRuns: Number(values['open-runs']) })
