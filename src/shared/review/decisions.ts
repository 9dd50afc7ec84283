// The adjudicator's decisions. Each returns a NEW gold layer and leaves the one it was given
// untouched, so undo and redo are a stack of gold states. Deciding a unit again replaces the
// earlier decision about it (the adjudicator changed their mind); merge strategies, unlike
// people, never touch a decided unit (merge.ts).
import type { Relation, Span } from '../model'
import { keepLinkedRelations } from '../relations'
import {
  decidedBy,
  nextGoldId,
  type Decider,
  type GoldDecision,
  type GoldLayer,
  type GoldRelation,
  type GoldSpan,
  type ReviewStatus,
  type SpanSource
} from './gold'
import { presentMembers, sameVersion, sourceKey, type RelationUnit, type ReviewUnit } from './units'

export class DecisionError extends Error {}

function touched(gold: GoldLayer, change: Partial<GoldLayer>): GoldLayer {
  const status: ReviewStatus = gold.status === 'not_started' ? 'in_progress' : gold.status
  return { ...gold, status, ...change }
}

/** The gold layer without any decision about this unit (its gold spans, their relations, rejections). */
export function undecide(gold: GoldLayer, unit: ReviewUnit): GoldLayer {
  const members = new Set(presentMembers(unit).map(({ annotator, span }) => sourceKey(annotator, span.id)))
  const goldIds = new Set(unit.resolution?.kind === 'gold' ? unit.resolution.goldSpanIds : [])
  const spans = gold.spans.filter(
    (span) => !goldIds.has(span.id) && !span.provenance.sources.some((source) => members.has(sourceKey(source.annotator, source.spanId)))
  )
  const rejected = gold.rejected.filter((entry) => !entry.sources.some((source) => members.has(sourceKey(source.annotator, source.spanId))))
  return { ...gold, spans, relations: keepLinkedRelations(spans, gold.relations) as GoldRelation[], rejected }
}

function withSpan(gold: GoldLayer, unit: ReviewUnit, fields: Omit<Span, 'id'>, decision: GoldDecision, sources: SpanSource[], by: Decider): GoldLayer {
  const cleared = undecide(gold, unit)
  const span: GoldSpan = { ...fields, id: nextGoldId(cleared.spans), provenance: { decision, sources, ...decidedBy(by) } }
  return touched(cleared, { spans: [...cleared.spans, span] })
}

function spanFields(span: Span): Omit<Span, 'id'> {
  const out: Omit<Span, 'id'> = { start: span.start, end: span.end, label: span.label }
  if (span.attributes !== undefined) out.attributes = { ...span.attributes }
  if (span.note !== undefined) out.note = span.note
  return out
}

/** Takes one annotator's version; every annotator who proposed the same version is a source. */
export function takeVersion(gold: GoldLayer, unit: ReviewUnit, annotator: string, by: Decider): GoldLayer {
  const chosen = unit.members[annotator]
  if (!chosen) throw new DecisionError(`${annotator} has no span in this unit`)
  const agreeing = presentMembers(unit).filter(({ span }) => sameVersion(span, chosen))
  const sources = agreeing.map(({ annotator: name, span }) => ({ annotator: name, spanId: span.id }))
  const decision: GoldDecision = unit.state === 'unanimous' ? 'unanimous' : 'picked'
  return withSpan(gold, unit, spanFields(chosen), decision, sources, by)
}

/** The label most members chose (ties: the first annotator's), and that label's attributes. */
function commonLabel(members: { span: Span }[], label?: string): { label: string; attributes?: Span['attributes'] } {
  const counts = new Map<string, number>()
  for (const { span } of members) counts.set(span.label, (counts.get(span.label) ?? 0) + 1)
  const best = label ?? [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  const attributes = members.find(({ span }) => span.label === best)?.span.attributes
  return attributes ? { label: best, attributes: { ...attributes } } : { label: best }
}

function boundsDecision(gold: GoldLayer, unit: ReviewUnit, by: Decider, bounds: (spans: Span[]) => { start: number; end: number }, label?: string): GoldLayer {
  const members = presentMembers(unit)
  if (members.length === 0) throw new DecisionError('this unit has no annotators’ spans')
  const { start, end } = bounds(members.map((member) => member.span))
  if (start >= end) throw new DecisionError('the versions have no part in common')
  const sources = members.map(({ annotator, span }) => ({ annotator, spanId: span.id }))
  return withSpan(gold, unit, { start, end, ...commonLabel(members, label) }, 'merged_bounds', sources, by)
}

/** One gold span over everything any version covers; the label most versions have, unless given. */
export function takeUnion(gold: GoldLayer, unit: ReviewUnit, by: Decider, label?: string): GoldLayer {
  return boundsDecision(gold, unit, by, (spans) => ({ start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) }), label)
}

/** One gold span over what every version covers; refused when they share nothing. */
export function takeIntersection(gold: GoldLayer, unit: ReviewUnit, by: Decider, label?: string): GoldLayer {
  return boundsDecision(gold, unit, by, (spans) => ({ start: Math.max(...spans.map((s) => s.start)), end: Math.min(...spans.map((s) => s.end)) }), label)
}

/** Resolves the unit with nothing: none of its spans belongs in gold. */
export function rejectUnit(gold: GoldLayer, unit: ReviewUnit, by: Decider): GoldLayer {
  const members = presentMembers(unit)
  if (members.length === 0) {
    // a gold-only unit has no annotators' spans to reject: rejecting it removes the gold span
    return touched(undecide(gold, unit), {})
  }
  const cleared = undecide(gold, unit)
  const entry = { sources: members.map(({ annotator, span }) => ({ annotator, spanId: span.id })), ...decidedBy(by) }
  return touched(cleared, { rejected: [...cleared.rejected, entry] })
}

