// The project store against a real disk: files exist and hold the data, writes are atomic,
// an edit rewrites exactly one file, and a reopened project sees everything.
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AnnotationLayer, DocumentRecord, ProjectConfig, Span } from '../../../src/shared/model'
import { writeFileAtomicSync } from '../../../src/main/store/json-file'
import { contentHash, ProjectStore, StoreError } from '../../../src/main/store/project-store'
import { removeTempDirs, readJsonRaw, snapshotFiles, tempDir } from '../../helpers/temp'

const TEXT = 'Minister Ada Lovelace said 42 engines were built.\nThe board denied it.\n'

let folder: string
let store: ProjectStore

async function projectWithDocument(text = TEXT): Promise<{ id: string }> {
  const { added } = await store.addDocuments([{ text, title: 'First', meta: { source: 'a.txt' } }])
  return { id: added[0]!.id }
}

function span(id: string, start: number, end: number, label = 'actor'): Span {
  return { id, start, end, label }
}

beforeEach(async () => {
  folder = path.join(await tempDir(), 'project')
  store = await ProjectStore.open(folder, { create: true, name: 'Test project' })
})
afterEach(removeTempDirs)

describe('the store writes to disk, not to memory', () => {
  it('runs under NODE_ENV=test, where a JSONFilePreset would stay in memory', () => {
    expect(process.env.NODE_ENV).toBe('test')
  })

  it('writes project.json with the settings', async () => {
    const raw = await readJsonRaw<ProjectConfig>(path.join(folder, 'project.json'))
    expect(raw.version).toBe(1)
    expect(raw.name).toBe('Test project')
    expect(raw.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure'])
  })

  it('writes each document to documents/<id>.json with its exact text and hash', async () => {
    const { id } = await projectWithDocument()
    const raw = await readJsonRaw<DocumentRecord>(path.join(folder, 'documents', `${id}.json`))
    expect(raw.text).toBe(TEXT)
    expect(raw.title).toBe('First')
    expect(raw.meta).toEqual({ source: 'a.txt' })
    expect(raw.sha256).toBe(contentHash(TEXT))
    expect(id).toBe(contentHash(TEXT).slice(0, 16))
  })

  it('writes a layer to annotations/<annotator>/<id>.json with its spans and status', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 9, 21), span('s2', 27, 29, 'figure')] })
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'alice', `${id}.json`))
    expect(raw.documentId).toBe(id)
    expect(raw.annotator).toBe('alice')
    expect(raw.status).toBe('in_progress')
    expect(raw.spans).toEqual([span('s1', 9, 21), span('s2', 27, 29, 'figure')])
    expect(typeof raw.updatedAt).toBe('string')
  })

  it('writes new labels into project.json', async () => {
    await store.addLabels(['quote', 'actor'])
    const raw = await readJsonRaw<ProjectConfig>(path.join(folder, 'project.json'))
    expect(raw.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure', 'quote'])
    const quote = raw.labels.find((l) => l.name === 'quote')!
    expect(quote.color).toMatch(/^#[0-9a-f]{6}$/i)
    expect(raw.labels.filter((l) => l.hotkey === quote.hotkey)).toHaveLength(1)
  })
})

describe('atomic writes', () => {
  it('leaves no temporary file behind after saveLayer', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })
    await store.saveLayer(id, 'alice', { status: 'done' })
    expect(await readdir(path.join(folder, 'annotations', 'alice'))).toEqual([`${id}.json`])
    expect((await readdir(path.join(folder, 'documents'))).sort()).toEqual([`${id}.json`])
    expect(await readdir(folder)).toEqual(expect.arrayContaining(['project.json', 'documents', 'annotations']))
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('keeps the previous file intact, surfaces the error and removes its temporary file when a write fails half-way', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)], status: 'done' })
    const target = path.join(folder, 'annotations', 'alice', `${id}.json`)
    const before = await readFile(target, 'utf8')
    // a write that fails after its temporary file is made and before the rename (what a full
    // disk does): bytes the file system cannot take
    expect(() => writeFileAtomicSync(target, 42 as unknown as string)).toThrow()
    expect(await readFile(target, 'utf8')).toBe(before)
    expect(await readdir(path.join(folder, 'annotations', 'alice'))).toEqual([`${id}.json`])
    expect((await store.getLayer(id, 'alice')).spans).toEqual([span('s1', 0, 8)])
  })

  it('surfaces the error when the target path is a folder, and writes nothing there', async () => {
    const { id } = await projectWithDocument()
    const target = path.join(folder, 'annotations', 'bob', `${id}.json`)
    await mkdir(target, { recursive: true })
    await expect(store.saveLayer(id, 'bob', { status: 'done' })).rejects.toThrow()
    expect(await readdir(target)).toEqual([])
  }, 10_000)
})

