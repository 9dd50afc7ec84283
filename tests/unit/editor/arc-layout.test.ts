// Relation arcs between lines: levels per row (enclosing arcs above the ones they enclose, labels
// never sharing a level where they would meet), gutter lanes for arcs between rows, and each
// arc end its own point on its span, so two arrows onto one span have two heads.
import { describe, expect, it } from 'vitest'
import { ARC_METRICS, arcShape, assignGutterLanes, assignLevels, planArcs, spreadEnds, type ArcRequest } from '../../../src/renderer/src/editor/arc-layout'

const end = (span: string, row: number, left: number, width: number) => ({ span, row, left, width })
const options = { columnLeft: 0, columnRight: 600 }

describe('assignLevels', () => {
  it('puts an enclosing run above the one it encloses, separate runs on the lowest level', () => {
    expect(assignLevels([{ left: 0, right: 300 }, { left: 50, right: 100 }, { left: 400, right: 500 }])).toEqual([1, 0, 0])
  })

  it('gives crossing runs different levels', () => {
    const levels = assignLevels([{ left: 0, right: 200 }, { left: 150, right: 350 }])
    expect(new Set(levels).size).toBe(2)
  })

  it('lifts an enclosing run above a stack of runs inside it', () => {
    expect(assignLevels([{ left: 0, right: 500 }, { left: 10, right: 100 }, { left: 20, right: 60 }, { left: 200, right: 250 }])).toEqual([2, 1, 0, 0])
  })
})

describe('assignGutterLanes', () => {
  it('gives overlapping row ranges their own lanes and reuses a lane after its range ends', () => {
    expect(assignGutterLanes([{ top: 0, bottom: 5 }, { top: 2, bottom: 3 }, { top: 6, bottom: 9 }])).toEqual([0, 1, 0])
  })
})

describe('spreadEnds', () => {
  it('spreads ends evenly over a wide span', () => {
    expect(spreadEnds(0, 90, 2)).toEqual([30, 60])
  })
  it('keeps ends apart on a span too narrow for them', () => {
    const xs = spreadEnds(100, 8, 3, 9)
    expect(xs[1]! - xs[0]!).toBe(9)
    expect(xs[2]! - xs[1]!).toBe(9)
    expect(xs[1]).toBe(104)
  })
})

describe('planArcs', () => {
  it('lands two arrows onto one target at two points, each end ordered towards its other end', () => {
    const requests: ArcRequest[] = [
      { id: 'left', from: end('a', 0, 0, 50), to: end('t', 0, 200, 100), labelWidth: 40 },
      { id: 'right', from: end('b', 0, 450, 50), to: end('t', 0, 200, 100), labelWidth: 40 }
    ]
    const { arcs } = planArcs(requests, options)
    const [left, right] = arcs as [(typeof arcs)[0], (typeof arcs)[0]]
    expect(left.toX).not.toBe(right.toX)
    expect(left.toX).toBeLessThan(right.toX)
    expect(left.toX).toBeGreaterThanOrEqual(200)
    expect(right.toX).toBeLessThanOrEqual(300)
  })

  it('puts labels that would meet on different levels, and nested arcs above the inner ones', () => {
    const requests: ArcRequest[] = [
      { id: 'outer', from: end('a', 0, 0, 40), to: end('d', 0, 500, 40), labelWidth: 80 },
      { id: 'inner', from: end('b', 0, 150, 40), to: end('c', 0, 300, 40), labelWidth: 80 }
    ]
    const { arcs, levelsPerRow } = planArcs(requests, options)
    expect(arcs.map((arc) => arc.label.level)).toEqual([1, 0])
    expect(levelsPerRow.get(0)).toBe(2)
  })

  it('widens a short arc by its label, so two short arcs side by side do not put labels on each other', () => {
    // the arcs are 20 px apart but their labels are 120 px wide: they cannot share a level
    const requests: ArcRequest[] = [
      { id: 'one', from: end('a', 0, 100, 20), to: end('b', 0, 130, 20), labelWidth: 120 },
      { id: 'two', from: end('c', 0, 170, 20), to: end('d', 0, 200, 20), labelWidth: 120 }
    ]
    const { arcs } = planArcs(requests, options)
    expect(arcs[0]!.label.level).not.toBe(arcs[1]!.label.level)
  })

  it('routes an arc between rows through the gutter, with a run in each row', () => {
    const requests: ArcRequest[] = [
      { id: 'down', from: end('a', 0, 100, 50), to: end('b', 3, 200, 50), labelWidth: 60 },
      { id: 'up', from: end('c', 2, 100, 50), to: end('d', 1, 300, 50), labelWidth: 60 }
    ]
    const { arcs, levelsPerRow } = planArcs(requests, options)
    expect(arcs[0]!.runs.map((run) => [run.row, run.x2])).toEqual([
      [0, 600],
      [3, 600]
    ])
    expect(arcs[0]!.gutterLane).not.toBe(arcs[1]!.gutterLane)
    expect([...levelsPerRow.keys()].sort()).toEqual([0, 1, 2, 3])
  })

  it('keeps a label inside the text column', () => {
    const { arcs } = planArcs([{ id: 'x', from: end('a', 0, 560, 30), to: end('b', 2, 10, 30), labelWidth: 100 }], options)
    expect(arcs[0]!.label.x + 50).toBeLessThanOrEqual(600)
  })
})

describe('arcShape', () => {
  it('stays above its rows: no point below a row top, the head touching the target from above', () => {
    const { arcs } = planArcs(
      [
        { id: 'same', from: end('a', 0, 0, 40), to: end('b', 0, 300, 40), labelWidth: 60 },
        { id: 'rows', from: end('c', 0, 400, 40), to: end('d', 1, 100, 40), labelWidth: 60 }
      ],
      options
    )
    const tops = [100, 200]
    for (const arc of arcs) {
      const shape = arcShape(arc, (row) => tops[row]!, 600)
      const numbers = shape.path.match(/-?\d+(\.\d+)?/g)!.map(Number)
      const ys = numbers.filter((_, i) => i % 2 === 1)
      const lastRow = arc.runs[arc.runs.length - 1]!.row
      expect(Math.max(...ys)).toBeLessThan(tops[lastRow]!)
      expect(shape.head).toContain(`M ${arc.toX} ${tops[lastRow]! - 1}`)
      expect(shape.label.y).toBeLessThanOrEqual(tops[arc.label.row]! - ARC_METRICS.base)
    }
  })
})
