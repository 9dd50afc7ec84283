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
import { overlapClusters } from './clusters'
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
  spans: S[]
}

interface Building<S extends AlignableSpan> {
  start: number
  end: number
  label: string
  spans: { annotator: string; span: S }[]
}

export function alignUnits<S extends AlignableSpan>(layers: AnnotatorSpans<S>[]): AlignedUnit<S>[] {
  const units: Building<S>[] = []
  for (const { annotator, spans } of layers) {
    type Item = { unit: Building<S> } | { span: S }
    const items: Item[] = [...units.map((unit) => ({ unit })), ...spans.map((span) => ({ span }))]
    for (const cluster of overlapClusters(items, (item) => ('unit' in item ? item.unit : item.span))) {
      const open = cluster.flatMap((item) => ('unit' in item ? [item.unit] : []))
      const incoming = cluster.flatMap((item) => ('span' in item ? [item.span] : []))
      const pairs = optimalPairs(open.length, incoming.length, (r, c) => {
        const unit = open[r]!
        const span = incoming[c]!
        const closeness = Math.max(...unit.spans.map((member) => intersectionOverUnion(member.span, span)))
        return closeness > 0 ? [unit.label === span.label ? 1 : 0, closeness] : null
      })
      const matched = new Set<number>()
      for (const [r, c] of pairs) {
        const unit = open[r]!
        const span = incoming[c]!
        unit.spans.push({ annotator, span })
        unit.start = Math.min(unit.start, span.start)
        unit.end = Math.max(unit.end, span.end)
        matched.add(c)
      }
      incoming.forEach((span, c) => {
        if (!matched.has(c)) units.push({ start: span.start, end: span.end, label: span.label, spans: [{ annotator, span }] })
      })
    }
  }
  const annotators = layers.map((layer) => layer.annotator)
  return units.map((unit) => finishUnit(unit, annotators)).sort((a, b) => a.start - b.start || b.end - a.end || a.key.localeCompare(b.key))
}

function finishUnit<S extends AlignableSpan>(unit: Building<S>, annotators: string[]): AlignedUnit<S> {
  const members: Record<string, S | null> = {}
  for (const name of annotators) members[name] = unit.spans.find((member) => member.annotator === name)?.span ?? null
  const present = unit.spans.map((member) => member.span)
  const first = present[0]!
  const labelsAgree = present.every((span) => span.label === first.label)
  const boundsAgree = present.every((span) => sameBounds(span, first))
  const state: UnitState =
    present.length < annotators.length ? 'one_sided' : !labelsAgree ? 'label_conflict' : !boundsAgree ? 'boundary_conflict' : 'unanimous'
  const key = [...unit.spans]
    .sort((a, b) => a.annotator.localeCompare(b.annotator))
    .map((member) => `${member.annotator}:${member.span.id}`)
    .join('|')
  return { key, start: unit.start, end: unit.end, members, state, labelsAgree, boundsAgree }
}
