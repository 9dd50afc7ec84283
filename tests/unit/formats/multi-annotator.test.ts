// Several annotators' layers in and out, whole, on real project folders: Prodigy records with
// _annotator_id/_session_id, Label Studio tasks with several annotations, doccano's one file per
// annotator and brat's one folder per annotator. Every export is also checked from python3,
// slicing each annotator's spans in the format's own unit (code points, or UTF-16 units for
// doccano and Label Studio) and comparing them with what each annotator marked.
import { spawnSync } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { mergeImportReports } from '../../../src/shared/api/import-report'
import { OffsetMap } from '../../../src/shared/offsets'
import { createHandlers } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { startServer } from '../../../src/main/server/http-server'
import { exportProjectToFolder } from '../../../src/main/exporting/export-project'
import { exportFilePerAnnotator } from '../../../src/main/exporting/export-per-annotator'
import { prodigySessionNames } from '../../../src/main/formats/prodigy-sessions'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { importSources, type ImportOptions } from '../../../src/main/importing/import-files'
import type { ProjectStore } from '../../../src/main/store/project-store'
import { corpus } from './corpus'
import { contents, exportToString, tempDir, tempProject, type SimpleSpan } from './helpers'

/** Layers as annotators marked them: annotator → document text → spans (code points, sorted). */
type Layers = Map<string, Map<string, SimpleSpan[]>>

const sortSpans = (spans: SimpleSpan[]) => [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2].localeCompare(b[2]))

/**
 * Three annotators marking different subsets of the corpus spans; "chen" never opened the last
 * document. "ana-maria" has a dash, as Prodigy's "<dataset>-<session>" ids do.
 */
const ANNOTATORS = ['ana-maria', 'ben', 'chen']
const expected: Layers = new Map(
  ANNOTATORS.map((annotator, k) => [
    annotator,
    new Map(
      corpus
        .filter((_, d) => !(annotator === 'chen' && d === corpus.length - 1))
        .map((doc) => [doc.text, sortSpans(doc.spans.filter((_, i) => (i + k) % 3 !== 0).map((s): SimpleSpan => [s.start, s.end, s.label]))])
    )
  ])
)
const pairs = [...expected.values()].reduce((sum, docs) => sum + docs.size, 0)
const spanTotal = (annotator: string) => [...expected.get(annotator)!.values()].reduce((sum, spans) => sum + spans.length, 0)

/** The layers of `reference`'s annotators as stored; documents a layer has no spans in count only where `reference` has them. */
async function layersOf(store: ProjectStore, reference: Layers = expected): Promise<Layers> {
  const layers: Layers = new Map()
  for (const annotator of reference.keys()) {
    const docs = await contents(store, annotator)
    layers.set(annotator, new Map([...docs].filter(([text, spans]) => spans.length > 0 || reference.get(annotator)!.has(text))))
  }
  return layers
}

/** Each annotator's spans as python compares them: [label, text] pairs by document text. */
function pythonExpectation(layers: Layers): Record<string, Record<string, [string, string][]>> {
  return Object.fromEntries(
    [...layers].map(([annotator, docs]) => [
      annotator,
      Object.fromEntries(
        [...docs].map(([text, spans]) => {
          const map = new OffsetMap(text)
          return [text, spans.map(([start, end, label]): [string, string] => [label, map.sliceCodePoints(start, end)]).sort()]
        })
      )
    ])
  )
}

