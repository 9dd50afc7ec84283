// Document tags in the store and the API: saved in the annotator's layer (versioned like spans),
// checked against the tag groups, shown by the document summaries, and carried through label
// set edits (renames and deletions of groups and options follow the label log; undo brings them
// back), in the annotators' layers and in the gold layer alike.
import path from 'node:path'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { exportProject } from '../../../src/main/exporting/export-project'
import { Session } from '../../../src/main/api/session'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { ApiResponse, ChannelInput, ChannelResult } from '../../../src/shared/api/contract'
import type { AnnotationLayer } from '../../../src/shared/model'
import { GOLD_ABSENT_VERSION, GoldStore } from '../../../src/main/review/gold-store'
import type { GoldLayer } from '../../../src/shared/review'
import { readJsonRaw, removeTempDirs, snapshotFiles, tempDir } from '../../helpers/temp'
import { SOURCE, TAG_GROUPS, TOPIC } from '../../helpers/tag-groups'

afterEach(removeTempDirs)

async function taggedProject() {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const { added } = await store.addDocuments([
    { text: 'Talks on a ceasefire resumed in Doha.', title: 'Talks', meta: {} },
    { text: 'Rockets were fired from Lebanon.', title: 'Rockets', meta: {} }
  ])
  const [talks, rockets] = added.map((d) => d.id) as [string, string]
  const session = new Session(store, 'ana')
  const dispatch = createDispatch(session)
  async function call<C extends 'labels.change' | 'labels.restore' | 'annotations.save' | 'project.info'>(channel: C, input: ChannelInput<C>, annotator = 'ana'): Promise<ChannelResult<C>> {
    const response = (await dispatch(channel, input, { annotator })) as ApiResponse<ChannelResult<C>>
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value
  }
  await call('labels.change', { baseVersion: store.settingsVersion, labels: store.settings.labels, tagGroups: TAG_GROUPS })
  const save = async (id: string, annotator: string, tags: Record<string, string[]>) =>
    call('annotations.save', { documentId: id, baseVersion: (await store.readLayer(id, annotator)).version, spans: (await store.getLayer(id, annotator)).spans, tags }, annotator)
  return { folder, store, talks, rockets, call, dispatch, save }
}

/** Renames the group topic to subject and its option hostages to captives; checks that only project.json was written. */
async function renameTopic(folder: string, store: ProjectStore, call: Awaited<ReturnType<typeof taggedProject>>['call']) {
  const before = await snapshotFiles(folder)
  const renamed = { ...TOPIC, name: 'subject', options: TOPIC.options.map((o) => (o.name === 'hostages' ? { ...o, name: 'captives' } : o)) }
  const change = await call('labels.change', {
    baseVersion: store.settingsVersion,
    labels: store.settings.labels,
    tagGroups: [renamed, SOURCE],
    tagGroupRenames: [{ from: 'topic', to: 'subject' }],
    tagRenames: [{ group: 'topic', from: 'hostages', to: 'captives' }]
  })
  const after = await snapshotFiles(folder)
  expect([...after.keys()].filter((file) => before.get(file)?.content !== after.get(file)?.content)).toEqual(['project.json'])
  return change
}

