import { describe, expect, it } from 'vitest'
import {
  addGoldRelation,
  addGoldSpan,
  DecisionError,
  editGoldSpan,
  emptyGold,
  rejectRelation,
  rejectUnit,
  removeGoldSpan,
  reviewRelations,
  reviewUnits,
  takeIntersection,
  takeRelation,
  takeUnion,
  takeVersion,
  undecide,
  type GoldLayer,
  type ReviewUnit
} from '../../../src/shared/review'
import { AT, BY, threeLayers } from './fixture'

const layers = threeLayers()
const fresh = () => emptyGold('doc0000000000001')
const unitsOf = (gold: GoldLayer) => reviewUnits(layers, gold)
const byAnn = (units: ReviewUnit[], id: string) => units.find((unit) => unit.members.ann?.id === id)!
const unit = (id: string, gold = fresh()) => byAnn(unitsOf(gold), id)

describe('decisions', () => {
  it('takeVersion copies the version and names every annotator who proposed it', () => {
    const gold = takeVersion(fresh(), unit('a2'), 'ann', BY)
    expect(gold.spans).toEqual([
      {
        id: 'g1',
        start: 10,
        end: 15,
        label: 'actor',
        provenance: {
          decision: 'picked',
          sources: [
            { annotator: 'ann', spanId: 'a2' },
            { annotator: 'cat', spanId: 'c2' }
          ],
          decidedBy: 'rita',
          decidedAt: AT
        }
      }
    ])
    expect(gold.status).toBe('in_progress')
  })

  it('taking a unanimous unit records the decision "unanimous" with all its sources', () => {
    const gold = takeVersion(fresh(), unit('a1'), 'cat', BY)
    expect(gold.spans[0]!.provenance).toMatchObject({ decision: 'unanimous', sources: [{ spanId: 'a1' }, { spanId: 'b1' }, { spanId: 'c1' }] })
  })

  it('keeps attributes and notes of the version taken', () => {
    const gold = takeVersion(fresh(), unit('a5'), 'bob', BY)
    expect(gold.spans[0]).toMatchObject({ attributes: { type: 'organisation' }, provenance: { sources: [{ annotator: 'bob', spanId: 'b5' }] } })
    const withNote = takeVersion(fresh(), unit('a9'), 'ann', BY)
    expect(withNote.spans[0]!.note).toBe('check the unit')
  })

  it('deciding again replaces the earlier decision on the unit', () => {
    const first = takeVersion(fresh(), unit('a2'), 'ann', BY)
    const second = takeVersion(first, unit('a2', first), 'bob', BY)
    expect(second.spans.map((s) => [s.label, s.provenance.sources.map((x) => x.spanId)])).toEqual([['claim', ['b2']]])
    const rejected = rejectUnit(second, unit('a2', second), BY)
    expect(rejected.spans).toEqual([])
    expect(rejected.rejected).toEqual([
      {
        sources: [
          { annotator: 'ann', spanId: 'a2' },
          { annotator: 'bob', spanId: 'b2' },
          { annotator: 'cat', spanId: 'c2' }
        ],
        decidedBy: 'rita',
        decidedAt: AT
      }
    ])
  })

  it('never changes the gold layer it was given (undo is a stack of states)', () => {
    const before = fresh()
    const snapshot = JSON.stringify(before)
    takeVersion(before, unit('a2'), 'ann', BY)
    rejectUnit(before, unit('a4'), BY)
    expect(JSON.stringify(before)).toBe(snapshot)
  })

  it('takeUnion covers every version; takeIntersection what they share; the majority label', () => {
    const union = takeUnion(fresh(), unit('a8'), BY)
    expect(union.spans[0]).toMatchObject({ start: 100, end: 120, label: 'actor', provenance: { decision: 'merged_bounds' } })
    expect(union.spans[0]!.provenance.sources).toHaveLength(3)
    const intersection = takeIntersection(fresh(), unit('a8'), BY)
    expect(intersection.spans[0]).toMatchObject({ start: 108, end: 110 })
    // label conflict: two actors, one claim
    expect(takeUnion(fresh(), unit('a2'), BY).spans[0]!.label).toBe('actor')
    expect(takeUnion(fresh(), unit('a2'), BY, 'claim').spans[0]!.label).toBe('claim')
  })

  it('refuses an intersection of versions that share nothing', () => {
    const apart = threeLayers()
    apart[0]!.spans = [{ id: 'x', start: 0, end: 10, label: 'actor' }]
    apart[1]!.spans = [{ id: 'y', start: 8, end: 20, label: 'actor' }]
    apart[2]!.spans = [{ id: 'z', start: 18, end: 30, label: 'actor' }]
    const [chain] = reviewUnits(apart, fresh())
    expect(chain!.key).toBe('ann:x|bob:y|cat:z')
    expect(() => takeIntersection(fresh(), chain!, BY)).toThrow(DecisionError)
  })

  it('rejects a one-sided unit as a decision of its own', () => {
    const gold = rejectUnit(fresh(), unit('a4'), BY)
    expect(gold.rejected[0]!.sources).toEqual([{ annotator: 'ann', spanId: 'a4' }])
    expect(unit('a4', gold).resolution).toEqual({ kind: 'rejected' })
  })

  it('undecide removes the decision, its gold span and the gold relations on it', () => {
    let gold = takeVersion(fresh(), unit('a6'), 'ann', BY)
    gold = takeVersion(gold, unit('a7', gold), 'ann', BY)
    gold = addGoldRelation(gold, { type: 'attributed_to', from: 'g1', to: 'g2' }, BY)
    const after = undecide(gold, unit('a7', gold))
    expect(after.spans.map((s) => s.id)).toEqual(['g1'])
    expect(after.relations).toEqual([])
    expect(unit('a7', after).resolution).toBeNull()
  })

  it('adds a gold span nobody made, edits it (still "added"), and edits a picked one ("edited")', () => {
    let gold = addGoldSpan(fresh(), { start: 140, end: 150, label: 'claim' }, BY)
    gold = editGoldSpan(gold, 'g1', { end: 152 }, BY)
    expect(gold.spans[0]).toMatchObject({ end: 152, provenance: { decision: 'added', sources: [] } })
    gold = takeVersion(gold, unit('a3', gold), 'bob', BY)
    gold = editGoldSpan(gold, 'g2', { label: 'claim', start: 22 }, { name: 'rita', at: '2026-03-03T00:00:00.000Z' })
    expect(gold.spans[1]).toMatchObject({
      start: 22,
      end: 30,
      label: 'claim',
      provenance: { decision: 'edited', sources: [{ annotator: 'bob', spanId: 'b3' }], decidedAt: '2026-03-03T00:00:00.000Z' }
    })
    expect(() => editGoldSpan(gold, 'g2', { start: 30 }, BY)).toThrow(DecisionError)
    expect(removeGoldSpan(gold, 'g1').spans.map((s) => s.id)).toEqual(['g2'])
  })

  it('takes a relation only once both ends are in gold, re-pointed at the gold spans', () => {
    const [relationUnit] = reviewRelations(layers, fresh(), unitsOf(fresh()))
    expect(() => takeRelation(fresh(), relationUnit!, 'ann', BY)).toThrow(/decide both ends/)
    let gold = takeVersion(fresh(), unit('a6'), 'ann', BY)
    gold = takeVersion(gold, unit('a7', gold), 'bob', BY)
    const [ready] = reviewRelations(layers, gold, unitsOf(gold))
    gold = takeRelation(gold, ready!, 'bob', BY)
    expect(gold.relations).toEqual([
      {
        id: 'r1',
        type: 'attributed_to',
        from: 'g1',
        to: 'g2',
        provenance: {
          decision: 'picked',
          sources: [
            { annotator: 'ann', relationId: 'ar1' },
            { annotator: 'bob', relationId: 'br1' }
          ],
          decidedBy: 'rita',
          decidedAt: AT
        }
      }
    ])
    const [resolved] = reviewRelations(layers, gold, unitsOf(gold))
    expect(resolved!.resolution).toEqual({ kind: 'gold', goldRelationIds: ['r1'] })
    const rejected = rejectRelation(gold, resolved!, BY)
    expect(rejected.relations).toEqual([])
    expect(reviewRelations(layers, rejected, unitsOf(rejected))[0]!.resolution).toEqual({ kind: 'rejected' })
  })
})
