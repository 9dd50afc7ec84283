// Review benchmarks (`npm run bench -- --only review`):
//   - the units of the renderer bench's document (200,000 characters, 2,000 spans) with three
//     annotators' layers: reviewUnits, relation alignment, and one document's merge, in memory;
//   - auto-merge of a generated project of N documents × 3 annotators (default 10,000): the pure
//     merge over every document in memory, then `spanwise merge` as it runs (read layers and gold,
//     write gold files), a re-merge that finds nothing new, the review list over every document,
//     against the limit of reading and parsing the same layer files and writing one gold file per
//     document.
// Annotators B and C are A with seeded changes: relabels, shifted bounds, dropped and extra spans.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AnnotationLayer, Span } from '../src/shared/model'
import { emptyGold, mergeDocument, reviewRelations, reviewUnits } from '../src/shared/review'
import { GoldStore, goldFile } from '../src/main/review/gold-store'
import { listReviewDocuments, mergeProject, ReviewListCache } from '../src/main/review/review-service'
import { writeJsonAtomic } from '../src/main/store/json-file'
import { layerFile } from '../src/main/store/layout'
import { ProjectStore } from '../src/main/store/project-store'
import { generateRecords, random } from './generate'
import { generateCorpus } from './renderer/corpus'

const LABELS = ['actor', 'claim', 'figure']
const ANNOTATORS = ['ann', 'bob', 'cat']

/** Another annotator's version of `spans`: most kept, some relabelled, resized, dropped or added. */
function perturb(spans: Span[], length: number, seed: number, prefix: string): Span[] {
  const next = random(seed)
  const out: Span[] = []
  for (const span of spans) {
    const roll = next()
    if (roll < 0.06) continue
    const copy: Span = { ...span, id: `${prefix}${span.id}` }
    if (roll < 0.13) copy.label = LABELS[(LABELS.indexOf(span.label) + 1) % 3]!
    else if (roll < 0.2) {
      if (copy.end - copy.start > 1) copy.start += 1
      else copy.end = Math.min(length, copy.end + 1)
    }
    out.push(copy)
    if (next() < 0.03) {
      const start = Math.floor(next() * (length - 10))
      out.push({ id: `${prefix}x${out.length}`, start, end: start + 1 + Math.floor(next() * 8), label: LABELS[out.length % 3]! })
    }
  }
  return out
}

function layersFor(documentId: string, spans: Span[], length: number, seed: number): AnnotationLayer[] {
  return ANNOTATORS.map((annotator, a) => ({
    version: 1,
    documentId,
    annotator,
    status: 'done',
    spans: a === 0 ? spans : perturb(spans, length, seed * 7 + a, `${annotator[0]}`),
    relations: [],
    updatedAt: '2026-01-01T00:00:00.000Z'
  }))
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

interface Timed<T> {
  ms: number
  /** CPU time of this process (user + system): on a shared, busy machine the fairer figure. */
  cpuMs: number
  value: T
}
const cpuNow = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) / 1000
}
function time<T>(work: () => T): Timed<T> {
  const started = performance.now()
  const cpu = cpuNow()
  const value = work()
  return { ms: performance.now() - started, cpuMs: cpuNow() - cpu, value }
}
async function timeAsync<T>(work: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now()
  const cpu = cpuNow()
  const value = await work()
  return { ms: performance.now() - started, cpuMs: cpuNow() - cpu, value }
}
const row = (label: string, timed: Timed<unknown>, extra = '') =>
  console.log(`${label.padEnd(52)} ${timed.ms.toFixed(0).padStart(8)} ms wall ${timed.cpuMs.toFixed(0).padStart(8)} ms CPU${extra ? `  ${extra}` : ''}`)

/** The first run (cold: what opening a document costs in a fresh page) and the median of the rest. */
function coldAndWarm<T>(runs: number, work: () => T): { cold: Timed<T>; warm: { ms: number; cpuMs: number }; value: T } {
  const results = Array.from({ length: runs + 1 }, () => time(work))
  const rest = results.slice(1)
  return { cold: results[0]!, warm: { ms: median(rest.map((r) => r.ms)), cpuMs: median(rest.map((r) => r.cpuMs)) }, value: results[0]!.value }
}
const coldWarm = (label: string, r: { cold: { ms: number; cpuMs: number }; warm: { ms: number; cpuMs: number } }, extra = '') =>
  console.log(
    `${label.padEnd(52)} cold ${r.cold.ms.toFixed(1).padStart(7)} ms (CPU ${r.cold.cpuMs.toFixed(1).padStart(7)})  warm ${r.warm.ms.toFixed(1).padStart(7)} ms (CPU ${r.warm.cpuMs.toFixed(1).padStart(7)})${extra ? `  ${extra}` : ''}`
  )

