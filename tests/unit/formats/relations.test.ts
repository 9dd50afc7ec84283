// Relations, span attributes and notes through real project folders: Spanwise JSONL and brat
// round trip all three, Label Studio the relations; what a project lacks (relation types,
// attribute definitions, enum options) is added on import, and what cannot fit is rejected with
// file and line. Python checks that exported relation endpoints are span ids of their record.
import { spawnSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources } from '../../../src/main/importing/import-files'
import type { ProjectStore } from '../../../src/main/store/project-store'
import { corpus, richCorpusJsonl } from './corpus'
import { exportAndReimport, exportToString, file, tempDir, tempProject } from './helpers'

type RichSpan = [start: number, end: number, label: string, attributes: Record<string, string | number> | null, note: string | null]
interface RichDoc {
  spans: RichSpan[]
  /** [type, from span key, to span key], keys being "start-end-label" */
  relations: string[][]
}

/** A project's documents keyed by text: spans with attributes and notes, relations by span position and label. */
async function richContents(store: ProjectStore, annotator = 'alice'): Promise<Map<string, RichDoc>> {
  const out = new Map<string, RichDoc>()
  for (const id of await store.documentIds()) {
    const doc = await store.getDocument(id)
    const layer = await store.getLayer(id, annotator)
    const key = new Map(layer.spans.map((s) => [s.id, `${s.start}-${s.end}-${s.label}`]))
    out.set(doc.text, {
      spans: layer.spans
        .map((s): RichSpan => [s.start, s.end, s.label, s.attributes && Object.keys(s.attributes).length ? s.attributes : null, s.note ?? null])
        .sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2].localeCompare(b[2])),
      relations: layer.relations.map((r) => [r.type, key.get(r.from)!, key.get(r.to)!]).sort((a, b) => a.join().localeCompare(b.join()))
    })
  }
  return out
}

async function importPaths(store: ProjectStore, paths: string[], options: Record<string, unknown> = {}) {
  const { files, rejected } = await collectFiles(paths)
  return importSources(store, files, { annotator: 'alice', ...options }, rejected)
}

const through = exportAndReimport

let base: ProjectStore
let richJsonl: string

beforeAll(async () => {
  base = await tempProject()
  const dir = await tempDir()
  richJsonl = path.join(dir, 'rich.jsonl')
  await writeFile(richJsonl, richCorpusJsonl())
  const report = await importPaths(base, [richJsonl], { annotator: 'bob' })
  expect(report.rejected).toEqual([])
  expect(report.added).toHaveLength(corpus.length)
})

describe('the rich corpus imported from Spanwise JSONL', () => {
  it('keeps attributes, notes and relations, with relations on the new span ids', async () => {
    const docs = await richContents(base)
    const first = docs.get(corpus[0]!.text)!
    expect(first.spans.find((s) => s[2] === 'actor' && s[0] === 0)).toEqual([0, 3, 'actor', { type: 'armed group' }, 'first mention\r\nsecond line\twith tab, \\n literal and 👩‍👩‍👧'])
    expect(first.relations).toHaveLength(4)
    expect(docs.get(corpus[1]!.text)!.spans.find((s) => s[2] === 'figure')).toEqual([...[corpus[1]!.spans[2]!.start, corpus[1]!.spans[2]!.end], 'figure', { value: 42.5, unit: '' }, null])
    expect(docs.get(corpus[2]!.text)!.relations).toEqual([])
    // span ids are new; relations point at them
    for (const id of await base.documentIds()) {
      const layer = await base.getLayer(id, 'alice')
      expect(layer.spans.every((s) => !s.id.startsWith('c'))).toBe(true)
      for (const r of layer.relations) expect(layer.spans.some((s) => s.id === r.from) && layer.spans.some((s) => s.id === r.to)).toBe(true)
    }
  })

  it('adds what the project lacked: relation type, attribute definitions, enum options', () => {
    const { labels, relationTypes } = base.settings
    expect(relationTypes.map((t) => t.name)).toEqual(['attributed_to', 'quantifies', 'located_in'])
    expect(relationTypes[2]).toMatchObject({ from: [], to: [] })
    const actorType = labels.find((l) => l.name === 'actor')!.attributes.find((a) => a.name === 'type')
    expect(actorType).toEqual({ name: 'type', type: 'enum', options: ['person', 'organisation', 'state', 'armed group', 'ngo'] })
    expect(labels.find((l) => l.name === 'place')!.attributes).toEqual([{ name: 'kind', type: 'text' }])
  })
})

