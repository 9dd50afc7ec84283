// The agreement benchmark, in its own process: `generate` writes a project of N documents × 3
// annotators × S spans; `report-<mode>` times `spanwise agreement` on it end to end (reading
// every layer and document, then every measure at every level), in one thread or on worker
// threads, without or with the cache (see below); `compute` times the measures alone on
// the documents already in memory, in one thread. Prints one JSON line: { seconds, cpuSeconds (every thread), maxRssMiB, documents, … }.
import path from 'node:path'
import { buildReport, type AgreementDocument } from '../src/main/agreement/build-report'
import { projectAgreement, spanwiseVersion, type MeasuringStats } from '../src/main/agreement/project-agreement'
import { ProjectStore } from '../src/main/store/project-store'
import type { MeasureId } from '../src/shared/agreement/report'
import { generateTeamLayers } from './generate'

const [phase, work, documentsArg, spansArg, measuresArg] = process.argv.slice(2)
const measures = measuresArg ? (measuresArg.split(',') as MeasureId[]) : undefined
const documents = Number(documentsArg)
const spansPerDocument = Number(spansArg)
const ANNOTATORS = ['ana', 'ben', 'chloe']
const folder = path.join(work!, 'team-project')
const print = (seconds: number, extra: object = {}) =>
  console.log(JSON.stringify({ seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, documents, ...extra }))

if (phase === 'generate') {
  const store = await ProjectStore.open(folder, { create: true })
  const team = [...generateTeamLayers(documents, spansPerDocument, ANNOTATORS)]
  const { ids } = await store.addDocuments(team.map(({ record }) => ({ text: record.text, title: record.title, meta: {} })))
  for (const [i, { record, layers }] of team.entries()) {
    for (const name of ANNOTATORS) await store.saveLayer(ids[i]!, name, { spans: layers[name]!, status: 'done' }, { text: record.text })
  }
  print(0)
} else if (phase?.startsWith('report-')) {
  // report-one: one thread, no cache (as before workers); report-workers: worker threads, no
  // cache; report-fill: workers, filling the cache; report-warm: the cache of an unchanged
  // project; report-changed: 1% of the layers edited first (as by a teammate's pull)
  const mode = phase.slice('report-'.length) as 'one' | 'workers' | 'fill' | 'warm' | 'changed'
  const store = await ProjectStore.open(folder)
  if (mode === 'changed') {
    const ids = (await store.documentIds()).sort()
    for (let i = 0; i < ids.length; i += 100) {
      const layer = await store.getLayer(ids[i]!, 'ana')
      await store.saveLayer(ids[i]!, 'ana', { spans: layer.spans.slice(1), status: layer.status })
    }
  }
  const stats = {} as MeasuringStats
  const measuring = { one: { workers: 0, cache: false }, workers: { cache: false }, fill: {}, warm: {}, changed: {} }[mode]
  if (!measuring) throw new Error(`unknown report mode ${mode}`)
  const started = performance.now()
  const cpu = process.cpuUsage()
  const report = await projectAgreement(store, measures ? { measures } : {}, { ...measuring, stats })
  const { user, system } = process.cpuUsage(cpu)
  print((performance.now() - started) / 1000, { cpuSeconds: (user + system) / 1e6, ...stats, gamma: report.project.gamma?.value, alphaU: report.project.alpha_unitizing?.value })
} else if (phase === 'compute') {
  const docs: AgreementDocument[] = [...generateTeamLayers(documents, spansPerDocument, ANNOTATORS)].map(({ record, layers }) => ({
    documentId: record.id,
    title: record.title,
    text: record.text,
    layers
  }))
  const started = performance.now()
  const cpu = process.cpuUsage()
  buildReport(docs, { ...(measures ? { measures } : {}), raters: ANNOTATORS, labels: ['actor', 'claim', 'figure'], spanwiseVersion: spanwiseVersion(), filters: { status: null, includeGold: false } })
  // CPU time as well as wall time: on a shared machine the wall clock measures the neighbours
  const { user, system } = process.cpuUsage(cpu)
  print((performance.now() - started) / 1000, { cpuSeconds: (user + system) / 1e6 })
} else throw new Error(`unknown phase ${phase}`)
