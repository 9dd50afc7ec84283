// Aligning several annotators' spans of one document into units: one unit per thing marked,
// holding each annotator's version of it (or nothing). Review shows and adjudicates units;
// agreement counts them. The rule, in full:
//
// Annotators are taken in the order given. The first one's spans each open a unit. Each next
// annotator's spans are matched one to one to the units so far by an optimal assignment over the
// spans that overlap (share at least one character with) a unit's members: as many matches as
// possible, then as many whose label equals the unit's first member's label, then the largest
// total overlap (IoU with the unit's closest member). A matched span joins its unit; an
// unmatched one opens a unit of its own. So a unit never holds two spans of one annotator, and
// nested spans of one annotator ("Benjamin Netanyahu" inside "Prime Minister Benjamin
// Netanyahu") stay in separate units, each matched to the closest version of the others.
import { optimalPairs } from './assignment'
import { orderByBounds } from './clusters'
import { intersectionOverUnion, sameBounds, type AlignableSpan } from './spans'

export type UnitState = 'unanimous' | 'label_conflict' | 'boundary_conflict' | 'one_sided'

export interface AlignedUnit<S extends AlignableSpan = AlignableSpan> {
  /** Stable for the same member spans: `annotator:spanId` of each member, joined by "|". */
  key: string
  /** The union of the members' bounds. */
  start: number
  end: number
  /** Every annotator asked about, with their span here or null. */
  members: Record<string, S | null>
  /**
   * one_sided: some annotators have nothing here (whatever the others did); else
   * label_conflict: the labels differ (bounds may differ too); else boundary_conflict: same
   * label, different bounds; else unanimous: same bounds and label in every layer.
   */
  state: UnitState
  labelsAgree: boolean
  boundsAgree: boolean
}

export interface AnnotatorSpans<S extends AlignableSpan = AlignableSpan> {
  annotator: string
  spans: readonly S[]
}

/** A unit before its key and state: each layer's span in it (by layer index) or null. */
export interface UnitMembers<S extends AlignableSpan = AlignableSpan> {
  start: number
  end: number
  /** The first member's label, which the later layers' spans are preferably matched to. */
  label: string
  members: (S | null)[]
  /** How many members are not null. */
  size: number
}

export function alignUnits<S extends AlignableSpan>(layers: AnnotatorSpans<S>[]): AlignedUnit<S>[] {
  const annotators = layers.map((layer) => layer.annotator)
  // the key lists members by annotator name in locale order: rank the layers once
  const byName = annotators.map((_, i) => i).sort((x, y) => annotators[x]!.localeCompare(annotators[y]!))
  return alignUnitMembers(layers.map((layer) => layer.spans))
    .map((unit) => finishUnit(unit, annotators, byName))
    .sort((a, b) => a.start - b.start || b.end - a.end || a.key.localeCompare(b.key))
}

/**
 * The units of the rule above, in the order they were opened (the first layer's spans in order of
 * start, then each later layer's unmatched ones): what a caller that needs no keys, states or
 * order (agreement counts) takes directly.
 */
export function alignUnitMembers<S extends AlignableSpan>(layers: readonly (readonly S[])[]): UnitMembers<S>[] {
  const units: UnitMembers<S>[] = []
  const open: UnitMembers<S>[] = []
  const incoming: S[] = []
  for (let layer = 0; layer < layers.length; layer++) {
    const spans = layers[layer]!
    // units and spans in one order of start then end (units first on equal bounds), swept into
    // clusters of chained overlaps; index i < units.length is units[i], else spans[i − units.length]
    const count = units.length + spans.length
    const starts = new Float64Array(count)
    const ends = new Float64Array(count)
    for (let i = 0; i < count; i++) {
      const item = i < units.length ? units[i]! : spans[i - units.length]!
      starts[i] = item.start
      ends[i] = item.end
    }
    // stable: equal bounds keep units before spans, each in its order
    const order = orderByBounds(starts, ends, count, units.length)
    const existing = units.length
    let reach = -Infinity
    for (const i of order) {
      if (starts[i]! >= reach && open.length + incoming.length > 0) {
        joinCluster(open, incoming, layer, layers.length, units)
        open.length = 0
        incoming.length = 0
        reach = -Infinity
      }
      if (i < existing) open.push(units[i]!)
      else incoming.push(spans[i - existing]!)
      if (ends[i]! > reach) reach = ends[i]!
    }
    joinCluster(open, incoming, layer, layers.length, units)
    open.length = 0
    incoming.length = 0
  }
  return units
}

/** One cluster of one layer: its spans join the open units they match, the rest open units. */
function joinCluster<S extends AlignableSpan>(open: UnitMembers<S>[], incoming: S[], layer: number, layerCount: number, units: UnitMembers<S>[]): void {
  if (incoming.length === 0) return
  const matched = new Uint8Array(incoming.length)
  if (open.length === 1 && incoming.length === 1) {
    // a unit facing one span (most clusters): it joins when they overlap at all
    if (closeness(open[0]!, incoming[0]!) > 0) {
      join(open[0]!, incoming[0]!, layer)
      matched[0] = 1
    }
  } else if (open.length > 0) {
    const pairs = optimalPairs(open.length, incoming.length, (r, c) => {
      const unit = open[r]!
      const span = incoming[c]!
      const close = closeness(unit, span)
      return close > 0 ? [unit.label === span.label ? 1 : 0, close] : null
    })
    for (const [r, c] of pairs) {
      join(open[r]!, incoming[c]!, layer)
      matched[c] = 1
    }
  }
  for (let c = 0; c < incoming.length; c++) {
    if (matched[c]) continue
    const span = incoming[c]!
    const members = new Array<S | null>(layerCount).fill(null)
    members[layer] = span
    units.push({ start: span.start, end: span.end, label: span.label, members, size: 1 })
  }
}

/** IoU of a span with the unit's closest member. */
function closeness(unit: UnitMembers, span: AlignableSpan): number {
  let best = 0
  for (const member of unit.members) {
    if (!member) continue
    const iou = intersectionOverUnion(member, span)
    if (iou > best) best = iou
  }
  return best
}

function join<S extends AlignableSpan>(unit: UnitMembers<S>, span: S, layer: number): void {
  unit.members[layer] = span
  unit.size++
  if (span.start < unit.start) unit.start = span.start
  if (span.end > unit.end) unit.end = span.end
}

function finishUnit<S extends AlignableSpan>(unit: UnitMembers<S>, annotators: string[], byName: number[]): AlignedUnit<S> {
  const members: Record<string, S | null> = {}
  for (const [i, name] of annotators.entries()) if (!(name in members) || members[name] === null) members[name] = unit.members[i] ?? null
  // members in the order they joined (the layers' order)
  const present = unit.members.filter((span): span is S => span !== null)
  const first = present[0]!
  const labelsAgree = present.every((span) => span.label === first.label)
  const boundsAgree = present.every((span) => sameBounds(span, first))
  const state: UnitState =
    present.length < annotators.length ? 'one_sided' : !labelsAgree ? 'label_conflict' : !boundsAgree ? 'boundary_conflict' : 'unanimous'
  const key = byName
    .filter((i) => unit.members[i])
    .map((i) => `${annotators[i]}:${unit.members[i]!.id}`)
    .join('|')
  return { key, start: unit.start, end: unit.end, members, state, labelsAgree, boundsAgree }
}
