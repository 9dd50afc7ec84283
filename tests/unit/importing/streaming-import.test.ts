// Big datasets stream in: a JSONL file over the 20 MiB limit of single documents is read from
// disk in batches, staged, and committed all or nothing. A cancel (reading or committing) or a
// bad line in the middle leaves the project byte for byte as it was; progress reaches the CLI.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateRecords } from '../../../bench/generate'
import { spanwiseRecordLine } from '../../../src/main/formats/spanwise-jsonl'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import { MAX_IMPORT_FILE_BYTES } from '../../../src/main/importing/limits'
import { ImportCancelled } from '../../../src/main/importing/read-lines'
import { documentIdFor, ProjectStore } from '../../../src/main/store/project-store'
import type { ImportProgress } from '../../../src/shared/api/contract'
import { importTotals } from '../../../src/shared/api/import-report'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const BIN = path.resolve(import.meta.dirname, '../../../bin/spanwise.mjs')
const TARGET_BYTES = MAX_IMPORT_FILE_BYTES + 2 * 1024 * 1024

/** A Spanwise JSONL just over the limit (about 3,700 documents of 50 spans); `broken` replaces that line. */
async function bigJsonl(file: string, broken?: number): Promise<{ lines: number; records: { text: string; spans: { start: number; end: number; label: string; text: string }[] }[] }> {
  const out = createWriteStream(file)
  let bytes = 0
  let lines = 0
  const sample: { text: string; spans: { start: number; end: number; label: string; text: string }[] }[] = []
  for (const record of generateRecords(100_000, 50)) {
    lines++
    const line = lines === broken ? '{"schema": "spanwise/v1", "text": "cut short\n' : spanwiseRecordLine(record)
    if (lines % 1000 === 1) sample.push(record)
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
    bytes += Buffer.byteLength(line)
    if (bytes > TARGET_BYTES) break
  }
  out.end()
  await finished(out)
  return { lines, records: sample }
}

/** Every file of the project folder (hidden ones included) with its bytes. */
async function snapshot(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    files.set(path.relative(folder, file), await readFile(file, 'latin1'))
  }
  return files
}

let dir: string
let folder: string
let store: ProjectStore
let input: string

beforeEach(async () => {
  dir = await tempDir()
  folder = path.join(dir, 'project')
  store = await ProjectStore.open(folder, { create: true })
  // the project has work of its own that must come through untouched
  await importSources(store, [{ name: 'own.jsonl', bytes: Buffer.from(`${JSON.stringify({ schema: 'spanwise/v1', text: 'An earlier document by Ana.', spans: [{ start: 23, end: 26, label: 'actor' }] })}\n`) }], { annotator: 'ana' })
  input = path.join(dir, 'big.jsonl')
})
afterEach(removeTempDirs)