describe('round trips of relations, attributes and notes', () => {
  it('Spanwise JSONL: lossless, twice over', async () => {
    const once = await through(base, 'jsonl')
    expect(await richContents(once)).toEqual(await richContents(base))
    expect(await richContents(await through(once, 'jsonl'))).toEqual(await richContents(base))
    expect(once.settings.labels).toEqual(base.settings.labels)
  })

  it('brat: lossless (numbers come back as numbers where the label defines them so)', async () => {
    const once = await through(base, 'brat')
    expect(await richContents(once)).toEqual(await richContents(base))
    expect(await richContents(await through(once, 'brat'))).toEqual(await richContents(base))
  })

  it('JSONL -> brat -> JSONL -> brat keeps everything', async () => {
    const chain = await through(await through(await through(await through(base, 'brat'), 'jsonl'), 'brat'), 'jsonl')
    expect(await richContents(chain)).toEqual(await richContents(base))
  })

  it('Label Studio: relations and spans survive; attributes and notes do not', async () => {
    const back = await richContents(await through(base, 'label-studio'))
    for (const [text, doc] of await richContents(base)) {
      expect(back.get(text)!.relations).toEqual(doc.relations)
      expect(back.get(text)!.spans).toEqual(doc.spans.map(([s, e, l]) => [s, e, l, null, null]))
    }
  })

  it('a number attribute the importing project lacks arrives through brat as text', async () => {
    const source = await tempProject()
    const line = JSON.stringify({ schema: 'spanwise/v1', text: 'Ada 東京 3', annotator: 'alice', spans: [{ id: 'a', start: 4, end: 6, label: 'place', attributes: { population: 37 } }] })
    expect((await importSources(source, [file('p.jsonl', line)], { annotator: 'alice' })).rejected).toEqual([])
    expect(source.settings.labels.find((l) => l.name === 'place')!.attributes).toEqual([{ name: 'population', type: 'number' }])
    const back = await through(source, 'brat')
    expect(back.settings.labels.find((l) => l.name === 'place')!.attributes).toEqual([{ name: 'population', type: 'text' }])
    expect([...(await richContents(back)).values()][0]!.spans[0]![3]).toEqual({ population: '37' })
  })
})

describe('what cannot be imported is rejected with file and line; the rest lands', () => {
  const good = file('good.txt', 'A good document that must still land.')

  it('a Spanwise relation naming a span id not in its record', async () => {
    const store = await tempProject()
    const lines = [
      JSON.stringify({ schema: 'spanwise/v1', text: 'Ada said so.', spans: [{ id: 'a', start: 0, end: 3, label: 'actor' }], relations: [] }),
      JSON.stringify({ schema: 'spanwise/v1', text: 'Bob 👍🏽 said no.', spans: [{ id: 'b', start: 0, end: 3, label: 'actor' }, { id: 'c', start: 7, end: 11, label: 'claim' }], relations: [{ id: 'r', type: 'attributed_to', from: 'c', to: 'a' }] })
    ]
    const report = await importSources(store, [file('rel.jsonl', lines.join('\n')), good], { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: 'rel.jsonl', line: 2, message: 'relation r (attributed_to): "to" "a" is not the id of a span in this record' }])
    expect(report.added.map((a) => a.file)).toEqual(['good.txt'])
    expect(await store.annotators()).toEqual([])
  })

  it('a Spanwise relation from a span to itself, a duplicated span id, a bad relation type', async () => {
    const rec = (spans: unknown[], relations: unknown[]) => JSON.stringify({ schema: 'spanwise/v1', text: 'Ada said so.', spans, relations })
    const store = await tempProject()
    const a = { id: 'a', start: 0, end: 3, label: 'actor' }
    const report = await importSources(
      store,
      [
        file('self.jsonl', rec([a], [{ type: 'attributed_to', from: 'a', to: 'a' }])),
        file('twice.jsonl', rec([a, { ...a, start: 4, end: 8, label: 'claim' }], [])),
        file('type.jsonl', rec([a, { id: 'b', start: 4, end: 8, label: 'claim' }], [{ type: 'is said by', from: 'b', to: 'a' }]))
      ],
      { annotator: 'alice' }
    )
    expect(report.rejected.map((r) => [r.file, r.line, r.message.split(':')[0]])).toEqual([
      ['self.jsonl', 1, 'relation 1 (attributed_to) links span "a" to itself'],
      ['twice.jsonl', 1, 'span id "a" is used twice'],
      ['type.jsonl', 1, 'relation 1']
    ])
  })

  it('a brat R line pointing at an unknown T id rejects the pair', async () => {
    const store = await tempProject()
    const txt = file('b/x.txt', 'Ada met\r\nBob 東京.\r\n')
    const ann = file('b/x.ann', 'T1\tactor 0 3\tAda\nT2\tactor 9 12\tBob\nR1\tattributed_to Arg1:T2 Arg2:T7\n')
    const report = await importSources(store, [txt, ann, good], { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: 'b/x.ann', line: 3, message: 'R1 names "T7", which is not a T annotation of this file' }])
    expect(report.added.map((a) => a.file)).toEqual(['good.txt'])
  })

  it('a value that cannot fit its definition rejects its file only, and adds nothing from it', async () => {
    const store = await tempProject()
    const rec = (text: string, attributes: Record<string, unknown>, label = 'figure') => JSON.stringify({ schema: 'spanwise/v1', text, spans: [{ start: 0, end: 2, label, attributes }] })
    const report = await importSources(
      store,
      [
        file('ok.jsonl', rec('42 people', { value: '42', unit: 7, extra: 1 })),
        file('bad.jsonl', `${rec('17 boats', { value: 17, other: 'x' })}\n${rec('lots of', { value: 'lots' })}`),
        file('big.jsonl', rec('Ada', { type: 'x'.repeat(81) }, 'actor'))
      ],
      { annotator: 'alice' }
    )
    expect(report.rejected).toEqual([
      { file: 'bad.jsonl', line: 2, message: 'span "figure" [0, 2): attribute "value" is "lots", but the label defines it as a number' },
      { file: 'big.jsonl', line: 1, message: expect.stringMatching(/^span "actor" \[0, 2\): attribute "type" is "x{81}", not one of its options .* cannot become one/) }
    ])
    // ok.jsonl fitted: "42" became 42, 7 became "7", "extra" became a number attribute; bad.jsonl's "other" was not added
    expect(store.settings.labels.find((l) => l.name === 'figure')!.attributes).toEqual([
      { name: 'value', type: 'number' },
      { name: 'unit', type: 'text' },
      { name: 'extra', type: 'number' }
    ])
    const [doc] = [...(await richContents(store)).values()]
    expect(doc!.spans).toEqual([[0, 2, 'figure', { value: 42, unit: '7', extra: 1 }, null]])
  })

  it('attributes that are not strings or numbers, and bad attribute names', async () => {
    const store = await tempProject()
    const rec = (attributes: unknown) => JSON.stringify({ schema: 'spanwise/v1', text: 'Ada', spans: [{ id: 'a', start: 0, end: 3, label: 'actor', attributes }] })
    const report = await importSources(store, [file('a.jsonl', rec({ type: true })), file('b.jsonl', rec({ 'the type': 'x' })), file('c.jsonl', rec(['x']))], { annotator: 'alice' })
    expect(report.rejected.map((r) => [r.file, r.line, r.message])).toEqual([
      ['a.jsonl', 1, 'span a: attribute "type" is true; expected a string or a number'],
      ['b.jsonl', 1, expect.stringMatching(/^span a: attribute name "the type": label names may only contain/)],
      ['c.jsonl', 1, 'span a: "attributes" must be an object of name: value']
    ])
  })
})

