// Project search through the index finds exactly what a scan of every document finds, in the
// same order, after documents are added, removed or damaged behind its back, and from its cache.
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scanProject, searchProject } from '../../../src/main/search/project-search'
import { searchIndexOf } from '../../../src/main/search/search-index'
import { TextIndex } from '../../../src/main/search/text-index'
import { CACHE_DIR } from '../../../src/main/store/listing-index'
import { documentFile, layerFile } from '../../../src/main/store/layout'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXTS = [
  'The harbour master said shipping prices rose.',
  'Shipping, they said, is up 4 per cent; the harbourmaster disagreed.',
  'İstanbul port reports record grain exports.',
  'Der Hafen in Kiel: Preise für Getreide steigen.',
  '北京的港口 said nothing — “no comment”.',
  'Prices! Prices! prices everywhere.'
]

const QUERIES = ['ship', 'claim', 'label:claim', 'label:person', 'Label:ACTOR', 'shipping prices', 'said', 'harbour', 'harbourmaster dis', 'ster said', 'rices', 'PRICES', 'i', 'İstanbul', 'istanbul', '港口', 'für Getr', ' — “no', ';', '4 per', 'label:actor', 'actor', 'nothing at all here', 'e']

async function expectSameAsScan(store: ProjectStore): Promise<void> {
  for (const query of QUERIES) {
    for (const limit of [1, 3, 200]) {
      expect(await searchProject(store, 'ana', query, limit), `${query} (limit ${limit})`).toEqual(await scanProject(store, 'ana', query, limit))
    }
  }
}

async function project() {
  const store = await ProjectStore.open(await tempDir(), { create: true })
  const { ids } = await store.addDocuments(TEXTS.map((text, i) => ({ text, title: `T${i}`, meta: {} })))
  await store.saveLayer(ids[0]!, 'ana', { spans: [{ id: 'a', start: 4, end: 18, label: 'actor' }] })
  await store.saveLayer(ids[3]!, 'ana', { spans: [{ id: 'b', start: 0, end: 8, label: 'claim' }] })
  return { store, ids }
}

