// The gold layer on disk and the review channels, on a real project folder through the same
// dispatch both transports use.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { GOLD_ABSENT_VERSION, goldFile, GoldStore } from '../../../src/main/review/gold-store'
import type { ApiResponse, ReviewDocument, ReviewDocumentRow, MergeReport, FeedbackReport } from '../../../src/shared/api/contract'
import { emptyGold, rejectUnit, reviewUnits, takeVersion, type GoldLayer } from '../../../src/shared/review'
import { removeTempDirs } from '../../helpers/temp'
import { BY } from './fixture'
import { reviewProject } from './project'

afterEach(removeTempDirs)

async function call<T>(dispatch: ReturnType<typeof createDispatch>, channel: string, input: unknown): Promise<T> {
  const response = (await dispatch(channel, input)) as ApiResponse<T>
  if (!response.ok) throw Object.assign(new Error(response.error.message), { code: response.error.code })
  return response.value
}

const saveInput = (documentId: string, baseVersion: string, gold: GoldLayer) => ({
  documentId,
  baseVersion,
  spans: gold.spans,
  relations: gold.relations,
  rejected: gold.rejected,
  status: gold.status
})

describe('gold store', () => {
  it('saves gold/<documentId>.json with provenance; the version is a hash of the file’s bytes', async () => {
    const { store, folder, first } = await reviewProject()
    const goldStore = new GoldStore(store)
    expect(goldStore.read(first)).toEqual({ gold: emptyGold(first), version: GOLD_ABSENT_VERSION })
    const layers = await Promise.all(['ann', 'bob', 'cat'].map((name) => store.getLayer(first, name)))
    const units = reviewUnits(layers, emptyGold(first))
    const decided = rejectUnit(takeVersion(emptyGold(first), units[1]!, 'bob', BY), units[3]!, BY)
    const saved = await goldStore.save(first, GOLD_ABSENT_VERSION, decided)
    const onDisk = JSON.parse(await readFile(path.join(folder, 'gold', `${first}.json`), 'utf8')) as GoldLayer
    expect(onDisk).toEqual(saved.gold)
    expect(onDisk.spans[0]).toMatchObject({ label: 'claim', provenance: { decision: 'picked', sources: [{ annotator: 'bob', spanId: 'b2' }], decidedBy: 'rita' } })
    expect(onDisk.rejected).toHaveLength(1)
    expect(goldStore.read(first).version).toBe(saved.version)
    // the annotators' layers are untouched, and gold is not an annotator
    expect(await store.annotators()).toEqual(['ann', 'bob', 'cat'])
  })

  it('refuses a stale save with a conflict and keeps what is on disk', async () => {
    const { store, first } = await reviewProject()
    const goldStore = new GoldStore(store)
    const gold = { ...emptyGold(first), status: 'in_progress' as const }
    const { version } = await goldStore.save(first, GOLD_ABSENT_VERSION, gold)
    await goldStore.save(first, version, { ...gold, status: 'done' })
    await expect(goldStore.save(first, version, { ...gold, status: 'not_started' })).rejects.toMatchObject({ code: 'conflict' })
    await expect(goldStore.save(first, GOLD_ABSENT_VERSION, gold)).rejects.toMatchObject({ code: 'conflict' })
    expect(goldStore.read(first).gold.status).toBe('done')
  })

  it('sees a change made by another process (the version follows the bytes on disk)', async () => {
    const { store, first } = await reviewProject()
    const goldStore = new GoldStore(store)
    const { version } = await goldStore.save(first, GOLD_ABSENT_VERSION, emptyGold(first))
    const file = goldFile(store.folder, first)
    await writeFile(file, JSON.stringify({ ...emptyGold(first), status: 'done' }))
    expect(goldStore.read(first)).toMatchObject({ gold: { status: 'done' } })
    await expect(goldStore.save(first, version, emptyGold(first))).rejects.toMatchObject({ code: 'conflict' })
  })

  it('checks gold spans like an annotator’s: in the text, known labels and attributes', async () => {
    const { store, first } = await reviewProject()
    const goldStore = new GoldStore(store)
    const bad = (span: { start: number; end: number; label: string; attributes?: Record<string, string> }) => ({ ...emptyGold(first), spans: [{ id: 'g1', provenance: { decision: 'added', sources: [], decidedBy: 'r', decidedAt: 'now' }, ...span }] }) as GoldLayer
    await expect(goldStore.save(first, GOLD_ABSENT_VERSION, bad({ start: 0, end: 999, label: 'actor' }))).rejects.toThrow(/outside the text/)
    await expect(goldStore.save(first, GOLD_ABSENT_VERSION, bad({ start: 0, end: 5, label: 'nope' }))).rejects.toThrow(/unknown label/)
    await expect(goldStore.save(first, GOLD_ABSENT_VERSION, bad({ start: 0, end: 5, label: 'actor', attributes: { type: 'alien' } }))).rejects.toThrow(/must be one of/)
    expect(goldStore.read(first).version).toBe(GOLD_ABSENT_VERSION)
  })

  it('names a damaged gold file, and the list still shows the other documents', async () => {
    const { store, first, second } = await reviewProject()
    await mkdir(path.join(store.folder, 'gold'))
    await writeFile(goldFile(store.folder, first), '{"spans": [')
    expect(() => new GoldStore(store).read(first)).toThrow(new RegExp(`gold/${first}\\.json is damaged \\(not valid JSON`))
    const dispatch = createDispatch(new Session(store, 'rita'))
    const rows = await call<ReviewDocumentRow[]>(dispatch, 'review.documents', {})
    expect(rows.find((row) => row.id === first)?.problem).toMatch(/not valid JSON/)
    expect(rows.find((row) => row.id === second)?.problem).toBeUndefined()
    // feedback leaves the damaged document out and says so
    const feedback = await call<FeedbackReport>(dispatch, 'review.feedback', { annotator: 'ann' })
    expect(feedback.skipped).toEqual([{ documentId: first, title: expect.any(String), reason: expect.stringMatching(/not valid JSON/) }])
  })
})