const CHECK = String.raw`
import glob, json, os, sys
kind, target, expected_file = sys.argv[1], sys.argv[2], sys.argv[3]
expected = json.load(open(expected_file, encoding="utf-8"))
found = {}
def utf16(text, start, end):
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")
def add(annotator, text, label, piece):
    found.setdefault(annotator, {}).setdefault(text, []).append([label, piece])
def layer(annotator, text):
    found.setdefault(annotator, {}).setdefault(text, [])
if kind == "prodigy":
    for line in open(target, encoding="utf-8"):
        r = json.loads(line)
        assert r["_session_id"] == r["_annotator_id"], r["_session_id"]
        layer(r["_annotator_id"], r["text"])
        for s in r["spans"]:
            add(r["_annotator_id"], r["text"], s["label"], r["text"][s["start"]:s["end"]])
elif kind == "label-studio":
    for task in json.load(open(target, encoding="utf-8")):
        text = task["data"]["text"]
        layers = task["meta"]["spanwise"]["layers"]
        assert len(layers) == len(task["annotations"])
        for annotation, who in zip(task["annotations"], layers):
            layer(who["annotator"], text)
            for item in annotation["result"]:
                if item["type"] != "labels":
                    continue
                v = item["value"]
                piece = utf16(text, v["start"], v["end"])
                assert piece == v["text"], (piece, v["text"])
                add(who["annotator"], text, v["labels"][0], piece)
elif kind == "doccano":
    for name in sorted(glob.glob(os.path.join(target, "*.jsonl"))):
        annotator = os.path.basename(name)[:-len(".jsonl")]
        for line in open(name, encoding="utf-8"):
            r = json.loads(line)
            layer(annotator, r["text"])
            for start, end, label in r["label"]:
                add(annotator, r["text"], label, utf16(r["text"], start, end))
elif kind == "brat":
    for ann in sorted(glob.glob(os.path.join(target, "*", "*.ann"))):
        annotator = os.path.basename(os.path.dirname(ann))
        text = open(ann[:-4] + ".txt", encoding="utf-8", newline="").read()
        layer(annotator, text)
        for line in open(ann, encoding="utf-8", newline=""):
            if line.startswith("T"):
                label, start, end = line.split("\t")[1].split(" ")
                add(annotator, text, label, text[int(start):int(end)])
for docs in found.values():
    for spans in docs.values():
        spans.sort()
if found != expected:
    sys.exit("layers differ:\n" + json.dumps(found, ensure_ascii=False)[:2000] + "\nexpected:\n" + json.dumps(expected, ensure_ascii=False)[:2000])
print(sum(len(spans) for docs in found.values() for spans in docs.values()))
`

let dir: string

async function python(kind: string, target: string, layers: Layers): Promise<{ status: number | null; out: string; err: string }> {
  const expectation = path.join(dir, `expected-${kind}.json`)
  await writeFile(expectation, JSON.stringify(pythonExpectation(layers)))
  const result = spawnSync('python3', ['-c', CHECK, kind, target, expectation], { encoding: 'utf8' })
  return { status: result.status, out: result.stdout.trim(), err: result.stderr }
}

const totalSpans = (layers: Layers) => [...layers.values()].reduce((sum, docs) => sum + [...docs.values()].reduce((n, spans) => n + spans.length, 0), 0)

async function importPaths(store: ProjectStore, paths: string[], options: Partial<ImportOptions> = {}) {
  const { files, rejected } = await collectFiles(paths)
  return importSources(store, files, { annotator: 'me', ...options }, rejected)
}

/** Prodigy's own db-out: a record per annotator and example, ids "<dataset>-<session>". */
function prodigyInput(): string {
  const lines: string[] = []
  for (const [annotator, docs] of expected) {
    for (const [text, spans] of docs) {
      lines.push(
        JSON.stringify({
          text,
          _input_hash: 1234,
          _task_hash: 5678,
          spans: spans.map(([start, end, label]) => ({ start, end, label })),
          answer: 'accept',
          _timestamp: 1700000000,
          _annotator_id: `corpus_news-${annotator}`,
          _session_id: `corpus_news-${annotator}`,
          _view_id: 'ner_manual'
        })
      )
    }
  }
  return `${lines.join('\n')}\n`
}

let prodigyProject: ProjectStore

beforeAll(async () => {
  dir = await tempDir()
  await writeFile(path.join(dir, 'prodigy-in.jsonl'), prodigyInput())
  prodigyProject = await tempProject()
})

