// Document tags in every format that carries them: Spanwise JSONL (`tags`), doccano text
// classification (`label` as category names), Prodigy choice tasks (`accept` with `options`),
// Label Studio `choices`, and CSV (a `tag:<group>` column per group). Each export imported into
// a fresh project gives back exactly the tags (and the spans) it was made from, and files written
// by the peers themselves read as they mean.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import type { ProjectStore } from '../../../src/main/store/project-store'
import type { DocumentTags } from '../../../src/shared/model'
import { TAG_GROUPS } from '../../helpers/tag-groups'
import { contents, exportAndReimport, exportToString, file, tempDir, tempProject } from './helpers'

const TAG_FORMATS = ['jsonl', 'doccano', 'prodigy', 'label-studio', 'csv-documents'] as const

/** Texts with and without spans and tags, emoji and right-to-left text among them. */
const DOCUMENTS: { text: string; tags: DocumentTags; spans?: [number, number, string][] }[] = [
  { text: 'Talks on a ceasefire resumed in Doha.', tags: { topic: ['ceasefire', 'hostages'], source: ['news agency'] }, spans: [[11, 20, 'claim']] },
  { text: 'Rockets 🚀 were fired from Lebanon, said "the IDF".', tags: { topic: ['Lebanon front'], source: ['state media'] } },
  { text: 'דובר צה"ל אמר כי 48 חטופים עדיין בעזה.', tags: { source: ['newspaper'] }, spans: [[17, 19, 'figure']] },
  { text: 'An untagged note, with a span.', tags: {}, spans: [[0, 2, 'actor']] }
]

/** Every document's tags in alice's layer, keyed by text. */
async function tagsOf(store: ProjectStore, annotator = 'alice'): Promise<Map<string, DocumentTags>> {
  const out = new Map<string, DocumentTags>()
  for (const id of await store.documentIds()) out.set((await store.getDocument(id)).text, (await store.getLayer(id, annotator)).tags ?? {})
  return out
}

let base: ProjectStore

beforeAll(async () => {
  base = await tempProject()
  await base.changeLabels({ labels: base.settings.labels, relationTypes: base.settings.relationTypes, renames: [], deletions: [], tagGroups: TAG_GROUPS })
  const { ids } = await base.addDocuments(DOCUMENTS.map((d) => ({ text: d.text, title: d.text.slice(0, 12), meta: {} })))
  for (const [index, doc] of DOCUMENTS.entries()) {
    const spans = (doc.spans ?? []).map(([start, end, label], i) => ({ id: `s${i}`, start, end, label }))
    await base.saveLayer(ids[index]!, 'alice', { spans, tags: doc.tags })
  }
})

describe('round trips: export A, import into a fresh project', () => {
  it('the base project holds the tags as given', async () => {
    expect(await tagsOf(base)).toEqual(new Map(DOCUMENTS.map((d) => [d.text, d.tags])))
  })

  for (const format of TAG_FORMATS) {
    it(`${format}: the same tags (groups and options) and the same spans`, async () => {
      const again = await exportAndReimport(base, format)
      expect(await tagsOf(again)).toEqual(await tagsOf(base))
      if (format !== 'csv-documents') expect(await contents(again)).toEqual(await contents(base))
      // the groups and options are made in the fresh project; topic is multiple choice (a document chose two)
      const groups = again.settings.tagGroups
      expect(groups.map((g) => g.name).sort()).toEqual(['source', 'topic'])
      expect(groups.find((g) => g.name === 'topic')!.multiple).toBe(true)
      expect(groups.find((g) => g.name === 'source')!.multiple).toBe(false)
      // and a second trip through the same format changes nothing
      expect(await tagsOf(await exportAndReimport(again, format))).toEqual(await tagsOf(base))
    })
  }
})

