import { describe, expect, it } from 'vitest'
import {
  addGoldSpan,
  displayState,
  emptyGold,
  isOpenConflict,
  rejectUnit,
  reviewRelations,
  reviewUnits,
  takeVersion,
  type ReviewUnit
} from '../../../src/shared/review'
import { BY, threeLayers } from './fixture'

const byAnn = (units: ReviewUnit[], id: string) => units.find((unit) => unit.members.ann?.id === id)!

describe('reviewUnits', () => {
  const layers = threeLayers()
  const units = reviewUnits(layers, emptyGold('doc0000000000001'))

  it('aligns the three layers into one unit per thing marked, in text order', () => {
    expect(units.map((unit) => unit.key)).toEqual([
      'ann:a1|bob:b1|cat:c1',
      'ann:a2|bob:b2|cat:c2',
      'ann:a3|bob:b3|cat:c3',
      'ann:a4',
      'ann:a5|bob:b5|cat:c5',
      'ann:a6|bob:b6|cat:c6',
      'ann:a7|bob:b7',
      'ann:a8|bob:b8|cat:c8',
      'ann:a9|bob:b9|cat:c9'
    ])
  })

  it('gives every unit its state and its differences', () => {
    const states = Object.fromEntries(units.map((unit) => [unit.key.split('|')[0], [unit.state, unit.differences]]))
    expect(states).toEqual({
      'ann:a1': ['unanimous', []],
      'ann:a2': ['label_conflict', ['label']],
      'ann:a3': ['boundary_conflict', ['bounds']],
      'ann:a4': ['one_sided', []],
      'ann:a5': ['attribute_conflict', ['attributes']],
      'ann:a6': ['unanimous', []],
      'ann:a7': ['one_sided', []],
      'ann:a8': ['boundary_conflict', ['bounds']],
      // a note is a comment to the reviewer: it is shown as a difference, never a conflict
      'ann:a9': ['unanimous', ['note']]
    })
  })

  it('keeps nested spans of one annotator in separate units, each with the others’ closest version', () => {
    const claim = byAnn(units, 'a6')
    const actor = byAnn(units, 'a7')
    expect([claim.members.bob?.id, claim.members.cat?.id]).toEqual(['b6', 'c6'])
    expect([actor.members.bob?.id, actor.members.cat]).toEqual(['b7', null])
  })

  it('spans the union of overlapping versions', () => {
    const chain = byAnn(units, 'a8')
    expect([chain.start, chain.end]).toEqual([100, 120])
  })

  it('counts open conflicts: every undecided unit that is not unanimous', () => {
    expect(units.filter(isOpenConflict).map((unit) => unit.members.ann?.id)).toEqual(['a2', 'a3', 'a4', 'a5', 'a7', 'a8'])
  })

  it('marks a unit resolved when gold was made from one of its spans, or it was rejected', () => {
    let gold = takeVersion(emptyGold('doc0000000000001'), byAnn(units, 'a2'), 'bob', BY)
    gold = rejectUnit(gold, byAnn(units, 'a4'), BY)
    const after = reviewUnits(layers, gold)
    expect(byAnn(after, 'a2').resolution).toEqual({ kind: 'gold', goldSpanIds: ['g1'] })
    expect(displayState(byAnn(after, 'a2'))).toBe('resolved')
    expect(byAnn(after, 'a4').resolution).toEqual({ kind: 'rejected' })
    expect(isOpenConflict(byAnn(after, 'a4'))).toBe(false)
    // the state stays: the list can still say what the conflict was
    expect(byAnn(after, 'a2').state).toBe('label_conflict')
  })

  it('shows a gold span nobody marked as a unit of its own', () => {
    const gold = addGoldSpan(emptyGold('doc0000000000001'), { start: 140, end: 150, label: 'claim' }, BY)
    const goldOnly = reviewUnits(layers, gold).find((unit) => unit.state === 'gold_only')!
    expect(goldOnly).toMatchObject({ key: 'gold:g1', start: 140, end: 150, resolution: { kind: 'gold', goldSpanIds: ['g1'] } })
    expect(goldOnly.members).toEqual({ ann: null, bob: null, cat: null })
  })

  it('shows a gold span whose source span was deleted by its annotator as gold-only', () => {
    const gold = takeVersion(emptyGold('doc0000000000001'), byAnn(units, 'a4'), 'ann', BY)
    const withoutA4 = threeLayers()
    withoutA4[0]!.spans = withoutA4[0]!.spans.filter((s) => s.id !== 'a4')
    const after = reviewUnits(withoutA4, gold)
    expect(after.find((unit) => unit.key === 'gold:g1')?.state).toBe('gold_only')
  })
})

describe('reviewRelations', () => {
  const layers = threeLayers()

  it('aligns relations through the units of their end spans', () => {
    const units = reviewUnits(layers, emptyGold('doc0000000000001'))
    const relations = reviewRelations(layers, emptyGold('doc0000000000001'), units)
    expect(relations).toHaveLength(1)
    expect(relations[0]).toMatchObject({
      key: 'ann:ar1|bob:br1',
      fromUnit: 'ann:a6|bob:b6|cat:c6',
      toUnit: 'ann:a7|bob:b7',
      state: 'one_sided',
      resolution: null,
      goldEnds: null
    })
    expect(relations[0]!.members.cat).toBeNull()
  })

  it('a different type on the same two units is a type conflict', () => {
    const changed = threeLayers()
    changed[1]!.relations = [{ id: 'br1', type: 'quantifies', from: 'b6', to: 'b7' }]
    changed[2]!.spans.push({ id: 'c7', start: 70, end: 80, label: 'actor' })
    changed[2]!.relations = [{ id: 'cr1', type: 'attributed_to', from: 'c6', to: 'c7' }]
    const units = reviewUnits(changed, emptyGold('doc0000000000001'))
    const [relation] = reviewRelations(changed, emptyGold('doc0000000000001'), units)
    expect(relation?.state).toBe('type_conflict')
    expect(relation?.key).toBe('ann:ar1|bob:br1|cat:cr1')
  })

  it('knows the gold ends once both end units are resolved into gold', () => {
    const units = reviewUnits(layers, emptyGold('doc0000000000001'))
    let gold = takeVersion(emptyGold('doc0000000000001'), byAnn(units, 'a6'), 'ann', BY)
    gold = takeVersion(gold, byAnn(units, 'a7'), 'bob', BY)
    const [relation] = reviewRelations(layers, gold, reviewUnits(layers, gold))
    expect(relation?.goldEnds).toEqual({ from: 'g1', to: 'g2' })
  })
})