describe('Prodigy session names', () => {
  it('drops the dataset prefix the file shares, else keeps what follows the last dash', () => {
    expect(prodigySessionNames(['ner_news-alex', 'ner_news-maria', 'ner_news-alex'])).toEqual(new Map([['ner_news-alex', 'alex'], ['ner_news-maria', 'maria']]))
    expect(prodigySessionNames(['ca-es-new-anna', 'ca-es-new-mary-jane']).get('ca-es-new-mary-jane')).toBe('mary-jane')
    expect(prodigySessionNames(['ner_news-alex']).get('ner_news-alex')).toBe('alex')
    expect(prodigySessionNames(['alex']).get('alex')).toBe('alex')
    // an unnamed session's time stamp, and ids of two datasets, are names as they are
    expect(prodigySessionNames(['2019-03-11_15-15-44', 'ner-alex']).get('2019-03-11_15-15-44')).toBe('2019-03-11_15-15-44')
    expect(prodigySessionNames(['news-alex', 'legal-bo'])).toEqual(new Map([['news-alex', 'news-alex'], ['legal-bo', 'legal-bo']]))
    // a Spanwise export names the layer itself
    expect(prodigySessionNames(['ana-maria'], new Set(['ana-maria'])).get('ana-maria')).toBe('ana-maria')
  })
})

describe('Prodigy multi-annotator round trip', () => {
  it('imports one record per annotator into that annotator\'s layer, one document per text', async () => {
    const report = await importPaths(prodigyProject, [path.join(dir, 'prodigy-in.jsonl')])
    expect(report.rejected).toEqual([])
    expect(report.added).toHaveLength(corpus.length)
    expect(report.duplicates).toEqual([])
    expect(report.layers).toEqual(ANNOTATORS.map((annotator) => ({ annotator, spans: spanTotal(annotator), documents: expected.get(annotator)!.size, kept: 0 })))
    expect(await layersOf(prodigyProject)).toEqual(expected)
    expect(await prodigyProject.annotators()).toEqual(ANNOTATORS)
  })

  it('--all-annotators writes a record per annotator and document, with _annotator_id and _session_id, identical spans', async () => {
    const out = await exportToString(prodigyProject, 'prodigy', { all: true })
    const records = out.trim().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(pairs)
    const back: Layers = new Map()
    for (const r of records) {
      expect(r._session_id).toBe(r._annotator_id)
      expect(r.answer).toBe('accept')
      if (!back.has(r._annotator_id)) back.set(r._annotator_id, new Map())
      back.get(r._annotator_id)!.set(r.text, sortSpans(r.spans.map((s: { start: number; end: number; label: string }): SimpleSpan => [s.start, s.end, s.label])))
    }
    expect(back).toEqual(expected)
    const target = path.join(dir, 'prodigy-out.jsonl')
    await writeFile(target, out)
    const result = await python('prodigy', target, expected)
    expect(result.err).toBe('')
    expect(Number(result.out)).toBe(totalSpans(expected))
  })

  it('the export imports back into the same layers (names with dashes included)', async () => {
    const target = path.join(dir, 'prodigy-out.jsonl')
    const next = await tempProject()
    const report = await importPaths(next, [target])
    expect(report.rejected).toEqual([])
    expect(await next.annotators()).toEqual(ANNOTATORS)
    expect(await layersOf(next)).toEqual(expected)
  })

  it('rejects an id that gives no valid annotator name, naming file and line', async () => {
    const bad = path.join(dir, 'bad-id.jsonl')
    await writeFile(bad, `${JSON.stringify({ text: 'Ada', spans: [], _annotator_id: `news-${'x'.repeat(80)}` })}\n`)
    const report = await importPaths(await tempProject(), [bad])
    expect(report.rejected).toEqual([{ file: bad, line: 1, message: expect.stringMatching(/annotator id "news-x+" gives no valid annotator name/) }])
  })
})

