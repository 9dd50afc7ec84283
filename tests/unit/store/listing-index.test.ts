// The listing index (store/listing-index.ts) is derived data: whatever changes on disk behind
// the app's back, a listing from the index equals a cold listing that reads every file.
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../src/shared/model'
import { canonicalJson } from '../../../src/main/store/canonical-json'
import { listedFields } from '../../../src/main/store/document-summary'
import { DamagedFileError } from '../../../src/main/store/errors'
import { CACHE_DIR, listingTuning } from '../../../src/main/store/listing-index'
import { documentFile, layerFile } from '../../../src/main/store/layout'
import { ProjectStore } from '../../../src/main/store/project-store'
import { watchProject, type ChangeFeed } from '../../../src/main/store/project-watcher'
import { GIT_IGNORE } from '../../../src/main/sync/init-repository'
import { repoRoot } from '../../helpers/workbench'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const run = promisify(execFile)
const feeds: ChangeFeed[] = []
const defaults = { ...listingTuning }
listingTuning.checkDelayMs = 0

afterEach(async () => {
  listingTuning.inlineCheckLimit = defaults.inlineCheckLimit
  await Promise.all(feeds.splice(0).map((feed) => feed.close()))
  await removeTempDirs()
})

/** The list as the store made it before the index: every document and layer file read now. */
async function coldListing(folder: string, annotator: string): Promise<DocumentSummary[]> {
  const store = await ProjectStore.open(folder)
  const annotators = await store.annotators()
  const rows: DocumentSummary[] = []
  for (const id of await store.documentIds()) {
    const has = annotators.filter((name) => existsSync(layerFile(folder, name, id)))
    let title = id
    try {
      const document = await store.getDocument(id)
      title = document.title
      const layer = await store.getLayer(id, annotator)
      rows.push({
        id,
        title,
        ...listedFields(document),
        length: [...document.text].length,
        status: layer.status,
        spanCount: layer.spans.length,
        labels: [...new Set(layer.spans.map((s) => s.label))].sort(),
        annotators: has
      })
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      rows.push({ id, title, length: 0, status: 'todo', spanCount: 0, labels: [], annotators: has, error: { file: path.relative(folder, error.file), message: error.message } })
    }
  }
  return rows.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
}

const TEXTS = ['Mayor Ana Lind said the budget grew.', 'The council met on Tuesday.', 'Prices rose by 4 per cent.', 'Bea Kahn visited Oslo.']

async function project() {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const { ids } = await store.addDocuments(TEXTS.map((text, i) => ({ text, title: `Doc ${i}`, meta: {} })))
  await store.saveLayer(ids[0]!, 'ana', { spans: [{ id: 'a1', start: 0, end: 5, label: 'actor' }, { id: 'a2', start: 6, end: 14, label: 'actor' }] })
  await store.saveLayer(ids[1]!, 'ana', { spans: [{ id: 'a3', start: 4, end: 11, label: 'actor' }], status: 'done' })
  await store.saveLayer(ids[2]!, 'ana', { spans: [{ id: 'a4', start: 14, end: 25, label: 'figure' }, { id: 'a5', start: 0, end: 6, label: 'claim' }] })
  await store.saveLayer(ids[0]!, 'bo', { spans: [{ id: 'b1', start: 0, end: 5, label: 'claim' }] })
  return { folder, store, ids }
}

/** Sets every project file's times an hour back: their stats are then trusted (not "racy", written this very second). */
function age(folder: string): void {
  const past = (Date.now() - 3_600_000) / 1000
  for (const dir of ['documents', 'annotations/ana', 'annotations/bo']) {
    const full = path.join(folder, dir)
    if (!existsSync(full)) continue
    for (const name of readdirSync(full)) utimesSync(path.join(full, name), past, past)
  }
}

/** Rewrites a file the way another program might: in place, same path and inode. */
function editInPlace(file: string, data: unknown): void {
  writeFileSync(file, canonicalJson(data))
}

/** The listing equals a cold one (once a background check, which a listing may start, is over). */
async function expectCold(store: ProjectStore, annotator = 'ana'): Promise<void> {
  await store.summaries(annotator)
  await store.listing.settled()
  expect(await store.summaries(annotator)).toEqual(await coldListing(store.folder, annotator))
}

