// Where relation arcs run, so that they never cover text: every arc leaves its source span
// upwards, runs level in the gap above the source's row, and comes down onto its target from
// above. An arc between two rows runs to the gutter right of the text column, along it, and into
// the gap above the target's row (as brat and INCEpTION split long arcs at the row's edge, but
// joined, so each arrow stays one line). Pure geometry in pixels; the text view measures the
// spans, gives each row the room its levels need, and draws what this returns.

/** A span end of an arc: the visual row of the span's first box, and that box's horizontal extent. */
export interface ArcEndpoint {
  span: string
  row: number
  left: number
  width: number
}

export interface ArcRequest {
  id: string
  from: ArcEndpoint
  to: ArcEndpoint
  /** The label's width in pixels. */
  labelWidth: number
}

/** A level run in the gap above `row`, from x1 (at a span) to x2; level 0 is the lowest. */
export interface ArcRun {
  row: number
  level: number
  x1: number
  x2: number
}

export interface PlannedArc {
  id: string
  /** Where the arc leaves its source and where its head lands: each arc end its own point. */
  fromX: number
  toX: number
  /** One run for an arc within a row; two (source row, target row) for an arc through the gutter. */
  runs: ArcRun[]
  /** The gutter lane of an arc between rows (0 nearest the text), else null. */
  gutterLane: number | null
  /** The label's centre: on the source row's run, at that run's level. */
  label: { row: number; level: number; x: number }
}

export interface ArcPlan {
  arcs: PlannedArc[]
  /** Levels each row's gap holds (highest level + 1), for rows with arcs. */
  levelsPerRow: Map<number, number>
}

export interface ArcLayoutOptions {
  /** The left and right edges of the text column; the gutter begins right of `columnRight`. */
  columnLeft: number
  columnRight: number
  /** Least distance between two arc ends on one span (so that two heads never merge). */
  endGap?: number
  /** Clear space kept either side of a label and between runs on one level. */
  pad?: number
}

const END_GAP = 9
const PAD = 4

/**
 * Spreads `count` arc ends evenly over a box of `width` starting at `left`; where the box is too
 * narrow for them `gap` apart, they are centred on it `gap` apart (a head may then overhang a
 * one-letter span, but never sits on another head).
 */
export function spreadEnds(left: number, width: number, count: number, gap = END_GAP): number[] {
  if (count <= 0) return []
  const step = width / (count + 1)
  if (step >= gap) return Array.from({ length: count }, (_, i) => left + step * (i + 1))
  const centre = left + width / 2
  return Array.from({ length: count }, (_, i) => centre + (i - (count - 1) / 2) * gap)
}

interface Interval {
  left: number
  right: number
}

interface PendingRun {
  arc: number
  row: number
  x1: number
  x2: number
  /** Extent that nothing else may share on its level: the run plus its label, padded. */
  extent: Interval
  level: number
}

const within = (outer: Interval, inner: Interval) => outer.left <= inner.left && inner.right <= outer.right
const meets = (a: Interval, b: Interval) => a.left < b.right && b.left < a.right

/**
 * Levels for a row's runs: narrow runs lowest; each takes the lowest level that is free over its
 * extent and above every run it encloses, so an enclosing arc's legs pass outside the runs (and
 * labels) below it. Runs that merely cross can share no level, so their labels never collide.
 */
export function assignLevels(extents: readonly Interval[]): number[] {
  const order = extents.map((_, i) => i).sort((a, b) => extents[a]!.right - extents[a]!.left - (extents[b]!.right - extents[b]!.left) || extents[a]!.left - extents[b]!.left)
  const levels = new Array<number>(extents.length).fill(0)
  const placed: number[] = []
  for (const i of order) {
    const extent = extents[i]!
    let lowest = 0
    const taken = new Set<number>()
    for (const j of placed) {
      if (!meets(extent, extents[j]!)) continue
      taken.add(levels[j]!)
      if (within(extent, extents[j]!)) lowest = Math.max(lowest, levels[j]! + 1)
    }
    let level = lowest
    while (taken.has(level)) level++
    levels[i] = level
    placed.push(i)
  }
  return levels
}