describe('tag groups in the label set', () => {
  it('are saved in project.json and given back by project.info', async () => {
    const { folder, call } = await taggedProject()
    expect((await call('project.info', {})).tagGroups).toEqual(TAG_GROUPS)
    expect((await readJsonRaw<{ tagGroups: unknown }>(path.join(folder, 'project.json'))).tagGroups).toEqual(TAG_GROUPS)
  })

  it('refuse two groups of one name, an option twice, and hotkeys taken by a label, another tag or the workbench', async () => {
    const { store, dispatch } = await taggedProject()
    const change = (tagGroups: unknown) => dispatch('labels.change', { baseVersion: store.settingsVersion, labels: store.settings.labels, tagGroups })
    const message = async (tagGroups: unknown) => {
      const response = await change(tagGroups)
      return response.ok ? 'accepted' : response.error.message
    }
    expect(await message([TOPIC, { ...SOURCE, name: 'topic' }])).toBe('two tag groups are called "topic"')
    expect(await message([{ ...TOPIC, options: [TOPIC.options[0], TOPIC.options[0]] }])).toMatch(/two options called "ceasefire"/)
    expect(await message([{ ...TOPIC, options: [{ name: 'x', color: '#000000', hotkey: '1' }] }])).toBe('topic: x and actor both use the hotkey "1"')
    expect(await message([{ ...TOPIC, options: [{ name: 'x', color: '#000000', hotkey: 'N' }] }])).toMatch(/"N" is kept for the workbench/)
    expect(await message([TOPIC, { ...SOURCE, options: [{ name: 'y', color: '#000000', hotkey: 'Q' }] }])).toMatch(/source: y and topic: ceasefire both use the hotkey "Q"/)
  })
})

describe('tags of a document', () => {
  it('live in the annotator\'s own layer, one file per annotator, and are versioned like spans', async () => {
    const { folder, store, talks, save, dispatch } = await taggedProject()
    const before = await snapshotFiles(folder)
    await save(talks, 'ana', { topic: ['Lebanon front', 'ceasefire'], source: ['news agency'] })
    await save(talks, 'bob', { source: ['state media'] })
    const after = await snapshotFiles(folder)
    const changed = [...after.keys()].filter((file) => before.get(file)?.content !== after.get(file)?.content).sort()
    expect(changed).toEqual([`annotations/ana/${talks}.json`, `annotations/bob/${talks}.json`])
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'ana', `${talks}.json`))
    // stored in the group's order, and tagging starts the document
    expect(raw.tags).toEqual({ source: ['news agency'], topic: ['ceasefire', 'Lebanon front'] })
    expect(raw.status).toBe('in_progress')
    expect((await store.getLayer(talks, 'bob')).tags).toEqual({ source: ['state media'] })

    // a save from a version that is no longer on disk is a conflict, as for spans
    const stale = await dispatch('annotations.save', { documentId: talks, baseVersion: 'absent', spans: [], tags: {} }, { annotator: 'ana' })
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } })
    // clearing the tags removes the field: the layer is as if never tagged
    await save(talks, 'ana', {})
    expect((await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'ana', `${talks}.json`))).tags).toBeUndefined()
  })

  it('must fit the tag groups', async () => {
    const { store, talks, dispatch } = await taggedProject()
    const response = await dispatch('annotations.save', { documentId: talks, baseVersion: 'absent', spans: [], tags: { source: ['news agency', 'newspaper'] } }, { annotator: 'ana' })
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/tag group "source" takes one choice/) } })
    expect((await store.readLayer(talks, 'ana')).version).toBe('absent')
  })

  it('are in the document summaries of their annotator only', async () => {
    const { store, talks, rockets, save } = await taggedProject()
    await save(talks, 'ana', { topic: ['ceasefire'] })
    await save(rockets, 'bob', { topic: ['Lebanon front'] })
    const mine = await store.summaries('ana')
    expect(mine.map((s) => [s.title, s.tags])).toEqual([
      ['Rockets', undefined],
      ['Talks', { topic: ['ceasefire'] }]
    ])
    expect((await store.summaries('bob')).find((s) => s.id === rockets)!.tags).toEqual({ topic: ['Lebanon front'] })
  })
})

