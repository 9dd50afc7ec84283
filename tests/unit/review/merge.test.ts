import { describe, expect, it } from 'vitest'
import { emptyGold, mergeDocument, MergeOptionsError, rejectUnit, reviewUnits, takeVersion, type GoldLayer, type ReviewUnit } from '../../../src/shared/review'
import { AT, BY, span, threeLayers } from './fixture'

const layers = threeLayers()
const fresh = () => emptyGold('doc0000000000001')
const byAnn = (units: ReviewUnit[], id: string) => units.find((unit) => unit.members.ann?.id === id)!
/** Each accepted gold span, named by the ann/bob/cat spans it came from. */
const sourcesOf = (gold: GoldLayer) => gold.spans.map((s) => s.provenance.sources.map((x) => x.spanId).join('+'))
const leftOf = (units: ReviewUnit[]) => units.map((unit) => unit.key.split('|')[0])

describe('mergeDocument', () => {
  it('unanimous (INCEpTION’s default): only units every annotator marked alike', () => {
    const { gold, accepted, acceptedRelations, left } = mergeDocument(layers, fresh(), { strategy: 'unanimous', by: BY })
    expect(sourcesOf(gold)).toEqual(['a1+b1+c1', 'a6+b6+c6', 'a9+b9+c9'])
    expect(accepted).toHaveLength(3)
    expect(acceptedRelations).toEqual([])
    expect(leftOf(left)).toEqual(['ann:a2', 'ann:a3', 'ann:a4', 'ann:a5', 'ann:a7', 'ann:a8'])
    expect(gold.spans[0]!.provenance).toEqual({
      decision: 'auto_merged',
      strategy: 'unanimous',
      sources: [
        { annotator: 'ann', spanId: 'a1' },
        { annotator: 'bob', spanId: 'b1' },
        { annotator: 'cat', spanId: 'c1' }
      ],
      decidedBy: 'rita',
      decidedAt: AT
    })
    // notes differ (only ann wrote one): gold keeps no note
    expect(gold.spans[2]!.note).toBeUndefined()
    expect(gold.status).toBe('in_progress')
  })

  it('agreeing: everyone who marked something there agrees, others may have nothing', () => {
    const { gold, acceptedRelations, left } = mergeDocument(layers, fresh(), { strategy: 'agreeing', by: BY })
    expect(sourcesOf(gold)).toEqual(['a1+b1+c1', 'a4', 'a6+b6+c6', 'a7+b7', 'a9+b9+c9'])
    expect(leftOf(left)).toEqual(['ann:a2', 'ann:a3', 'ann:a5', 'ann:a8'])
    // both ends are now in gold and both annotators who drew the relation agree on it
    expect(acceptedRelations).toHaveLength(1)
    expect(gold.relations[0]).toMatchObject({ type: 'attributed_to', from: 'g3', to: 'g4', provenance: { decision: 'auto_merged', strategy: 'agreeing' } })
  })

  it('threshold by number: a version at least N annotators proposed, more than any other', () => {
    const { gold, left } = mergeDocument(layers, fresh(), { strategy: 'threshold', minAnnotators: 2, by: BY })
    expect(sourcesOf(gold)).toEqual(['a1+b1+c1', 'a2+c2', 'a3+c3', 'a5+c5', 'a6+b6+c6', 'a7+b7', 'a9+b9+c9'])
    expect(gold.spans.find((s) => s.provenance.sources[0]!.spanId === 'a5')?.attributes).toEqual({ type: 'person' })
    // a4: one annotator only; a8: three different versions, one vote each (a tie)
    expect(leftOf(left)).toEqual(['ann:a4', 'ann:a8'])
    expect(gold.relations).toHaveLength(1)
  })

  it('threshold by share of the annotators reviewed', () => {
    expect(sourcesOf(mergeDocument(layers, fresh(), { strategy: 'threshold', minShare: 0.67, by: BY }).gold)).toEqual(['a1+b1+c1', 'a6+b6+c6', 'a9+b9+c9'])
    expect(mergeDocument(layers, fresh(), { strategy: 'threshold', minShare: 2 / 3, by: BY }).accepted).toHaveLength(7)
  })

  it('threshold: a tie at the top merges nothing', () => {
    const two = [
      { ...layers[0]!, spans: [span('x', 0, 5, 'actor')], relations: [] },
      { ...layers[1]!, spans: [span('y', 0, 5, 'claim')], relations: [] }
    ]
    expect(mergeDocument(two, fresh(), { strategy: 'threshold', minAnnotators: 1, by: BY }).accepted).toEqual([])
  })

  it('refuses a threshold with no minimum', () => {
    expect(() => mergeDocument(layers, fresh(), { strategy: 'threshold', by: BY })).toThrow(MergeOptionsError)
  })

  it('re-merging fills only undecided units and never overwrites a decision', () => {
    let gold = takeVersion(fresh(), byAnn(reviewUnits(layers, fresh()), 'a2'), 'bob', BY) // the minority's label
    gold = rejectUnit(gold, byAnn(reviewUnits(layers, gold), 'a7'), BY)
    const first = mergeDocument(layers, gold, { strategy: 'threshold', minAnnotators: 2, by: BY })
    expect(first.gold.spans.find((s) => s.start === 10)).toMatchObject({ label: 'claim', provenance: { decision: 'picked' } })
    expect(first.gold.spans.some((s) => s.start === 70)).toBe(false)
    expect(first.gold.rejected).toEqual(gold.rejected)
    // every span decided before is still there, unchanged
    for (const before of gold.spans) expect(first.gold.spans).toContainEqual(before)
    // running it again accepts nothing and returns the same gold
    const again = mergeDocument(layers, first.gold, { strategy: 'threshold', minAnnotators: 2, by: BY })
    expect(again.accepted).toEqual([])
    expect(again.gold).toBe(first.gold)
    // a looser strategy afterwards only adds
    const looser = mergeDocument(layers, first.gold, { strategy: 'agreeing', by: BY })
    expect(looser.gold.spans.slice(0, first.gold.spans.length)).toEqual(first.gold.spans)
  })

  it('gives new gold spans ids after the ones already taken', () => {
    const gold = takeVersion(fresh(), byAnn(reviewUnits(layers, fresh()), 'a4'), 'ann', BY)
    const { accepted } = mergeDocument(layers, gold, { strategy: 'unanimous', by: BY })
    expect(accepted.map((s) => s.id)).toEqual(['g2', 'g3', 'g4'])
  })
})