/** Gutter lanes for arcs between rows: row ranges that overlap get different lanes. */
export function assignGutterLanes(ranges: readonly { top: number; bottom: number }[]): number[] {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.top - ranges[b]!.top || ranges[b]!.bottom - ranges[a]!.bottom)
  const laneEnds: number[] = []
  const lanes = new Array<number>(ranges.length).fill(0)
  for (const i of order) {
    const range = ranges[i]!
    let lane = laneEnds.findIndex((end) => end < range.top)
    if (lane < 0) lane = laneEnds.length
    laneEnds[lane] = range.bottom
    lanes[i] = lane
  }
  return lanes
}

export function planArcs(requests: readonly ArcRequest[], options: ArcLayoutOptions): ArcPlan {
  const pad = options.pad ?? PAD
  const gutter = options.columnRight

  // each span's arc ends, ordered by where the other end lies (arcs to the left leave from the
  // left of the span, arcs through the gutter from its right), then spread over the span's box
  const ends = new Map<string, { arc: number; side: 'from' | 'to'; towards: number; endpoint: ArcEndpoint }[]>()
  requests.forEach((request, arc) => {
    const add = (side: 'from' | 'to', endpoint: ArcEndpoint, other: ArcEndpoint) => {
      const towards = other.row === endpoint.row ? other.left + other.width / 2 : Number.POSITIVE_INFINITY
      const list = ends.get(endpoint.span) ?? []
      list.push({ arc, side, towards, endpoint })
      ends.set(endpoint.span, list)
    }
    add('from', request.from, request.to)
    add('to', request.to, request.from)
  })
  const fromX = new Array<number>(requests.length).fill(0)
  const toX = new Array<number>(requests.length).fill(0)
  for (const list of ends.values()) {
    list.sort((a, b) => a.towards - b.towards || a.arc - b.arc || (a.side === 'from' ? -1 : 1))
    const { left, width } = list[0]!.endpoint
    spreadEnds(left, width, list.length, options.endGap).forEach((x, i) => {
      const end = list[i]!
      if (end.side === 'from') fromX[end.arc] = x
      else toX[end.arc] = x
    })
  }

  // the label sits on the source row's run, centred, kept inside the text column
  const labelCentre = (left: number, right: number, width: number) =>
    Math.max(options.columnLeft + width / 2, Math.min((left + right) / 2, options.columnRight - width / 2))
  const runs: PendingRun[] = []
  const labels: { run: number; x: number }[] = []
  const gutterRanges: { arc: number; top: number; bottom: number }[] = []
  requests.forEach((request, arc) => {
    const width = request.labelWidth
    const pushRun = (row: number, x1: number, x2: number, label: boolean) => {
      let extent = { left: Math.min(x1, x2) - pad, right: Math.max(x1, x2) + pad }
      if (label) {
        const x = labelCentre(Math.min(x1, x2), Math.max(x1, x2), width)
        extent = { left: Math.min(extent.left, x - width / 2 - pad), right: Math.max(extent.right, x + width / 2 + pad) }
        labels[arc] = { run: runs.length, x }
      }
      runs.push({ arc, row, x1, x2, extent, level: 0 })
    }
    if (request.from.row === request.to.row) pushRun(request.from.row, fromX[arc]!, toX[arc]!, true)
    else {
      pushRun(request.from.row, fromX[arc]!, gutter, true)
      pushRun(request.to.row, toX[arc]!, gutter, false)
      gutterRanges.push({ arc, top: Math.min(request.from.row, request.to.row), bottom: Math.max(request.from.row, request.to.row) })
    }
  })

  const byRow = new Map<number, PendingRun[]>()
  for (const run of runs) {
    const list = byRow.get(run.row)
    if (list) list.push(run)
    else byRow.set(run.row, [run])
  }
  const levelsPerRow = new Map<number, number>()
  for (const [row, list] of byRow) {
    const levels = assignLevels(list.map((run) => run.extent))
    list.forEach((run, i) => (run.level = levels[i]!))
    levelsPerRow.set(row, Math.max(...levels) + 1)
  }

  const gutterLanes = new Map<number, number>()
  assignGutterLanes(gutterRanges).forEach((lane, i) => gutterLanes.set(gutterRanges[i]!.arc, lane))

  const runsOf = requests.map((): ArcRun[] => [])
  for (const { arc, row, level, x1, x2 } of runs) runsOf[arc]!.push({ row, level, x1, x2 })
  const arcs: PlannedArc[] = requests.map((request, arc) => {
    const labelRun = runs[labels[arc]!.run]!
    return {
      id: request.id,
      fromX: fromX[arc]!,
      toX: toX[arc]!,
      runs: runsOf[arc]!,
      gutterLane: gutterLanes.get(arc) ?? null,
      label: { row: labelRun.row, level: labelRun.level, x: labels[arc]!.x }
    }
  })
  return { arcs, levelsPerRow }
}

