// Renaming a document: the title is stored in the document's own file (never in its text, never in
// a layer), a rename states the version it was made from and a stale one is a conflict, and
// everything that shows or exports a title carries the new one.
import { createWriteStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { finished } from 'node:stream/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { exportProject } from '../../../src/main/exporting/export-project'
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore, StoreError } from '../../../src/main/store/project-store'
import { normaliseTitle, renamedRecord } from '../../../src/main/store/document-rename'
import type { DocumentRecord } from '../../../src/shared/model'
import { removeTempDirs, snapshotFiles, tempDir } from '../../helpers/temp'

const TEXT = 'Thursday, November 21, 2024\n\nCouncil approves the harbour bridge\n\nThe council voted 7 to 2.\n'

let folder: string
let store: ProjectStore
let id: string

const documentPath = () => path.join(folder, 'documents', `${id}.json`)
const readRecord = async () => JSON.parse(await readFile(documentPath(), 'utf8')) as DocumentRecord

beforeEach(async () => {
  folder = path.join(await tempDir(), 'project')
  store = await ProjectStore.open(folder, { create: true })
  id = (await store.addDocuments([{ text: TEXT, title: 'Council approves the harbour bridge', meta: { source: 'news/bridge.txt' } }])).added[0]!.id
  await store.saveLayer(id, 'alice', { spans: [{ id: 's1', start: 29, end: 36, label: 'actor' }] })
})
afterEach(removeTempDirs)

