// Agreement keeps each batch's sums in the project's cache (report-cache.ts): a report on an
// unchanged project reads them instead of measuring, and whatever changed on disk behind its back
// (a layer edited by another process, a document added, a label renamed, a damaged cache entry)
// is measured afresh, so every report equals one made without the cache.
import { readdirSync } from 'node:fs'
import { readFile, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectAgreement, type MeasuringStats } from '../../../src/main/agreement/project-agreement'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { AgreementRequest } from '../../../src/main/agreement/project-agreement'
import type { AgreementReport } from '../../../src/shared/agreement/report'
import { generateTeamLayers } from '../../../bench/generate'
import { removeTempDirs, tempDir } from '../../helpers/temp'
import { differences } from '../../helpers/report-differences'

const RATERS = ['ana', 'ben', 'chloe']
let store: ProjectStore
let ids: string[]
const cacheDir = () => path.join(store.folder, '.spanwise', 'cache', 'agreement')

const withoutTime = ({ createdAt: _createdAt, ...report }: AgreementReport) => report

/** A report through the cache, checked against one made from the files alone; gives what it measured. */
async function cachedReport(request: AgreementRequest = {}): Promise<MeasuringStats> {
  const stats = {} as MeasuringStats
  const cached = await projectAgreement(store, request, { workers: 0, stats })
  const cold = await projectAgreement(store, request, { workers: 0, cache: false })
  expect(differences(withoutTime(cached), withoutTime(cold))).toEqual([])
  return stats
}

beforeAll(async () => {
  store = await ProjectStore.open(path.join(await tempDir(), 'p'), { create: true })
  const team = [...generateTeamLayers(160, 20, RATERS)]
  ;({ ids } = await store.addDocuments(team.map(({ record }) => ({ text: record.text, title: record.title, meta: {} }))))
  for (const [i, { record, layers }] of team.entries()) {
    for (const name of RATERS) await store.saveLayer(ids[i]!, name, { spans: layers[name]!, status: 'done' }, { text: record.text })
  }
}, 120_000)
afterAll(removeTempDirs)

describe('the agreement cache', () => {
  it('measures every document once, then reads an unchanged project from the cache', async () => {
    const first = await cachedReport()
    expect(first.measuredDocuments).toBe(160)
    expect(first.batches).toBeGreaterThan(1)
    expect(readdirSync(cacheDir())).toHaveLength(first.batches)
    const again = await cachedReport()
    expect(again).toMatchObject({ fromCache: first.batches, measuredDocuments: 0 })
  })

  it('measures again only the batch of a layer another process edited', async () => {
    const file = path.join(store.folder, 'annotations', 'ben', `${ids[77]}.json`)
    const layer = JSON.parse(await readFile(file, 'utf8')) as { spans: unknown[] }
    layer.spans = layer.spans.slice(3)
    await writeFile(file, JSON.stringify(layer))
    const stats = await cachedReport()
    expect(stats.fromCache).toBe(stats.batches - 1)
    expect(stats.measuredDocuments).toBeLessThan(160)
    // the stale entry is gone: one entry a batch
    expect(readdirSync(cacheDir())).toHaveLength(stats.batches)
  })

  it('takes in a document the CLI added and survives a damaged entry', async () => {
    const { record, layers } = [...generateTeamLayers(161, 20, RATERS)].at(-1)!
    const [id] = (await store.addDocuments([{ text: `${record.text} (added)`, title: 'Added', meta: {} }])).ids
    for (const name of RATERS) await store.saveLayer(id!, name, { spans: layers[name]!, status: 'done' }, { text: `${record.text} (added)` })
    const added = await cachedReport()
    expect(added.measuredDocuments).toBeGreaterThan(0)
    expect(added.fromCache).toBeGreaterThanOrEqual(added.batches - 2)
    const [entry] = readdirSync(cacheDir())
    await writeFile(path.join(cacheDir(), entry!), 'not what the cache writes')
    const repaired = await cachedReport()
    expect(repaired.fromCache).toBe(repaired.batches - 1)
  })

  it('keeps each choice of annotators and labels apart, and measures all again after a label rename', async () => {
    // entries are named scope-batch: so far only the full report's
    const fullScope = readdirSync(cacheDir())[0]!.split('-')[0]!
    const pair = await cachedReport({ annotators: ['ana', 'ben'], labels: ['actor'] })
    expect(pair.measuredDocuments).toBe(161)
    expect((await cachedReport({ annotators: ['ana', 'ben'], labels: ['actor'] })).measuredDocuments).toBe(0)
    expect((await cachedReport()).measuredDocuments).toBe(0)
    // another choice's entries stay a while, then go
    const pairEntries = () => readdirSync(cacheDir()).filter((name) => !name.startsWith(fullScope))
    expect(pairEntries().length).toBe(pair.batches)
    await cachedReport()
    expect(pairEntries().length).toBe(pair.batches)
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000)
    for (const name of pairEntries()) await utimes(path.join(cacheDir(), name), monthAgo, monthAgo)
    await cachedReport()
    expect(pairEntries()).toEqual([])
    const labels = store.settings.labels.map((label) => (label.name === 'claim' ? { ...label, name: 'assertion' } : label))
    await store.changeLabels({ labels, relationTypes: store.settings.relationTypes, renames: [{ from: 'claim', to: 'assertion' }], deletions: [] }, store.settingsVersion)
    const renamed = await cachedReport()
    expect(renamed.measuredDocuments).toBe(161)
  })
})
