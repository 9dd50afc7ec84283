// Which lane below the text each span's underline runs in, so that nested and overlapping spans
// (of one label or several) each show their own extent. The rule, as in displaCy's span view and
// like brackets in a formula: the innermost span runs closest to the text, a span that contains
// others runs below all of them, and two overlapping spans never share a lane. Lanes are numbered
// from 0 (just under the text).

export interface LaneSpan {
  id: string
  start: number
  end: number
}

/**
 * Lane of every span, by id. Spans are placed shortest first; each takes the lowest lane that is
 * free over its extent and lies below every span it contains. Work is per group of overlapping
 * spans, so a document of mostly separate spans costs a sort.
 */
export function assignSpanLanes(spans: readonly LaneSpan[]): Map<string, number> {
  const lanes = new Map<string, number>()
  const byStart = [...spans].sort((a, b) => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : 1))
  let group: LaneSpan[] = []
  let reach = -Infinity
  for (const span of byStart) {
    if (span.start >= reach && group.length > 0) {
      placeGroup(group, lanes)
      group = []
    }
    group.push(span)
    reach = Math.max(reach, span.end)
  }
  if (group.length > 0) placeGroup(group, lanes)
  return lanes
}

function placeGroup(group: LaneSpan[], lanes: Map<string, number>): void {
  if (group.length === 1) {
    lanes.set(group[0]!.id, 0)
    return
  }
  // shortest first; of equal spans the one starting first (then by id) goes nearer the text
  const order = [...group].sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || (a.id < b.id ? -1 : 1))
  // placed spans by start: none is longer than the span being placed, so those overlapping it
  // start within its length before it, and only that window is looked at
  const placed: { start: number; end: number; lane: number }[] = []
  const taken: boolean[] = []
  for (const span of order) {
    const length = span.end - span.start
    let lo = 0
    let hi = placed.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (placed[mid]!.start <= span.start - length) lo = mid + 1
      else hi = mid
    }
    let lowest = 0
    taken.length = 0
    let insertAt = placed.length
    for (let i = lo; i < placed.length; i++) {
      const other = placed[i]!
      if (other.start >= span.end) {
        insertAt = Math.min(insertAt, i)
        break
      }
      if (other.start > span.start && insertAt > i) insertAt = i
      if (other.end <= span.start) continue
      taken[other.lane] = true
      // it lies within this span: this span goes below it
      if (span.start <= other.start && other.end <= span.end) lowest = Math.max(lowest, other.lane + 1)
    }
    let lane = lowest
    while (taken[lane]) lane++
    placed.splice(insertAt, 0, { start: span.start, end: span.end, lane })
    lanes.set(span.id, lane)
  }
}

/**
 * How many lanes each line needs: the highest lane + 1 among the spans on it. `lineOf` maps a
 * span's start and end to line indexes; lines that need only one lane are left out.
 */
export function lanesPerLine(spans: readonly LaneSpan[], lanes: ReadonlyMap<string, number>, lineOf: (offset: number) => number): Map<number, number> {
  const perLine = new Map<number, number>()
  for (const span of spans) {
    const lane = lanes.get(span.id) ?? 0
    if (lane === 0) continue
    const last = lineOf(Math.max(span.start, span.end - 1))
    for (let line = lineOf(span.start); line <= last; line++) perLine.set(line, Math.max(perLine.get(line) ?? 1, lane + 1))
  }
  return perLine
}

/** Vertical sizes of the lanes below a line's text, in pixels. */
export const LANE_METRICS = {
  /** From the bottom of the text to the first lane. */
  offset: 1,
  /** Between two lanes. */
  step: 4,
  /** A bar's thickness. */
  bar: 2,
  /** How far a bracket's edge rises into the text's box. */
  rise: 3
}

/** The room below a line's text that `lanes` lanes take. */
export function roomForLanes(lanes: number): number {
  return LANE_METRICS.offset + lanes * LANE_METRICS.step + 1
}

/**
 * How a span's underline is drawn: `span` solid. Another kind of span (a suggestion, say) gets its
 * own look through its own class (`span-lane-<style>` in styles.css), with the same geometry.
 */
export type SpanBarStyle = 'span'

/** One piece of a span's underline: a bar under one box of its text, in its lane. */
export interface SpanBar {
  spanId: string
  /** Which of the span's boxes (0 for the first). */
  piece: number
  lane: number
  style: SpanBarStyle
  color: string
  /** The box the bar is drawn in: from a little inside the text's bottom down to the bar. */
  left: number
  top: number
  width: number
  height: number
  /** Where the span starts and ends, a bracket edge rises: on the left, the right, or both. */
  edgeLeft: boolean
  edgeRight: boolean
}

/**
 * The bars of one span from the boxes of its text (in the order the range gives them, i.e. text
 * order), each box's line direction deciding on which side the span's start and end lie.
 */
export function spanBars(
  span: { id: string; lane: number; color: string; style?: SpanBarStyle },
  boxes: readonly { left: number; right: number; bottom: number; rtl: boolean }[]
): SpanBar[] {
  const m = LANE_METRICS
  return boxes.map((box, i) => {
    const first = i === 0
    const last = i === boxes.length - 1
    return {
      spanId: span.id,
      piece: i,
      lane: span.lane,
      style: span.style ?? 'span',
      color: span.color,
      left: box.left,
      top: box.bottom - m.rise,
      width: Math.max(2, box.right - box.left),
      height: m.rise + m.offset + span.lane * m.step + m.bar,
      edgeLeft: box.rtl ? last : first,
      edgeRight: box.rtl ? first : last
    }
  })
}
