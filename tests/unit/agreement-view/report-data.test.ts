// What the Agreement view's charts read from a report, and where each number leads.
import { describe, expect, it } from 'vitest'
import type { AgreementReport, Score } from '../../../src/shared/agreement/report'
import {
  ALL,
  countLines,
  documentFocus,
  documentRows,
  formatScore,
  labelBars,
  labelFocus,
  matrixCells,
  pairFocus,
  requestFor
} from '../../../src/renderer/src/views/agreement/report-data'
import { textColorOn } from '../../../src/renderer/src/views/agreement/score-colors'

const score = (value: number | null, matched = 1, onlyRow = 0, onlyColumn = 0): Score => ({
  value,
  counts: { compared: matched * 2 + onlyRow + onlyColumn, matched, onlyRow, onlyColumn }
})

const report: AgreementReport = {
  spanwiseVersion: '0.1.0',
  createdAt: '2026-11-22T01:00:00Z',
  tokenizer: 'words',
  filters: { annotators: ['alice', 'bob', 'carol'], labels: ['actor', 'claim'], status: null, includeGold: false, documents: 3 },
  measures: [],
  project: {},
  pairs: [
    { a: 'alice', b: 'bob', scores: { span_f1_exact: score(0.5, 2, 1, 3) } },
    { a: 'alice', b: 'carol', scores: { span_f1_exact: score(1) } },
    { a: 'bob', b: 'carol', scores: {} }
  ],
  labels: [
    { label: 'claim', scores: { span_f1_exact: score(0.25) } },
    { label: 'actor', scores: { span_f1_exact: score(null) } },
    { label: 'figure', scores: { span_f1_exact: score(-0.1) } }
  ],
  documents: [
    { documentId: 'd1', title: 'Bridge', annotators: ['alice', 'bob', 'carol'], scores: { span_f1_exact: score(0.9) } },
    { documentId: 'd2', title: 'Port', annotators: ['alice', 'carol'], scores: { span_f1_exact: score(0.2) } },
    { documentId: 'd3', title: 'Council', annotators: ['alice', 'bob'], scores: { span_f1_exact: score(null) } }
  ],
  gammaSeed: 1,
  overlapThreshold: 0.5
}

describe('the pairwise matrix', () => {
  it('puts a pair’s score above the diagonal (row a, column b) and its counts mirrored below', () => {
    const cells = matrixCells(report, 'span_f1_exact')
    expect(cells.map((c) => `${c.kind} ${c.row}/${c.column}`)).toEqual([
      'score alice/bob',
      'counts bob/alice',
      'score alice/carol',
      'counts carol/alice',
      'score bob/carol',
      'counts carol/bob'
    ])
    expect(cells[0]!.score?.value).toBe(0.5)
    expect(cells[4]!.score).toBeUndefined()
  })

  it('names whom "only" counts refer to: only row = the pair’s first annotator', () => {
    expect(countLines(report.pairs[0]!.scores.span_f1_exact!.counts, 'alice', 'bob')).toEqual(['2 matched', '1 only alice', '3 only bob'])
  })
})

describe('bars and rows come lowest first, undefined last', () => {
  it('orders labels', () => {
    expect(labelBars(report, 'span_f1_exact').map((b) => b.label)).toEqual(['figure', 'claim', 'actor'])
  })
  it('orders documents', () => {
    expect(documentRows(report, 'span_f1_exact').map((d) => d.title)).toEqual(['Port', 'Bridge', 'Council'])
  })
})

describe('formatting', () => {
  it('shows three decimals, a real minus sign and n/a', () => {
    expect(formatScore(score(2 / 3))).toBe('0.667')
    expect(formatScore(score(-0.1))).toBe('−0.100')
    expect(formatScore(score(null))).toBe('n/a')
    expect(formatScore(undefined)).toBe('n/a')
  })
  it('picks the readable text colour', () => {
    expect(textColorOn('#ffffff')).toBe('#111')
    expect(textColorOn('rgb(49, 54, 149)')).toBe('#fff')
    expect(textColorOn('rgb(254, 224, 144)')).toBe('#111')
  })
})

describe('where a number leads', () => {
  it('a pair cell: the two annotators on the documents both were compared on', () => {
    expect(pairFocus(report, {}, 'alice', 'bob')).toEqual({ annotators: ['alice', 'bob'], documentIds: ['d1', 'd3'], description: 'alice vs bob' })
  })
  it('keeps the labels and status the user narrowed to', () => {
    expect(pairFocus(report, { labels: ['actor'], status: 'done' }, 'alice', 'carol')).toEqual({
      annotators: ['alice', 'carol'],
      labels: ['actor'],
      documentIds: ['d1', 'd2'],
      description: 'alice vs carol · actor · done documents'
    })
  })
  it('a label bar: every compared annotator, that label', () => {
    expect(labelFocus(report, {}, 'claim')).toEqual({
      annotators: ['alice', 'bob', 'carol'],
      labels: ['claim'],
      documentIds: ['d1', 'd2', 'd3'],
      description: 'alice, bob, carol · claim'
    })
  })
  it('a document row: that document and its annotators', () => {
    const row = documentRows(report, 'span_f1_exact')[0]!
    expect(documentFocus({}, row)).toEqual({ annotators: ['alice', 'carol'], documentIds: ['d2'], description: 'Port · alice, carol' })
  })
})

describe('the request for the filters', () => {
  it('leaves out filters at "all" (the backend’s defaults)', () => {
    expect(requestFor(ALL, ['alice', 'bob'])).toEqual({})
  })
  it('sends what was narrowed', () => {
    expect(requestFor({ excludedAnnotators: ['bob'], labels: ['actor'], status: 'done', includeGold: true }, ['alice', 'bob', 'carol'])).toEqual({
      annotators: ['alice', 'carol'],
      labels: ['actor'],
      status: 'done',
      includeGold: true
    })
  })
})
