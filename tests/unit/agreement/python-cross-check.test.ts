// Cross-checks on randomly generated layers against independent implementations: scikit-learn's
// cohen_kappa_score, NLTK's AnnotationTask.alpha and statsmodels' fleiss_kappa, through Debian's
// /usr/bin/python3 (the python3 first on PATH may not see Debian's packages). Python labels the
// tokens itself from the spans (innermost span wins), so the token rule is checked too.
import { spawnSync } from 'node:child_process'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildReport, type AgreementDocument } from '../../../src/main/agreement/build-report'
import { documentTokens } from '../../../src/main/agreement/tokens'
import { alignUnits } from '../../../src/shared/alignment'

const PYTHON = '/usr/bin/python3'
const probe = spawnSync(PYTHON, ['-c', 'import sklearn, nltk, statsmodels'], { encoding: 'utf8' })
const available = probe.status === 0
if (!available) {
  console.warn(`agreement cross-checks skipped: ${PYTHON} lacks scikit-learn, nltk or statsmodels (apt-get install python3-sklearn python3-nltk python3-statsmodels): ${probe.stderr || probe.error}`)
}

const SCRIPT = String.raw`
import json, sys, itertools
import numpy as np
from sklearn.metrics import cohen_kappa_score
from nltk.metrics.agreement import AnnotationTask
from statsmodels.stats.inter_rater import fleiss_kappa, aggregate_raters

datasets = json.load(sys.stdin)

def token_labels(tokens, spans, only=None):
    out = []
    for (ts, te) in tokens:
        covering = [s for s in spans if s["start"] <= ts and te <= s["end"] and (only is None or s["label"] == only)]
        if not covering:
            out.append("O")
        else:
            covering.sort(key=lambda s: (s["end"] - s["start"], s["label"]))
            out.append(covering[0]["label"])
    return out

def token_measures(only=None):
    seqs = []  # per document: {rater: [labels]}
    for doc in data["documents"]:
        seqs.append({r: token_labels(doc["tokens"], doc["layers"][r], only) for r in raters if r in doc["layers"]})
    result = {"cohen": {}, "pair_alpha": {}, "pair_fleiss": {}}
    for a, b in itertools.combinations(raters, 2):
        xa, xb = [], []
        for s in seqs:
            if a in s and b in s:
                xa += s[a]; xb += s[b]
        key = a + "|" + b
        result["cohen"][key] = cohen_kappa_score(xa, xb)
        triples = [(r, str(i), v) for i, pair in enumerate(zip(xa, xb)) for r, v in zip((a, b), pair)]
        result["pair_alpha"][key] = AnnotationTask(data=triples).alpha()
        cats = sorted(set(xa) | set(xb))
        table, _ = aggregate_raters(np.array([[cats.index(x), cats.index(y)] for x, y in zip(xa, xb)]), n_cat=len(cats))
        result["pair_fleiss"][key] = fleiss_kappa(table, method="fleiss")
    triples = []
    for d, s in enumerate(seqs):
        for r, labs in s.items():
            triples += [(r, "%d:%d" % (d, t), v) for t, v in enumerate(labs)]
    result["alpha"] = AnnotationTask(data=triples).alpha()
    rows = []
    for s in seqs:
        if all(r in s for r in raters):
            rows += [list(t) for t in zip(*(s[r] for r in raters))]
    cats = sorted({v for row in rows for v in row})
    table, _ = aggregate_raters(np.array([[cats.index(v) for v in row] for row in rows]), n_cat=len(cats))
    result["fleiss"] = fleiss_kappa(table, method="fleiss")
    return result

results = []
for data in datasets:  # the functions above read data, raters and labels of the current one
    raters, labels = data["raters"], data["labels"]
    out = {"all": token_measures(), "labels": {l: token_measures(l) for l in labels}}
    unit_triples = [(r, "%d:%d" % (d, u), v) for d, doc in enumerate(data["documents"]) for u, unit in enumerate(doc["units"]) for r, v in unit.items()]
    out["alpha_units"] = AnnotationTask(data=unit_triples).alpha()
    results.append(out)
print(json.dumps(results))
`

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

const WORDS = ['the', 'mayor', 'said', 'that', 'bridge', 'costs', '3,5', 'million', 'euros', 'Zürich', '北京', '👍🏽', 'report', '—', 'council']
const LABELS = ['actor', 'claim', 'figure']
const RATERS = ['ana', 'ben', 'chloe']

