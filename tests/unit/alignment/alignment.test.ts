import { describe, expect, it } from 'vitest'
import { alignUnits, matchSpans, type AlignableSpan } from '../../../src/shared/alignment'

const span = (id: string, start: number, end: number, label = 'actor'): AlignableSpan => ({ id, start, end, label })

// the toy document of the research notes: A has three spans, B two
const a = [span('a1', 0, 10, 'ACTOR'), span('a2', 20, 25, 'ACTOR'), span('a3', 30, 34, 'CLAIM')]
const b = [span('b1', 2, 10, 'ACTOR'), span('b2', 20, 25, 'ACTOR')]
const f1 = (pairs: number, x: number, y: number) => (2 * pairs) / (x + y)

describe('matchSpans', () => {
  it('exact boundaries match only identical ranges (span F1 0.40 on the toy document)', () => {
    const match = matchSpans(a, b, { boundaries: 'exact', labels: 'strict' })
    expect(match.pairs.map(([x, y]) => [x.id, y.id])).toEqual([['a2', 'b2']])
    expect(f1(match.pairs.length, a.length, b.length)).toBeCloseTo(0.4, 12)
  })

  it('overlap matches one to one (span F1 0.80 on the toy document)', () => {
    const match = matchSpans(a, b, { boundaries: 'overlap', labels: 'strict' })
    expect(match.pairs.map(([x, y]) => [x.id, y.id]).sort()).toEqual([['a1', 'b1'], ['a2', 'b2']])
    expect(match.onlyA.map((s) => s.id)).toEqual(['a3'])
    expect(f1(match.pairs.length, a.length, b.length)).toBeCloseTo(0.8, 12)
  })

  it('a minimum IoU rejects pairs that overlap too little', () => {
    const match = matchSpans([span('x', 0, 10)], [span('y', 8, 20)], { boundaries: 'overlap', minIoU: 0.5, labels: 'strict' })
    expect(match.pairs).toEqual([])
    expect(match.onlyA).toHaveLength(1)
    expect(match.onlyB).toHaveLength(1)
  })

  it('labels: strict refuses different labels, ignore pairs them (boundary-only)', () => {
    const x = [span('x', 0, 5, 'actor')]
    const y = [span('y', 0, 5, 'claim')]
    expect(matchSpans(x, y, { boundaries: 'exact', labels: 'strict' }).pairs).toHaveLength(0)
    expect(matchSpans(x, y, { boundaries: 'exact', labels: 'ignore' }).pairs).toHaveLength(1)
  })

  it('maximises the number of pairs before their overlap', () => {
    // x1 overlaps y1 a lot and y2 a little; x2 overlaps only y1: the best is x1–y2 and x2–y1
    const x = [span('x1', 0, 10), span('x2', 9, 30)]
    const y = [span('y1', 0, 12), span('y2', 8, 9)]
    const match = matchSpans(x, y, { boundaries: 'overlap', labels: 'strict' })
    expect(match.pairs.map(([p, q]) => `${p.id}-${q.id}`).sort()).toEqual(['x1-y2', 'x2-y1'])
  })

  it('prefers the same label when labels are ignored', () => {
    const x = [span('x', 0, 10, 'actor')]
    const y = [span('y1', 0, 10, 'claim'), span('y2', 1, 10, 'actor')]
    const match = matchSpans(x, y, { boundaries: 'overlap', labels: 'ignore' })
    expect(match.pairs.map(([, q]) => q.id)).toEqual(['y2'])
  })

  it('matches the closest of nested spans', () => {
    const outer = span('outer', 0, 40)
    const inner = span('inner', 24, 40)
    const match = matchSpans([outer, inner], [span('other', 24, 40)], { boundaries: 'overlap', labels: 'strict' })
    expect(match.pairs.map(([p]) => p.id)).toEqual(['inner'])
    expect(match.onlyA.map((s) => s.id)).toEqual(['outer'])
  })

  it('stays fast and exact on thousands of spans (clusters are matched apart)', () => {
    const many = (prefix: string, shift: number) => Array.from({ length: 3000 }, (_, i) => span(`${prefix}${i}`, i * 10 + shift, i * 10 + 6))
    const match = matchSpans(many('p', 0), many('q', 1), { boundaries: 'overlap', labels: 'strict' })
    expect(match.pairs).toHaveLength(3000)
    expect(match.pairs.every(([p, q]) => p.id.slice(1) === q.id.slice(1))).toBe(true)
  })
})

describe('alignUnits', () => {
  const layer = (annotator: string, spans: AlignableSpan[]) => ({ annotator, spans })

  it('gives every unit a state', () => {
    const units = alignUnits([
      layer('alice', [span('a1', 0, 5, 'actor'), span('a2', 10, 20, 'claim'), span('a3', 30, 35, 'actor'), span('a4', 50, 55, 'figure')]),
      layer('bob', [span('b1', 0, 5, 'actor'), span('b2', 10, 20, 'actor'), span('b3', 29, 35, 'actor')])
    ])
    expect(units.map((u) => [u.start, u.end, u.state])).toEqual([
      [0, 5, 'unanimous'],
      [10, 20, 'label_conflict'],
      [29, 35, 'boundary_conflict'],
      [50, 55, 'one_sided']
    ])
    expect(units[3]!.members).toEqual({ alice: span('a4', 50, 55, 'figure'), bob: null })
    expect(units[1]!.key).toBe('alice:a2|bob:b2')
  })

  it('aligns three annotators, one unit per thing marked', () => {
    const units = alignUnits([
      layer('a', [span('a1', 4, 16)]), // "the blackboard"
      layer('b', [span('b1', 8, 16)]), // "blackboard"
      layer('c', [span('c1', 4, 16), span('c2', 20, 22)])
    ])
    expect(units).toHaveLength(2)
    expect(Object.values(units[0]!.members).map((s) => s?.id)).toEqual(['a1', 'b1', 'c1'])
    expect(units[0]!.state).toBe('boundary_conflict')
    expect([units[0]!.start, units[0]!.end]).toEqual([4, 16])
    expect(units[1]!.state).toBe('one_sided')
  })

  it('keeps one annotator\'s nested spans in separate units', () => {
    const units = alignUnits([
      layer('a', [span('outer', 0, 40), span('inner', 24, 40)]),
      layer('b', [span('b-outer', 9, 40), span('b-inner', 24, 40)])
    ])
    expect(units.map((u) => u.key)).toEqual(['a:outer|b:b-outer', 'a:inner|b:b-inner'])
    expect(units.map((u) => u.state)).toEqual(['boundary_conflict', 'unanimous'])
  })

  it('a label conflict with a missing annotator is one-sided first', () => {
    const units = alignUnits([layer('a', [span('x', 0, 3, 'actor')]), layer('b', [span('y', 0, 3, 'claim')]), layer('c', [])])
    expect(units[0]!.state).toBe('one_sided')
    expect(units[0]!.labelsAgree).toBe(false)
  })
})