describe('Label Studio: several annotations per task', () => {
  // completed_by as Label Studio writes it: a user id, or (older exports) the user object
  const WHO = [{ completedBy: 3, layer: '3' }, { completedBy: { id: 4, email: 'bo@example.org' }, layer: 'bo@example.org' }]
  const lsExpected: Layers = new Map(WHO.map((who, k) => [who.layer, new Map([...expected.get(ANNOTATORS[k]!)!])]))

  function lsInput(): string {
    const tasks = corpus.map((doc, id) => {
      const map = new OffsetMap(doc.text)
      const annotations = WHO.flatMap((who) => {
        const spans = lsExpected.get(who.layer)!.get(doc.text)
        if (!spans) return []
        const result = spans.map(([start, end, label], i) => ({
          id: `r${i}`,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          value: { start: map.toUtf16(start), end: map.toUtf16(end), text: map.sliceCodePoints(start, end), labels: [label] }
        }))
        return [{ id: id * 10, completed_by: who.completedBy, result, was_cancelled: false }]
      })
      // cancelled work is not a layer
      annotations.push({ id: id * 10 + 9, completed_by: 9, result: [], was_cancelled: true })
      return { id, data: { text: doc.text }, annotations, predictions: [] }
    })
    return JSON.stringify(tasks, null, 2)
  }

  it('imports each annotation into its annotator\'s layer, exports one task per document with an annotation each, and back', async () => {
    const source = path.join(dir, 'ls-in.json')
    await writeFile(source, lsInput())
    const store = await tempProject()
    const report = await importPaths(store, [source])
    expect(report.rejected).toEqual([])
    expect(report.added).toHaveLength(corpus.length)
    expect(report.layers!.map((l) => [l.annotator, l.spans])).toEqual([...lsExpected].map(([a, docs]) => [a, [...docs.values()].flat().length]))
    expect(await layersOf(store, lsExpected)).toEqual(lsExpected)

    const out = await exportToString(store, 'label-studio', { all: true })
    const tasks = JSON.parse(out)
    expect(tasks).toHaveLength(corpus.length)
    for (const task of tasks) {
      expect(task.annotations).toHaveLength(task.meta.spanwise.layers.length)
      expect(task.meta.spanwise.layers.map((l: { annotator: string }) => l.annotator)).toEqual(
        [...lsExpected.keys()].filter((a) => lsExpected.get(a)!.has(task.data.text)).sort()
      )
    }
    const target = path.join(dir, 'ls-out.json')
    await writeFile(target, out)
    const result = await python('label-studio', target, lsExpected)
    expect(result.err).toBe('')
    expect(Number(result.out)).toBe(totalSpans(lsExpected))

    const next = await tempProject()
    expect((await importPaths(next, [target])).rejected).toEqual([])
    expect(await layersOf(next, lsExpected)).toEqual(lsExpected)
  })
})