describe('a JSONL file over 20 MiB', () => {
  it('streams in whole: every document, spans at exact code point offsets', async () => {
    const { lines, records } = await bigJsonl(input)
    const { files, rejected } = await collectFiles([input])
    expect(rejected).toEqual([])
    // streamed from disk, not read whole
    expect(files[0]).toMatchObject({ name: input, path: input })
    const progress: ImportProgress[] = []
    const report = await importSources(store, files, { annotator: 'ana' }, [], { onProgress: (p) => progress.push(p) })
    expect(report.rejected).toEqual([])
    expect(importTotals(report).added).toBe(lines)
    expect((await store.documentIds()).length).toBe(lines + 1)
    expect(report.layers).toEqual([{ annotator: 'bench', spans: lines * 50, documents: lines, kept: 0 }])
    // a sample of documents: the stored spans cut out the same text as the file says (code points)
    for (const record of records) {
      const layer = await store.getLayer(documentIdFor(record.text), 'bench')
      expect(layer.spans).toHaveLength(50)
      const chars = [...record.text]
      for (const span of layer.spans) expect(chars.slice(span.start, span.end).join('')).toBe(record.spans.find((s) => s.start === span.start && s.end === span.end && s.label === span.label)?.text)
    }
    // progress: bytes grow to the whole file, then the commit counts its files
    const reading = progress.filter((p) => p.phase === 'reading')
    expect(reading.at(-1)!.bytesDone).toBe(reading.at(-1)!.bytesTotal)
    expect(reading.some((p) => p.bytesDone > 0 && p.bytesDone < p.bytesTotal)).toBe(true)
    expect(progress.at(-1)).toMatchObject({ phase: 'committing', documents: lines * 2, documentsTotal: lines * 2 })
    expect((await readdir(folder)).filter((name) => name.startsWith('.'))).toEqual([])
  }, 300_000)

  it('cancelled half way through reading, or while committing, leaves the project byte for byte as it was', async () => {
    await bigJsonl(input)
    const before = await snapshot(folder)
    const { files } = await collectFiles([input])
    for (const when of [(p: ImportProgress) => p.phase === 'reading' && p.bytesDone > p.bytesTotal / 2, (p: ImportProgress) => p.phase === 'committing' && p.documents > 0]) {
      const cancel = new AbortController()
      let sawCommit = false
      const run = importSources(store, files, { annotator: 'ana' }, [], {
        signal: cancel.signal,
        onProgress: (p) => {
          sawCommit ||= p.phase === 'committing' && p.documents > 0
          if (when(p)) cancel.abort()
        }
      })
      await expect(run).rejects.toBeInstanceOf(ImportCancelled)
      expect(await snapshot(folder)).toEqual(before)
      expect(store.settings.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure'])
      // the second run was cancelled with files already moved into the project: rolled back
      if (when.toString().includes('committing')) expect(sawCommit).toBe(true)
    }
  }, 300_000)

  it('with a bad line in the middle is rejected by file and line, and nothing of it is stored', async () => {
    const { lines } = await bigJsonl(input, 2000)
    expect(lines).toBeGreaterThan(3000)
    const before = await snapshot(folder)
    const { files } = await collectFiles([input])
    const report = await importSources(store, files, { annotator: 'ana' })
    expect(report.rejected).toHaveLength(1)
    expect(report.rejected[0]).toMatchObject({ file: input, line: 2000 })
    expect(report.rejected[0]!.message).toMatch(/invalid JSON/)
    expect(importTotals(report).added).toBe(0)
    expect(await snapshot(folder)).toEqual(before)
  }, 300_000)
})

describe('the CLI', () => {
  function run(args: string[], onStderr?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<{ code: number | null; stderr: string; stdout: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      let stdout = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        onStderr?.(stderr, child)
      })
      child.on('exit', (code) => resolve({ code, stderr, stdout }))
    })
  }

  it('shows the progress on stderr, and Ctrl+C cancels with the project as it was', async () => {
    const { lines } = await bigJsonl(input)
    const before = await snapshot(folder)
    let interrupted = false
    const cancelled = await run(['import', '--project', folder, '--annotator', 'ana', input], (stderr, child) => {
      if (!interrupted && /importing: \d+%/.test(stderr)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    expect(cancelled.stderr).toMatch(/importing: \d+%, [\d.]+ of [\d.]+ MB read/)
    expect(cancelled.stderr).toMatch(/import cancelled; the project is as it was/)
    expect(cancelled.code).toBe(130)
    expect(await snapshot(folder)).toEqual(before)

    const done = await run(['import', '--project', folder, '--annotator', 'ana', input])
    expect(done.code).toBe(0)
    expect(done.stderr).toMatch(/importing: \d+%/)
    expect(done.stderr).toMatch(new RegExp(`moving ${lines * 2}/${lines * 2} files into the project`))
    expect(done.stdout).toMatch(new RegExp(`imported ${lines} document\\(s\\) with ${lines * 50} span\\(s\\)`))
  }, 300_000)
})
