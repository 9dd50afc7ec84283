// Shared by the format tests: temp projects on disk, files made from strings, exports to strings.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { afterAll, expect } from 'vitest'
import { OffsetMap } from '../../../src/shared/offsets'
import type { ExportRecord, SourceFile } from '../../../src/main/formats/types'
import { exportProject, exportProjectToFolder, type ExportOptions, type StreamExportFormat } from '../../../src/main/exporting/export-project'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore } from '../../../src/main/store/project-store'

const made: string[] = []
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })))
})

export async function tempDir(prefix = 'spanwise-formats-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix))
  made.push(dir)
  return dir
}

export async function tempProject(): Promise<ProjectStore> {
  return ProjectStore.open(path.join(await tempDir(), 'project'), { create: true })
}

export function file(name: string, content: string | Uint8Array): SourceFile {
  return { name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content }
}

/** Code point offsets of the nth occurrence of `needle` in `text`. */
export function at(text: string, needle: string, nth = 0): { start: number; end: number } {
  let index = -1
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1)
    if (index < 0) throw new Error(`"${needle}" not found ${nth + 1} times`)
  }
  const map = new OffsetMap(text)
  return { start: map.toCodePoint(index), end: map.toCodePoint(index + needle.length) }
}

/** An export record as exportRecords makes it, for writer tests. */
export function record(text: string, spans: { start: number; end: number; label: string }[], extra: Partial<ExportRecord> = {}): ExportRecord {
  const map = new OffsetMap(text)
  return {
    id: 'doc1',
    title: 'Doc',
    text,
    meta: {},
    annotator: 'alice',
    status: 'in_progress',
    spans: spans.map((span, i) => ({ id: `s${i}`, ...span, text: map.sliceCodePoints(span.start, span.end) })),
    ...extra
  }
}

export async function exportToString(
  store: ProjectStore,
  format: StreamExportFormat,
  annotator: string | { all: true } = 'alice',
  options: ExportOptions = {}
): Promise<string> {
  const chunks: string[] = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'))
      callback()
    }
  })
  await exportProject(store, format, { annotator }, sink, undefined, options)
  return chunks.join('')
}

export type SimpleSpan = [start: number, end: number, label: string]

/** Every document of a project keyed by its text, with one annotator's spans sorted. */
export async function contents(store: ProjectStore, annotator = 'alice'): Promise<Map<string, SimpleSpan[]>> {
  const out = new Map<string, SimpleSpan[]>()
  for (const id of await store.documentIds()) {
    const doc = await store.getDocument(id)
    const layer = await store.getLayer(id, annotator)
    out.set(
      doc.text,
      layer.spans.map((s): SimpleSpan => [s.start, s.end, s.label]).sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2].localeCompare(b[2]))
    )
  }
  return out
}

const EXTENSION: Record<string, string> = { 'label-studio': 'json', conll: 'conll', 'csv-documents': 'csv' }

/**
 * Exports `format` from a project (alice's layer) and imports the result, found by its file
 * name with no --format, into a fresh project; fails the test if anything is rejected.
 */
export async function exportAndReimport(source: ProjectStore, format: StreamExportFormat | 'brat'): Promise<ProjectStore> {
  const dir = await tempDir()
  let target: string
  if (format === 'brat') {
    target = path.join(dir, 'brat')
    await exportProjectToFolder(source, 'brat', { annotator: 'alice' }, target)
  } else {
    target = path.join(dir, `export.${EXTENSION[format] ?? 'jsonl'}`)
    await writeFile(target, await exportToString(source, format))
  }
  const next = await tempProject()
  const { files, rejected } = await collectFiles([target])
  const report = await importSources(next, files, { annotator: 'alice' }, rejected)
  expect(report.rejected).toEqual([])
  return next
}
