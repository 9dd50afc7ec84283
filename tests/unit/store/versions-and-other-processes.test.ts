// Saves state the version they edited; a stale one is refused, never written over what another
// tab, window or process saved. The label set is read again from disk before it is changed.
import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { ABSENT_VERSION } from '../../../src/shared/api/contract'
import { importSources } from '../../../src/main/importing/import-files'
import { fileVersion } from '../../../src/main/store/file-version'
import { layerFile } from '../../../src/main/store/layout'
import { ProjectStore, StoreError } from '../../../src/main/store/project-store'
import type { Span } from '../../../src/shared/model'
import { repoRoot } from '../../helpers/workbench'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXT = 'Mayor Ana Lind said the budget grew 4 percent.'
const span = (id: string, quote: string, label: string): Span => {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}

async function project() {
  const store = await ProjectStore.open(await tempDir(), { create: true })
  const report = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from(TEXT) }], { annotator: 'ana' })
  return { store, id: report.added[0]!.id }
}

const run = promisify(execFile)

describe('versioned saves', () => {
  it('a layer nobody saved has the absent version; each save returns the version of the bytes it wrote', async () => {
    const { store, id } = await project()
    expect((await store.readLayer(id, 'bo')).version).toBe(ABSENT_VERSION)
    const saved = await store.saveLayerAt(id, 'bo', ABSENT_VERSION, { spans: [span('a', 'Mayor Ana Lind', 'actor')] })
    expect(saved.version).not.toBe(ABSENT_VERSION)
    expect(saved.version).toBe(fileVersion(layerFile(store.folder, 'bo', id)))
    expect((await store.readLayer(id, 'bo')).version).toBe(saved.version)
    const next = await store.saveLayerAt(id, 'bo', saved.version, { status: 'done' })
    expect(next.version).not.toBe(saved.version)
  })

  it('refuses a stale save with conflict and leaves the file as the other writer left it', async () => {
    const { store, id } = await project()
    const { version } = await store.readLayer(id, 'ana')
    // another process (a second store on the same folder) saves first
    const other = await ProjectStore.open(store.folder)
    await other.saveLayerAt(id, 'ana', version, { spans: [span('b', 'the budget grew 4 percent', 'claim')] })
    const before = await readFile(layerFile(store.folder, 'ana', id), 'utf8')
    const error = await store.saveLayerAt(id, 'ana', version, { spans: [span('a', 'Mayor Ana Lind', 'actor')] }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreError)
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringContaining('changed elsewhere') })
    expect(await readFile(layerFile(store.folder, 'ana', id), 'utf8')).toBe(before)
    // a status change is an edit too
    await expect(store.saveLayerAt(id, 'ana', version, { status: 'done' })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('a layer changed by hand (a git pull) is another version, even at the same size', async () => {
    const { store, id } = await project()
    const { version } = await store.saveLayerAt(id, 'ana', ABSENT_VERSION, { spans: [span('a', 'Mayor Ana Lind', 'actor')] })
    const file = layerFile(store.folder, 'ana', id)
    await writeFile(file, (await readFile(file, 'utf8')).replace('"label":"actor"', '"label":"claim"'))
    await expect(store.saveLayerAt(id, 'ana', version, { status: 'done' })).rejects.toMatchObject({ code: 'conflict' })
  })

  it('a page may build on its own last write before its answer came back, never on anyone else\'s', async () => {
    const { store, id } = await project()
    const { version } = await store.readLayer(id, 'ana')
    await store.saveLayerAt(id, 'ana', version, { spans: [span('a', 'Mayor Ana Lind', 'actor')] }, 'page-one-1')
    // the page closes and flushes its latest state, still stating the version it knew
    const flushed = await store.saveLayerAt(id, 'ana', version, { spans: [span('a', 'Mayor Ana Lind', 'actor'), span('b', '4 percent', 'figure')] }, 'page-one-1')
    expect(flushed.layer.spans.map((s) => s.id)).toEqual(['a', 'b'])
    // another page stating that old version is refused
    await expect(store.saveLayerAt(id, 'ana', version, { spans: [] }, 'page-two-2')).rejects.toMatchObject({ code: 'conflict' })
    // and once another process has written, the first page's old version is refused too
    const other = await ProjectStore.open(store.folder)
    await other.saveLayer(id, 'ana', { status: 'done' })
    await expect(store.saveLayerAt(id, 'ana', flushed.version, { spans: [] }, 'page-one-1')).rejects.toMatchObject({ code: 'conflict' })
  })

  it('of two saves from one version, exactly one lands', async () => {
    const { store, id } = await project()
    const { version } = await store.readLayer(id, 'ana')
    const results = await Promise.allSettled([
      store.saveLayerAt(id, 'ana', version, { spans: [span('a', 'Mayor Ana Lind', 'actor')] }),
      store.saveLayerAt(id, 'ana', version, { spans: [span('b', '4 percent', 'figure')] })
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
  })
})

describe('the label set is read from disk, not remembered', () => {
  it('labels another store added survive this store\'s next label edit', async () => {
    const { store } = await project()
    const importer = await ProjectStore.open(store.folder)
    await importer.addLabels(['location'])
    // this store has not heard of it, and adds a label of its own
    expect(store.settings.labels.map((l) => l.name)).not.toContain('location')
    await store.addLabels(['quote'])
    const onDisk = JSON.parse(await readFile(path.join(store.folder, 'project.json'), 'utf8')) as { labels: { name: string }[] }
    expect(onDisk.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure', 'location', 'quote'])
  })

  it('a label change made from a stale label set is refused; one from the current set keeps the others\' labels', async () => {
    const { store } = await project()
    const seen = store.settingsVersion
    const labels = store.settings.labels
    const importer = await ProjectStore.open(store.folder)
    await importer.addLabels(['location'])
    const change = { labels: labels.map((l) => (l.name === 'claim' ? { ...l, color: '#000000' } : l)), relationTypes: store.settings.relationTypes, renames: [], deletions: [] }
    await expect(store.changeLabels(change, seen)).rejects.toMatchObject({ code: 'conflict' })
    await store.reloadSettings()
    await store.changeLabels({ ...change, labels: [...change.labels, store.settings.labels.find((l) => l.name === 'location')!] }, store.settingsVersion)
    const again = await ProjectStore.open(store.folder)
    expect(again.settings.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure', 'location'])
    expect(again.settings.labels.find((l) => l.name === 'claim')!.color).toBe('#000000')
  })

  it('a span with a label another process just added can be saved', async () => {
    const { store, id } = await project()
    const importer = await ProjectStore.open(store.folder)
    await importer.addLabels(['location'])
    await store.saveLayer(id, 'ana', { spans: [{ ...span('l', 'Ana Lind', 'location') }] })
    expect((await store.getLayer(id, 'ana')).spans[0]!.label).toBe('location')
  })

  it('labels added by `spanwise import` in another process survive this process\'s next label edit', async () => {
    const { store } = await project()
    const folder = await tempDir()
    const data = path.join(folder, 'people.jsonl')
    await writeFile(data, `${JSON.stringify({ text: 'Bea Kahn visited Oslo.', label: [[0, 8, 'person'], [17, 21, 'place']] })}\n`)
    await run(process.execPath, ['bin/spanwise.mjs', 'import', '--project', store.folder, '--annotator', 'bo', '--format', 'doccano', data], { cwd: repoRoot })
    await store.addLabels(['quote'])
    const again = await ProjectStore.open(store.folder)
    expect(again.settings.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure', 'person', 'place', 'quote'])
  }, 30_000)
})
