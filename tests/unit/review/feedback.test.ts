import { describe, expect, it } from 'vitest'
import { feedbackFor, totalFeedback, type GoldLayer, type GoldSpan } from '../../../src/shared/review'
import type { AnnotationLayer } from '../../../src/shared/model'
import { AT, span } from './fixture'

const mine: AnnotationLayer = {
  version: 1,
  documentId: 'doc0000000000001',
  annotator: 'ann',
  status: 'done',
  spans: [
    span('m1', 0, 5),
    span('m2', 10, 15),
    span('m3', 20, 30, 'actor', { attributes: { type: 'person' } }),
    span('m4', 40, 45),
    span('m5', 60, 70, 'claim', { note: 'hedged?' }),
    span('m6', 80, 85, 'figure')
  ],
  relations: [],
  updatedAt: AT
}

const from = (decision: GoldSpan['provenance']['decision'], ...sources: [string, string][]) => ({
  decision,
  sources: sources.map(([annotator, spanId]) => ({ annotator, spanId })),
  decidedBy: 'rita',
  decidedAt: AT
})

const gold = (status: GoldLayer['status']): GoldLayer => ({
  version: 1,
  documentId: 'doc0000000000001',
  status,
  spans: [
    { ...span('g1', 0, 5), provenance: from('unanimous', ['ann', 'm1'], ['bob', 'b1']) },
    { ...span('g2', 10, 15, 'claim'), provenance: from('picked', ['bob', 'b2']) },
    { ...span('g3', 22, 30, 'actor', { attributes: { type: 'person' } }), provenance: from('picked', ['bob', 'b3']) },
    { ...span('g4', 60, 70, 'claim'), provenance: from('picked', ['ann', 'm5']) },
    { ...span('g5', 90, 95), provenance: from('added') },
    { ...span('g6', 100, 105, 'figure'), provenance: from('picked', ['bob', 'b6']) }
  ],
  relations: [],
  rejected: [{ sources: [{ annotator: 'ann', spanId: 'm4' }], decidedBy: 'rita', decidedAt: AT }],
  updatedAt: AT
})

describe('feedback: my labels vs gold', () => {
  it('sorts my spans into kept, changed (with what), removed, added and pending while the review runs', () => {
    const result = feedbackFor(mine, gold('in_progress'))
    expect(result.items.map((item) => [item.kind, item.mine?.id ?? null, item.gold?.id ?? null, item.what ?? null])).toEqual([
      ['kept', 'm1', 'g1', null],
      ['changed', 'm2', 'g2', ['label']],
      ['changed', 'm3', 'g3', ['bounds']],
      ['removed', 'm4', null, null], // rejected by the adjudicator
      ['changed', 'm5', 'g4', ['note']],
      ['pending', 'm6', null, null], // not decided yet
      ['added', null, 'g5', null],
      ['added', null, 'g6', null]
    ])
    expect(result).toMatchObject({ kept: 1, changed: 3, removed: 1, added: 2, pending: 1, exactMatches: 2, mine: 5, gold: 6 })
    // exact bounds and label: m1=g1 and m5=g4 (the note does not matter to the score)
    expect(result.precision).toBeCloseTo(2 / 5, 12)
    expect(result.recall).toBeCloseTo(2 / 6, 12)
  })

  it('once the review is done, what gold lacks was removed', () => {
    const result = feedbackFor(mine, gold('done'))
    expect(result).toMatchObject({ removed: 2, pending: 0, mine: 6 })
    expect(result.precision).toBeCloseTo(2 / 6, 12)
  })

  it('has no score where there is nothing to divide by', () => {
    const empty = feedbackFor({ ...mine, spans: [] }, { ...gold('done'), spans: [], rejected: [] })
    expect([empty.precision, empty.recall]).toEqual([null, null])
  })

  it('adds up documents before dividing (micro average)', () => {
    const a = feedbackFor(mine, gold('done'))
    const b = feedbackFor({ ...mine, spans: [span('m1', 0, 5)] }, { ...gold('done'), spans: gold('done').spans.slice(0, 1), rejected: [] })
    const total = totalFeedback([a, b])
    expect(total).toMatchObject({ kept: 2, changed: 3, removed: 2, added: 2, exactMatches: 3, mine: 7, gold: 7 })
    expect(total.precision).toBeCloseTo(3 / 7, 12)
    expect(total.recall).toBeCloseTo(3 / 7, 12)
  })
})
