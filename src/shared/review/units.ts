// What the adjudicator reviews: the annotators' spans aligned into units (by the one alignment of
// src/shared/alignment, never another), each with its state, the ways its versions differ and
// whether gold already resolves it; and the annotators' relations aligned through their end spans'
// units. Pure and renderer-safe.
import { alignUnits, sameBounds, type UnitState } from '../alignment'
import type { AnnotationLayer, Relation, Span } from '../model'
import type { GoldLayer, GoldSpan } from './gold'

/**
 * The alignment's states, plus: attribute_conflict (same bounds and label everywhere, different
 * attribute values) and gold_only (a gold span no annotator's span leads to: added by the
 * adjudicator, or taken from spans their annotator has since deleted).
 */
export type ReviewUnitState = UnitState | 'attribute_conflict' | 'gold_only'

/** How the versions present in a unit differ. Notes never make a conflict: they are comments. */
export type Difference = 'label' | 'bounds' | 'attributes' | 'note'

export type Resolution = null | { kind: 'gold'; goldSpanIds: string[] } | { kind: 'rejected' }

export interface ReviewUnit {
  /** Stable for the same member spans (see alignUnits); `gold:<id>` for gold_only units. */
  key: string
  /** The union of the members' bounds (the gold span's, for gold_only units). */
  start: number
  end: number
  /** Every annotator reviewed, with their span here or null. */
  members: Record<string, Span | null>
  state: ReviewUnitState
  differences: Difference[]
  resolution: Resolution
}

export function sourceKey(annotator: string, spanId: string): string {
  return `${annotator}\u0000${spanId}`
}

/** Attribute values compared by value: key order and an absent map vs {} do not matter. */
export function sameAttributes(a: Span['attributes'], b: Span['attributes']): boolean {
  const x = a ?? {}
  const y = b ?? {}
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && x[key] === y[key])
}

export function sameNote(a: Span, b: Span): boolean {
  return (a.note ?? '') === (b.note ?? '')
}

/** Two versions say the same thing: bounds, label and attribute values (notes aside). */
export function sameVersion(a: Span, b: Span): boolean {
  return sameBounds(a, b) && a.label === b.label && sameAttributes(a.attributes, b.attributes)
}

export function differencesOf(spans: Span[]): Difference[] {
  const first = spans[0]
  if (!first) return []
  const out: Difference[] = []
  if (spans.some((span) => span.label !== first.label)) out.push('label')
  if (spans.some((span) => !sameBounds(span, first))) out.push('bounds')
  if (spans.some((span) => !sameAttributes(span.attributes, first.attributes))) out.push('attributes')
  if (spans.some((span) => !sameNote(span, first))) out.push('note')
  return out
}

export function presentMembers(unit: Pick<ReviewUnit, 'members'>): { annotator: string; span: Span }[] {
  return Object.entries(unit.members).flatMap(([annotator, span]) => (span ? [{ annotator, span }] : []))
}

/** Where each annotator span went: the gold spans made from it, or a rejection. */
interface GoldIndex {
  goldBySource: Map<string, string[]>
  rejectedSources: Set<string>
}

function indexGold(gold: GoldLayer): GoldIndex {
  const goldBySource = new Map<string, string[]>()
  for (const span of gold.spans) {
    for (const source of span.provenance.sources) {
      const key = sourceKey(source.annotator, source.spanId)
      const list = goldBySource.get(key)
      if (list) list.push(span.id)
      else goldBySource.set(key, [span.id])
    }
  }
  const rejectedSources = new Set(gold.rejected.flatMap((unit) => unit.sources.map((s) => sourceKey(s.annotator, s.spanId))))
  return { goldBySource, rejectedSources }
}

/**
 * The review units of one document. A unit is resolved when a gold span was made from one of its
 * member spans (its provenance names it) or a rejection names one of them. Gold spans that no
 * member span leads to are units of their own (gold_only), so nothing in gold is out of sight.
 */
export function reviewUnits(layers: AnnotationLayer[], gold: GoldLayer): ReviewUnit[] {
  const aligned = alignUnits(layers.map((layer) => ({ annotator: layer.annotator, spans: layer.spans })))
  const { goldBySource, rejectedSources } = indexGold(gold)
  const reached = new Set<string>()
  const units: ReviewUnit[] = aligned.map((unit) => {
    const present = presentMembers(unit)
    const goldIds = new Set<string>()
    let rejected = false
    for (const { annotator, span } of present) {
      const key = sourceKey(annotator, span.id)
      for (const id of goldBySource.get(key) ?? []) goldIds.add(id)
      if (rejectedSources.has(key)) rejected = true
    }
    goldIds.forEach((id) => reached.add(id))
    const differences = differencesOf(present.map((member) => member.span))
    const state: ReviewUnitState = unit.state === 'unanimous' && differences.includes('attributes') ? 'attribute_conflict' : unit.state
    const resolution: Resolution = goldIds.size > 0 ? { kind: 'gold', goldSpanIds: [...goldIds] } : rejected ? { kind: 'rejected' } : null
    return { key: unit.key, start: unit.start, end: unit.end, members: unit.members, state, differences, resolution }
  })
  const nobody = Object.fromEntries(layers.map((layer) => [layer.annotator, null]))
  for (const span of gold.spans) {
    if (reached.has(span.id)) continue
    units.push(goldOnlyUnit(span, nobody))
  }
  return units.sort((a, b) => a.start - b.start || b.end - a.end || a.key.localeCompare(b.key))
}

