// Project search through the index finds exactly what a scan of every document finds, in the
// same order, after documents are added, removed or damaged behind its back, and from its cache.
import { rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { scanProject, searchProject } from '../../../src/main/search/project-search'
import { searchIndexOf } from '../../../src/main/search/search-index'
import { TextIndex } from '../../../src/main/search/text-index'
import { CACHE_DIR } from '../../../src/main/store/listing-index'
import { documentFile } from '../../../src/main/store/layout'
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

const QUERIES = ['ship', 'shipping prices', 'said', 'harbour', 'harbourmaster dis', 'ster said', 'rices', 'PRICES', 'i', 'İstanbul', 'istanbul', '港口', 'für Getr', ' — “no', ';', '4 per', 'label:actor', 'actor', 'nothing at all here', 'e']

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

  it('keeps compact postings: removed documents are dropped when saved', async () => {
    const index = new TextIndex()
    index.add('a', 'red fish blue fish')
    index.add('b', 'one fish')
    index.add('c', 'blue whale')
    index.remove('b')
    index.add('a', 'green fish')
    expect([...index.candidates('fish')!].sort()).toEqual(['a'])
    expect([...index.candidates('blue')!]).toEqual(['c'])
    const file = path.join(await tempDir(), 'index.bin')
    index.save(file)
    const loaded = TextIndex.load(file)!
    expect(loaded.size).toBe(2)
    expect([...loaded.candidates('fish')!]).toEqual(['a'])
    expect([...loaded.candidates('whale')!]).toEqual(['c'])
    expect(loaded.candidates('...')).toBeNull()
  })
})
