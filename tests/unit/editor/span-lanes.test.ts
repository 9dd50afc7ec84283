// Lanes below the text: each span's bracket in its own lane, innermost nearest the text, spans that
// overlap never sharing a lane; and the bars drawn from a span's boxes, brackets on the right sides.
import { describe, expect, it } from 'vitest'
import { assignSpanLanes, lanesPerLine, spanBars } from '../../../src/renderer/src/editor/span-lanes'

const TEXT = 'Israeli Prime Minister Benjamin Netanyahu said the talks failed. Critics disagreed.'
const at = (id: string, quote: string) => {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length }
}

describe('assignSpanLanes', () => {
  it('puts a nested span of the same label nearer the text than the span around it', () => {
    const lanes = assignSpanLanes([at('outer', 'Israeli Prime Minister Benjamin Netanyahu'), at('inner', 'Benjamin Netanyahu')])
    expect(Object.fromEntries(lanes)).toEqual({ inner: 0, outer: 1 })
  })

  it('stacks three levels of nesting by depth, the outermost lowest', () => {
    const lanes = assignSpanLanes([at('a', 'Israeli Prime Minister Benjamin Netanyahu'), at('b', 'Prime Minister Benjamin Netanyahu'), at('c', 'Netanyahu')])
    expect(Object.fromEntries(lanes)).toEqual({ c: 0, b: 1, a: 2 })
  })

  it('gives crossing spans different lanes, and an enclosing span a lane below both', () => {
    const lanes = assignSpanLanes([
      at('outer', 'Israeli Prime Minister Benjamin Netanyahu said the talks failed'),
      at('actor', 'Benjamin Netanyahu'),
      at('claim', 'Netanyahu said the talks failed')
    ])
    expect(lanes.get('actor')).not.toBe(lanes.get('claim'))
    expect(lanes.get('outer')).toBeGreaterThan(Math.max(lanes.get('actor')!, lanes.get('claim')!))
  })

  it('keeps separate and touching spans in the first lane', () => {
    const lanes = assignSpanLanes([at('a', 'Israeli'), at('b', ' Prime'), at('c', 'Critics')])
    expect([...lanes.values()]).toEqual([0, 0, 0])
  })

  it('gives two spans over the same characters (two labels) two lanes, in a stable order', () => {
    const one = assignSpanLanes([at('x', 'Benjamin Netanyahu'), at('y', 'Benjamin Netanyahu')])
    const other = assignSpanLanes([at('y', 'Benjamin Netanyahu'), at('x', 'Benjamin Netanyahu')])
    expect(Object.fromEntries(one)).toEqual({ x: 0, y: 1 })
    expect(Object.fromEntries(other)).toEqual({ x: 0, y: 1 })
  })

  it('reuses a lane once the span that held it has ended', () => {
    // two nested pairs side by side: each pair's outer span is in lane 1, not 1 and 3
    const lanes = assignSpanLanes([at('o1', 'Israeli Prime Minister'), at('i1', 'Minister'), at('o2', 'Critics disagreed'), at('i2', 'Critics')])
    expect(Object.fromEntries(lanes)).toEqual({ o1: 1, i1: 0, o2: 1, i2: 0 })
  })

  it('places thousands of spans with no two overlapping spans in one lane', () => {
    const spans = Array.from({ length: 3000 }, (_, i) => {
      const start = (i * 37) % 20000
      return { id: `s${i}`, start, end: start + 5 + ((i * 13) % 60) }
    })
    const lanes = assignSpanLanes(spans)
    const byStart = [...spans].sort((a, b) => a.start - b.start)
    const clashes: string[] = []
    for (let i = 0; i < byStart.length; i++) {
      for (let j = i + 1; j < byStart.length && byStart[j]!.start < byStart[i]!.end; j++) {
        if (lanes.get(byStart[i]!.id) === lanes.get(byStart[j]!.id)) clashes.push(`${byStart[i]!.id} ${byStart[j]!.id}`)
      }
    }
    expect(clashes).toEqual([])
  })
})

describe('lanesPerLine', () => {
  it('asks for room only on lines holding a span beyond the first lane', () => {
    const lines = [0, 20, 40, 60] // line starts
    const lineOf = (offset: number) => lines.filter((start) => start <= offset).length - 1
    const spans = [
      { id: 'outer', start: 22, end: 35 },
      { id: 'inner', start: 25, end: 30 },
      { id: 'alone', start: 3, end: 8 },
      { id: 'long', start: 41, end: 75 },
      { id: 'nested', start: 62, end: 64 }
    ]
    const lanes = assignSpanLanes(spans)
    expect(Object.fromEntries(lanesPerLine(spans, lanes, lineOf))).toEqual({ 1: 2, 2: 2, 3: 2 })
  })
})

describe('spanBars', () => {
  const box = (left: number, right: number, rtl = false) => ({ left, right, bottom: 100, rtl })

  it('draws one bar per box, brackets where the span starts and ends', () => {
    const bars = spanBars({ id: 's', lane: 1, color: '#2f6fd0' }, [box(10, 200), box(0, 80)])
    expect(bars.map((bar) => [bar.left, bar.width, bar.edgeLeft, bar.edgeRight])).toEqual([
      [10, 190, true, false],
      [0, 80, false, true]
    ])
  })

  it('puts a right-to-left span’s start on the right', () => {
    const [bar] = spanBars({ id: 's', lane: 0, color: '#2f6fd0' }, [box(300, 360, true)])
    expect([bar!.edgeLeft, bar!.edgeRight]).toEqual([true, true])
    const bars = spanBars({ id: 's', lane: 0, color: '#2f6fd0' }, [box(300, 360, true), box(400, 500, true)])
    expect(bars.map((b) => [b.edgeLeft, b.edgeRight])).toEqual([
      [false, true],
      [true, false]
    ])
  })

  it('draws a deeper lane lower, from the same point in the text', () => {
    const [near] = spanBars({ id: 'a', lane: 0, color: '#000000' }, [box(0, 10)])
    const [far] = spanBars({ id: 'b', lane: 2, color: '#000000' }, [box(0, 10)])
    expect(far!.top).toBe(near!.top)
    expect(far!.top + far!.height).toBeGreaterThan(near!.top + near!.height + 7)
  })
})
