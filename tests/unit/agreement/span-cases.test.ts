// The toy document of the research notes (two annotators, three vs two spans) and hand-computed
// span cases, through the report builder as the app and the CLI use it.
import { describe, expect, it } from 'vitest'
import { buildReport, type AgreementDocument } from '../../../src/main/agreement/build-report'
import { bestAlignment, disorderOf, dissimilarity } from '../../../src/main/agreement/gamma'
import { UnitizingStudy } from '../../../src/main/agreement/unitizing'
import type { AgreementReport } from '../../../src/shared/agreement/report'

const TEXT = 'aaaa bbbb cccc dddd eeee ffff gggg hhhh ' // 40 code points
const A = [
  { id: 'a1', start: 0, end: 10, label: 'actor' },
  { id: 'a2', start: 20, end: 25, label: 'actor' },
  { id: 'a3', start: 30, end: 34, label: 'claim' }
]
const B = [
  { id: 'b1', start: 2, end: 10, label: 'actor' },
  { id: 'b2', start: 20, end: 25, label: 'actor' }
]

function report(documents: AgreementDocument[], raters = ['ann', 'bob'], labels = ['actor', 'claim'], gammaSeed?: number): AgreementReport {
  return buildReport(documents, {
    raters,
    labels,
    spanwiseVersion: 'test',
    filters: { status: null, includeGold: false },
    ...(gammaSeed === undefined ? {} : { gammaSeed })
  })
}

const toy = (): AgreementDocument => ({ documentId: 'toy', title: 'Toy', text: TEXT, layers: { ann: A, bob: B } })

describe('the toy document (notes §2.0)', () => {
  it('span F1 is 0.40 exact and 0.80 overlap, with the counts behind them', () => {
    const { project, pairs } = report([toy()])
    expect(project.span_f1_exact).toEqual({ value: 0.4, counts: { compared: 4, matched: 1, onlyRow: 2, onlyColumn: 1 } })
    expect(project.span_f1_overlap).toEqual({ value: 0.8, counts: { compared: 3, matched: 2, onlyRow: 1, onlyColumn: 0 } })
    expect(project.span_f1_boundary!.value).toBe(0.8)
    expect(pairs).toHaveLength(1)
    expect(pairs[0]!.scores.span_f1_exact!.value).toBe(0.4)
  })

  it("Krippendorff's α_U is 0.8187, as DKPro computes it for INCEpTION", () => {
    const { project, labels } = report([toy()])
    expect(project.alpha_unitizing!.value).toBeCloseTo(0.8187, 4)
    // per label: 1 − D_o(c)/D_e(c), not the overall value
    expect(labels[0]!.scores.alpha_unitizing!.value).toBeCloseTo(1 - 0.0025 / ((0.05 * 7418) / 6134), 12)
    expect(labels[1]!.scores.alpha_unitizing!.value).toBeCloseTo(1 - 0.01 / ((0.05 * 1072) / 6308), 12)
    expect(labels[1]!.pairs![0]!.scores.alpha_unitizing!.value).toBe(labels[1]!.scores.alpha_unitizing!.value)
    const study = new UnitizingStudy(2, ['actor', 'claim'])
    study.addDocument(40, [A, B])
    // by hand (docs/agreement.md): D_o = 0.0025 and 0.01; D_e = 0.0604662 and 0.0084972
    expect(study.observed('actor', [0, 1])).toBeCloseTo(0.0025, 12)
    expect(study.observed('claim', [0, 1])).toBeCloseTo(0.01, 12)
    expect(study.expected('actor', [0, 1])).toBeCloseTo((0.05 * 7418) / 6134, 12)
    expect(study.expected('claim', [0, 1])).toBeCloseTo((0.05 * 1072) / 6308, 12)
  })

  it('γ: the best alignment has disorder 0.404938; chance is sampled reproducibly from the seed', () => {
    expect(dissimilarity(A[0]!, B[0]!)).toBeCloseTo((2 / 18) ** 2, 12)
    const alignment = bestAlignment([A, B])
    expect(disorderOf(alignment.cost, alignment.units, 2)).toBeCloseTo(0.404938, 6)
    const first = report([toy()], undefined, undefined, 42).project.gamma!.value
    expect(report([toy()], undefined, undefined, 42).project.gamma!.value).toBe(first)
    expect(report([toy()], undefined, undefined, 7).project.gamma!.value).not.toBe(first)
    expect(first).toBeLessThan(1)
  })

  it('stores every measure with its definition, the tokenizer and the seed', () => {
    const result = report([toy()])
    expect(result.measures.map((m) => m.id)).toEqual([
      'span_f1_exact',
      'span_f1_overlap',
      'span_f1_boundary',
      'cohen_kappa',
      'fleiss_kappa',
      'alpha_tokens',
      'alpha_units',
      'alpha_unitizing',
      'gamma'
    ])
    for (const m of result.measures) expect(m.formula.length && m.definition.length && m.nesting.length && m.oneSided.length).toBeGreaterThan(0)
    expect(result.tokenizer).toMatch(/tokenize\.ts/)
    expect(result.gammaSeed).toBe(42)
    expect(result.documents.map((d) => d.documentId)).toEqual(['toy'])
    expect(result.labels.map((l) => l.label)).toEqual(['actor', 'claim'])
  })
})

