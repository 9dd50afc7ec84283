// Saves that race each other, and undoing a label change after further edits.
import { afterEach, describe, expect, it } from 'vitest'
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore } from '../../../src/main/store/project-store'
import { relationTypesAfter } from '../../../src/main/api/label-rules'
import { DEFAULT_RELATION_TYPES, type Span } from '../../../src/shared/model'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXT = 'Mayor Ana Lind said the budget grew 4 percent.'
const span = (id: string, quote: string, label: string): Span => {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}

async function project() {
  const store = await ProjectStore.open(await tempDir(), { create: true })
  const report = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from(TEXT) }], { annotator: 'ana' })
  return { store, id: report.added[0]!.id }
}

describe('saves to one layer at the same time', () => {
  it('keep both the status and the spans when they race', async () => {
    const { store, id } = await project()
    await Promise.all([
      store.saveLayer(id, 'ana', { spans: [span('a', 'Mayor Ana Lind', 'actor')] }),
      store.saveLayer(id, 'ana', { status: 'done' })
    ])
    const layer = await store.getLayer(id, 'ana')
    expect(layer.status).toBe('done')
    expect(layer.spans.map((s) => s.id)).toEqual(['a'])
  })
})

describe('undoing a label change', () => {
  it('renames back and restores deleted spans without losing edits made since', async () => {
    const { store, id } = await project()
    await store.saveLayer(id, 'ana', {
      spans: [span('a', 'Mayor Ana Lind', 'actor'), span('c', 'the budget grew 4 percent', 'claim'), span('f', '4 percent', 'figure')],
      relations: [{ id: 'r1', type: 'quantifies', from: 'f', to: 'c' }]
    })
    const labels = store.settings.labels
    const { previous } = await store.changeLabels({
      labels: labels.filter((l) => l.name !== 'figure').map((l) => (l.name === 'actor' ? { ...l, name: 'speaker' } : l)),
      relationTypes: relationTypesAfter(store.settings.relationTypes, [{ from: 'actor', to: 'speaker' }], ['figure']),
      renames: [{ from: 'actor', to: 'speaker' }],
      deletions: ['figure']
    })
    let layer = await store.getLayer(id, 'ana')
    expect(layer.spans.map((s) => `${s.id}:${s.label}`)).toEqual(['a:speaker', 'c:claim'])
    expect(layer.relations).toEqual([])

    // an edit after the change: a new span on the renamed label, which the undo renames back too
    await store.saveLayer(id, 'ana', { spans: [...layer.spans, span('n', 'Ana', 'speaker')] })
    await store.restoreLabels(previous)
    layer = await store.getLayer(id, 'ana')
    expect(layer.spans.map((s) => `${s.id}:${s.label}`).sort()).toEqual(['a:actor', 'c:claim', 'f:figure', 'n:actor'].sort())
    expect(layer.relations).toEqual([{ id: 'r1', type: 'quantifies', from: 'f', to: 'c' }])
    expect(store.settings.labels.map((l) => l.name)).toEqual(['actor', 'claim', 'figure'])
  })
})

describe('relation types after a label change', () => {
  it('follow renamed labels and drop types left with no label at one end', () => {
    const after = relationTypesAfter(DEFAULT_RELATION_TYPES, [{ from: 'actor', to: 'speaker' }], ['figure'])
    expect(after).toEqual([{ ...DEFAULT_RELATION_TYPES[0]!, to: ['speaker'] }])
  })
})
