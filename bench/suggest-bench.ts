// `npm run bench -- --only suggest`: suggestions measured three ways.
//   quality  each source's precision and recall against the gold spans of a labelled sample
//            corpus (bench/suggest-corpus.ts: 200 synthetic news articles, labelled as written).
//            The analyst's own labels are the gold spans of the first 40 articles (as if they had
//            labelled those); every source is scored on the other 160. Exact: same start, end and
//            label; overlap: same label and overlapping, each gold span matched once.
//   speed    time to suggest across a project of --documents articles (default 10,000), per source
//            with nothing written (CPU seconds of this process, and wall), then `spanwise suggest`'s
//            own run (suggestions stored for every document). The model reads 500 articles; its
//            10,000-document figure is that, scaled.
//   editor   a 200,000-character document in Chromium (bench/renderer/suggest-open.ts): the text's
//            open time with suggestions off and on, and when the suggestions are painted.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ProjectStore } from '../src/main/store/project-store'
import { WriteBatch } from '../src/main/store/json-file'
import { addToDictionaries } from '../src/main/suggest/dictionaries'
import { prepareSources, suggestProject } from '../src/main/suggest/suggest-service'
import { SUGGESTION_SOURCES, visibleSuggestions, type Suggestion, type SuggestionSourceId } from '../src/shared/suggest/types'
import { labelledArticles, sampleDictionary, type GoldSpan } from './suggest-corpus'
import { suggestOpenBench } from './renderer/suggest-open'

const ANALYST = 'analyst'

interface Score {
  suggested: number
  gold: number
  exact: number
  overlapSuggested: number
  overlapGold: number
}

function score(suggestions: Suggestion[], gold: GoldSpan[], into: Score): void {
  into.suggested += suggestions.length
  into.gold += gold.length
  const exact = new Set(gold.map((g) => `${g.label}:${g.start}:${g.end}`))
  into.exact += suggestions.filter((s) => exact.has(`${s.label}:${s.start}:${s.end}`)).length
  const used = new Set<number>()
  for (const s of suggestions) {
    const index = gold.findIndex((g, i) => !used.has(i) && g.label === s.label && g.start < s.end && s.start < g.end)
    if (index >= 0) {
      used.add(index)
      into.overlapSuggested++
    }
  }
  into.overlapGold += used.size
}

async function makeProject(folder: string, count: number, seed: number, sentences?: [number, number]): Promise<{ store: ProjectStore; ids: string[]; gold: GoldSpan[][] }> {
  const store = await ProjectStore.open(folder, { create: true })
  const articles = [...labelledArticles(count, seed, sentences)]
  const batch = new WriteBatch()
  const { ids } = await store.addDocuments(articles.map((a) => ({ text: a.text, title: a.title, meta: {} })), { batch })
  await batch.flush()
  return { store, ids, gold: articles.map((a) => a.spans) }
}

/** The analyst labelled these documents: their gold spans become the analyst's layers. */
async function labelAsAnalyst(store: ProjectStore, ids: string[], gold: GoldSpan[][]): Promise<void> {
  const batch = new WriteBatch()
  for (const [i, id] of ids.entries()) {
    await store.saveLayer(id, ANALYST, { spans: gold[i]!.map((g, n) => ({ id: `g${n}`, ...g })), status: 'done' }, { batch })
  }
  await batch.flush()
}

