// The Review view's reading of units: how each is marked, which a focus from the agreement view
// keeps, and the order N / Shift+N walk the open conflicts in.
import { describe, expect, it } from 'vitest'
import { emptyLayer, type AnnotationLayer, type Span } from '../../../src/shared/model'
import { emptyGold, rejectUnit, reviewUnits, takeVersion } from '../../../src/shared/review'
import { markOf, nextOpenConflict, unitSpans, unitsInFocus } from '../../../src/renderer/src/views/review/unit-marks'

const TEXT = 'Harbour master Ana Lindqvist said cargo volumes rose 12 percent in March. The mayor called the figures optimistic.'

function span(id: string, quote: string, label: string): Span {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}

function layer(annotator: string, spans: Span[]): AnnotationLayer {
  return { ...emptyLayer('d1', annotator), spans }
}

const alice = layer('alice', [span('a1', 'Ana Lindqvist', 'actor'), span('a2', '12 percent', 'figure'), span('a3', 'The mayor', 'actor'), span('a4', 'optimistic', 'claim')])
const bob = layer('bob', [span('b1', 'Ana Lindqvist', 'actor'), span('b2', '12 percent', 'figure'), span('b3', 'The mayor', 'actor')])
const carol = layer('carol', [span('c1', 'Ana Lindqvist', 'actor'), span('c2', 'rose 12 percent', 'figure'), span('c3', 'The mayor', 'claim')])
const quote = (unit: { start: number; end: number }) => TEXT.slice(unit.start, unit.end)

describe('review units as the view marks and walks them', () => {
  const gold = emptyGold('d1')
  const units = reviewUnits([alice, bob, carol], gold)

  it('marks agreeing, conflicting and incomplete units apart, and decided ones by their decision', () => {
    expect(units.map((unit) => `${quote(unit)}: ${markOf(unit)}`)).toEqual([
      'Ana Lindqvist: agreeing',
      'rose 12 percent: conflict',
      'The mayor: conflict',
      'optimistic: incomplete'
    ])
    const decided = reviewUnits([alice, bob, carol], rejectUnit(takeVersion(gold, units[1]!, 'carol', 'rev'), units[3]!, 'rev'))
    expect(decided.map(markOf)).toEqual(['agreeing', 'resolved', 'conflict', 'rejected'])
    expect(unitSpans(decided).map((s) => `${s.id === decided[1]!.key} ${s.label}`)).toEqual(['false agreeing', 'true resolved', 'false conflict', 'false rejected'])
  })

  it('walks open conflicts in text order, wrapping around, both ways, skipping decided and agreeing units', () => {
    const walk = (from: string | null, backwards = false) => {
      const next = nextOpenConflict(units, from, backwards)
      return next ? quote(next) : null
    }
    expect(walk(null)).toBe('rose 12 percent')
    expect(walk(units[1]!.key)).toBe('The mayor')
    expect(walk(units[3]!.key)).toBe('rose 12 percent')
    expect(walk(null, true)).toBe('optimistic')
    expect(walk(units[1]!.key, true)).toBe('optimistic')
    const decided = reviewUnits([alice, bob, carol], takeVersion(gold, units[2]!, 'alice', 'rev'))
    expect(quote(nextOpenConflict(decided, decided[1]!.key, false)!)).toBe('optimistic')
    expect(nextOpenConflict(reviewUnits([alice, bob], emptyGold('d1')).filter((u) => u.state === 'unanimous'), null, false)).toBeNull()
  })

  it('keeps, for a focus, the disagreements of its annotators that involve its labels', () => {
    // the layers are narrowed to the focus's annotators before units are made
    const pair = reviewUnits([alice, carol], gold)
    expect(unitsInFocus(pair, { labels: ['actor'] }).map(quote)).toEqual(['The mayor'])
    expect(unitsInFocus(pair, {}).map(quote)).toEqual(['rose 12 percent', 'The mayor', 'optimistic'])
    expect(unitsInFocus(pair, undefined)).toHaveLength(4)
  })
})