function longDocumentBench(runs: number): void {
  const corpus = generateCorpus()
  const length = [...corpus.text].length
  const spans: Span[] = corpus.spans.map(({ id, start, end, label }) => ({ id, start, end, label }))
  const layers = layersFor('long', spans, length, 11)
  const gold = emptyGold('long')
  console.log(`\n# review: one document of ${length.toLocaleString()} code points, ${layers.map((l) => l.spans.length).join(' / ')} spans (3 annotators); first run, then median of ${runs}`)
  const units = coldAndWarm(runs, () => reviewUnits(layers, gold))
  coldWarm('reviewUnits (align + states + resolution)', units, `${units.value.length} units, ${units.value.filter((u) => u.state !== 'unanimous').length} not unanimous`)
  coldWarm('reviewRelations (no relations: the floor)', coldAndWarm(runs, () => reviewRelations(layers, gold, units.value)))
  const merged = coldAndWarm(runs, () => mergeDocument(layers, gold, { strategy: 'threshold', minAnnotators: 2, by: 'bench' }))
  coldWarm('mergeDocument (threshold 2 of 3)', merged, `${merged.value.accepted.length} accepted, ${merged.value.left.length} left`)
  coldWarm('reviewUnits after the merge (resolution lookups)', coldAndWarm(runs, () => reviewUnits(layers, merged.value.gold)))
}

async function projectMergeBench(documents: number, dir: string): Promise<void> {
  console.log(`\n# review: auto-merge of ${documents.toLocaleString()} documents × 3 annotators (generated, 50 spans per layer), in ${dir}`)
  const work = mkdtempSync(path.join(dir, 'spanwise-review-bench-'))
  try {
    const store = await ProjectStore.open(work, { create: true })
    const records = [...generateRecords(documents, 50, 5)]
    const { ids } = await store.addDocuments(records.map((r) => ({ text: r.text, title: r.title, meta: {} })))
    const allLayers: AnnotationLayer[][] = []
    for (const [index, record] of records.entries()) {
      const spans: Span[] = record.spans.map(({ id, start, end, label }) => ({ id, start, end, label }))
      const layers = layersFor(ids[index]!, spans, [...record.text].length, index + 1)
      allLayers.push(layers)
      for (const layer of layers) await writeJsonAtomic(layerFile(work, layer.annotator, layer.documentId), layer, { makeFolder: true })
    }
    const spanTotal = allLayers.reduce((sum, layers) => sum + layers.reduce((s, l) => s + l.spans.length, 0), 0)
    console.log(`  ${spanTotal.toLocaleString()} spans in ${(documents * 3).toLocaleString()} layer files`)

    // counts only: keeping every result alive would measure the garbage collector as well
    const pure = time(() => allLayers.reduce((sum, layers) => sum + mergeDocument(layers, emptyGold(layers[0]!.documentId), { strategy: 'unanimous', by: 'bench' }).accepted.length, 0))
    row('merge in memory (mergeDocument × documents)', pure, `${pure.value.toLocaleString()} accepted; ${(pure.cpuMs / documents).toFixed(2)} ms CPU per document`)
    allLayers.length = 0

    const first = await timeAsync(() => mergeProject(store, new GoldStore(store), { strategy: 'unanimous', filter: {}, by: 'bench' }))
    row('spanwise merge (unanimous; reads layers, writes gold)', first, `${first.value.accepted.toLocaleString()} accepted, ${first.value.left.toLocaleString()} left`)
    const again = await timeAsync(() => mergeProject(store, new GoldStore(store), { strategy: 'unanimous', filter: {}, by: 'bench' }))
    row('re-merge (nothing new: reads layers and gold only)', again, `${again.value.accepted} accepted`)
    const threshold = await timeAsync(() => mergeProject(store, new GoldStore(store), { strategy: 'threshold', minAnnotators: 2, filter: {}, by: 'bench' }))
    row('merge threshold 2 of 3 over the unanimous gold', threshold, `${threshold.value.accepted.toLocaleString()} accepted, ${threshold.value.left.toLocaleString()} left`)

    const listCache = new ReviewListCache()
    const list = await timeAsync(() => listReviewDocuments(store, new GoldStore(store), {}, listCache))
    row('review list (review.documents: units, conflicts, F1)', list, `${list.value.length.toLocaleString()} rows`)
    const relist = await timeAsync(() => listReviewDocuments(store, new GoldStore(store), {}, listCache))
    row('review list again, nothing changed (files re-read)', relist)

    // the limit: the same files read and parsed, and one gold-sized file written per document
    const limit = time(() => {
      for (const id of ids) {
        const parsed = ANNOTATORS.map((annotator) => JSON.parse(readFileSync(layerFile(work, annotator, id), 'utf8')) as AnnotationLayer)
        const target = goldFile(work, id)
        writeFileSync(`${target}.limit`, JSON.stringify({ spans: parsed[0]!.spans }))
      }
    })
    row('limit: read + parse 3 layers, write 1 file, per doc', limit, `merge / limit: ${(first.cpuMs / limit.cpuMs).toFixed(2)}x CPU`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function reviewBench(options: { documents: number; dir: string; runs: number }): Promise<void> {
  // a shared machine's load moves these figures a lot: print it beside them
  console.log(`\n(load average ${os.loadavg().map((x) => x.toFixed(1)).join(' / ')} on ${os.cpus().length} cores)`)
  longDocumentBench(Math.max(options.runs, 5))
  await projectMergeBench(options.documents, options.dir)
}