async function qualityBench(dir: string): Promise<void> {
  const work = mkdtempSync(path.join(dir, 'spanwise-suggest-quality-'))
  try {
    const { store, ids, gold } = await makeProject(path.join(work, 'project'), 200, 5)
    const seen = 40
    await labelAsAnalyst(store, ids.slice(0, seen), gold.slice(0, seen))
    addToDictionaries(store.folder, sampleDictionary().map((text) => ({ text, label: 'actor' })))
    const rows: [string, Score][] = []
    const evaluated = ids.slice(seen)
    const combined: Suggestion[][] = evaluated.map(() => [])
    for (const source of SUGGESTION_SOURCES) {
      const suggest = await prepareSources(store, ANALYST, [source])
      const total: Score = { suggested: 0, gold: 0, exact: 0, overlapSuggested: 0, overlapGold: 0 }
      for (const [i, id] of evaluated.entries()) {
        const found = await suggest(await store.getDocument(id))
        combined[i]!.push(...found)
        score(visibleSuggestions(found, [], new Set()), gold[seen + i]!, total)
      }
      rows.push([source, total])
    }
    const all: Score = { suggested: 0, gold: 0, exact: 0, overlapSuggested: 0, overlapGold: 0 }
    combined.forEach((found, i) => score(visibleSuggestions(found, [], new Set()), gold[seen + i]!, all))
    rows.push(['all four (as the editor shows them)', all])
    const goldCount = gold.slice(seen).flat()
    console.log(`\n# suggestions: quality on ${evaluated.length} labelled articles (${goldCount.length.toLocaleString('en')} gold spans: ${goldCount.filter((g) => g.label === 'actor').length} actor, ${goldCount.filter((g) => g.label === 'figure').length} figure); own labels learnt from ${seen} others`)
    console.log(`  ${'source'.padEnd(38)} ${'suggested'.padStart(9)}  exact P   exact R   overlap P  overlap R`)
    const pct = (a: number, b: number) => (b === 0 ? '   –   ' : `${((100 * a) / b).toFixed(1).padStart(6)}%`)
    for (const [name, s] of rows) {
      console.log(`  ${name.padEnd(38)} ${String(s.suggested).padStart(9)}  ${pct(s.exact, s.suggested)}   ${pct(s.exact, s.gold)}   ${pct(s.overlapSuggested, s.suggested)}    ${pct(s.overlapGold, s.gold)}`)
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since)
  return (used.user + used.system) / 1e6
}

async function speedBench(dir: string, documents: number): Promise<void> {
  const work = mkdtempSync(path.join(dir, 'spanwise-suggest-speed-'))
  try {
    const made = performance.now()
    // longer articles than the quality sample's: 12 to 24 sentences, as agency copy runs
    const { store, ids, gold } = await makeProject(path.join(work, 'project'), documents, 9, [12, 24])
    const labelled = Math.min(200, ids.length)
    await labelAsAnalyst(store, ids.slice(0, labelled), gold.slice(0, labelled))
    addToDictionaries(store.folder, sampleDictionary().map((text) => ({ text, label: 'actor' })))
    const characters = (await Promise.all(ids.slice(0, 100).map((id) => store.getDocument(id)))).reduce((sum, d) => sum + d.text.length, 0) / Math.min(100, ids.length)
    console.log(`\n# suggestions: speed across ${documents.toLocaleString('en')} documents (about ${Math.round(characters).toLocaleString('en')} characters each; ${labelled} labelled by the analyst; made in ${((performance.now() - made) / 1000).toFixed(1)} s)`)
    const measure = async (sources: SuggestionSourceId[], only: string[]) => {
      const cpu = process.cpuUsage()
      const wall = performance.now()
      const suggest = await prepareSources(store, ANALYST, sources)
      let count = 0
      for (const id of only) count += (await suggest(await store.getDocument(id))).length
      return { cpu: cpuSeconds(cpu), wall: (performance.now() - wall) / 1000, count }
    }
    const line = (name: string, r: { cpu: number; wall: number; count: number }, scale = 1) =>
      console.log(`  ${name.padEnd(40)} ${(r.cpu * scale).toFixed(1).padStart(7)} CPU s ${(r.wall * scale).toFixed(1).padStart(7)} s wall ${Math.round(r.count * scale).toLocaleString('en').padStart(10)} suggestions${scale === 1 ? '' : ` (scaled from ${Math.round(ids.length / scale).toLocaleString('en')} documents)`}`)
    for (const source of ['own', 'dictionary', 'patterns'] as const) line(source, await measure([source], ids))
    const modelSample = ids.slice(0, Math.min(500, ids.length))
    line('model', await measure(['model'], modelSample), ids.length / modelSample.length)
    const cpu = process.cpuUsage()
    const wall = performance.now()
    const run = await suggestProject(store, ANALYST, { sources: ['own', 'dictionary', 'patterns'], accept: false })
    const total = Object.values(run.labels).reduce((a, b) => a + b, 0)
    line('spanwise suggest (own, dictionary, patterns; stored)', { cpu: cpuSeconds(cpu), wall: (performance.now() - wall) / 1000, count: total })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

export async function suggestBench(options: { documents: number; dir: string; openRuns: number }): Promise<void> {
  await qualityBench(options.dir)
  await speedBench(options.dir, options.documents)
  await suggestOpenBench({ openRuns: options.openRuns, dir: os.tmpdir() })
}
