// `spanwise agreement`, run as a user runs it, on a real project folder with three annotators.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { AgreementReport } from '../../../src/shared/agreement/report'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')
let project: string
let ids: string[]

function spanwise(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, 'agreement', '--project', project, ...args], { encoding: 'utf8', timeout: 60_000 })
}

const TEXT_1 = 'The mayor said the bridge will cost 3.5 million euros.'
const TEXT_2 = 'Council members disputed the figure on Tuesday.'
const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length })

beforeAll(async () => {
  project = path.join(await tempDir(), 'team')
  const store = await ProjectStore.open(project, { create: true })
  ;({ ids } = await store.addDocuments([
    { text: TEXT_1, title: 'Bridge', meta: {} },
    { text: TEXT_2, title: 'Council', meta: {} }
  ]))
  const mayor = { id: 'm', label: 'actor', ...at(TEXT_1, 'The mayor') }
  const cost = { id: 'c', label: 'figure', ...at(TEXT_1, '3.5 million euros') }
  const council = { id: 'k', label: 'actor', ...at(TEXT_2, 'Council members') }
  await store.saveLayer(ids[0]!, 'ana', { spans: [mayor, cost], status: 'done' })
  await store.saveLayer(ids[0]!, 'ben', { spans: [{ ...mayor, ...at(TEXT_1, 'mayor') }, cost], status: 'done' })
  await store.saveLayer(ids[0]!, 'chloe', { spans: [mayor], status: 'in_progress' })
  await store.saveLayer(ids[1]!, 'ana', { spans: [council], status: 'done' })
  await store.saveLayer(ids[1]!, 'ben', { spans: [council], status: 'done' })
})
afterAll(removeTempDirs)

// each case runs the CLI once or twice; on a busy machine a run can take seconds
describe('spanwise agreement', { timeout: 120_000 }, () => {
  it('prints a readable table of every measure with its counts and definitions, exit 0', () => {
    const result = spanwise([])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/^Agreement over 2 document\(s\); raters: ana, ben, chloe; labels: actor, claim, figure/)
    // micro over the three pairs: ana×ben 2 of 4 units matched, ana×chloe 1 of 2, ben×chloe 0 of 3
    expect(result.stdout).toMatch(/Span F1, exact\s+0\.500\s+9\s+3\s+4\s+2\n/)
    expect(result.stdout).toMatch(/ana × ben/)
    expect(result.stdout).toMatch(/Definitions/)
    expect(result.stdout).toMatch(/span_f1_overlap: Span F1, overlap\. F1 = 2·TP/)
  })

  it('--format json holds every number with its definition, counts, tokenizer and version', () => {
    const result = spanwise(['--format', 'json', '--annotators', 'ana,ben'])
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as AgreementReport
    expect(report.spanwiseVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(report.tokenizer).toMatch(/tokenize/)
    expect(report.filters.annotators).toEqual(['ana', 'ben'])
    expect(report.pairs).toEqual([expect.objectContaining({ a: 'ana', b: 'ben' })])
    // Bridge: "The mayor" vs "mayor" (exact no, overlap IoU 5/9 yes), the figure exact; Council: exact
    expect(report.project.span_f1_exact).toEqual({ value: 2 * 2 / 6, counts: { compared: 4, matched: 2, onlyRow: 1, onlyColumn: 1 } })
    expect(report.project.span_f1_overlap!.value).toBe(1)
    expect(report.measures.find((m) => m.id === 'gamma')!.definition).toMatch(/seed/)
  })

  it('--format csv has one row per document with every measure and its counts', () => {
    const result = spanwise(['--format', 'csv', '--measure', 'span_f1_exact,cohen_kappa'])
    expect(result.status).toBe(0)
    const parsed = Papa.parse<Record<string, string>>(result.stdout.trim(), { header: true })
    expect(parsed.meta.fields).toEqual([
      'document_id', 'title', 'annotators',
      'span_f1_exact', 'span_f1_exact_compared', 'span_f1_exact_matched', 'span_f1_exact_only_row', 'span_f1_exact_only_column',
      'cohen_kappa', 'cohen_kappa_compared', 'cohen_kappa_matched', 'cohen_kappa_only_row', 'cohen_kappa_only_column'
    ])
    const council = parsed.data.find((row) => row.title === 'Council')!
    expect(council).toMatchObject({ document_id: ids[1], annotators: 'ana ben', span_f1_exact: '1' })
  })

  it('--status keeps documents every chosen annotator marked so; --labels narrows the labels', () => {
    // chloe has not marked Bridge done and has no layer for Council: nothing left for all three
    expect(spanwise(['--status', 'done']).stderr).toBe('spanwise: no document that every chosen annotator (ana, ben, chloe) marked done: nothing to compare\n')
    const pairDone = JSON.parse(spanwise(['--format', 'json', '--status', 'done', '--annotators', 'ana,ben', '--labels', 'figure']).stdout) as AgreementReport
    expect(pairDone.filters).toMatchObject({ status: 'done', labels: ['figure'], documents: 2 })
    expect(pairDone.project.span_f1_exact!.counts).toEqual({ compared: 1, matched: 1, onlyRow: 0, onlyColumn: 0 })
  })

  it('--include-gold counts the gold layer as the rater "gold"', async () => {
    await mkdir(path.join(project, 'gold'), { recursive: true })
    const gold = { version: 1, documentId: ids[0], status: 'done', spans: [{ id: 'g', label: 'actor', ...at(TEXT_1, 'The mayor'), provenance: {} }], relations: [], rejected: [], updatedAt: null }
    await writeFile(path.join(project, 'gold', `${ids[0]}.json`), JSON.stringify(gold))
    const report = JSON.parse(spanwise(['--format', 'json', '--include-gold', '--annotators', 'ana']).stdout) as AgreementReport
    expect(report.filters).toMatchObject({ annotators: ['ana', 'gold'], includeGold: true, documents: 1 })
    expect(report.pairs[0]!.scores.span_f1_exact).toEqual({ value: 2 / 3, counts: { compared: 2, matched: 1, onlyRow: 1, onlyColumn: 0 } })
  })

  it('fewer than two annotators is one clear line and a failure exit', () => {
    const result = spanwise(['--annotators', 'chloe'])
    expect(result.status).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe('spanwise: fewer than two annotators to compare (chloe): choose two or more, or include gold\n')
    expect(spanwise(['--annotators', 'eve,ana']).stderr).toMatch(/^spanwise: no layers by eve in this project/)
  })

  it('annotators whose layers never meet on a document: one clear line', async () => {
    const store = await ProjectStore.open(project)
    const [extra] = (await store.addDocuments([{ text: 'Alone here.', title: 'Alone', meta: {} }])).ids
    await store.saveLayer(extra!, 'dan', { spans: [{ id: 'x', label: 'actor', start: 0, end: 5 }] })
    const apart = spanwise(['--annotators', 'chloe,dan'])
    expect(apart.status).toBe(1)
    expect(apart.stderr).toBe('spanwise: fewer than two of the chosen annotators (chloe, dan) have layers for the same document: nothing to compare\n')
  })
})