function randomCorpus(seed: number, documents: number): AgreementDocument[] {
  const next = lcg(seed)
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!
  return Array.from({ length: documents }, (_, d) => {
    const text = Array.from({ length: 30 + Math.floor(next() * 30) }, () => pick(WORDS)).join(next() < 0.5 ? ' ' : '  ')
    const length = [...text].length
    const base = Array.from({ length: 3 + Math.floor(next() * 6) }, (_, i) => {
      const start = Math.floor(next() * (length - 12))
      return { id: `s${i}`, start, end: start + 1 + Math.floor(next() * 12), label: pick(LABELS) }
    })
    const layers: AgreementDocument['layers'] = {}
    for (const rater of RATERS) {
      if (d % 5 === 4 && rater === 'chloe') continue // some documents lack a layer
      layers[rater] = base.flatMap((span) => {
        const roll = next()
        if (roll < 0.15) return []
        if (roll < 0.3) return [{ ...span, id: `${rater}${span.id}`, end: Math.min(length, span.end + 2) }]
        if (roll < 0.4) return [{ ...span, id: `${rater}${span.id}`, label: pick(LABELS) }]
        return [{ ...span, id: `${rater}${span.id}` }]
      })
    }
    return { documentId: `doc${d}`, title: `Doc ${d}`, text, layers }
  })
}

interface PythonResult {
  all: { cohen: Record<string, number>; pair_alpha: Record<string, number>; pair_fleiss: Record<string, number>; alpha: number; fleiss: number }
  labels: Record<string, { cohen: Record<string, number>; alpha: number; fleiss: number }>
  alpha_units: number
}

function pythonInput(documents: AgreementDocument[]) {
  return {
    raters: RATERS,
    labels: LABELS,
    documents: documents.map((doc) => {
      const present = RATERS.filter((r) => doc.layers[r])
      const tokens = documentTokens(doc.text, present.map((r) => doc.layers[r]!))
      const units = alignUnits(present.map((r) => ({ annotator: r, spans: [...doc.layers[r]!] }))).map((unit) =>
        Object.fromEntries(present.map((r) => [r, unit.members[r]?.label ?? '∅']))
      )
      return { tokens: Array.from({ length: tokens.count }, (_, i) => [tokens.starts[i], tokens.ends[i]]), layers: doc.layers, units }
    })
  }
}

describe.skipIf(!available)('agreement against scikit-learn, NLTK and statsmodels', () => {
  const SEEDS = [1, 2, 3]
  const corpora = SEEDS.map((seed) => randomCorpus(seed, 25))
  let python: PythonResult[] = []

  beforeAll(() => {
    // one Python process for every corpus: importing scikit-learn and statsmodels takes seconds
    const run = spawnSync(PYTHON, ['-c', SCRIPT], { input: JSON.stringify(corpora.map(pythonInput)), encoding: 'utf8', maxBuffer: 1 << 26 })
    if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`)
    python = JSON.parse(run.stdout) as PythonResult[]
  }, 120_000)

  it.each(SEEDS.map((seed, i) => [seed, i]))('random layers, seed %i: κ, Fleiss, α over tokens and units agree to 1e-9', (_seed, i) => {
    const report = buildReport(corpora[i]!, { raters: RATERS, labels: LABELS, spanwiseVersion: 'test', filters: { status: null, includeGold: false } })
    const theirs = python[i]!
    const close = (ours: number | null | undefined, expected: number) => expect(Math.abs(ours! - expected)).toBeLessThan(1e-9)
    for (const pair of report.pairs) {
      const key = `${pair.a}|${pair.b}`
      close(pair.scores.cohen_kappa!.value, theirs.all.cohen[key]!)
      close(pair.scores.alpha_tokens!.value, theirs.all.pair_alpha[key]!)
      close(pair.scores.fleiss_kappa!.value, theirs.all.pair_fleiss[key]!)
    }
    close(report.project.alpha_tokens!.value, theirs.all.alpha)
    close(report.project.fleiss_kappa!.value, theirs.all.fleiss)
    close(report.project.cohen_kappa!.value, Object.values(theirs.all.cohen).reduce((s, v) => s + v, 0) / 3)
    for (const { label, scores, pairs } of report.labels) {
      close(scores.alpha_tokens!.value, theirs.labels[label]!.alpha)
      close(scores.fleiss_kappa!.value, theirs.labels[label]!.fleiss)
      for (const pair of pairs!) close(pair.scores.cohen_kappa!.value, theirs.labels[label]!.cohen[`${pair.a}|${pair.b}`]!)
    }
    close(report.project.alpha_units!.value, theirs.alpha_units)
  })
})
