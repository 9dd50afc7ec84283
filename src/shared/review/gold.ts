// The gold layer: the adjudicator's decisions for one document, stored apart from the
// annotators' layers in gold/<documentId>.json (one writer: whoever adjudicates). Every gold span
// and relation says where it came from: which annotators' spans (by id), by what decision, who
// decided and when. Units resolved with nothing are recorded too, so "reject" is a decision of its
// own. Type-only imports: the renderer uses this module and must not pull in zod.
import type { DocumentTags, Relation, Span } from '../model'

/**
 * unanimous: taken from a unit every annotator marked alike; picked: one annotator's version;
 * merged_bounds: the union or intersection of the versions' bounds; edited: relabelled, resized
 * or given other attributes by the adjudicator; added: marked by the adjudicator, by nobody
 * else; auto_merged: accepted by a merge strategy (named in `strategy`).
 */
export const GOLD_DECISIONS = ['unanimous', 'picked', 'merged_bounds', 'edited', 'added', 'auto_merged'] as const
export type GoldDecision = (typeof GOLD_DECISIONS)[number]

export const MERGE_STRATEGIES = ['unanimous', 'agreeing', 'threshold'] as const
export type MergeStrategy = (typeof MERGE_STRATEGIES)[number]

export interface SpanSource {
  annotator: string
  spanId: string
}

export interface RelationSource {
  annotator: string
  relationId: string
}

export interface Provenance {
  decision: GoldDecision
  /** The annotators' spans this gold span was made from; empty for 'added'. */
  sources: SpanSource[]
  decidedBy: string
  /** ISO 8601. */
  decidedAt: string
  /** The merge strategy, for 'auto_merged'. */
  strategy?: MergeStrategy
}

export interface GoldSpan extends Span {
  provenance: Provenance
}

export interface RelationProvenance {
  decision: GoldDecision
  sources: RelationSource[]
  decidedBy: string
  decidedAt: string
  strategy?: MergeStrategy
}

/** A relation between two gold spans (from and to are gold span ids). */
export interface GoldRelation extends Relation {
  provenance: RelationProvenance
}

/** A unit resolved with nothing: the adjudicator decided none of these spans belongs in gold. */
export interface RejectedUnit {
  sources: SpanSource[]
  decidedBy: string
  decidedAt: string
}

/** A relation unit resolved with nothing. */
export interface RejectedRelation {
  sources: RelationSource[]
  decidedBy: string
  decidedAt: string
}

export const REVIEW_STATUSES = ['not_started', 'in_progress', 'done'] as const
export type ReviewStatus = (typeof REVIEW_STATUSES)[number]

export interface GoldLayer {
  version: 1
  documentId: string
  status: ReviewStatus
  spans: GoldSpan[]
  relations: GoldRelation[]
  rejected: RejectedUnit[]
  /** Absent in files written before relations could be rejected: read as []. */
  rejectedRelations?: RejectedRelation[]
  /** The document tags the adjudicator chose (absent: none). */
  tags?: DocumentTags
  /**
   * The label revision the tags were written against (absent: 0): readers bring them up to the
   * project's through the label log, as an annotator's layer (a tag group renamed, an option deleted).
   */
  labelRevision?: number
  /** Tags a tag deletion took, per label log step, so that undoing the deletion brings them back. */
  retiredTags?: { revision: number; tags: DocumentTags }[]
  updatedAt: string | null
}

export function emptyGold(documentId: string): GoldLayer {
  return { version: 1, documentId, status: 'not_started', spans: [], relations: [], rejected: [], rejectedRelations: [], updatedAt: null }
}

/** Who decides, and when (now, unless given: tests and replays pass a fixed time). */
export type Decider = string | { name: string; at: string }

export function decidedBy(by: Decider): { decidedBy: string; decidedAt: string } {
  return typeof by === 'string' ? { decidedBy: by, decidedAt: new Date().toISOString() } : { decidedBy: by.name, decidedAt: by.at }
}

/** The next free gold id (g1, g2, …), so ids stay short, readable and reproducible. */
export function nextGoldId(taken: Iterable<{ id: string }>, prefix = 'g'): string {
  let highest = 0
  const pattern = new RegExp(`^${prefix}(\\d+)$`)
  for (const { id } of taken) {
    const match = pattern.exec(id)
    if (match) highest = Math.max(highest, Number(match[1]))
  }
  return `${prefix}${highest + 1}`
}
