// Three annotators' layers of one document, with one unit in every state, nested and overlapping
// spans, and relations. Offsets are code points; the text itself does not matter to alignment.
import type { AnnotationLayer, Relation, Span } from '../../../src/shared/model'

export const span = (id: string, start: number, end: number, label = 'actor', extra: Partial<Span> = {}): Span => ({ id, start, end, label, ...extra })
const layer = (annotator: string, spans: Span[], relations: Relation[] = []): AnnotationLayer => ({
  version: 1,
  documentId: 'doc0000000000001',
  annotator,
  status: 'done',
  spans,
  relations,
  updatedAt: '2026-01-01T00:00:00.000Z'
})

export const AT = '2026-02-02T10:00:00.000Z'
export const BY = { name: 'rita', at: AT }

export function threeLayers(): AnnotationLayer[] {
  return [
    layer(
      'ann',
      [
        span('a1', 0, 5), // unanimous
        span('a2', 10, 15), // label conflict
        span('a3', 20, 30), // boundary conflict ("the blackboard")
        span('a4', 40, 45), // one-sided: only ann
        span('a5', 50, 55, 'actor', { attributes: { type: 'person' } }), // attribute conflict
        span('a6', 60, 90, 'claim'), // nested: claim over an actor
        span('a7', 70, 80),
        span('a8', 100, 110), // overlapping chain
        span('a9', 130, 135, 'figure', { note: 'check the unit' }) // notes differ only
      ],
      [{ id: 'ar1', type: 'attributed_to', from: 'a6', to: 'a7' }]
    ),
    layer(
      'bob',
      [
        span('b1', 0, 5),
        span('b2', 10, 15, 'claim'),
        span('b3', 24, 30), // "blackboard"
        span('b5', 50, 55, 'actor', { attributes: { type: 'organisation' } }),
        span('b6', 60, 90, 'claim'),
        span('b7', 70, 80),
        span('b8', 105, 115),
        span('b9', 130, 135, 'figure')
      ],
      [{ id: 'br1', type: 'attributed_to', from: 'b6', to: 'b7' }]
    ),
    layer(
      'cat',
      [
        span('c1', 0, 5),
        span('c2', 10, 15),
        span('c3', 20, 30),
        span('c5', 50, 55, 'actor', { attributes: { type: 'person' } }),
        span('c6', 60, 90, 'claim'), // no nested actor
        span('c8', 108, 120),
        span('c9', 130, 135, 'figure')
      ]
    )
  ]
}
