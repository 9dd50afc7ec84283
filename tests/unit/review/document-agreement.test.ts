import { describe, expect, it } from 'vitest'
import { meanPairwiseF1 } from '../../../src/shared/review'
import type { AnnotationLayer, Span } from '../../../src/shared/model'

const layer = (annotator: string, spans: Span[]): AnnotationLayer => ({ version: 1, documentId: 'd', annotator, status: 'done', spans, relations: [], updatedAt: null })
const span = (id: string, start: number, end: number, label: string): Span => ({ id, start, end, label })

// the toy document of the research notes: A has three spans, B two
const a = layer('a', [span('a1', 0, 10, 'ACTOR'), span('a2', 20, 25, 'ACTOR'), span('a3', 30, 34, 'CLAIM')])
const b = layer('b', [span('b1', 2, 10, 'ACTOR'), span('b2', 20, 25, 'ACTOR')])

describe('meanPairwiseF1 (the review list’s agreement)', () => {
  it('is overlap span F1 for two annotators: 0.80 on the toy document', () => {
    expect(meanPairwiseF1([a, b])).toBeCloseTo(0.8, 12)
  })

  it('averages every pair: with a copy of A, (0.8 + 0.8 + 1) / 3', () => {
    expect(meanPairwiseF1([a, b, { ...a, annotator: 'c' }])).toBeCloseTo(2.6 / 3, 12)
  })

  it('is null with one layer or no spans anywhere, and 0 when one side is empty', () => {
    expect(meanPairwiseF1([a])).toBeNull()
    expect(meanPairwiseF1([layer('x', []), layer('y', [])])).toBeNull()
    expect(meanPairwiseF1([a, layer('y', [])])).toBe(0)
  })
})