function goldOnlyUnit(span: GoldSpan, nobody: Record<string, null>): ReviewUnit {
  return {
    key: `gold:${span.id}`,
    start: span.start,
    end: span.end,
    members: { ...nobody },
    state: 'gold_only',
    differences: [],
    resolution: { kind: 'gold', goldSpanIds: [span.id] }
  }
}

/** Still to decide. */
export function isOpen(unit: ReviewUnit): boolean {
  return unit.resolution === null
}

/** Still to decide, and the annotators disagree (or not all of them marked it). */
export function isOpenConflict(unit: ReviewUnit): boolean {
  return unit.resolution === null && unit.state !== 'unanimous' && unit.state !== 'gold_only'
}

/** What the list and the lanes show: the unit's state, or resolved once decided. */
export function displayState(unit: ReviewUnit): ReviewUnitState | 'resolved' {
  return unit.resolution === null ? unit.state : 'resolved'
}

// ---- relations, aligned through their end spans ----

export type RelationUnitState = 'unanimous' | 'type_conflict' | 'one_sided'

export type RelationResolution = null | { kind: 'gold'; goldRelationIds: string[] } | { kind: 'rejected' }

export interface RelationUnit {
  /** `annotator:relationId` of each member, joined by "|". */
  key: string
  /** The units of the relation's two ends. */
  fromUnit: string
  toUnit: string
  members: Record<string, Relation | null>
  /** one_sided: some annotators lack it; type_conflict: the types differ; else unanimous. */
  state: RelationUnitState
  resolution: RelationResolution
  /** The gold spans both ends are resolved into, when both are: what takeRelation points at. */
  goldEnds: { from: string; to: string } | null
}

/**
 * Relations of different annotators are one unit when their ends lie in the same two units (in
 * the same direction). Within such a pair of units, an annotator's relation joins a unit with the
 * same type that lacks that annotator, else any unit that lacks that annotator (a type conflict),
 * else opens a unit of its own; annotators are taken in order, same-type matches first.
 */
export function reviewRelations(layers: AnnotationLayer[], gold: GoldLayer, units: ReviewUnit[]): RelationUnit[] {
  const unitOf = new Map<string, ReviewUnit>()
  for (const unit of units) for (const { annotator, span } of presentMembers(unit)) unitOf.set(sourceKey(annotator, span.id), unit)
  type Building = { fromUnit: string; toUnit: string; type: string; members: Map<string, Relation> }
  const byEnds = new Map<string, Building[]>()
  for (const layer of layers) {
    const waiting: { relation: Relation; from: ReviewUnit; to: ReviewUnit }[] = []
    for (const relation of layer.relations) {
      const from = unitOf.get(sourceKey(layer.annotator, relation.from))
      const to = unitOf.get(sourceKey(layer.annotator, relation.to))
      if (from && to) waiting.push({ relation, from, to })
    }
    const leftover: typeof waiting = []
    for (const pass of ['same type', 'any type', 'new'] as const) {
      const next = pass === 'same type' ? waiting : leftover.splice(0)
      for (const item of next) {
        const endsKey = `${item.from.key}\u0000${item.to.key}`
        const open = byEnds.get(endsKey) ?? []
        const fits = open.find((unit) => !unit.members.has(layer.annotator) && (pass !== 'same type' || unit.type === item.relation.type))
        if (fits && pass !== 'new') fits.members.set(layer.annotator, item.relation)
        else if (pass === 'new') {
          open.push({ fromUnit: item.from.key, toUnit: item.to.key, type: item.relation.type, members: new Map([[layer.annotator, item.relation]]) })
          byEnds.set(endsKey, open)
        } else leftover.push(item)
      }
    }
  }
  const goldOfUnit = new Map(units.map((unit) => [unit.key, unit.resolution?.kind === 'gold' ? unit.resolution.goldSpanIds[0]! : null]))
  const goldBySource = new Map<string, string[]>()
  for (const relation of gold.relations) {
    for (const source of relation.provenance.sources) {
      const key = sourceKey(source.annotator, source.relationId)
      goldBySource.set(key, [...(goldBySource.get(key) ?? []), relation.id])
    }
  }
  const rejected = new Set((gold.rejectedRelations ?? []).flatMap((r) => r.sources.map((s) => sourceKey(s.annotator, s.relationId))))
  const annotators = layers.map((layer) => layer.annotator)
  const out: RelationUnit[] = []
  for (const building of [...byEnds.values()].flat()) {
    const members: Record<string, Relation | null> = {}
    for (const name of annotators) members[name] = building.members.get(name) ?? null
    const present = [...building.members.entries()]
    const goldIds = new Set(present.flatMap(([annotator, relation]) => goldBySource.get(sourceKey(annotator, relation.id)) ?? []))
    const isRejected = present.some(([annotator, relation]) => rejected.has(sourceKey(annotator, relation.id)))
    const types = new Set(present.map(([, relation]) => relation.type))
    const from = goldOfUnit.get(building.fromUnit) ?? null
    const to = goldOfUnit.get(building.toUnit) ?? null
    out.push({
      key: present.map(([annotator, relation]) => `${annotator}:${relation.id}`).sort().join('|'),
      fromUnit: building.fromUnit,
      toUnit: building.toUnit,
      members,
      state: present.length < annotators.length ? 'one_sided' : types.size > 1 ? 'type_conflict' : 'unanimous',
      resolution: goldIds.size > 0 ? { kind: 'gold', goldRelationIds: [...goldIds] } : isRejected ? { kind: 'rejected' } : null,
      goldEnds: from && to && from !== to ? { from, to } : null
    })
  }
  return out.sort((a, b) => a.key.localeCompare(b.key))
}