/** Vertical sizes of the arc drawing, in pixels. */
export const ARC_METRICS = {
  /** From a row's top to its lowest level: clears a label tag sitting on the row. */
  base: 18,
  /** Between two levels: a label's height and a little air. */
  level: 14,
  /** Half a label's height. */
  labelHalf: 7,
  /** The arrowhead's length and half width. */
  head: 7,
  headHalf: 3.5,
  /** From the text column to the first gutter lane (past a space hanging at a row's end), and between lanes. */
  gutterOffset: 8,
  gutterStep: 4,
  gutterLanes: 4,
  corner: 4
}

/** The room above a row whose gap holds `levels` levels of arcs, labels included. */
export function roomForLevels(levels: number): number {
  return levels <= 0 ? 0 : ARC_METRICS.base + (levels - 1) * ARC_METRICS.level + ARC_METRICS.labelHalf + 2
}

export interface ArcShape {
  /** The arc's line, from its source to the base of its head. */
  path: string
  /** Its arrowhead, a closed triangle whose tip touches the target from above. */
  head: string
  label: { x: number; y: number }
}

/** A polyline with rounded corners. */
function roundedPath(points: { x: number; y: number }[], radius: number): string {
  const parts = [`M ${points[0]!.x} ${points[0]!.y}`]
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1]!, points[i]!, points[i + 1]!]
    const r = Math.min(radius, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2)
    const toward = (p: { x: number; y: number }) => {
      const d = Math.hypot(p.x - b.x, p.y - b.y) || 1
      return { x: b.x + ((p.x - b.x) / d) * r, y: b.y + ((p.y - b.y) / d) * r }
    }
    const [before, after] = [toward(a), toward(c)]
    parts.push(`L ${before.x} ${before.y} Q ${b.x} ${b.y} ${after.x} ${after.y}`)
  }
  const last = points[points.length - 1]!
  parts.push(`L ${last.x} ${last.y}`)
  return parts.join(' ')
}

/**
 * The drawing of a planned arc, given each row's top (the top of its text) and where the gutter
 * begins. Nothing of it reaches below the top of a row: it ends a pixel above its target.
 */
export function arcShape(arc: PlannedArc, rowTop: (row: number) => number, gutterLeft: number): ArcShape {
  const m = ARC_METRICS
  const levelY = (run: ArcRun) => rowTop(run.row) - m.base - run.level * m.level
  const [first, second] = arc.runs as [ArcRun, ArcRun | undefined]
  const start = { x: arc.fromX, y: rowTop(first.row) - 1 }
  const tip = { x: arc.toX, y: rowTop((second ?? first).row) - 1 }
  const headBase = { x: tip.x, y: tip.y - m.head }
  const points = [start, { x: start.x, y: levelY(first) }]
  if (second) {
    const x = gutterLeft + m.gutterOffset + m.gutterStep * ((arc.gutterLane ?? 0) % m.gutterLanes)
    points.push({ x, y: levelY(first) }, { x, y: levelY(second) }, { x: tip.x, y: levelY(second) })
  } else points.push({ x: tip.x, y: levelY(first) })
  points.push(headBase)
  const head = `M ${tip.x} ${tip.y} L ${tip.x - m.headHalf} ${headBase.y} L ${tip.x + m.headHalf} ${headBase.y} Z`
  const labelRun = arc.runs.find((run) => run.row === arc.label.row && run.level === arc.label.level) ?? first
  return { path: roundedPath(points, m.corner), head, label: { x: arc.label.x, y: levelY(labelRun) } }
}
