// The editor's rule after a conflict: the layer on disk, plus the user's own changes that do not
// clash with it; on a clash the version on disk wins.
import { describe, expect, it } from 'vitest'
import { rebaseEdits, sameAnnotations } from '../../../src/shared/rebase-edits'
import type { Relation, Span } from '../../../src/shared/model'

const s = (id: string, start: number, end: number, label = 'actor', extra: Partial<Span> = {}): Span => ({ id, start, end, label, ...extra })
const r = (id: string, from: string, to: string, type = 'attributed_to'): Relation => ({ id, type, from, to })
const ids = (spans: { id: string }[]) => spans.map((x) => x.id).sort()

describe('re-applying unsaved changes on the layer now on disk', () => {
  const base = { spans: [s('a', 0, 5), s('b', 10, 15)], relations: [] }

  it('keeps their new spans and adds mine', () => {
    const mine = { spans: [...base.spans, s('m', 20, 25, 'claim')], relations: [] }
    const theirs = { spans: [...base.spans, s('t', 30, 35)], relations: [] }
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(ids(result.spans)).toEqual(['a', 'b', 'm', 't'])
    expect([kept, dropped]).toEqual([1, 0])
  })

  it('drops a span of mine over exactly the text of one of theirs (theirs wins), keeps overlapping ones', () => {
    const mine = { spans: [...base.spans, s('m1', 20, 25, 'claim'), s('m2', 21, 30)], relations: [] }
    const theirs = { spans: [...base.spans, s('t', 20, 25, 'figure')], relations: [] }
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(ids(result.spans)).toEqual(['a', 'b', 'm2', 't'])
    expect(result.spans.find((x) => x.id === 't')!.label).toBe('figure')
    expect([kept, dropped]).toEqual([1, 1])
  })

  it('applies my relabel and deletion where they left the span alone', () => {
    const mine = { spans: [s('a', 0, 5, 'claim')], relations: [] }
    const theirs = { spans: [...base.spans, s('t', 30, 35)], relations: [] }
    const { result, kept } = rebaseEdits(base, mine, theirs)
    expect(result.spans).toEqual([s('a', 0, 5, 'claim'), s('t', 30, 35)])
    expect(kept).toBe(2)
  })

  it('lets their edit or deletion of the same span win over mine', () => {
    const mine = { spans: [s('a', 0, 5, 'claim'), s('b', 10, 15, 'actor', { note: 'mine' })], relations: [] }
    const theirs = { spans: [s('a', 0, 6)], relations: [] } // they resized a and deleted b
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(result.spans).toEqual([s('a', 0, 6)])
    expect([kept, dropped]).toEqual([0, 2])
  })

  it('a deletion of mine of a span they changed leaves their change', () => {
    const mine = { spans: [s('b', 10, 15)], relations: [] }
    const theirs = { spans: [s('a', 0, 5, 'figure'), s('b', 10, 15)], relations: [] }
    const { result, dropped } = rebaseEdits(base, mine, theirs)
    expect(ids(result.spans)).toEqual(['a', 'b'])
    expect(dropped).toBe(1)
  })

  it('the same change on both sides is no clash', () => {
    const mine = { spans: [...base.spans, s('m', 20, 25)], relations: [] }
    const { result, kept, dropped } = rebaseEdits(base, mine, mine)
    expect(sameAnnotations(result, mine)).toBe(true)
    expect([kept, dropped]).toEqual([0, 0])
  })

  it('keeps my new relation when both its spans remain, drops it when one is gone', () => {
    const mine = { spans: [...base.spans, s('m', 20, 25, 'claim')], relations: [r('r1', 'm', 'a'), r('r2', 'm', 'b')] }
    const theirs = { spans: [s('a', 0, 5)], relations: [] } // they deleted b
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(result.relations.map((x) => x.id)).toEqual(['r1'])
    expect([kept, dropped]).toEqual([2, 1])
  })

  it('compares attributes whatever their key order', () => {
    const withAttributes = { spans: [s('a', 0, 5, 'figure', { attributes: { value: 4, unit: '%' } })], relations: [] }
    const reordered = { spans: [s('a', 0, 5, 'figure', { attributes: { unit: '%', value: 4 } })], relations: [] }
    expect(sameAnnotations(withAttributes, reordered)).toBe(true)
    expect(rebaseEdits(withAttributes, reordered, withAttributes)).toMatchObject({ kept: 0, dropped: 0 })
  })
})

describe('document tags after a conflict', () => {
  const base = { spans: [], relations: [], tags: { topic: ['ceasefire'], source: ['newspaper'] } }

  it('takes my change to a group they left alone, keeps theirs to another group, and theirs wins a group we both changed', () => {
    const mine = { ...base, tags: { topic: ['ceasefire', 'hostages'], source: ['news agency'] } }
    const theirs = { ...base, tags: { topic: ['ceasefire'], source: ['state media'], stance: ['neutral'] } }
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(result.tags).toEqual({ topic: ['ceasefire', 'hostages'], source: ['state media'], stance: ['neutral'] })
    expect([kept, dropped]).toEqual([1, 1])
  })

  it('applies my clearing of a group, and counts the same change on both sides as no clash', () => {
    const mine = { ...base, tags: { source: ['news agency'] } }
    const theirs = { ...base, tags: { topic: ['ceasefire'], source: ['news agency'] } }
    const { result, kept, dropped } = rebaseEdits(base, mine, theirs)
    expect(result.tags).toEqual({ source: ['news agency'] })
    expect([kept, dropped]).toEqual([1, 0])
    expect(sameAnnotations({ ...base, tags: { topic: ['b', 'a'] } }, { ...base, tags: { topic: ['a', 'b'] } })).toBe(true)
    expect(sameAnnotations({ ...base, tags: { topic: ['a'] } }, { ...base, tags: {} })).toBe(false)
  })
})
