// Imports are all or nothing per run, labels included: a run that fails half way puts everything
// back, and a run killed half way (SIGKILL, a real process) is rolled back at the next open, with
// a message.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectInfo } from '../../../src/shared/api/contract'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { importSources } from '../../../src/main/importing/import-files'
import { importTotals } from '../../../src/shared/api/import-report'
import { ImportJournal, type JournalContent } from '../../../src/main/store/import-journal'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const BIN = path.resolve(import.meta.dirname, '../../../bin/spanwise.mjs')

/** A Spanwise JSONL line: a document with one span of `label`. */
function record(i: number, label: string): string {
  const text = `Document number ${i}: Mayor Ana Lind said the budget grew.`
  return `${JSON.stringify({ schema: 'spanwise/v1', text, title: `Doc ${i}`, spans: [{ start: 19, end: 33, label }] })}\n`
}

const labelNames = async (folder: string) =>
  ((JSON.parse(await readFile(path.join(folder, 'project.json'), 'utf8')) as { labels: { name: string }[] }).labels).map((l) => l.name)

const hiddenFiles = async (folder: string) => (await readdir(folder)).filter((name) => name.startsWith('.'))

describe('an import that fails half way', () => {
  it('puts everything back: no documents, no layers, no new labels', async () => {
    const folder = await tempDir()
    const store = await ProjectStore.open(folder, { create: true })
    const projectBefore = await readFile(path.join(folder, 'project.json'), 'utf8')
    // the annotator's folder cannot be made (a file is in its way): layers fail after the labels
    // and documents are written
    await writeFile(path.join(folder, 'annotations', 'ana'), 'not a folder')
    const lines = Array.from({ length: 5 }, (_, i) => record(i, 'speaker')).join('')
    await expect(importSources(store, [{ name: 'in.jsonl', bytes: Buffer.from(lines) }], { annotator: 'ana' })).rejects.toThrow()
    expect(await readFile(path.join(folder, 'project.json'), 'utf8')).toBe(projectBefore)
    expect(store.settings.labels.map((l) => l.name)).not.toContain('speaker')
    expect(await readdir(path.join(folder, 'documents'))).toEqual([])
    expect(await hiddenFiles(folder)).toEqual([])
  })
})

describe('an import killed half way', () => {
  it('is found at the next open and rolled back, with a message', async () => {
    const folder = await tempDir()
    const input = path.join(await tempDir(), 'big.jsonl')
    await writeFile(input, Array.from({ length: 3000 }, (_, i) => record(i, 'speaker')).join(''))
    // the project exists before, with a document of its own that must survive
    const store = await ProjectStore.open(folder, { create: true })
    await importSources(store, [{ name: 'own.txt', bytes: Buffer.from('A document imported earlier.') }], { annotator: 'ana' })
    const projectBefore = await readFile(path.join(folder, 'project.json'), 'utf8')

    const child = spawn(process.execPath, [BIN, 'import', '--project', folder, '--annotator', 'ana', input], { stdio: 'ignore' })
    // wait until the run is writing documents, then kill it
    let written = 0
    for (let tries = 0; written < 20 && tries < 6000; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 5))
      written = (await readdir(path.join(folder, 'documents'))).length - 1
    }
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const left = (await readdir(path.join(folder, 'documents'))).length - 1
    expect(left).toBeGreaterThanOrEqual(20)
    expect(left).toBeLessThan(3000)
    expect((await hiddenFiles(folder)).filter((name) => name.endsWith('.journal'))).toHaveLength(1)
    expect(await labelNames(folder)).toContain('speaker')

    const reopened = await ProjectStore.open(folder)
    expect(reopened.notices[0]).toMatch(
      new RegExp(`an import into this project was interrupted \\(process ${child.pid} on .*\\) and has been rolled back: \\d+ document\\(s\\) and \\d+ layer\\(s\\) removed or put back, and the labels it had added`)
    )
    // the app tells its user too (project.info carries it; the workbench shows it)
    const info = await createDispatch(new Session(reopened, 'ana'))('project.info', {})
    // (with, when the kill caught a write in flight, a word on its temporary file, removed)
    expect(info.ok && (info.value as ProjectInfo).notices).toEqual(reopened.notices)
    expect(reopened.notices.slice(1)).toEqual(reopened.notices.length > 1 ? [expect.stringMatching(/^removed 1 temporary file/)] : [])
    expect(await readdir(path.join(folder, 'documents'))).toHaveLength(1)
    expect(await readFile(path.join(folder, 'project.json'), 'utf8')).toBe(projectBefore)
    expect(reopened.settings.labels.map((l) => l.name)).not.toContain('speaker')
    expect(await hiddenFiles(folder)).toEqual([])
    expect(existsSync(path.join(folder, 'annotations', 'ana'))).toBe(false)
    // and the same files import cleanly again
    const again = await importSources(reopened, [{ name: input, bytes: await readFile(input) }], { annotator: 'ana' })
    // (the report names the first 1000 documents and counts them all)
    expect(importTotals(again).added).toBe(3000)
  }, 120_000)
})

