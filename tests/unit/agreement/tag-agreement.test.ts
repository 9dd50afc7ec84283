// Agreement on document tags, per tag group, against independent implementations: scikit-learn's
// cohen_kappa_score, statsmodels' fleiss_kappa and NLTK's AnnotationTask.alpha (nominal), through
// Debian's /usr/bin/python3; and a hand-worked case. Single-choice groups are one item per
// document ("" for no tag); multiple-choice groups one yes/no item per document and option.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { buildReport, type AgreementDocument } from '../../../src/main/agreement/build-report'
import type { DocumentTags } from '../../../src/shared/model'
import { SOURCE, TAG_GROUPS, TOPIC } from '../../helpers/tag-groups'

const PYTHON = '/usr/bin/python3'
const available = spawnSync(PYTHON, ['-c', 'import sklearn, nltk, statsmodels'], { encoding: 'utf8' }).status === 0

const RATERS = ['ana', 'bob', 'cy']

/** A seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31
    return state / 2 ** 31
  }
}

/** Documents where each rater tags at random, and some raters have no layer. */
function randomDocuments(seed: number, count: number): AgreementDocument[] {
  const next = random(seed)
  return Array.from({ length: count }, (_, d) => {
    const tags: Record<string, DocumentTags> = {}
    const layers: AgreementDocument['layers'] = {}
    for (const rater of RATERS) {
      if (rater === 'cy' && next() < 0.25) continue // no layer: does not rate this document
      const mine: DocumentTags = {}
      const topic = TOPIC.options.filter(() => next() < 0.45).map((o) => o.name)
      if (topic.length) mine.topic = topic
      const pick = Math.floor(next() * (SOURCE.options.length + 1))
      if (pick < SOURCE.options.length) mine.source = [SOURCE.options[pick]!.name]
      tags[rater] = mine
      layers[rater] = []
    }
    return { documentId: `d${d}`, title: `d${d}`, text: 'x', layers, tags }
  })
}

const report = (documents: AgreementDocument[]) =>
  buildReport(documents, { raters: RATERS, labels: ['actor'], measures: ['span_f1_exact'], spanwiseVersion: 'test', tagGroups: TAG_GROUPS, filters: { status: null, includeGold: false } })

const SCRIPT = String.raw`
import json, sys, itertools
import numpy as np
from sklearn.metrics import cohen_kappa_score
from nltk.metrics.agreement import AnnotationTask
from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters
data = json.load(sys.stdin)
raters = data["raters"]
out = {}
for item in data["items"]:
    # item: {key, values: [{rater: category or null}] per document}
    key, docs = item["key"], item["values"]
    res = {"cohen": {}}
    for a, b in itertools.combinations(raters, 2):
        xa = [d[a] for d in docs if d.get(a) is not None and d.get(b) is not None]
        xb = [d[b] for d in docs if d.get(a) is not None and d.get(b) is not None]
        res["cohen"][a + "|" + b] = None if len(set(xa) | set(xb)) < 2 else cohen_kappa_score(xa, xb)
    full = [d for d in docs if all(d.get(r) is not None for r in raters)]
    cats = sorted({v for d in docs for v in d.values() if v is not None})
    table, _ = aggregate_raters(np.array([[cats.index(d[r]) for r in raters] for d in full]), n_cat=len(cats))
    res["fleiss"] = fleiss_kappa(table, method="fleiss")
    triples = [(r, str(i), v) for i, d in enumerate(docs) for r, v in d.items() if v is not None and sum(1 for x in d.values() if x is not None) >= 2]
    res["alpha"] = AnnotationTask(data=triples).alpha()
    out[key] = res
print(json.dumps(out))
`