describe('the listing index', () => {
  it('lists what a cold listing lists, and keeps up with this process’s own saves and imports', async () => {
    const { store, ids } = await project()
    await expectCold(store)
    await expectCold(store, 'bo')
    await store.saveLayer(ids[3]!, 'ana', { spans: [{ id: 'a6', start: 0, end: 8, label: 'actor' }], status: 'done' })
    await store.addDocuments([{ text: 'A new text arrives.', title: 'Doc 9', meta: {} }])
    await expectCold(store)
    await expectCold(store, 'bo')
    await expectCold(store, 'nobody')
  })

  it('follows a layer another process replaced, a document added by `spanwise import`, and files deleted', async () => {
    const { folder, store, ids } = await project()
    await expectCold(store)
    // another process's store writes (atomically: a new file renamed over the old one)
    const other = await ProjectStore.open(folder)
    await other.saveLayer(ids[1]!, 'ana', { spans: [], status: 'todo' })
    await expectCold(store)
    const data = path.join(await tempDir(), 'more.jsonl')
    await writeFile(data, `${JSON.stringify({ text: 'Cy Moor met the press.', label: [[0, 6, 'actor']] })}\n`)
    await run(process.execPath, ['bin/spanwise.mjs', 'import', '--project', folder, '--annotator', 'ana', '--format', 'doccano', data], { cwd: repoRoot })
    await expectCold(store)
    expect((await store.summaries('ana')).find((row) => row.title.startsWith('Cy Moor'))).toMatchObject({ spanCount: 1, labels: ['actor'], annotators: ['ana'] })
    await rm(layerFile(folder, 'bo', ids[0]!))
    await rm(documentFile(folder, ids[2]!))
    await expectCold(store)
    await expectCold(store, 'bo')
    expect((await store.summaries('ana')).map((row) => row.id)).not.toContain(ids[2])
  }, 30_000)

  it('finds in the background, after a restart, a layer edited in place while the app was closed', async () => {
    // (a small folder's files are checked at every listing; a large one's in the background)
    listingTuning.inlineCheckLimit = 1
    const { folder, store, ids } = await project()
    age(folder)
    await expectCold(store)
    store.listing.save()
    const layer = await store.getLayer(ids[2]!, 'ana')
    // in place: the folder's mtime does not move, only the file's own stat tells
    editInPlace(layerFile(folder, 'ana', ids[2]!), { ...layer, status: 'done', spans: layer.spans.slice(0, 1) })
    const reopened = await ProjectStore.open(folder)
    const heard: string[] = []
    reopened.onListingChange((change) => heard.push(`${change.kind}:${change.documentId}`))
    await reopened.summaries('ana')
    await expectCold(reopened)
    expect(heard).toEqual([`layer:${ids[2]}`])
  })

  it('checks a large folder in the background and reports what it found, like a watcher', async () => {
    listingTuning.inlineCheckLimit = 1
    const { folder, store, ids } = await project()
    age(folder)
    await expectCold(store)
    const heard: string[] = []
    store.onListingChange((change) => heard.push(`${change.kind}:${change.documentId}`))
    const other = await ProjectStore.open(folder)
    await other.saveLayer(ids[0]!, 'ana', { spans: [], status: 'done' })
    await expectCold(store)
    expect(heard).toEqual([`layer:${ids[0]}`])
  })

  it('is kept up to date by the watcher when a layer is edited in place while the app runs', async () => {
    const { folder, store, ids } = await project()
    age(folder)
    await expectCold(store)
    const feed = watchProject(store)
    feeds.push(feed)
    await feed.ready
    let heard = 0
    feed.subscribe((notice) => (heard += notice.changes.length))
    const layer = await store.getLayer(ids[0]!, 'ana')
    editInPlace(layerFile(folder, 'ana', ids[0]!), { ...layer, status: 'done' })
    while (heard === 0) await new Promise((resolve) => setTimeout(resolve, 20))
    await expectCold(store)
    expect((await store.summaries('ana')).find((row) => row.id === ids[0])?.status).toBe('done')
  })

  it('follows label renames, deletions and their undo without reading the layers again', async () => {
    const { store } = await project()
    await expectCold(store)
    const labels = store.settings.labels
    const { previous } = await store.changeLabels({
      labels: labels.filter((l) => l.name !== 'figure').map((l) => (l.name === 'actor' ? { ...l, name: 'speaker' } : l)),
      relationTypes: [],
      renames: [{ from: 'actor', to: 'speaker' }],
      deletions: ['figure']
    })
    await expectCold(store)
    expect((await store.summaries('ana')).flatMap((row) => row.labels)).not.toContain('figure')
    await store.restoreLabels(previous)
    await expectCold(store)
    expect((await store.summaries('ana')).flatMap((row) => row.labels)).toContain('figure')
  })

  it('lists a damaged file with its error (written in place, without a watcher), and the file mended', async () => {
    const { folder, store, ids } = await project()
    await expectCold(store)
    await writeFile(layerFile(folder, 'ana', ids[1]!), '{"spans": [tru')
    await writeFile(documentFile(folder, ids[3]!), 'garbage')
    await expectCold(store)
    const rows = await store.summaries('ana')
    expect(rows.find((row) => row.id === ids[1])?.error?.file).toBe(path.join('annotations', 'ana', `${ids[1]}.json`))
    expect(rows.find((row) => row.id === ids[3])?.error?.file).toBe(path.join('documents', `${ids[3]}.json`))
    await rm(layerFile(folder, 'ana', ids[1]!))
    await expectCold(store)
  })

  it('is rebuilt from the files when its cache is missing, damaged or of another folder, and is git-ignored', async () => {
    const { folder, store } = await project()
    await expectCold(store)
    store.listing.save()
    const cacheDir = path.join(folder, CACHE_DIR)
    expect(readdirSync(cacheDir).sort()).toEqual(['documents.json', 'layers.ana.json', 'layers.bo.json', 'list.ana.json'])
    await writeFile(path.join(cacheDir, 'layers.ana.json'), '{"format": 1, "entr')
    await rm(path.join(cacheDir, 'documents.json'))
    await expectCold(await ProjectStore.open(folder))
    await rm(cacheDir, { recursive: true })
    await expectCold(await ProjectStore.open(folder))
    expect(CACHE_DIR.split(path.sep)[0]).toBe('.spanwise')
    expect(GIT_IGNORE).toContain('.spanwise/')
  })
})

