// Label renames and deletions write project.json only; every reader (layers, summaries, search,
// exports) follows the label log, and each annotator's layer catches up when its owner saves it.
import { readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { searchProject } from '../../../src/main/search/project-search'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { ApiResponse, ChannelResult } from '../../../src/shared/api/contract'
import type { AnnotationLayer, Span } from '../../../src/shared/model'
import { exportText } from '../../helpers/export-text'
import { readJsonRaw, removeTempDirs, snapshotFiles, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXT = 'Mayor Ana Lind said the budget grew 4 percent.'
const span = (id: string, quote: string, label: string): Span => {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}
const ANNOTATORS = ['ana', 'bob', 'cy']

/** A project where three annotators marked the same document, each with a relation on the figure. */
async function teamProject() {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const { added } = await store.addDocuments([{ text: TEXT, title: 'Budget', meta: {} }])
  const id = added[0]!.id
  for (const annotator of ANNOTATORS) {
    await store.saveLayer(id, annotator, {
      spans: [span(`${annotator}-a`, 'Mayor Ana Lind', 'actor'), span(`${annotator}-c`, 'the budget grew 4 percent', 'claim'), span(`${annotator}-f`, '4 percent', 'figure')],
      relations: [{ id: `${annotator}-r`, type: 'quantifies', from: `${annotator}-f`, to: `${annotator}-c` }]
    })
  }
  const session = new Session(store, 'ana')
  const dispatch = createDispatch(session)
  async function call<C extends 'labels.change' | 'labels.restore' | 'annotations.save'>(channel: C, input: unknown): Promise<ChannelResult<C>> {
    // each call is made from the versions as they are now, as the app's pages make theirs
    const request = input as { documentId?: string }
    const baseVersion =
      channel === 'labels.change' ? store.settingsVersion : channel === 'annotations.save' ? (await store.readLayer(request.documentId!, 'ana')).version : undefined
    const response = (await dispatch(channel, baseVersion === undefined ? input : { baseVersion, ...request })) as ApiResponse<ChannelResult<C>>
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value
  }
  return { folder, store, id, session, call }
}

/** The label editor's change: actor renamed to speaker, figure deleted. */
function renameAndDelete(store: ProjectStore) {
  return {
    labels: store.settings.labels.filter((l) => l.name !== 'figure').map((l) => (l.name === 'actor' ? { ...l, name: 'speaker' } : l)),
    renames: [{ from: 'actor', to: 'speaker' }],
    deletions: ['figure']
  }
}

const changedFiles = (before: Map<string, { content: string }>, after: Map<string, { content: string }>) =>
  [...new Set([...before.keys(), ...after.keys()])].filter((file) => before.get(file)?.content !== after.get(file)?.content).sort()

describe('a label rename or deletion', () => {
  it('writes project.json and nothing else, and so does its undo', async () => {
    const { folder, store, call } = await teamProject()
    const before = await snapshotFiles(folder)
    const { undo } = await call('labels.change', renameAndDelete(store))
    const afterChange = await snapshotFiles(folder)
    expect(changedFiles(before, afterChange)).toEqual(['project.json'])
    const config = await readJsonRaw<{ labelRevision: number; labelLog: unknown[] }>(path.join(folder, 'project.json'))
    expect(config.labelRevision).toBe(1)
    expect(config.labelLog).toMatchObject([{ revision: 1, renames: [{ from: 'actor', to: 'speaker' }], deletions: ['figure'], by: 'ana' }])

    await call('labels.restore', undo)
    expect(changedFiles(afterChange, await snapshotFiles(folder))).toEqual(['project.json'])
  })

  it('reaches every annotator\'s export, layers nobody reopened included, and the undo restores the export exactly', async () => {
    const { store, call } = await teamProject()
    const original = await exportText(store)
    const { undo } = await call('labels.change', renameAndDelete(store))

    const records = (await exportText(store)).trim().split('\n').map((line) => JSON.parse(line) as { annotator: string; spans: { id: string; label: string; text: string }[]; relations: unknown[] })
    expect(records.map((r) => r.annotator)).toEqual(ANNOTATORS)
    for (const record of records) {
      expect(record.spans.map((s) => `${s.label}:${s.text}`)).toEqual(['speaker:Mayor Ana Lind', 'claim:the budget grew 4 percent'])
      // the relation on the deleted figure goes with it
      expect(record.relations).toEqual([])
    }
    // a fresh process (no memory of the change) reads the same
    expect(await exportText(await ProjectStore.open(store.folder))).toBe(await exportText(store))

    await call('labels.restore', undo)
    expect(await exportText(store)).toBe(original)
  })

  it('is followed by summaries and search', async () => {
    const { store, id, call } = await teamProject()
    await call('labels.change', renameAndDelete(store))
    const [summary] = await store.summaries('bob')
    expect(summary!.labels).toEqual(['claim', 'speaker'])
    expect(summary!.spanCount).toBe(2)
    const { hits } = await searchProject(store, 'cy', 'label:speaker', 10)
    expect(hits).toMatchObject([{ documentId: id, match: 'Mayor Ana Lind', label: 'speaker' }])
    expect((await searchProject(store, 'cy', 'label:figure', 10)).hits).toEqual([])
  })

  it('reaches a layer when its owner next saves it, and only that layer', async () => {
    const { folder, store, id, call } = await teamProject()
    const { undo } = await call('labels.change', renameAndDelete(store))
    const before = await snapshotFiles(folder)
    const layer = await store.getLayer(id, 'ana')
    await call('annotations.save', { documentId: id, spans: [...layer.spans, span('ana-n', 'Ana', 'speaker')], relations: layer.relations })
    expect(changedFiles(before, await snapshotFiles(folder))).toEqual([`annotations/ana/${id}.json`])

    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'ana', `${id}.json`))
    expect(raw.labelRevision).toBe(1)
    expect(raw.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:speaker', 'ana-n:speaker', 'ana-c:claim'])
    // the deleted figure is set aside, not lost: the undo brings it back even after this save
    expect(raw.retired).toEqual([{ revision: 1, spans: [span('ana-f', '4 percent', 'figure')], relations: [{ id: 'ana-r', type: 'quantifies', from: 'ana-f', to: 'ana-c' }] }])

    await call('labels.restore', undo)
    const restored = await store.getLayer(id, 'ana')
    expect(restored.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:actor', 'ana-n:actor', 'ana-c:claim', 'ana-f:figure'])
    expect(restored.relations).toEqual([{ id: 'ana-r', type: 'quantifies', from: 'ana-f', to: 'ana-c' }])
    expect(restored.retired).toBeUndefined()
  })

  it('does not refuse a save from a page that read the layer before the change: its spans come forward', async () => {
    const { folder, store, id, call } = await teamProject()
    // a second tab read ana's layer, then the first tab renamed actor and deleted figure
    const stale = await store.getLayer(id, 'ana')
    expect(stale.labelRevision ?? 0).toBe(0)
    const { undo } = await call('labels.change', renameAndDelete(store))
    // the second tab adds a span with the label bar it still shows, and saves all it holds
    await call('annotations.save', {
      documentId: id,
      spans: [...stale.spans, span('ana-n', 'Ana', 'actor')],
      relations: stale.relations,
      labelRevision: stale.labelRevision ?? 0
    })
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'ana', `${id}.json`))
    expect(raw.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:speaker', 'ana-n:speaker', 'ana-c:claim'])
    // the figure of the deleted label is set aside with its relation, as the change did to every layer
    expect(raw.retired).toEqual([{ revision: 1, spans: [span('ana-f', '4 percent', 'figure')], relations: [{ id: 'ana-r', type: 'quantifies', from: 'ana-f', to: 'ana-c' }] }])
    await call('labels.restore', undo)
    expect((await store.getLayer(id, 'ana')).spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:actor', 'ana-n:actor', 'ana-c:claim', 'ana-f:figure'])
  })

  it('still refuses a label unknown at the revision the save names', async () => {
    const { store, id, call } = await teamProject()
    await call('labels.change', renameAndDelete(store))
    const layer = await store.getLayer(id, 'ana')
    await expect(
      call('annotations.save', { documentId: id, spans: [...layer.spans, span('ana-n', 'Ana', 'actor')], relations: layer.relations, labelRevision: 1 })
    ).rejects.toThrow(/unknown label "actor"/)
  })

  it('follows several steps in order, e.g. a rename of a rename and a name reused after a deletion', async () => {
    const { store, id, call } = await teamProject()
    const labels = store.settings.labels
    // claim is deleted and actor takes its name, then that claim becomes statement
    await call('labels.change', {
      labels: labels.filter((l) => l.name !== 'actor').map((l) => (l.name === 'claim' ? { ...labels[0]!, name: 'claim' } : l)),
      renames: [{ from: 'actor', to: 'claim' }],
      deletions: ['claim']
    })
    await call('labels.change', {
      labels: store.settings.labels.map((l) => (l.name === 'claim' ? { ...l, name: 'statement' } : l)),
      renames: [{ from: 'claim', to: 'statement' }]
    })
    expect((await store.getLayer(id, 'bob')).spans.map((s) => `${s.label}:${s.id}`)).toEqual(['statement:bob-a', 'figure:bob-f'])
  })

  it('reaches what a clone still behind the log wrote (a teammate who had not pulled the change yet)', async () => {
    const { store, id, call } = await teamProject()
    const file = path.join(store.folder, 'annotations', 'ana', `${id}.json`)
    const before = await readJsonRaw<AnnotationLayer>(file)
    const { undo } = await call('labels.change', renameAndDelete(store))
    // (a store re-reads project.json before each save, so it is never behind the file it saves
    // against; a clone that has not pulled is: its layer comes in with the old labels)
    await writeFile(file, JSON.stringify({ ...before, spans: [...before.spans, span('ana-x', 'the budget', 'actor')] }))
    const read = await (await ProjectStore.open(store.folder)).getLayer(id, 'ana')
    expect(read.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:speaker', 'ana-c:claim', 'ana-x:speaker'])
    expect(read.retired).toMatchObject([{ revision: 1, spans: [{ id: 'ana-f' }] }])
    await call('labels.restore', undo)
    expect((await store.getLayer(id, 'ana')).spans.map((s) => `${s.id}:${s.label}`)).toEqual(['ana-a:actor', 'ana-c:claim', 'ana-x:actor', 'ana-f:figure'])
  })

  it('can be undone only while it is the latest change', async () => {
    const { store, call } = await teamProject()
    const first = await call('labels.change', renameAndDelete(store))
    const second = await call('labels.change', { labels: store.settings.labels.map((l) => (l.name === 'claim' ? { ...l, name: 'assertion' } : l)), renames: [{ from: 'claim', to: 'assertion' }] })
    await expect(call('labels.restore', first.undo)).rejects.toThrow(/changed again since \(revision 2 by ana\); undo that change first/)
    await call('labels.restore', second.undo)
    await call('labels.restore', first.undo)
    expect(store.settings.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure'])
    await expect(call('labels.restore', first.undo)).rejects.toThrow(/already been undone|changed again/)
  })

  it('checks the label set an undo puts back', async () => {
    const { store, call } = await teamProject()
    const { undo } = await call('labels.change', renameAndDelete(store))
    const twice = { ...undo, labels: [...undo.labels, undo.labels[0]!] }
    await expect(call('labels.restore', twice)).rejects.toThrow(/two labels are called "actor"/)
  })
})

describe('saving a layer', () => {
  it('writes nothing when nothing changed: no new time stamp, no diff', async () => {
    const { folder, store, id } = await teamProject()
    const file = path.join(folder, 'annotations', 'bob', `${id}.json`)
    const before = { content: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs }
    const layer = await store.getLayer(id, 'bob')
    await store.saveLayer(id, 'bob', { spans: layer.spans, relations: layer.relations, status: layer.status })
    expect(await readFile(file, 'utf8')).toBe(before.content)
    expect((await stat(file)).mtimeMs).toBe(before.mtime)
  })

  it('writes nothing either when the file lists its fields in another order (another tool, another version)', async () => {
    const { folder, store, id } = await teamProject()
    const file = path.join(folder, 'annotations', 'bob', `${id}.json`)
    const stored = await readJsonRaw<Record<string, unknown>>(file)
    const reversed = JSON.stringify(Object.fromEntries(Object.entries(stored).reverse()))
    await writeFile(file, reversed)
    const layer = await store.getLayer(id, 'bob')
    await store.saveLayer(id, 'bob', { spans: layer.spans, relations: layer.relations, status: layer.status })
    expect(await readFile(file, 'utf8')).toBe(reversed)
  })

  it('records the hash of the text its offsets were written against', async () => {
    const { folder, store, id } = await teamProject()
    const raw = await readJsonRaw<AnnotationLayer>(path.join(folder, 'annotations', 'cy', `${id}.json`))
    expect(raw.documentSha256).toBe((await store.getDocument(id)).sha256)
  })
})