describe('editing tag groups', () => {
  it('renames a group and an option in every layer through the label log, writing project.json only; undo restores them', async () => {
    const { folder, store, talks, save, call } = await taggedProject()
    await save(talks, 'ana', { topic: ['ceasefire', 'hostages'] })
    await save(talks, 'bob', { topic: ['hostages'], source: ['newspaper'] })
    const { undo } = await renameTopic(folder, store, call)
    expect((await store.getLayer(talks, 'ana')).tags).toEqual({ subject: ['ceasefire', 'captives'] })
    expect((await store.getLayer(talks, 'bob')).tags).toEqual({ subject: ['captives'], source: ['newspaper'] })
    // a fresh process reads the same
    expect((await (await ProjectStore.open(folder)).getLayer(talks, 'bob')).tags).toEqual({ subject: ['captives'], source: ['newspaper'] })

    await call('labels.restore', undo)
    expect((await store.getLayer(talks, 'ana')).tags).toEqual({ topic: ['ceasefire', 'hostages'] })
    expect(store.settings.tagGroups).toEqual(TAG_GROUPS)
  })

  it('deletes the tags of a deleted option or group, sets them aside, and the undo brings them back even after a save', async () => {
    const { folder, store, talks, save, call } = await taggedProject()
    await save(talks, 'ana', { topic: ['ceasefire', 'hostages'], source: ['state media'] })
    const { undo } = await call('labels.change', {
      baseVersion: store.settingsVersion,
      labels: store.settings.labels,
      tagGroups: [{ ...TOPIC, options: TOPIC.options.filter((o) => o.name !== 'hostages') }]
    })
    expect((await store.getLayer(talks, 'ana')).tags).toEqual({ topic: ['ceasefire'] })
    // the owner's next save writes the layer up to date; what was deleted is kept aside
    await save(talks, 'ana', { topic: ['ceasefire', 'Lebanon front'] })
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'ana', `${talks}.json`))
    expect(raw.tags).toEqual({ topic: ['ceasefire', 'Lebanon front'] })
    expect(raw.retired).toEqual([{ revision: 1, spans: [], relations: [], tags: { topic: ['hostages'], source: ['state media'] } }])

    await call('labels.restore', undo)
    expect((await store.getLayer(talks, 'ana')).tags).toEqual({ source: ['state media'], topic: ['ceasefire', 'Lebanon front', 'hostages'] })
  })
})