describe('doccano: one file per annotator', () => {
  async function writeDoccanoFiles(folder: string): Promise<void> {
    const { mkdir } = await import('node:fs/promises')
    await mkdir(folder, { recursive: true })
    for (const [annotator, docs] of expected) {
      // doccano's export: UTF-16 offsets, no annotator inside the records
      const lines = [...docs].map(([text], n) => {
        const map = new OffsetMap(text)
        return JSON.stringify({ id: n + 1, text, label: docs.get(text)!.map(([s, e, l]) => [map.toUtf16(s), map.toUtf16(e), l]), Comments: [] })
      })
      await writeFile(path.join(folder, `${annotator}.jsonl`), `${lines.join('\n')}\n`)
    }
  }

  it('--annotator-from-file-name puts <name>.jsonl in that layer; --all-annotators writes one <annotator>.jsonl each', async () => {
    const source = path.join(dir, 'doccano-in')
    await writeDoccanoFiles(source)
    const store = await tempProject()
    const report = await importPaths(store, [source], { annotatorFromPath: 'file-name' })
    expect(report.rejected).toEqual([])
    expect(report.layers!.map((l) => [l.annotator, l.spans, l.kept])).toEqual(ANNOTATORS.map((a) => [a, spanTotal(a), 0]))
    expect(await layersOf(store)).toEqual(expected)

    const out = path.join(dir, 'doccano-out')
    const summary = await exportFilePerAnnotator(store, 'doccano', { annotator: { all: true } }, out)
    expect(summary).toMatchObject({ records: pairs, spans: totalSpans(expected) })
    expect((await readdir(out)).sort()).toEqual(ANNOTATORS.map((a) => `${a}.jsonl`))
    // the same files, offsets and all, as doccano wrote them (but for doccano's own ids)
    for (const annotator of ANNOTATORS) {
      const labels = (await readFile(path.join(out, `${annotator}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
      const given = (await readFile(path.join(source, `${annotator}.jsonl`), 'utf8')).trim().split('\n').map((l) => JSON.parse(l))
      const byText = (records: { text: string; label: unknown[] }[]) => new Map(records.map((r) => [r.text, r.label]))
      expect(byText(labels)).toEqual(byText(given))
    }
    const result = await python('doccano', out, expected)
    expect(result.err).toBe('')
    expect(Number(result.out)).toBe(totalSpans(expected))
  })

  it('without it, every file lands in one layer and the report says which documents were left as they were', async () => {
    const store = await tempProject()
    const report = await importPaths(store, [path.join(dir, 'doccano-in')])
    expect(report.rejected).toEqual([])
    const first = expected.get(ANNOTATORS[0]!)!
    // ana-maria.jsonl comes first: its spans land; the same texts in the other files are kept out
    expect(report.layers).toEqual([{ annotator: 'me', spans: spanTotal(ANNOTATORS[0]!), documents: first.size, kept: pairs - first.size }])
  })

  it('a file name that is no annotator name rejects that file only', async () => {
    const source = path.join(dir, 'doccano-bad')
    await writeDoccanoFiles(source)
    const bad = path.join(source, `${'x'.repeat(70)}.jsonl`)
    await writeFile(bad, '{"text":"Ada","label":[[0,3,"actor"]]}\n')
    const report = await importPaths(await tempProject(), [source], { annotatorFromPath: 'file-name' })
    expect(report.rejected).toEqual([{ file: bad, message: expect.stringContaining('is not a usable annotator name') }])
    expect(report.layers!.map((l) => l.annotator)).toEqual(ANNOTATORS)
  })
})

describe('brat: one folder per annotator', () => {
  it('--all-annotators writes <out>/<annotator>/<doc>.txt|.ann; --annotator-from-folder reads them back into the same layers', async () => {
    const out = path.join(dir, 'brat-out')
    await exportProjectToFolder(prodigyProject, 'brat', { annotator: { all: true } }, out)
    expect((await readdir(out)).sort()).toEqual(ANNOTATORS)
    expect((await readdir(path.join(out, 'chen'))).filter((f) => f.endsWith('.ann'))).toHaveLength(corpus.length - 1)
    const result = await python('brat', out, expected)
    expect(result.err).toBe('')
    expect(Number(result.out)).toBe(totalSpans(expected))

    const next = await tempProject()
    const report = await importPaths(next, [out], { annotatorFromPath: 'folder' })
    expect(report.rejected).toEqual([])
    expect(report.added).toHaveLength(corpus.length)
    expect(report.layers!.map((l) => [l.annotator, l.spans])).toEqual(ANNOTATORS.map((a) => [a, spanTotal(a)]))
    expect(await layersOf(next)).toEqual(expected)
  })
})

describe('import report per layer', () => {
  it('counts spans written into layers of documents already present, and layers left as they were', async () => {
    const store = await tempProject()
    const half = path.join(dir, 'prodigy-ben.jsonl')
    await writeFile(half, prodigyInput().split('\n').filter((line) => line.includes('corpus_news-ben')).join('\n'))
    const first = await importPaths(store, [half])
    expect(first.layers).toEqual([{ annotator: 'ben', spans: spanTotal('ben'), documents: corpus.length, kept: 0 }])
    // the whole file again: the documents are there; ana-maria and chen are new layers, ben's kept
    const second = await importPaths(store, [path.join(dir, 'prodigy-in.jsonl')])
    expect(second.added).toEqual([])
    expect(second.duplicates).toHaveLength(corpus.length)
    expect(second.duplicates.reduce((sum, d) => sum + (d.spans ?? 0), 0)).toBe(spanTotal('ana-maria') + spanTotal('chen'))
    expect(second.layers).toEqual([
      { annotator: 'ana-maria', spans: spanTotal('ana-maria'), documents: corpus.length, kept: 0 },
      { annotator: 'ben', spans: 0, documents: 0, kept: corpus.length },
      { annotator: 'chen', spans: spanTotal('chen'), documents: corpus.length - 1, kept: 0 }
    ])
  })
})

describe('every annotator over HTTP (the Export dialog in a browser)', () => {
  it('Label Studio: a task per document with an annotation each; doccano: one stream, an annotator on every line', async () => {
    const server = await startServer(new Session(prodigyProject, 'me'), { port: 0 })
    try {
      const tasks = await (await fetch(`${server.url}export?format=label-studio&annotator=*`)).json()
      expect(tasks).toHaveLength(corpus.length)
      const layersOfTask = new Map(tasks.map((task: { data: { text: string }; annotations: unknown[] }) => [task.data.text, task.annotations.length]))
      expect(layersOfTask).toEqual(new Map(corpus.map((doc) => [doc.text, ANNOTATORS.filter((a) => expected.get(a)!.has(doc.text)).length])))
      const lines = (await (await fetch(`${server.url}export?format=doccano&annotator=*`)).text()).trim().split('\n').map((line) => JSON.parse(line))
      expect(lines).toHaveLength(pairs)
      expect(new Set(lines.map((line: { annotator: string }) => line.annotator))).toEqual(new Set(ANNOTATORS))
    } finally {
      await server.close()
    }
  })
})

describe('import reports made in batches (the app sends a large drop a few files at a time)', () => {
  it('add up layer by layer', async () => {
    const store = await tempProject()
    const lines = prodigyInput().trim().split('\n')
    const half = Math.floor(lines.length / 2)
    const parts = [lines.slice(0, half), lines.slice(half)]
    const names = ['part1.jsonl', 'part2.jsonl'].map((name) => path.join(dir, name))
    await Promise.all(parts.map((part, i) => writeFile(names[i]!, `${part.join('\n')}\n`)))
    // each part holds two sessions, so each file finds the dataset prefix on its own
    const reports = []
    for (const name of names) reports.push(await importPaths(store, [name]))
    const merged = reports.reduce(mergeImportReports)
    expect(merged.layers).toEqual(ANNOTATORS.map((annotator) => ({ annotator, spans: spanTotal(annotator), documents: expected.get(annotator)!.size, kept: 0 })))
    // the first part brings every document (ana-maria marked them all); the second adds layers to them
    expect(merged.added).toHaveLength(corpus.length)
    expect(merged.duplicates.map((d) => d.spans)).toEqual(expect.arrayContaining([expect.any(Number)]))
    expect(await layersOf(store)).toEqual(expected)
  })
})

describe('an export of an empty layer', () => {
  it('export.check names the layers that have spans, with their counts; none when the chosen layer has spans', async () => {
    const handlers = createHandlers(new Session(prodigyProject, 'me'))
    const check = await handlers['export.check']({ annotator: '', statuses: [] }, { annotator: 'me' })
    expect(check.layers).toEqual(ANNOTATORS.map((annotator) => ({ annotator, spans: spanTotal(annotator), documents: expected.get(annotator)!.size })))
    expect(check.notice).toBe(
      `the layer "me" has no spans; layers with spans: ${ANNOTATORS.map((a) => `${a} (${spanTotal(a)} spans in ${expected.get(a)!.size} documents)`).join(', ')}`
    )
    expect(await handlers['export.check']({ annotator: 'ben', statuses: [] }, { annotator: 'me' })).toEqual({ notice: null, layers: [] })
    // statuses apply per layer, as in the export: no layer is marked todo
    expect(await handlers['export.check']({ annotator: '', statuses: ['todo'] }, { annotator: 'me' })).toEqual({ notice: null, layers: [] })
  })

  it('a damaged layer counts as no spans (the export leaves it out) and the others are still named', async () => {
    const store = await tempProject()
    await importPaths(store, [path.join(dir, 'prodigy-in.jsonl')])
    const [first] = await store.documentIds()
    const layerFile = path.join(store.folder, 'annotations', 'ben', `${first}.json`)
    await writeFile(layerFile, '{"spans": [')
    const check = await createHandlers(new Session(store, 'me'))['export.check']({ annotator: '', statuses: [] }, { annotator: 'me' })
    const ben = check.layers.find((layer) => layer.annotator === 'ben')!
    expect(ben.documents).toBe(expected.get('ben')!.size - 1)
    expect(check.layers.map((layer) => layer.annotator)).toEqual(ANNOTATORS)
  })
})