describe('one file per edit', () => {
  it('a saveLayer changes only annotations/<annotator>/<id>.json', async () => {
    const { id } = await projectWithDocument()
    const other = (await store.addDocuments([{ text: 'Another text entirely.', title: 'Second', meta: {} }])).added[0]!.id
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })
    await store.saveLayer(other, 'alice', { spans: [span('s1', 0, 7)] })
    await store.saveLayer(id, 'bob', { spans: [span('s1', 0, 8)] })
    const before = await snapshotFiles(folder)
    await new Promise((resolve) => setTimeout(resolve, 30)) // let mtimes move on

    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8), span('s2', 27, 29, 'figure')] })

    const after = await snapshotFiles(folder)
    const edited = path.join('annotations', 'alice', `${id}.json`)
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    const changed = [...after.entries()]
      .filter(([name, state]) => state.content !== before.get(name)!.content || state.mtimeMs !== before.get(name)!.mtimeMs)
      .map(([name]) => name)
    expect(changed).toEqual([edited])
    expect((JSON.parse(after.get(edited)!.content) as AnnotationLayer).spans).toHaveLength(2)
  })
})

describe('reload', () => {
  it('a new ProjectStore on the same folder sees documents, spans and status', async () => {
    const { id } = await projectWithDocument()
    await store.addLabels(['quote'])
    await store.saveLayer(id, 'alice', { spans: [span('s1', 9, 21), span('s2', 50, 70, 'quote')], status: 'done' })

    const reopened = await ProjectStore.open(folder)
    expect(reopened.settings.name).toBe('Test project')
    expect(reopened.settings.labels.map((l) => l.name)).toContain('quote')
    expect(await reopened.documentIds()).toEqual([id])
    expect((await reopened.getDocument(id)).text).toBe(TEXT)
    const layer = await reopened.getLayer(id, 'alice')
    expect(layer.status).toBe('done')
    expect(layer.spans).toEqual([span('s1', 9, 21), span('s2', 50, 70, 'quote')])
    expect(await reopened.annotators()).toEqual(['alice'])
    expect(await reopened.summaries('alice')).toEqual([
      { id, title: 'First', fileName: 'a.txt', importedAt: expect.any(String), importIndex: 0, length: [...TEXT].length, status: 'done', spanCount: 2, labels: ['actor', 'quote'], annotators: ['alice'] }
    ])
    // another annotator sees an untouched document
    expect(await reopened.summaries('bob')).toEqual([
      { id, title: 'First', fileName: 'a.txt', importedAt: expect.any(String), importIndex: 0, length: [...TEXT].length, status: 'todo', spanCount: 0, labels: [], annotators: ['alice'] }
    ])
  })

  it('refuses a folder without a project unless asked to create one', async () => {
    const empty = await tempDir()
    await expect(ProjectStore.open(empty)).rejects.toMatchObject({ code: 'not_found' })
    expect(existsSync(path.join(empty, 'project.json'))).toBe(false)
  })

  it('refuses a corrupt project.json with a message naming it', async () => {
    await writeFile(path.join(folder, 'project.json'), '{"version": 1, "name": ')
    await expect(ProjectStore.open(folder)).rejects.toThrow(/project\.json/)
  })
})

describe('duplicates by content hash', () => {
  it('never stores the same text twice, in one call or across calls', async () => {
    const first = await store.addDocuments([
      { text: 'Same text.', title: 'One', meta: {} },
      { text: 'Same text.', title: 'Two', meta: {} },
      { text: 'Different text.', title: 'Three', meta: {} }
    ])
    expect(first.added.map((d) => d.title)).toEqual(['One', 'Three'])
    expect(first.duplicates.map((d) => d.title)).toEqual(['One'])

    const again = await store.addDocuments([{ text: 'Same text.', title: 'Renamed', meta: {} }])
    expect(again.added).toEqual([])
    expect(again.duplicates.map((d) => d.title)).toEqual(['One'])
    expect(await readdir(path.join(folder, 'documents'))).toHaveLength(2)
  })

  it('treats texts that differ only in line endings as different documents', async () => {
    const { added } = await store.addDocuments([
      { text: 'a\nb', title: 'lf', meta: {} },
      { text: 'a\r\nb', title: 'crlf', meta: {} }
    ])
    expect(added).toHaveLength(2)
  })
})

describe('annotator names', () => {
  it.each(['', 'a/b', '..', '../x', 'a\\b', 'x..y', 'has space', '.', 'a'.repeat(65)])('rejects %j', async (name) => {
    const { id } = await projectWithDocument()
    const error = await store.saveLayer(id, name, { status: 'done' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('invalid_input')
    await expect(store.getLayer(id, name)).rejects.toBeInstanceOf(StoreError)
    expect(await readdir(path.join(folder, 'annotations'))).toEqual([])
    expect(await readdir(path.dirname(folder))).toEqual(['project'])
  })

  it.each(['alice', 'Zoë', 'j.doe@example.org', 'team_2-b'])('accepts %j', async (name) => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, name, { status: 'done' })
    expect(existsSync(path.join(folder, 'annotations', name, `${id}.json`))).toBe(true)
  })
})