describe('the cached list (the first listing after a restart)', () => {
  /** A project listed and closed (its caches written), its files aged so that their stats are trusted. */
  async function closed() {
    const made = await project()
    age(made.folder)
    await expectCold(made.store)
    await expectCold(made.store, 'bo')
    made.store.saveCaches()
    return made
  }

  const cacheFile = (folder: string, name: string) => path.join(folder, CACHE_DIR, `${name}.json`)

  it('answers the first listing as the files are, and stays right as they change', async () => {
    const { folder, ids } = await closed()
    expect(existsSync(cacheFile(folder, 'list.ana'))).toBe(true)
    const reopened = await ProjectStore.open(folder)
    await expectCold(reopened)
    await reopened.saveLayer(ids[3]!, 'ana', { spans: [{ id: 'n1', start: 0, end: 3, label: 'actor' }] })
    await expectCold(reopened)
  })

  it('is brought up to date before it is written: saves made after the last listing are in it at the next start', async () => {
    const { folder, store, ids } = await closed()
    await store.saveLayer(ids[3]!, 'ana', { spans: [{ id: 'n1', start: 0, end: 3, label: 'claim' }], status: 'done' })
    await store.saveLayer(ids[0]!, 'ana', { spans: [] })
    store.saveCaches()
    const list = readFileSync(cacheFile(folder, 'list.ana'), 'utf8')
    const rows = JSON.parse(list.slice(list.indexOf('\n') + 1)) as DocumentSummary[]
    expect(rows.find((row) => row.id === ids[3])).toMatchObject({ status: 'done', spanCount: 1, labels: ['claim'] })
    expect(rows).toEqual(await coldListing(folder, 'ana'))
    await expectCold(await ProjectStore.open(folder))
  })

  it('gives way to what a teammate’s pull changed while the app was closed (a layer replaced, a document added, a file deleted)', async () => {
    const { folder, ids } = await closed()
    // what git does: files replaced by rename, added and removed (each moves its folder's stat)
    const other = await ProjectStore.open(folder)
    await other.saveLayer(ids[2]!, 'ana', { spans: [], status: 'done' })
    await other.addDocuments([{ text: 'Cy Moor met the press.', title: 'Doc 9', meta: {} }])
    await rm(layerFile(folder, 'bo', ids[0]!))
    const reopened = await ProjectStore.open(folder)
    await expectCold(reopened)
    await expectCold(reopened, 'bo')
    expect((await reopened.summaries('ana')).find((row) => row.id === ids[2])).toMatchObject({ status: 'done', spanCount: 0 })
  })

  it('is not used under another label set, nor when the facts files are not the ones it was built from', async () => {
    const { folder, store } = await closed()
    await store.changeLabels({ labels: store.settings.labels.map((l) => (l.name === 'actor' ? { ...l, name: 'speaker' } : l)), relationTypes: [], renames: [{ from: 'actor', to: 'speaker' }], deletions: [] })
    // (the app closed before writing its caches again: the cached list has the old label set)
    const reopened = await ProjectStore.open(folder)
    await expectCold(reopened)
    expect((await reopened.summaries('ana')).flatMap((row) => row.labels)).toContain('speaker')
    // a facts file written again by another process (another token): the list is built from the facts
    reopened.saveCaches()
    const layers = readFileSync(cacheFile(folder, 'layers.ana'), 'utf8')
    const header = JSON.parse(layers.slice(0, layers.indexOf('\n'))) as { token: string }
    writeFileSync(cacheFile(folder, 'layers.ana'), layers.replaceAll(header.token, 'another-token'))
    await expectCold(await ProjectStore.open(folder))
  })

  it('is rebuilt from the files when the cached list or a facts file is damaged, even behind a sound header', async () => {
    const { folder } = await closed()
    writeFileSync(cacheFile(folder, 'list.ana'), '{"format": 5, "confi')
    await expectCold(await ProjectStore.open(folder))
    const { store: again } = { store: await ProjectStore.open(folder) }
    await expectCold(again)
    again.saveCaches()
    // the header is sound, the entries are not: the first listing may come from the list,
    // and the folder is then read again from its files
    for (const name of ['layers.ana', 'documents']) {
      const text = readFileSync(cacheFile(folder, name), 'utf8')
      writeFileSync(cacheFile(folder, name), `${text.slice(0, text.indexOf('\n') + 1)}{"ids": [tru`)
    }
    await expectCold(await ProjectStore.open(folder))
    // entries of the wrong shape are read again from their files, one by one
    const reopened = await ProjectStore.open(folder)
    await expectCold(reopened)
    reopened.saveCaches()
    const text = readFileSync(cacheFile(folder, 'layers.ana'), 'utf8')
    const newline = text.indexOf('\n')
    const body = JSON.parse(text.slice(newline + 1)) as { values: (string | null)[] }
    body.values = body.values.map((value) => (value === null ? null : '["done", "not counts", 0, []]'))
    writeFileSync(cacheFile(folder, 'layers.ana'), `${text.slice(0, newline + 1)}${JSON.stringify(body)}`)
    rmSync(cacheFile(folder, 'list.ana'))
    await expectCold(await ProjectStore.open(folder))
  })
})

describe('documents.summaries', () => {
  it('answers the rows of the documents asked for, as documents.list has them, leaving out those gone', async () => {
    const { Session } = await import('../../../src/main/api/session')
    const { createDispatch } = await import('../../../src/main/api/handlers')
    const { store, ids } = await project()
    const dispatch = createDispatch(new Session(store, 'ana'))
    const list = (await dispatch('documents.list', {})) as { ok: true; value: DocumentSummary[] }
    await rm(documentFile(store.folder, ids[1]!))
    const rows = (await dispatch('documents.summaries', { ids: [ids[0], ids[1], ids[2]] })) as { ok: true; value: DocumentSummary[] }
    expect(rows.value).toEqual(list.value.filter((row) => row.id === ids[0] || row.id === ids[2]))
    expect(await dispatch('documents.summaries', { ids: ['not an id'] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})