describe('hand-computed span cases', () => {
  it('exact and overlap differ on a boundary disagreement; IoU below θ is no match', () => {
    const text = 'The Prime Minister Benjamin Netanyahu spoke.'
    const doc: AgreementDocument = {
      documentId: 'd',
      title: 'd',
      text,
      layers: {
        ann: [{ id: 'x', start: 4, end: 37, label: 'actor' }], // "Prime Minister Benjamin Netanyahu"
        bob: [{ id: 'y', start: 19, end: 37, label: 'actor' }] // "Benjamin Netanyahu": IoU 18/33 ≥ 0.5
      }
    }
    expect(report([doc]).project.span_f1_exact!.value).toBe(0)
    expect(report([doc]).project.span_f1_overlap!.value).toBe(1)
    doc.layers.bob = [{ id: 'y', start: 28, end: 37, label: 'actor' }] // "Netanyahu": IoU 9/33 < 0.5
    expect(report([doc]).project.span_f1_overlap!.value).toBe(0)
    doc.layers.bob = [{ id: 'y', start: 19, end: 37, label: 'claim' }]
    const result = report([doc])
    expect(result.project.span_f1_overlap!.value).toBe(0)
    expect(result.project.span_f1_boundary!.value).toBe(1)
  })

  it('nested spans: each is a unit of its own; tokens take the innermost label', () => {
    const text = 'The Prime Minister Benjamin Netanyahu spoke.'
    const doc: AgreementDocument = {
      documentId: 'd',
      title: 'd',
      text,
      layers: {
        ann: [
          { id: 'outer', start: 4, end: 37, label: 'claim' },
          { id: 'inner', start: 19, end: 37, label: 'actor' }
        ],
        bob: [{ id: 'y', start: 19, end: 37, label: 'actor' }]
      }
    }
    const result = report([doc])
    // one of ann's two spans is matched: F1 = 2·1 / (2 + 1)
    expect(result.project.span_f1_exact!.value).toBeCloseTo(2 / 3, 12)
    // tokens: The | Prime Minister | Benjamin Netanyahu | spoke . → ann: O claim claim actor actor O O,
    // bob: O O O actor actor O O; they differ on 2 of 7 tokens
    expect(result.project.cohen_kappa!.counts).toEqual({ compared: 7, matched: 5, onlyRow: 2, onlyColumn: 0 })
    // per label, each label has its own IO sequence: for claim, ann marks 4 tokens ("Prime" to "Netanyahu")
    const claim = result.labels.find((l) => l.label === 'claim')!
    expect(claim.scores.cohen_kappa!.counts).toEqual({ compared: 7, matched: 3, onlyRow: 4, onlyColumn: 0 })
    const actor = result.labels.find((l) => l.label === 'actor')!
    expect(actor.scores.cohen_kappa!.value).toBe(1)
  })

  it('one-sided units count as disagreement with an explicit "nothing" category', () => {
    const doc: AgreementDocument = {
      documentId: 'd',
      title: 'd',
      text: TEXT,
      layers: {
        ann: [
          { id: 'a', start: 0, end: 4, label: 'actor' },
          { id: 'b', start: 10, end: 14, label: 'claim' }
        ],
        bob: [{ id: 'c', start: 0, end: 4, label: 'actor' }]
      }
    }
    // units (actor, actor) and (claim, ∅): n = 4, Σo_cc = 2, Σn_c(n_c − 1) = 2 → α = (3·2 − 2)/(4·3 − 2)
    const { project } = report([doc])
    expect(project.alpha_units).toEqual({ value: 0.4, counts: { compared: 2, matched: 1, onlyRow: 1, onlyColumn: 0 } })
  })

  it('a rater without a layer is missing, not O: Fleiss leaves the document out, α keeps the pair', () => {
    const full: AgreementDocument = { documentId: 'full', title: 'f', text: TEXT, layers: { ann: A, bob: B, cat: B } }
    const partial: AgreementDocument = { documentId: 'part', title: 'p', text: TEXT, layers: { ann: A, bob: A } }
    const both = report([full, partial], ['ann', 'bob', 'cat'])
    const alone = report([full], ['ann', 'bob', 'cat'])
    expect(both.project.fleiss_kappa).toEqual(alone.project.fleiss_kappa)
    expect(both.project.alpha_tokens!.counts.compared).toBeGreaterThan(alone.project.alpha_tokens!.counts.compared)
    expect(both.documents.find((d) => d.documentId === 'part')!.annotators).toEqual(['ann', 'bob'])
    // the pair matrix: ann × bob gains the partial document, ann × cat does not
    const pair = (r: AgreementReport, b: string) => r.pairs.find((p) => p.a === 'ann' && p.b === b)!.scores.span_f1_exact!.counts.compared
    expect(pair(both, 'bob')).toBe(pair(alone, 'bob') + 3)
    expect(pair(both, 'cat')).toBe(pair(alone, 'cat'))
  })
})