describe('renaming a document', () => {
  it('writes the title into the document file only, keeping the text and the imported title', async () => {
    const before = await snapshotFiles(folder)
    const { version } = await store.getDocumentVersioned(id)
    const renamed = await store.renameDocument(id, 'Harbour bridge vote', version, 'alice')
    const after = await snapshotFiles(folder)
    const changed = [...after.keys()].filter((file) => after.get(file)!.content !== before.get(file)?.content)
    expect(changed).toEqual([path.join('documents', `${id}.json`)])

    const record = await readRecord()
    expect(record.text).toBe(TEXT)
    expect(record.title).toBe('Harbour bridge vote')
    expect(record.renamed).toMatchObject({ importedTitle: 'Council approves the harbour bridge', by: 'alice' })
    expect(renamed.version).not.toBe(version)
    expect((await store.getDocumentVersioned(id)).version).toBe(renamed.version)
  })

  it('lists the new title, the imported one and the file name, in this process and after reopening', async () => {
    await store.summaries('alice') // cached before the rename: the rename must update the cache
    const { version } = await store.getDocumentVersioned(id)
    await store.renameDocument(id, 'Harbour bridge vote', version, 'alice')
    const [listed] = await store.summaries('alice')
    expect(listed).toMatchObject({ title: 'Harbour bridge vote', importedTitle: 'Council approves the harbour bridge', fileName: 'news/bridge.txt', spanCount: 1 })

    const reopened = await ProjectStore.open(folder)
    const [again] = await reopened.summaries('alice')
    expect(again).toMatchObject({ title: 'Harbour bridge vote', importedTitle: 'Council approves the harbour bridge', fileName: 'news/bridge.txt' })
    expect(await reopened.documentTitle(id)).toBe('Harbour bridge vote')
  })

  it('refuses a rename made from a version that is no longer on disk, and writes nothing', async () => {
    const { version } = await store.getDocumentVersioned(id)
    await store.renameDocument(id, 'Renamed in tab one', version, 'alice')
    const before = await readFile(documentPath(), 'utf8')
    const stale = store.renameDocument(id, 'Renamed in tab two', version, 'bob')
    await expect(stale).rejects.toBeInstanceOf(StoreError)
    await expect(stale).rejects.toMatchObject({ code: 'conflict' })
    expect(await readFile(documentPath(), 'utf8')).toBe(before)
  })

  it('sees a rename written by another process (its file, not this store\'s memory, is the base)', async () => {
    const other = await ProjectStore.open(folder)
    const seen = await store.getDocumentVersioned(id)
    await other.renameDocument(id, 'Renamed elsewhere', (await other.getDocumentVersioned(id)).version, 'bob')
    await expect(store.renameDocument(id, 'Mine', seen.version, 'alice')).rejects.toMatchObject({ code: 'conflict' })
    // once told (the watcher's notice), the list reads the file again
    store.forgetDocuments([id])
    expect((await store.summaries('alice'))[0]!.title).toBe('Renamed elsewhere')
  })

  it('puts the imported title back for an empty title or null, and drops the rename record', async () => {
    let { version } = await store.getDocumentVersioned(id)
    ;({ version } = await store.renameDocument(id, 'Short name', version, 'alice'))
    const back = await store.renameDocument(id, null, version, 'alice')
    expect(back.document.title).toBe('Council approves the harbour bridge')
    const record = await readRecord()
    expect(record.renamed).toBeUndefined()
    expect(record.title).toBe('Council approves the harbour bridge')
    const [listed] = await store.summaries('alice')
    expect(listed!.importedTitle).toBeUndefined()

    ;({ version } = await store.renameDocument(id, 'Again', back.version, 'alice'))
    expect((await store.renameDocument(id, '   ', version, 'alice')).document.title).toBe('Council approves the harbour bridge')
  })

  it('writes nothing when the title does not change (no new version, no diff for git)', async () => {
    const { version } = await store.getDocumentVersioned(id)
    const mtime = (await stat(documentPath())).mtimeMs
    const same = await store.renameDocument(id, '  Council approves   the harbour bridge ', version, 'alice')
    expect(same.version).toBe(version)
    expect((await stat(documentPath())).mtimeMs).toBe(mtime)
    expect((await readRecord()).renamed).toBeUndefined()
  })

  it('names a document that is not there', async () => {
    await expect(store.renameDocument('0123456789abcdef', 'x', 'absent', 'alice')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('exports carry the new title', async () => {
    const { version } = await store.getDocumentVersioned(id)
    await store.renameDocument(id, 'Harbour bridge vote', version, 'alice')
    const out = path.join(folder, '..', 'export.jsonl')
    const stream = createWriteStream(out)
    await exportProject(store, 'jsonl', { annotator: 'alice' }, stream)
    stream.end()
    await finished(stream)
    const [line] = (await readFile(out, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as { title: string; text: string })
    expect(line).toMatchObject({ title: 'Harbour bridge vote', text: TEXT })
  })

  it('keeps the rename when the same text is imported again', async () => {
    const { version } = await store.getDocumentVersioned(id)
    await store.renameDocument(id, 'Harbour bridge vote', version, 'alice')
    const report = await importSources(store, [{ name: 'again.txt', bytes: Buffer.from(TEXT) }], { annotator: 'alice' })
    expect(report.duplicates.map((d) => d.id)).toEqual([id])
    expect((await readRecord()).title).toBe('Harbour bridge vote')
  })
})

describe('the rename channel', () => {
  it('documents.get hands out the file version that documents.rename states; a stale one is a conflict', async () => {
    const dispatch = createDispatch(new Session(store, 'carol'))
    const got = (await dispatch('documents.get', { id })) as { ok: true; value: { documentVersion: string; version: string } }
    expect(got.ok).toBe(true)
    const first = await dispatch('documents.rename', { id, baseVersion: got.value.documentVersion, title: 'Bridge vote' })
    expect(first).toMatchObject({ ok: true, value: { document: { title: 'Bridge vote', renamed: { by: 'carol' } } } })
    const second = await dispatch('documents.rename', { id, baseVersion: got.value.documentVersion, title: 'Something else' })
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const listed = (await dispatch('documents.list', {})) as { ok: true; value: { title: string }[] }
    expect(listed.value[0]!.title).toBe('Bridge vote')
  })

  it('refuses a title longer than the limit, naming the limit', async () => {
    const dispatch = createDispatch(new Session(store, 'carol'))
    const { version } = await store.getDocumentVersioned(id)
    const answer = await dispatch('documents.rename', { id, baseVersion: version, title: 'x'.repeat(301) })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('300') } })
  })
})

describe('titles as typed', () => {
  const record: DocumentRecord = { version: 1, id: 'abcdef0123456789', title: 'Imported', text: 't', meta: {}, sha256: 'x', importedAt: '2026-01-01T00:00:00.000Z' }

  it('are put on one line, with single spaces', () => {
    expect(normaliseTitle('  Bridge\n vote\t2024  ')).toBe('Bridge vote 2024')
  })

  it('count characters as people do (an emoji is one) against the limit', () => {
    expect(normaliseTitle('🌉'.repeat(300))).toHaveLength(600)
    expect(() => normaliseTitle('🌉'.repeat(301))).toThrow(/300/)
  })

  it('keep the first imported title through several renames', () => {
    const once = renamedRecord(record, 'One', 'alice', 'now')!
    const twice = renamedRecord(once, 'Two', 'bob', 'later')!
    expect(twice).toMatchObject({ title: 'Two', renamed: { importedTitle: 'Imported', by: 'bob', at: 'later' } })
    expect(renamedRecord(twice, 'Imported', 'bob', 'later')).toMatchObject({ title: 'Imported' })
    expect(renamedRecord(twice, 'Imported', 'bob', 'later')!.renamed).toBeUndefined()
    expect(renamedRecord(record, 'Imported', 'alice', 'now')).toBeNull()
  })
})

describe('import order', () => {
  it('each document keeps its place in its import, and the list sorts by it', async () => {
    const files = ['zebra', 'apple', 'mango'].map((word, k) => ({ name: `${k}-${word}.txt`, bytes: Buffer.from(`${word} headline number ${k}\n\nBody of ${word}.\n`) }))
    await importSources(store, files, { annotator: 'alice' })
    const { sortDocuments } = await import('../../../src/shared/document-order')
    const listed = await store.summaries('alice')
    const imported = sortDocuments(listed, 'import').map((d) => d.fileName)
    // the first document came from an earlier import (beforeEach), then this import's files in order
    expect(imported).toEqual(['news/bridge.txt', '0-zebra.txt', '1-apple.txt', '2-mango.txt'])
    expect(sortDocuments(listed, 'title').map((d) => d.fileName)).toEqual(['1-apple.txt', 'news/bridge.txt', '2-mango.txt', '0-zebra.txt'])
  })
})

describe('spanwise rename', () => {
  const run = async (...args: string[]) => {
    const { spawnSync } = await import('node:child_process')
    const root = path.resolve(import.meta.dirname, '../../..')
    return spawnSync(process.execPath, [path.join(root, 'bin', 'spanwise.mjs'), 'rename', '--project', folder, ...args], { encoding: 'utf8', timeout: 60_000 })
  }

  it('renames by the start of an id, records who, and --reset puts the imported title back', async () => {
    const renamed = await run(id.slice(0, 6), 'Bridge vote, 7 to 2', '--annotator', 'dana')
    expect(renamed.stderr).toBe('')
    expect(renamed.stdout).toBe(`${id}: Bridge vote, 7 to 2 (imported as Council approves the harbour bridge)\n`)
    expect((await readRecord()).renamed).toMatchObject({ by: 'dana' })
    const reset = await run(id, '--reset')
    expect(reset.stdout).toBe(`${id}: Council approves the harbour bridge\n`)
    expect((await readRecord()).renamed).toBeUndefined()
  })

  it('says what is wrong: no such document, or neither a title nor --reset', async () => {
    const missing = await run('ffff', 'x')
    expect(missing.status).toBe(1)
    expect(missing.stderr).toContain('no document ffff')
    const neither = await run(id)
    expect(neither.status).toBe(1)
    expect(neither.stderr).toContain('either a new title or --reset')
  })
})