/** A gold span nobody marked. */
export function addGoldSpan(gold: GoldLayer, span: Omit<Span, 'id'> & { id?: string }, by: Decider): GoldLayer {
  if (span.id !== undefined && gold.spans.some((existing) => existing.id === span.id)) throw new DecisionError(`gold already has a span ${span.id}`)
  const added: GoldSpan = { ...spanFields(span as Span), id: span.id ?? nextGoldId(gold.spans), provenance: { decision: 'added', sources: [], ...decidedBy(by) } }
  return touched(gold, { spans: [...gold.spans, added] })
}

export type GoldSpanChange = Partial<Pick<Span, 'start' | 'end' | 'label' | 'attributes' | 'note'>>

/** Relabels, resizes or re-attributes a gold span; it keeps its sources, its decision becomes 'edited' (an added span stays 'added'). */
export function editGoldSpan(gold: GoldLayer, id: string, change: GoldSpanChange, by: Decider): GoldLayer {
  const current = gold.spans.find((span) => span.id === id)
  if (!current) throw new DecisionError(`gold has no span ${id}`)
  const next: GoldSpan = { ...current, ...change }
  // a cleared attribute map or note is removed, not kept as an empty value
  if (change.attributes !== undefined && Object.keys(change.attributes).length === 0) delete next.attributes
  if (change.note !== undefined && change.note === '') delete next.note
  if (next.start >= next.end) throw new DecisionError('a span must end after it starts')
  const decision: GoldDecision = current.provenance.decision === 'added' ? 'added' : 'edited'
  next.provenance = { ...current.provenance, decision, ...decidedBy(by) }
  delete next.provenance.strategy
  return touched(gold, { spans: gold.spans.map((span) => (span.id === id ? next : span)) })
}

export function removeGoldSpan(gold: GoldLayer, id: string): GoldLayer {
  const spans = gold.spans.filter((span) => span.id !== id)
  return touched(gold, { spans, relations: keepLinkedRelations(spans, gold.relations) as GoldRelation[] })
}

export function setReviewStatus(gold: GoldLayer, status: ReviewStatus): GoldLayer {
  return { ...gold, status }
}

// ---- relations ----

function relationSources(unit: RelationUnit, keep: (relation: Relation) => boolean): { annotator: string; relationId: string }[] {
  return Object.entries(unit.members).flatMap(([annotator, relation]) => (relation && keep(relation) ? [{ annotator, relationId: relation.id }] : []))
}

/** The gold layer without any decision about this relation unit. */
export function undecideRelation(gold: GoldLayer, unit: RelationUnit): GoldLayer {
  const members = new Set(relationSources(unit, () => true).map((s) => sourceKey(s.annotator, s.relationId)))
  const goldIds = new Set(unit.resolution?.kind === 'gold' ? unit.resolution.goldRelationIds : [])
  const relations = gold.relations.filter(
    (relation) => !goldIds.has(relation.id) && !relation.provenance.sources.some((s) => members.has(sourceKey(s.annotator, s.relationId)))
  )
  const rejectedRelations = (gold.rejectedRelations ?? []).filter((entry) => !entry.sources.some((s) => members.has(sourceKey(s.annotator, s.relationId))))
  return { ...gold, relations, rejectedRelations }
}

/** Takes an annotator's relation, re-pointed at the gold spans its two end units were resolved into. */
export function takeRelation(gold: GoldLayer, unit: RelationUnit, annotator: string, by: Decider, decision: GoldDecision = unit.state === 'unanimous' ? 'unanimous' : 'picked'): GoldLayer {
  const chosen = unit.members[annotator]
  if (!chosen) throw new DecisionError(`${annotator} has no relation in this unit`)
  if (!unit.goldEnds) throw new DecisionError('decide both ends of the relation first: each must be resolved into a gold span')
  const cleared = undecideRelation(gold, unit)
  const relation: GoldRelation = {
    id: nextGoldId(cleared.relations, 'r'),
    type: chosen.type,
    from: unit.goldEnds.from,
    to: unit.goldEnds.to,
    provenance: { decision, sources: relationSources(unit, (r) => r.type === chosen.type), ...decidedBy(by) }
  }
  return touched(cleared, { relations: [...cleared.relations, relation] })
}

export function rejectRelation(gold: GoldLayer, unit: RelationUnit, by: Decider): GoldLayer {
  const cleared = undecideRelation(gold, unit)
  const entry = { sources: relationSources(unit, () => true), ...decidedBy(by) }
  return touched(cleared, { rejectedRelations: [...(cleared.rejectedRelations ?? []), entry] })
}

/** A relation between two gold spans that no annotator drew. */
export function addGoldRelation(gold: GoldLayer, relation: Omit<Relation, 'id'>, by: Decider): GoldLayer {
  const ids = new Set(gold.spans.map((span) => span.id))
  if (!ids.has(relation.from) || !ids.has(relation.to)) throw new DecisionError('a gold relation links two gold spans')
  if (relation.from === relation.to) throw new DecisionError('a relation links two different spans')
  const added: GoldRelation = { ...relation, id: nextGoldId(gold.relations, 'r'), provenance: { decision: 'added', sources: [], ...decidedBy(by) } }
  return touched(gold, { relations: [...gold.relations, added] })
}

export function removeGoldRelation(gold: GoldLayer, id: string): GoldLayer {
  return touched(gold, { relations: gold.relations.filter((relation) => relation.id !== id) })
}

