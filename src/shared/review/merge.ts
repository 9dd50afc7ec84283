// Automatic merge: accepts the units (and then the relations) that the annotators agree on by a
// strategy, and leaves the rest to the adjudicator. It fills only undecided units and never
// overwrites a decision, so it can be re-run at any time. Strategies (INCEpTION's names in
// brackets; see docs/review.md):
// - unanimous ("completely agreeing", INCEpTION's default): every annotator reviewed has the same
//   version (bounds, label, attribute values).
// - agreeing ("incomplete agreeing"): everyone who marked something there has the same version;
//   annotators with nothing there do not count against it.
// - threshold: one version is proposed by at least `minAnnotators` annotators and/or by at least
//   `minShare` of the annotators reviewed, and by more annotators than any other version (a tie
//   merges nothing).
// Notes are comments, not part of a version: gold keeps a note only when every source has it.
import type { AnnotationLayer, Relation, Span } from '../model'
import {
  decidedBy,
  nextGoldId,
  type Decider,
  type GoldLayer,
  type GoldRelation,
  type GoldSpan,
  type MergeStrategy,
  type SpanSource
} from './gold'
import { presentMembers, reviewRelations, reviewUnits, sameNote, sameVersion, type RelationUnit, type ReviewUnit } from './units'

export interface MergeOptions {
  strategy: MergeStrategy
  /** threshold: the fewest annotators who must propose the version. */
  minAnnotators?: number
  /** threshold: the smallest share (0–1] of the annotators reviewed who must propose it. */
  minShare?: number
  by: Decider
}

export interface MergeResult {
  gold: GoldLayer
  /** The gold spans and relations this run added. */
  accepted: GoldSpan[]
  acceptedRelations: GoldRelation[]
  /** The units still undecided after the run. */
  left: ReviewUnit[]
}

export class MergeOptionsError extends Error {}

export function checkMergeOptions(options: Omit<MergeOptions, 'by'>): void {
  if (options.strategy !== 'threshold') return
  if (options.minAnnotators === undefined && options.minShare === undefined) {
    throw new MergeOptionsError('the threshold strategy needs a minimum number of annotators (--min N) or a share (--min 0.5)')
  }
  if (options.minAnnotators !== undefined && (!Number.isInteger(options.minAnnotators) || options.minAnnotators < 1)) {
    throw new MergeOptionsError('the minimum number of annotators is a whole number of at least 1')
  }
  if (options.minShare !== undefined && !(options.minShare > 0 && options.minShare <= 1)) {
    throw new MergeOptionsError('the minimum share of annotators lies in (0, 1]')
  }
}

/** Groups of identical items, largest first. */
function groupsOf<T>(items: T[], same: (a: T, b: T) => boolean): T[][] {
  const groups: T[][] = []
  for (const item of items) {
    const group = groups.find((g) => same(g[0]!, item))
    if (group) group.push(item)
    else groups.push([item])
  }
  return groups.sort((a, b) => b.length - a.length)
}

/** The group a strategy accepts, or null. `reviewed` is how many annotators were asked. */
function winner<T>(groups: T[][], reviewed: number, options: Omit<MergeOptions, 'by'>): T[] | null {
  const top = groups[0]
  if (!top) return null
  switch (options.strategy) {
    case 'unanimous':
      return groups.length === 1 && top.length === reviewed ? top : null
    case 'agreeing':
      return groups.length === 1 ? top : null
    case 'threshold': {
      if (groups[1] && groups[1].length === top.length) return null
      if (options.minAnnotators !== undefined && top.length < options.minAnnotators) return null
      if (options.minShare !== undefined && top.length / reviewed < options.minShare - 1e-12) return null
      return top
    }
  }
}

function mergedSpan(group: { annotator: string; span: Span }[]): Omit<Span, 'id'> & { sources: SpanSource[] } {
  const first = group[0]!.span
  const out: Omit<Span, 'id'> & { sources: SpanSource[] } = {
    start: first.start,
    end: first.end,
    label: first.label,
    sources: group.map(({ annotator, span }) => ({ annotator, spanId: span.id }))
  }
  if (first.attributes !== undefined && Object.keys(first.attributes).length > 0) out.attributes = { ...first.attributes }
  if (first.note !== undefined && first.note !== '' && group.every(({ span }) => sameNote(span, first))) out.note = first.note
  return out
}

/** Merges one document's layers into its gold layer. Pure: returns a new gold layer. */
export function mergeDocument(layers: AnnotationLayer[], gold: GoldLayer, options: MergeOptions): MergeResult {
  checkMergeOptions(options)
  const reviewed = layers.length
  const who = decidedBy(options.by)
  const units = reviewUnits(layers, gold)
  const accepted: GoldSpan[] = []
  const left: ReviewUnit[] = []
  let nextNumber = Number(nextGoldId(gold.spans).slice(1))
  for (const unit of units) {
    if (unit.resolution !== null) continue
    const group = winner(groupsOf(presentMembers(unit), (a, b) => sameVersion(a.span, b.span)), reviewed, options)
    if (!group) {
      left.push(unit)
      continue
    }
    const { sources, ...fields } = mergedSpan(group)
    accepted.push({ ...fields, id: `g${nextNumber++}`, provenance: { decision: 'auto_merged', sources, ...who, strategy: options.strategy } })
  }
  if (accepted.length === 0 && !layers.some((layer) => layer.relations.length > 0)) return { gold, accepted, acceptedRelations: [], left }
  let merged: GoldLayer = { ...gold, status: gold.status === 'not_started' && accepted.length > 0 ? 'in_progress' : gold.status, spans: [...gold.spans, ...accepted] }
  const acceptedRelations = mergeRelations(layers, merged, options, who)
  if (acceptedRelations.length > 0) {
    merged = { ...merged, status: merged.status === 'not_started' ? 'in_progress' : merged.status, relations: [...merged.relations, ...acceptedRelations] }
  }
  if (accepted.length === 0 && acceptedRelations.length === 0) return { gold, accepted, acceptedRelations, left }
  return { gold: merged, accepted, acceptedRelations, left }
}

/** Relations whose two ends are now in gold, accepted by the same strategy (on their type). */
function mergeRelations(layers: AnnotationLayer[], gold: GoldLayer, options: MergeOptions, who: { decidedBy: string; decidedAt: string }): GoldRelation[] {
  if (!layers.some((layer) => layer.relations.length > 0)) return []
  const units = reviewUnits(layers, gold)
  const relationUnits: RelationUnit[] = reviewRelations(layers, gold, units)
  const out: GoldRelation[] = []
  let nextNumber = Number(nextGoldId(gold.relations, 'r').slice(1))
  for (const unit of relationUnits) {
    if (unit.resolution !== null || !unit.goldEnds) continue
    const present = Object.entries(unit.members).flatMap(([annotator, relation]) => (relation ? [{ annotator, relation }] : []))
    const group = winner(groupsOf(present, (a: { relation: Relation }, b: { relation: Relation }) => a.relation.type === b.relation.type), layers.length, options)
    if (!group) continue
    out.push({
      id: `r${nextNumber++}`,
      type: group[0]!.relation.type,
      from: unit.goldEnds.from,
      to: unit.goldEnds.to,
      provenance: { decision: 'auto_merged', sources: group.map(({ annotator, relation }) => ({ annotator, relationId: relation.id })), ...who, strategy: options.strategy }
    })
  }
  return out
}