describe('what each format writes', () => {
  const line = async (format: (typeof TAG_FORMATS)[number]) => (await exportToString(base, format)).split(/\r?\n/).find((l) => l.includes('Talks on a ceasefire'))!

  it('Spanwise JSONL: `tags` as stored, {} when none', async () => {
    const records = (await exportToString(base, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as { text: string; tags: unknown })
    expect(records.find((r) => r.text.startsWith('Talks'))!.tags).toEqual({ source: ['news agency'], topic: ['ceasefire', 'hostages'] })
    expect(records.find((r) => r.text.startsWith('An untagged'))!.tags).toEqual({})
  })

  it('doccano: `label` lists "group:option" categories, spans move to `entities`; untagged records keep spans in `label`', async () => {
    const record = JSON.parse(await line('doccano')) as Record<string, unknown>
    expect(record.label).toEqual(['source:news agency', 'topic:ceasefire', 'topic:hostages'])
    expect(record.entities).toEqual([[11, 20, 'claim']])
    const untagged = JSON.parse((await exportToString(base, 'doccano')).split('\n').find((l) => l.includes('untagged'))!) as Record<string, unknown>
    expect(untagged.label).toEqual([[0, 2, 'actor']])
  })

  it('Prodigy: every option of the project in `options`, the tags in `accept`', async () => {
    const record = JSON.parse(await line('prodigy')) as { options: { id: string; text: string }[]; accept: string[] }
    expect(record.options).toHaveLength(6)
    expect(record.options[0]).toEqual({ id: 'topic:ceasefire', text: 'ceasefire' })
    expect(record.accept).toEqual(['source:news agency', 'topic:ceasefire', 'topic:hostages'])
  })

  it('Label Studio: one `choices` result per tag group, named by the group', async () => {
    const [task] = JSON.parse(await exportToString(base, 'label-studio')) as { data: { text: string }; annotations: { result: { type: string; from_name: string; value: { choices?: string[] } }[] }[] }[]
    const choices = task!.annotations[0]!.result.filter((r) => r.type === 'choices')
    expect(choices.map((c) => [c.from_name, c.value.choices])).toEqual(
      Object.entries((await tagsOf(base)).get(task!.data.text)!).map(([group, options]) => [group, options])
    )
  })

  it('CSV: a row per document, a `tag:<group>` column per group, options joined by "|"', async () => {
    const csv = await exportToString(base, 'csv-documents')
    expect(csv.split('\r\n')[0]).toBe('document_id,title,text,annotator,status,tag:topic,tag:source')
    expect(await line('csv-documents')).toMatch(/,alice,in_progress,ceasefire\|hostages,news agency$/)
  })
})

describe('files written by the peers', () => {
  async function importOne(name: string, content: string) {
    const store = await tempProject()
    await store.changeLabels({ labels: store.settings.labels, relationTypes: store.settings.relationTypes, renames: [], deletions: [], tagGroups: TAG_GROUPS })
    const dir = await tempDir()
    await writeFile(path.join(dir, name), content)
    const { files } = await collectFiles([path.join(dir, name)])
    const report = await importSources(store, files, { annotator: 'alice' })
    expect(report.rejected).toEqual([])
    return { store, tags: [...(await tagsOf(store)).values()] }
  }

  it('doccano text classification with bare category names: each goes to the project group that has it, else to "category"', async () => {
    const { store, tags } = await importOne('d.jsonl', `${JSON.stringify({ text: 'Hostages freed.', label: ['hostages', 'newspaper', 'positive'] })}\n`)
    expect(tags).toEqual([{ topic: ['hostages'], source: ['newspaper'], category: ['positive'] }])
    expect(store.settings.tagGroups.find((g) => g.name === 'category')).toMatchObject({ multiple: false, options: [{ name: 'positive' }] })
  })

  it('a Prodigy choice task whose option ids are not "group:option" reads the accepted options by their text', async () => {
    const task = { text: 'Hostages freed.', options: [{ id: 0, text: 'hostages' }, { id: 1, text: 'ceasefire' }], accept: [0], answer: 'accept' }
    const { tags } = await importOne('p.jsonl', `${JSON.stringify(task)}\n`)
    expect(tags).toEqual([{ topic: ['hostages'] }])
  })

  it('Label Studio choices of two controls, and a CSV with a tag column', async () => {
    const ls = [{ data: { text: 'Hostages freed.' }, annotations: [{ result: [{ from_name: 'sentiment', to_name: 'text', type: 'choices', value: { choices: ['Positive'] } }] }] }]
    expect((await importOne('t.json', JSON.stringify(ls))).tags).toEqual([{ sentiment: ['Positive'] }])
    expect((await importOne('t.csv', 'text,tag:topic\n"Hostages freed, talks go on.",hostages | ceasefire\n')).tags).toEqual([{ topic: ['ceasefire', 'hostages'] }])
  })

  it('names the file and line of a bad tag', async () => {
    const store = await tempProject()
    const dir = await tempDir()
    await writeFile(path.join(dir, 'bad.jsonl'), `${JSON.stringify({ schema: 'spanwise/v1', text: 'x', spans: [], tags: { topic: ['a|b'] } })}\n`)
    const { files } = await collectFiles([path.join(dir, 'bad.jsonl')])
    const report = await importSources(store, files, { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: path.join(dir, 'bad.jsonl'), line: 1, message: expect.stringMatching(/tag "a\|b": tag names may not contain "\|"/) }])
  })
})

it('imports a peer file into a project where the tagged document is already, adding tags to a layer that has spans but none', async () => {
  const store = await tempProject()
  const dir = await tempDir()
  await writeFile(path.join(dir, 'a.jsonl'), `${JSON.stringify({ text: 'Hostages freed.', label: [[0, 8, 'actor']] })}\n`)
  await writeFile(path.join(dir, 'b.jsonl'), `${JSON.stringify({ text: 'Hostages freed.', label: ['topic:hostages'] })}\n`)
  for (const name of ['a.jsonl', 'b.jsonl']) {
    const { files } = await collectFiles([path.join(dir, name)])
    await importSources(store, files, { annotator: 'alice' })
  }
  const [id] = await store.documentIds()
  const layer = await store.getLayer(id!, 'alice')
  expect(layer.spans.map((s) => s.label)).toEqual(['actor'])
  expect(layer.tags).toEqual({ topic: ['hostages'] })
})