const CHECK = String.raw`
import json, sys
checked = 0
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    r = json.loads(line)
    ids = {s["id"] for s in r["spans"]}
    if len(ids) != len(r["spans"]):
        sys.exit(f"line {n}: duplicate span ids")
    for s in r["spans"]:
        if r["text"][s["start"]:s["end"]] != s["text"]:
            sys.exit(f"line {n}: span {s['id']} text mismatch")
        for name, value in s.get("attributes", {}).items():
            if not isinstance(value, (str, int, float)):
                sys.exit(f"line {n}: attribute {name} is {value!r}")
        if "note" in s and not (isinstance(s["note"], str) and s["note"]):
            sys.exit(f"line {n}: note {s['note']!r}")
    for rel in r["relations"]:
        if set(rel) != {"id", "type", "from", "to"}:
            sys.exit(f"line {n}: relation keys {sorted(rel)}")
        if rel["from"] not in ids or rel["to"] not in ids or rel["from"] == rel["to"]:
            sys.exit(f"line {n}: relation {rel['id']} endpoints {rel['from']} -> {rel['to']} not spans of the record")
        checked += 1
print(checked)
`

describe('python3 reads the Spanwise JSONL relations', () => {
  it('every relation endpoint is a span id of the same record', async () => {
    const target = path.join(await tempDir(), 'rich-export.jsonl')
    await writeFile(target, await exportToString(base, 'jsonl'))
    const result = spawnSync('python3', ['-c', CHECK, target], { encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('6')
  })

  it('the check is real: a dangling endpoint fails it', async () => {
    const target = path.join(await tempDir(), 'dangling.jsonl')
    const record = JSON.parse((await exportToString(base, 'jsonl')).split('\n')[0]!)
    record.relations = [{ id: 'x', type: 'quantifies', from: record.spans[0].id, to: 'nope' }]
    await writeFile(target, `${JSON.stringify(record)}\n`)
    expect(spawnSync('python3', ['-c', CHECK, target], { encoding: 'utf8' }).status).not.toBe(0)
  })
})