describe('review channels', () => {
  it('review.documents lists documents with two or more annotators, their numbers and filters', async () => {
    const { store, first, second } = await reviewProject()
    const dispatch = createDispatch(new Session(store, 'rita'))
    const rows = await call<ReviewDocumentRow[]>(dispatch, 'review.documents', {})
    const row = rows.find((r) => r.id === first)!
    expect(row.title).toMatch(/^👍🏽cdefghi00/)
    expect(row).toMatchObject({ units: 9, openConflicts: 6, openUnits: 9, reviewStatus: 'not_started' })
    expect(row.annotators).toEqual([
      { name: 'ann', status: 'done', spanCount: 9 },
      { name: 'bob', status: 'done', spanCount: 8 },
      { name: 'cat', status: 'done', spanCount: 7 }
    ])
    expect(row.agreement).toBeGreaterThan(0.5)
    expect(rows.find((r) => r.id === second)).toMatchObject({ units: 1, openConflicts: 0, agreement: 1 })
    // status: every chosen annotator marked it done (bob has not, on the second document)
    expect((await call<ReviewDocumentRow[]>(dispatch, 'review.documents', { status: 'done' })).map((r) => r.id)).toEqual([first])
    // annotators: only ann and cat compared; the second document has just one of them
    const pair = await call<ReviewDocumentRow[]>(dispatch, 'review.documents', { annotators: ['ann', 'cat'] })
    expect(pair.map((r) => [r.id, r.annotators.map((a) => a.name)])).toEqual([[first, ['ann', 'cat']]])
    // labels used
    expect((await call<ReviewDocumentRow[]>(dispatch, 'review.documents', { labels: ['figure'] })).map((r) => r.id)).toEqual([first])
    expect((await call<ReviewDocumentRow[]>(dispatch, 'review.documents', { reviewStatus: 'done' }))).toEqual([])
  })

  it('review.document, gold.save, review.merge and review.feedback work together', async () => {
    const { store, first } = await reviewProject()
    const dispatch = createDispatch(new Session(store, 'rita'))
    const opened = await call<ReviewDocument>(dispatch, 'review.document', { documentId: first })
    expect(opened.layers.map((l) => l.annotator)).toEqual(['ann', 'bob', 'cat'])
    expect(opened.goldVersion).toBe(GOLD_ABSENT_VERSION)
    // the adjudicator takes bob's label for the label conflict and saves
    const units = reviewUnits(opened.layers, opened.gold)
    const decided = takeVersion(opened.gold, units[1]!, 'bob', 'rita')
    const saved = await call<{ gold: GoldLayer; version: string }>(dispatch, 'gold.save', saveInput(first, opened.goldVersion, decided))
    // a second window still holding the old version is refused
    await expect(call(dispatch, 'gold.save', saveInput(first, opened.goldVersion, decided))).rejects.toMatchObject({ code: 'conflict' })
    // merge fills the rest without touching the decision
    const merged = await call<MergeReport>(dispatch, 'review.merge', { documentIds: [first], strategy: 'threshold', minAnnotators: 2 })
    expect(merged).toMatchObject({ documents: 1, accepted: 6, left: 2, acceptedRelations: 1 })
    const after = await call<ReviewDocument>(dispatch, 'review.document', { documentId: first })
    expect(after.goldVersion).not.toBe(saved.version)
    expect(after.gold.spans.find((s) => s.start === 10)).toMatchObject({ label: 'claim', provenance: { decision: 'picked', decidedBy: 'rita' } })
    expect(after.gold.spans.filter((s) => s.provenance.decision === 'auto_merged').every((s) => s.provenance.decidedBy === 'rita')).toBe(true)
    // feedback for ann: per document with items, and for the project
    const one = await call<FeedbackReport>(dispatch, 'review.feedback', { annotator: 'ann', documentId: first })
    expect(one.documents).toHaveLength(1)
    expect(one.documents[0]!.items?.length).toBeGreaterThan(0)
    // kept a1 a3 a5 a6 a7; changed a2 (bob's label) and a9 (its note is not in gold); a4 and a8
    // are still undecided (pending), so precision counts 7 of ann's spans: 6 exact matches
    expect(one.documents[0]).toMatchObject({ kept: 5, changed: 2, removed: 0, added: 0, pending: 2, exactMatches: 6, mine: 7, gold: 7 })
    expect(one.documents[0]!.precision).toBeCloseTo(6 / 7, 12)
    expect(one.documents[0]!.items?.find((item) => item.mine?.id === 'a2')).toMatchObject({ kind: 'changed', what: ['label'] })
    const project = await call<FeedbackReport>(dispatch, 'review.feedback', { annotator: 'ann' })
    expect(project.documents[0]!.items).toBeUndefined()
    expect(project.totals).toMatchObject({ kept: 5, changed: 2, pending: 2 })
  })

  it('review.documents follows every change on disk (its remembered numbers are re-checked)', async () => {
    const { store, first } = await reviewProject()
    const dispatch = createDispatch(new Session(store, 'rita'))
    const list = async () => (await call<ReviewDocumentRow[]>(dispatch, 'review.documents', {})).find((r) => r.id === first)!
    expect(await list()).toMatchObject({ units: 9, openConflicts: 6 })
    // cat adds the nested actor: that unit is no longer one-sided
    const cat = await store.getLayer(first, 'cat')
    await store.saveLayer(first, 'cat', { spans: [...cat.spans, { id: 'c7', start: 70, end: 80, label: 'actor' }] })
    expect(await list()).toMatchObject({ units: 9, openConflicts: 5 })
    // a decision saved (by any process) closes a conflict
    const opened = await call<ReviewDocument>(dispatch, 'review.document', { documentId: first })
    const units = reviewUnits(opened.layers, opened.gold)
    await new GoldStore(store).save(first, opened.goldVersion, rejectUnit(opened.gold, units.find((u) => u.state === 'one_sided')!, 'rita'))
    expect(await list()).toMatchObject({ units: 9, openConflicts: 4, reviewStatus: 'in_progress' })
  })

  it('review.merge refuses a threshold without a minimum, naming what is missing', async () => {
    const { store } = await reviewProject()
    const dispatch = createDispatch(new Session(store, 'rita'))
    await expect(call(dispatch, 'review.merge', { strategy: 'threshold' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/minimum/) })
  })
})
