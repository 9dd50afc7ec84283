// The agreement benchmark, in its own process: `generate` writes a project of N documents × 3
// annotators × S spans; `report` times `spanwise agreement` on it end to end (reading every
// layer and document, then every measure at every level); `compute` times the measures alone on
// the documents already in memory. Prints one JSON line: { seconds, maxRssMiB, documents } (and cpuSeconds for `compute`).
import path from 'node:path'
import { buildReport, type AgreementDocument } from '../src/main/agreement/build-report'
import { projectAgreement, spanwiseVersion } from '../src/main/agreement/project-agreement'
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
} else if (phase === 'report') {
  const started = performance.now()
  const report = await projectAgreement(await ProjectStore.open(folder), measures ? { measures } : {})
  print((performance.now() - started) / 1000, { gamma: report.project.gamma?.value, alphaU: report.project.alpha_unitizing?.value })
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
