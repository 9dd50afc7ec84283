// "My labels vs gold": what the adjudicator did with one annotator's spans. The rule:
// - My spans are paired one to one with the gold spans by matchSpans (overlap, labels ignored:
//   as many pairs as possible, then as many same-label pairs, then the largest total overlap).
//   A pair is `kept` when label, bounds, attribute values and note are all the same, else
//   `changed`, with what changed.
// - A span of mine paired with nothing was `removed` when the adjudicator rejected it, made a
//   gold span from it that no longer overlaps it, or marked the review done; otherwise the
//   adjudicator has not got to it yet and it is `pending` (left out of the scores).
// - A gold span paired with nothing of mine was `added` (I missed it).
// - Precision and recall count exact matches (same bounds and label, matchSpans with exact
//   boundaries and strict labels): matches / my decided spans, and matches / gold spans; null
//   when there is nothing to divide by. Project figures add the counts of every document first.
import { matchSpans } from '../alignment'
import type { AnnotationLayer, Span } from '../model'
import type { GoldLayer, GoldSpan } from './gold'
import { differencesOf, type Difference } from './units'

export type FeedbackKind = 'kept' | 'changed' | 'removed' | 'added' | 'pending'

export interface FeedbackItem {
  kind: FeedbackKind
  mine?: Span
  gold?: GoldSpan
  /** For `changed`: what differs. */
  what?: Difference[]
}

export interface FeedbackCounts {
  kept: number
  changed: number
  removed: number
  added: number
  pending: number
  /** Exact matches (bounds and label), my decided spans, gold spans: what the scores divide. */
  exactMatches: number
  mine: number
  gold: number
  precision: number | null
  recall: number | null
}

export interface DocumentFeedback extends FeedbackCounts {
  items: FeedbackItem[]
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}

export function feedbackFor(layer: AnnotationLayer, gold: GoldLayer): DocumentFeedback {
  const me = layer.annotator
  const rejected = new Set(gold.rejected.flatMap((unit) => unit.sources.filter((s) => s.annotator === me).map((s) => s.spanId)))
  const usedInGold = new Set(gold.spans.flatMap((span) => span.provenance.sources.filter((s) => s.annotator === me).map((s) => s.spanId)))
  const match = matchSpans(layer.spans, gold.spans, { boundaries: 'overlap', labels: 'ignore' })
  const items: FeedbackItem[] = []
  for (const [mine, goldSpan] of match.pairs) {
    const what = differencesOf([mine, goldSpan])
    items.push(what.length === 0 ? { kind: 'kept', mine, gold: goldSpan } : { kind: 'changed', mine, gold: goldSpan, what })
  }
  for (const mine of match.onlyA) {
    const decided = gold.status === 'done' || rejected.has(mine.id) || usedInGold.has(mine.id)
    items.push({ kind: decided ? 'removed' : 'pending', mine })
  }
  for (const goldSpan of match.onlyB) items.push({ kind: 'added', gold: goldSpan })
  items.sort((a, b) => {
    const x = (a.mine ?? a.gold)!
    const y = (b.mine ?? b.gold)!
    return x.start - y.start || y.end - x.end
  })
  const pending = new Set(items.filter((item) => item.kind === 'pending').map((item) => item.mine!.id))
  const decidedMine = layer.spans.filter((span) => !pending.has(span.id))
  const exactMatches = matchSpans(decidedMine, gold.spans, { boundaries: 'exact', labels: 'strict' }).pairs.length
  const count = (kind: FeedbackKind) => items.filter((item) => item.kind === kind).length
  return {
    kept: count('kept'),
    changed: count('changed'),
    removed: count('removed'),
    added: count('added'),
    pending: pending.size,
    exactMatches,
    mine: decidedMine.length,
    gold: gold.spans.length,
    precision: ratio(exactMatches, decidedMine.length),
    recall: ratio(exactMatches, gold.spans.length),
    items
  }
}

/** Project totals: counts added up, scores from the summed counts (micro-averaged). */
export function totalFeedback(documents: FeedbackCounts[]): FeedbackCounts {
  const sum = (key: keyof Omit<FeedbackCounts, 'precision' | 'recall'>) => documents.reduce((total, doc) => total + doc[key], 0)
  const exactMatches = sum('exactMatches')
  const mine = sum('mine')
  const gold = sum('gold')
  return {
    kept: sum('kept'),
    changed: sum('changed'),
    removed: sum('removed'),
    added: sum('added'),
    pending: sum('pending'),
    exactMatches,
    mine,
    gold,
    precision: ratio(exactMatches, mine),
    recall: ratio(exactMatches, gold)
  }
}
