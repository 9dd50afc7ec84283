// A big project's agreement is measured on worker threads (report-workers.ts): the report must
// be the one a single thread gives, number for number, and a worker that cannot run must cost
// nothing but time.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ReportBuilder, type AgreementDocument } from '../../../src/main/agreement/build-report'
import type { BatchSetup } from '../../../src/main/agreement/measure-batch'
import { readAgreementDocument } from '../../../src/main/agreement/agreement-reader'
import { projectAgreement } from '../../../src/main/agreement/project-agreement'
import { ReportWorkers } from '../../../src/main/agreement/report-workers'
import { appRoot } from '../../../src/main/app-paths'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { AgreementReport } from '../../../src/shared/agreement/report'
import { generateTeamLayers } from '../../../bench/generate'
import { removeTempDirs, tempDir } from '../../helpers/temp'
import { differences } from '../../helpers/report-differences'

const DOCUMENTS = 90
const RATERS = ['ana', 'ben', 'chloe']
const TOPICS = ['politics', 'economy', 'sport']
let store: ProjectStore
let documents: AgreementDocument[]

const setup = (): BatchSetup => ({
  report: { raters: RATERS, labels: ['actor', 'claim', 'figure'], spanwiseVersion: 'test', tagGroups: store.settings.tagGroups, filters: { status: null, includeGold: false } },
  reading: { folder: store.folder, config: store.settings, annotators: RATERS, status: null }
})

const withoutTime = ({ createdAt: _createdAt, ...report }: AgreementReport) => report

beforeAll(async () => {
  store = await ProjectStore.open(path.join(await tempDir(), 'p'), { create: true })
  await store.addTagGroups(TOPICS.map((option) => ({ group: 'topic', option, multiple: false })))
  const team = [...generateTeamLayers(DOCUMENTS, 30, RATERS)]
  const { ids } = await store.addDocuments(team.map(({ record }) => ({ text: record.text, title: record.title, meta: {} })))
  for (const [i, { record, layers }] of team.entries()) {
    for (const [r, name] of RATERS.entries()) {
      // every seventh document lacks one rater, so the project also takes documents of a pair
      if (i % 7 === 3 && r === i % 3) continue
      const tags = { topic: [TOPICS[(i + (r === 2 && i % 4 === 0 ? 1 : 0)) % 3]!] }
      await store.saveLayer(ids[i]!, name, { spans: layers[name]!, status: i % 5 === 0 ? 'in_progress' : 'done', tags }, { text: record.text })
    }
  }
  // as the project reads them back: present layers only, tags, spans as stored
  documents = ids.map((id) => readAgreementDocument(setup().reading, id, null)!)
}, 120_000)
afterAll(removeTempDirs)

describe('agreement on worker threads', () => {
  it('gives the report one thread gives, at every level, with tags and filters', async () => {
    for (const request of [{}, { status: 'done' as const, labels: ['actor', 'claim'] }, { annotators: ['ana', 'chloe'] }]) {
      const here = await projectAgreement(store, request, { workers: 0 })
      const onWorkers = await projectAgreement(store, request, { workers: 2 })
      expect(onWorkers.documents.length).toBe(here.documents.length)
      expect(onWorkers.documents.map((d) => d.documentId)).toEqual(here.documents.map((d) => d.documentId))
      expect(differences(withoutTime(onWorkers), withoutTime(here))).toEqual([])
    }
    // the reports measured something: every document of the project, tags included
    const full = await projectAgreement(store, {}, { workers: 2 })
    expect(full.documents).toHaveLength(DOCUMENTS)
    expect(full.tags?.items.length).toBeGreaterThan(0)
    expect(full.project.gamma?.value).toBeGreaterThan(0)
  }, 120_000)

  // the lower level: a pool's batches merged in order against one builder fed every document
  const inOneThread = () => {
    const builder = new ReportBuilder(setup().report)
    for (const doc of documents) builder.add(doc)
    return builder.finish()
  }
  const onWorkers = async (workers: ReportWorkers) => {
    const builder = new ReportBuilder(setup().report)
    try {
      const ids = documents.map((doc) => doc.documentId)
      const batches = [ids.slice(0, 30), ids.slice(30, 60), ids.slice(60)]
      for (const sums of await Promise.all(batches.map((documentIds) => workers.measure({ documentIds, gold: null })))) builder.mergeBatch(sums)
    } finally {
      await workers.close()
    }
    return builder.finish()
  }

  it('runs its workers from the TypeScript sources (the CLI and `spanwise serve`)', async () => {
    const workers = new ReportWorkers(setup(), 2)
    const report = await onWorkers(workers)
    expect(workers.measuredHere).toBe(0)
    expect(differences(withoutTime(report), withoutTime(inOneThread()))).toEqual([])
  })

  it('measures a worker’s batches in this thread when the worker cannot start', async () => {
    const workers = new ReportWorkers(setup(), 2, pathToFileURL(path.join(await tempDir(), 'no-such-worker.js')))
    const report = await onWorkers(workers)
    expect(workers.measuredHere).toBe(3)
    expect(differences(withoutTime(report), withoutTime(inOneThread()))).toEqual([])
  })

  it('fails on a damaged layer as one thread does, naming the file', async () => {
    const damaged = path.join(store.folder, 'annotations', 'ben', `${documents[40]!.documentId}.json`)
    const intact = await readFile(damaged, 'utf8')
    await writeFile(damaged, '{"spans": [')
    try {
      const here = projectAgreement(store, {}, { workers: 0 })
      const onWorkers = projectAgreement(store, {}, { workers: 2 })
      await expect(here).rejects.toThrow(damaged)
      await expect(onWorkers).rejects.toThrow(damaged)
    } finally {
      await writeFile(damaged, intact)
    }
  })

  // the desktop app runs the worker electron-vite builds beside main.js (npm test builds first)
  const bundled = path.join(appRoot, 'out', 'main', 'report-worker.js')
  it.skipIf(!existsSync(bundled))('runs the worker of the built app', async () => {
    const workers = new ReportWorkers(setup(), 1, pathToFileURL(bundled))
    const report = await onWorkers(workers)
    // a worker that failed would have handed its batches back to this thread
    expect(workers.measuredHere).toBe(0)
    expect(differences(withoutTime(report), withoutTime(inOneThread()))).toEqual([])
  })
})