describe('span checks', () => {
  async function expectRejectedWithoutChange(id: string, spans: Span[], message: RegExp): Promise<void> {
    const file = path.join(folder, 'annotations', 'alice', `${id}.json`)
    const before = await readFile(file, 'utf8')
    const error = await store.saveLayer(id, 'alice', { spans }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect((error as StoreError).code).toBe('invalid_input')
    expect((error as Error).message).toMatch(message)
    expect(await readFile(file, 'utf8')).toBe(before)
  }

  it('rejects a span past the end of the text (in code points) and leaves the file unchanged', async () => {
    const text = 'I 👍🏽 it' // 7 code points, 9 UTF-16 units
    const { id } = await projectWithDocument(text)
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 1)] })
    await expectRejectedWithoutChange(id, [span('s2', 2, 8)], /outside the text \(length 7\)/)
    // the last code point is fine
    await store.saveLayer(id, 'alice', { spans: [span('s2', 5, 7)] })
  })

  it('rejects an unknown label and leaves the file unchanged', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })
    await expectRejectedWithoutChange(id, [span('s1', 0, 8), span('s2', 9, 12, 'nonsense')], /unknown label "nonsense"/)
  })

  it('rejects a span id used twice', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })
    await expectRejectedWithoutChange(id, [span('s1', 0, 8), span('s1', 9, 12)], /used twice/)
  })

  it('rejects spans for a document that does not exist', async () => {
    await expect(store.saveLayer('0123456789abcdef', 'alice', { spans: [span('s1', 0, 1)] })).rejects.toMatchObject({
      code: 'not_found'
    })
    expect(await readdir(path.join(folder, 'annotations'))).toEqual([])
  })

  it('rejects spans and status for a listed document whose file has since gone, and writes no layer', async () => {
    const { id } = await projectWithDocument()
    expect((await store.summaries('alice')).map((d) => d.id)).toEqual([id])
    // a teammate removes the document from the shared folder
    await rm(path.join(folder, 'documents', `${id}.json`))
    await expect(store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })).rejects.toMatchObject({ code: 'not_found' })
    await expect(store.saveLayer(id, 'alice', { status: 'done' })).rejects.toMatchObject({ code: 'not_found' })
    expect(existsSync(path.join(folder, 'annotations', 'alice', `${id}.json`))).toBe(false)
  })

  it('never makes a project folder that has gone: writes fail instead of starting an empty one', async () => {
    const { id } = await projectWithDocument()
    await rm(folder, { recursive: true })
    await expect(store.addLabels(['person'])).rejects.toThrow(/ENOENT|has gone/)
    await expect(store.saveLayer(id, 'alice', { status: 'done' }, { text: TEXT })).rejects.toThrow(/ENOENT|has gone/)
    expect(existsSync(folder)).toBe(false)
  })

  it('rejects a negative start or a reversed span', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })
    await expectRejectedWithoutChange(id, [span('s2', -3, 4)], /not a range of whole offsets/)
    await expectRejectedWithoutChange(id, [span('s3', 9, 4)], /.+/)
  })

  it('stores spans sorted in text order whatever order they arrive in', async () => {
    const { id } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [span('b', 27, 29, 'figure'), span('a', 0, 21), span('c', 9, 21)] })
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'alice', `${id}.json`))
    expect(raw.spans.map((s) => s.id)).toEqual(['a', 'c', 'b'])
  })
})

describe('status', () => {
  it('moves todo → in_progress on the first span and keeps an explicit status', async () => {
    const { id } = await projectWithDocument()
    expect((await store.getLayer(id, 'alice')).status).toBe('todo')
    expect((await store.saveLayer(id, 'alice', { spans: [span('s1', 0, 8)] })).status).toBe('in_progress')
    expect((await store.saveLayer(id, 'alice', { status: 'done' })).status).toBe('done')
    const layer = await store.saveLayer(id, 'alice', { spans: [] })
    expect(layer.status).toBe('done')
    expect(layer.spans).toEqual([])
  })
})

describe('concurrent edits', () => {
  // BUG (src/main/store/json-file.ts, writeJsonAtomic): each write builds a new lowdb JSONFile,
  // so a new steno Writer, and concurrent writes of one file share the temp name
  // `.<id>.json.tmp` without steno's per-writer queue: the first rename takes the temp file and
  // the other saves fail with `ENOENT: rename` (after ~1 s of retries). Two quick autosaves or
  // two HTTP requests for one document are enough. Fix: keep one JSONFile per path (a Map in
  // json-file.ts) so steno serialises the writes, or chain writes per path on a promise.
  it('concurrent saves of one layer all succeed and leave a whole, valid file', async () => {
    const { id } = await projectWithDocument()
    const saves = Array.from({ length: 12 }, (_, n) =>
      store.saveLayer(id, 'alice', { spans: Array.from({ length: n + 1 }, (_, k) => span(`s${k}`, 0, k + 1)) })
    )
    const results = await Promise.allSettled(saves)
    const raw = await readFile(path.join(folder, 'annotations', 'alice', `${id}.json`), 'utf8')
    expect(() => JSON.parse(raw)).not.toThrow()
    expect(results.filter((r) => r.status === 'rejected')).toEqual([])
  })
})