describe('the journal of a run', () => {
  /** A project folder with one document and Ana's layer of it, as files. */
  async function folderWithWork(): Promise<{ folder: string; anaLayer: string }> {
    const folder = await tempDir()
    await ProjectStore.open(folder, { create: true })
    await writeFile(path.join(folder, 'documents', '00000000000000aa.json'), '{"id": "00000000000000aa"}\n')
    await mkdir(path.join(folder, 'annotations', 'ana'))
    const anaLayer = '{"spans": ["Ana\'s work"]}\n'
    await writeFile(path.join(folder, 'annotations', 'ana', '00000000000000aa.json'), anaLayer)
    return { folder, anaLayer }
  }

  /** What a run writes: a new document with layers of Ana and Ben, and over Ana's layer of the old one. */
  async function writeRun(folder: string): Promise<void> {
    await writeFile(path.join(folder, 'documents', '00000000000000bb.json'), '{"id": "00000000000000bb"}\n')
    await mkdir(path.join(folder, 'annotations', 'ben'))
    for (const [annotator, id] of [['ana', '00000000000000bb'], ['ben', '00000000000000bb'], ['ana', '00000000000000aa']] as const) {
      await writeFile(path.join(folder, 'annotations', annotator, `${id}.json`), '{"spans": ["imported"]}\n')
    }
  }

  async function expectAsBefore(folder: string, anaLayer: string): Promise<void> {
    expect(await readdir(path.join(folder, 'documents'))).toEqual(['00000000000000aa.json'])
    expect(await readdir(path.join(folder, 'annotations'))).toEqual(['ana'])
    expect(await readdir(path.join(folder, 'annotations', 'ana'))).toEqual(['00000000000000aa.json'])
    expect(await readFile(path.join(folder, 'annotations', 'ana', '00000000000000aa.json'), 'utf8')).toBe(anaLayer)
    expect(await hiddenFiles(folder)).toEqual([])
  }

  it('names the layers of new documents by annotator in one line each, and rolls them back with the rest', async () => {
    const { folder, anaLayer } = await folderWithWork()
    const journal = ImportJournal.begin(folder, ['00000000000000bb'], [
      { annotator: 'ana', documentId: '00000000000000bb' },
      { annotator: 'ben', documentId: '00000000000000bb' },
      { annotator: 'ana', documentId: '00000000000000aa' }
    ])
    const content = JSON.parse(await readFile(journal.file, 'utf8')) as JournalContent
    expect(content.newDocumentLayers).toEqual({ ana: ['00000000000000bb'], ben: ['00000000000000bb'] })
    expect(content.layers).toEqual([{ annotator: 'ana', documentId: '00000000000000aa', before: anaLayer }])
    await writeRun(folder)
    expect(journal.rollBack()).toEqual({ documents: 1, layers: 3, labels: false })
    await expectAsBefore(folder, anaLayer)
  })

  it('left by a dead process in the earlier form (every layer listed with what it held) is still rolled back', async () => {
    const { folder, anaLayer } = await folderWithWork()
    await writeRun(folder)
    // a process that has ended: its pid names no live process
    const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' })
    await new Promise((resolve) => child.once('exit', resolve))
    const content = {
      pid: child.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      projectBefore: null,
      documents: ['00000000000000bb'],
      layers: [
        { annotator: 'ana', documentId: '00000000000000bb', before: null },
        { annotator: 'ben', documentId: '00000000000000bb', before: null },
        { annotator: 'ana', documentId: '00000000000000aa', before: anaLayer }
      ]
    }
    await writeFile(path.join(folder, `.spanwise-import-${child.pid}-0123abcd.journal`), JSON.stringify(content))
    expect(ImportJournal.recover(folder)).toEqual([expect.stringMatching(/has been rolled back: 1 document\(s\) and 3 layer\(s\) removed or put back\./)])
    await expectAsBefore(folder, anaLayer)
  })
})