describe('project search through the index', () => {
  it('finds what a scan finds: substrings, phrases, case, scripts, punctuation, labels', async () => {
    const { store } = await project()
    await expectSameAsScan(store)
    expect((await searchProject(store, 'ana', 'ship', 200)).hits.length).toBe(2)
  })

  it('follows documents added, removed and damaged behind its back', async () => {
    const { store, ids } = await project()
    await expectSameAsScan(store)
    const other = await ProjectStore.open(store.folder)
    await other.addDocuments([{ text: 'New shipping harbour said prices fall.', title: 'N', meta: {} }])
    await rm(documentFile(store.folder, ids[1]!))
    await writeFile(documentFile(store.folder, ids[5]!), 'garbage')
    await expectSameAsScan(store)
    expect((await searchProject(store, 'ana', 'prices fall', 200)).hits).toHaveLength(1)
  })

  it('is saved to the cache and loaded from it; a damaged cache is rebuilt', async () => {
    const { store } = await project()
    await searchProject(store, 'ana', 'ship', 200)
    searchIndexOf(store).save()
    const file = path.join(store.folder, CACHE_DIR, 'search.bin')
    expect(TextIndex.load(file)?.size).toBe(TEXTS.length)
    await expectSameAsScan(await ProjectStore.open(store.folder))
    await writeFile(file, 'not an index')
    expect(TextIndex.load(file)).toBeNull()
    await expectSameAsScan(await ProjectStore.open(store.folder))
  })

  it('is rebuilt when its cache is missing, cut short, or stale (documents added and removed since it was written)', async () => {
    const { store, ids } = await project()
    // the documents' folder as a restart finds it: last changed a while ago (its stat is trusted)
    const documents = path.dirname(documentFile(store.folder, ids[0]!))
    const age = async (seconds: number) => utimes(documents, new Date(Date.now() - seconds * 1000), new Date(Date.now() - seconds * 1000))
    await age(60)
    await searchProject(store, 'ana', 'ship', 200)
    searchIndexOf(store).save()
    const file = path.join(store.folder, CACHE_DIR, 'search.bin')
    expect(TextIndex.load(file)?.folderStamp).not.toBe('')
    const saved = await readFile(file)
    // missing: built again from the files, and written again
    await rm(file)
    const fresh = await ProjectStore.open(store.folder)
    await expectSameAsScan(fresh)
    searchIndexOf(fresh).save()
    expect((await stat(file)).size).toBe(saved.length)
    // cut short, or a byte of its tables changed: not an index
    await writeFile(file, saved.subarray(0, saved.length - 3))
    expect(TextIndex.load(file)).toBeNull()
    await expectSameAsScan(await ProjectStore.open(store.folder))
    // (the header's fields: ids, words, always, stamp lengths; the id order follows the always list)
    const flipped = Buffer.from(saved)
    const strings = flipped.readUInt32LE(32) + flipped.readUInt32LE(16) + flipped.readUInt32LE(20)
    flipped.writeUInt32LE(TEXTS.length + 7, 40 + strings + ((4 - (strings % 4)) % 4) + 4 * flipped.readUInt32LE(24))
    await writeFile(file, flipped)
    expect(TextIndex.load(file)).toBeNull()
    // stale: the cache of an earlier state, with documents added and removed since, which the
    // listing's cache already knows of (the app stopped before the search index was written)
    const other = await ProjectStore.open(store.folder)
    await other.addDocuments([{ text: 'Late shipping news: the harbour reopened.', title: 'L', meta: {} }])
    await rm(documentFile(store.folder, ids[2]!))
    await age(30)
    await other.summaries('ana')
    other.listing.save()
    await writeFile(file, saved)
    const restarted = await ProjectStore.open(store.folder)
    await expectSameAsScan(restarted)
    expect((await searchProject(restarted, 'ana', 'reopened', 200)).hits).toHaveLength(1)
    expect((await searchProject(restarted, 'ana', 'record grain', 200)).hits).toHaveLength(0)
  })

  it('finds spans by label from the layers as they are now: edited by another process, or behind a label rename', async () => {
    const { store, ids } = await project()
    await expectSameAsScan(store)
    // another process (a teammate's pull) writes a layer with a span of another label
    const other = await ProjectStore.open(store.folder)
    await other.saveLayer(ids[4]!, 'ana', { spans: [{ id: 'c', start: 0, end: 5, label: 'claim' }] })
    await expectSameAsScan(store)
    expect((await searchProject(store, 'ana', 'label:claim', 200)).hits.map((hit) => hit.documentId).sort()).toEqual([ids[3]!, ids[4]!].sort())
    // a label renamed: the layers are not rewritten, they follow the label log when read
    const labels = store.settings.labels.map((label) => (label.name === 'actor' ? { ...label, name: 'person' } : label))
    await store.changeLabels({ labels, relationTypes: [], renames: [{ from: 'actor', to: 'person' }], deletions: [] })
    await expectSameAsScan(store)
    expect((await searchProject(store, 'ana', 'label:person', 200)).hits.map((hit) => hit.label)).toEqual(['person'])
    expect((await searchProject(store, 'ana', 'label:actor', 200)).hits).toHaveLength(0)
    // a layer damaged by hand costs only its own spans
    await writeFile(layerFile(store.folder, 'ana', ids[3]!), '{"spans": [')
    await expectSameAsScan(await ProjectStore.open(store.folder))
  })

  it('stops reading documents once it has the hits asked for (and one more, to say there are more)', async () => {
    const store = await ProjectStore.open(await tempDir(), { create: true })
    await store.addDocuments(Array.from({ length: 40 }, (_, i) => ({ text: `Report ${i}: the port said prices rose.`, title: `R${i}`, meta: {} })))
    const scanned = await scanProject(store, 'ana', 'prices', 5)
    const opened: string[] = []
    const getDocument = store.getDocument.bind(store)
    store.getDocument = (id) => (opened.push(id), getDocument(id))
    const found = await searchProject(store, 'ana', 'prices', 5)
    expect(found).toEqual(scanned)
    expect(found.truncated).toBe(true)
    expect(opened).toEqual((await store.documentIds()).slice(0, 6))
  })

  it('keeps the words of documents added after its cache was read apart, and joins them when saved', async () => {
    const first = new TextIndex()
    first.add('b', 'red fish blue fish')
    first.add('d', 'one fish')
    const file = path.join(await tempDir(), 'index.bin')
    first.save(file)
    const index = TextIndex.load(file)!
    index.add('a', 'goldfish and a whale')
    index.add('c', 'blue whale')
    index.remove('d')
    index.add('e', 'Fishing boats')
    const expected = { fish: ['a', 'b', 'e'], blue: ['b', 'c'], whale: ['a', 'c'], 'fish blue': ['b'], one: [], ish: ['a', 'b', 'e'], ' whale': ['a', 'c'] }
    for (const [query, ids] of Object.entries(expected)) expect(index.candidates(query), query).toEqual(ids)
    index.save(file)
    // (its postings are still read from the file it was loaded from, which the save replaced)
    for (const [query, ids] of Object.entries(expected)) expect(index.candidates(query), query).toEqual(ids)
    const again = TextIndex.load(file)!
    expect(again.size).toBe(4)
    for (const [query, ids] of Object.entries(expected)) expect(again.candidates(query), query).toEqual(ids)
  })

  it('keeps compact postings: removed documents are dropped when saved', async () => {
    const index = new TextIndex()
    index.add('a', 'red fish blue fish')
    index.add('b', 'one fish')
    index.add('c', 'blue whale')
    index.remove('b')
    index.add('a', 'green fish')
    expect(index.candidates('fish')).toEqual(['a'])
    expect(index.candidates('blue')).toEqual(['c'])
    const file = path.join(await tempDir(), 'index.bin')
    index.save(file)
    const loaded = TextIndex.load(file)!
    expect(loaded.size).toBe(2)
    expect(loaded.candidates('fish')).toEqual(['a'])
    expect(loaded.candidates('whale')).toEqual(['c'])
    expect(loaded.candidates('...')).toBeNull()
  })
})