describe.skipIf(!available)('tag agreement against scikit-learn, statsmodels and NLTK', () => {
  it('per single-choice group and per option of a multiple-choice group, on random tags of three raters', () => {
    const seeds = [7, 11, 2026]
    const runs = seeds.map((seed) => ({ seed, documents: randomDocuments(seed, 60) }))
    // one python process for every seed: its imports take seconds
    const items = runs.flatMap(({ seed, documents }) => [
      { key: `${seed}/source`, values: documents.map((d) => Object.fromEntries(RATERS.map((r) => [r, d.tags![r] ? (d.tags![r]!.source?.[0] ?? '') : null]))) },
      ...TOPIC.options.map((o) => ({
        key: `${seed}/topic:${o.name}`,
        values: documents.map((d) => Object.fromEntries(RATERS.map((r) => [r, d.tags![r] ? (d.tags![r]!.topic?.includes(o.name) ? 'yes' : 'no') : null])))
      }))
    ])
    const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify({ raters: RATERS, items }), encoding: 'utf8' })
    expect(run.stderr).toBe('')
    const python = JSON.parse(run.stdout) as Record<string, { cohen: Record<string, number | null>; fleiss: number; alpha: number }>
    for (const { seed, documents } of runs) {
      const tags = report(documents).tags!
      expect(tags.items.map((i) => (i.option ? `${i.group}:${i.option}` : i.group))).toEqual(['topic:ceasefire', 'topic:hostages', 'topic:Lebanon front', 'source'])
      for (const item of tags.items) {
        const expected = python[`${seed}/${item.option ? `${item.group}:${item.option}` : item.group}`]!
        for (const pair of item.pairs) expect(pair.cohenKappa.value, `${seed} ${item.group} ${item.option} ${pair.a}|${pair.b}`).toBeCloseTo(expected.cohen[`${pair.a}|${pair.b}`]!, 10)
        expect(item.fleissKappa.value).toBeCloseTo(expected.fleiss, 10)
        expect(item.alpha.value).toBeCloseTo(expected.alpha, 10)
      }
    }
  })
})

describe('tag agreement by hand', () => {
  it('counts a single-choice group\'s documents, and agreement on one option of a multiple-choice group apart from the others', () => {
    const doc = (id: string, ana: DocumentTags, bob: DocumentTags): AgreementDocument => ({ documentId: id, title: id, text: 'x', layers: { ana: [], bob: [] }, tags: { ana, bob } })
    const documents = [
      doc('1', { topic: ['ceasefire', 'hostages'], source: ['newspaper'] }, { topic: ['ceasefire'], source: ['newspaper'] }),
      doc('2', { topic: ['hostages'] }, { topic: ['hostages'], source: ['state media'] }),
      doc('3', { source: ['news agency'] }, { source: ['news agency'] }),
      doc('4', { topic: ['ceasefire'] }, { topic: ['ceasefire'] })
    ]
    const tags = buildReport(documents, { raters: ['ana', 'bob'], labels: [], measures: ['span_f1_exact'], spanwiseVersion: 'test', tagGroups: TAG_GROUPS, filters: { status: null, includeGold: false } }).tags!
    const byKey = new Map(tags.items.map((i) => [i.option ?? i.group, i]))
    // ceasefire: yes,yes / no,no / no,no / yes,yes: all four agree, p_e = 0.5 → κ = 1
    expect(byKey.get('ceasefire')!.pairs[0]!.cohenKappa).toEqual({ value: 1, counts: { compared: 4, matched: 4, onlyRow: 0, onlyColumn: 0 } })
    // hostages: ana yes,yes,no,no; bob no,yes,no,no: p_o = 3/4, p_e = 2/4·1/4 + 2/4·3/4 = 1/2 → κ = 0.5
    expect(byKey.get('hostages')!.pairs[0]!.cohenKappa.value).toBeCloseTo(0.5, 12)
    expect(byKey.get('hostages')!.pairs[0]!.cohenKappa.counts).toEqual({ compared: 4, matched: 3, onlyRow: 1, onlyColumn: 0 })
    // source: newspaper/newspaper, none/state media, news agency/news agency, none/none: 3 of 4 agree
    const source = byKey.get('source')!.pairs[0]!.cohenKappa
    expect(source.counts).toEqual({ compared: 4, matched: 3, onlyRow: 0, onlyColumn: 1 })
    // p_o = 3/4; ana: none 2, newspaper 1, agency 1; bob: none 1, state 1, newspaper 1, agency 1 → p_e = (2·1 + 1 + 1)/16 = 1/4 → κ = 2/3
    expect(source.value).toBeCloseTo(2 / 3, 12)
  })

  it('is absent from a report of a project without tag groups', () => {
    const documents = [{ documentId: '1', title: '1', text: 'x', layers: { ana: [], bob: [] } }]
    expect(buildReport(documents, { raters: ['ana', 'bob'], labels: [], measures: ['span_f1_exact'], spanwiseVersion: 'test', filters: { status: null, includeGold: false } }).tags).toBeUndefined()
  })
})