describe('tags in review', () => {
  it('the review document shows each annotator\'s tags; the gold layer keeps the tags the reviewer chose, checked like an annotator\'s, and exports them', async () => {
    const { store, talks, save, dispatch } = await taggedProject()
    await save(talks, 'ana', { topic: ['ceasefire'], source: ['news agency'] })
    await save(talks, 'bob', { topic: ['ceasefire', 'hostages'], source: ['state media'] })
    const opened = await dispatch('review.document', { documentId: talks }, { annotator: 'rev' })
    if (!opened.ok) throw new Error(opened.error.message)
    const { layers, goldVersion } = opened.value as ChannelResult<'review.document'>
    expect(layers.map((l) => [l.annotator, l.tags])).toEqual([
      ['ana', { source: ['news agency'], topic: ['ceasefire'] }],
      ['bob', { source: ['state media'], topic: ['ceasefire', 'hostages'] }]
    ])
    const gold = { documentId: talks, baseVersion: goldVersion, spans: [], relations: [], rejected: [], status: 'in_progress' as const }
    const refused = await dispatch('gold.save', { ...gold, tags: { source: ['news agency', 'state media'] } }, { annotator: 'rev' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/gold tags .* takes one choice/) } })
    const saved = await dispatch('gold.save', { ...gold, tags: { topic: ['hostages', 'ceasefire'], source: ['news agency'] } }, { annotator: 'rev' })
    if (!saved.ok) throw new Error(saved.error.message)
    expect((saved.value as ChannelResult<'gold.save'>).gold.tags).toEqual({ source: ['news agency'], topic: ['ceasefire', 'hostages'] })
    const chunks: string[] = []
    await exportProject(store, 'jsonl', { annotator: 'rev', layer: 'gold' }, new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c.toString()), cb()) }))
    const record = chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as { id: string; tags: unknown; layer: string }).find((r) => r.id === talks)!
    expect(record).toMatchObject({ layer: 'gold', tags: { source: ['news agency'], topic: ['ceasefire', 'hostages'] } })

    // and gold rates the tags in the agreement report, beside the annotators
    const agreement = await dispatch('agreement.report', { includeGold: true, measures: ['span_f1_exact'] }, { annotator: 'rev' })
    if (!agreement.ok) throw new Error(agreement.error.message)
    const source = (agreement.value as ChannelResult<'agreement.report'>).tags!.items.find((i) => i.group === 'source')!
    expect(source.pairs.map((p) => [p.a, p.b, p.cohenKappa.counts.compared, p.cohenKappa.counts.matched])).toEqual([
      ['ana', 'bob', 1, 0],
      ['ana', 'gold', 1, 1],
      ['bob', 'gold', 1, 0]
    ])
  })

  it('gold tags follow a rename of their group and option as the annotators\' do, writing project.json only; a deletion sets them aside, its undo brings them back', async () => {
    const { folder, store, talks, call, dispatch } = await taggedProject()
    const goldStore = new GoldStore(store)
    const first = await goldStore.save(talks, GOLD_ABSENT_VERSION, { spans: [], relations: [], rejected: [], tags: { topic: ['hostages', 'ceasefire'], source: ['news agency'] }, status: 'in_progress' })
    const revisionBefore = store.settings.labelRevision ?? 0
    const { undo } = await renameTopic(folder, store, call)
    // every reader sees the new names: the gold store, the Review view's document, a fresh process
    expect(goldStore.read(talks).gold.tags).toEqual({ source: ['news agency'], subject: ['ceasefire', 'captives'] })
    const opened = await dispatch('review.document', { documentId: talks }, { annotator: 'rev' })
    if (!opened.ok) throw new Error(opened.error.message)
    const review = opened.value as ChannelResult<'review.document'>
    expect(review.gold.tags).toEqual({ source: ['news agency'], subject: ['ceasefire', 'captives'] })
    expect(new GoldStore(await ProjectStore.open(folder)).read(talks).gold.tags).toEqual({ source: ['news agency'], subject: ['ceasefire', 'captives'] })
    // the file is unchanged until the reviewer's next save: same version, so that save is not a conflict
    expect(review.goldVersion).toBe(first.version)

    // a page that read the tags before the rename saves them under the old names: brought forward, not refused
    const stale = await dispatch(
      'gold.save',
      { documentId: talks, baseVersion: review.goldVersion, spans: [], relations: [], rejected: [], tags: { topic: ['hostages'], source: ['state media'] }, labelRevision: revisionBefore, status: 'in_progress' },
      { annotator: 'rev' }
    )
    if (!stale.ok) throw new Error(stale.error.message)
    const savedGold = (stale.value as ChannelResult<'gold.save'>).gold
    expect(savedGold.tags).toEqual({ source: ['state media'], subject: ['captives'] })
    const raw = await readJsonRaw<GoldLayer>(path.join(folder, 'gold', `${talks}.json`))
    expect(raw).toMatchObject({ tags: { source: ['state media'], subject: ['captives'] }, labelRevision: store.settings.labelRevision })

    // undoing the rename: gold follows back
    await call('labels.restore', undo)
    expect(goldStore.read(talks).gold.tags).toEqual({ source: ['state media'], topic: ['hostages'] })

    // deleting the source group takes its gold tag, set aside; the undo brings it back, even after a save
    const deletion = await call('labels.change', { baseVersion: store.settingsVersion, labels: store.settings.labels, tagGroups: [TOPIC] })
    const read = goldStore.read(talks)
    expect(read.gold.tags).toEqual({ topic: ['hostages'] })
    await goldStore.save(talks, read.version, { ...read.gold, tags: { topic: ['hostages', 'ceasefire'] } })
    await call('labels.restore', deletion.undo)
    expect(goldStore.read(talks).gold.tags).toEqual({ source: ['state media'], topic: ['ceasefire', 'hostages'] })
  })
})
