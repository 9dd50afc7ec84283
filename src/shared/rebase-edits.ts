// When the layer open in the editor was changed elsewhere (another tab, window, process or a
// teammate's pull), the editor takes the layer now on disk ("theirs") and applies to it what the
// user changed since the version they started from ("base" → "mine"). The rule:
//   - each span or relation the user added, changed or deleted is re-applied, unless it clashes;
//   - it clashes when the other side touched the same span (changed or deleted it), or, for an
//     added span, when theirs already has a span over exactly the same text (same start and end);
//     an added relation clashes when one of its spans is gone;
//   - on a clash the version on disk wins, and the user is told how many of their changes
//     were dropped.
// Document tags are rebased per tag group: a group the user changed is taken from them unless
// the other side changed it too (then theirs stays).
// Pure functions, so the rule is tested on its own.
import type { DocumentTags, Relation, Span } from './model'
import { keepLinkedRelations } from './relations'
import { compareSpans } from './span-order'

/** What an editor holds of a layer: its spans, relations and document tags. */
export interface Annotations {
  spans: Span[]
  relations: Relation[]
  tags?: DocumentTags
}

export interface Rebased {
  result: Annotations
  /** The user's changes applied on top of theirs, and those dropped because they clashed. */
  kept: number
  dropped: number
}

function sortedEntries(record: Record<string, unknown> | undefined): string {
  return JSON.stringify(Object.entries(record ?? {}).sort(([a], [b]) => a.localeCompare(b)))
}

export function sameSpan(a: Span, b: Span): boolean {
  return a.start === b.start && a.end === b.end && a.label === b.label && (a.note ?? '') === (b.note ?? '') && sortedEntries(a.attributes) === sortedEntries(b.attributes)
}

function sameRelation(a: Relation, b: Relation): boolean {
  return a.type === b.type && a.from === b.from && a.to === b.to
}

interface Item {
  id: string
}

/** Applies the user's changes to one kind of item; `clashesWhenAdded` decides for new items. */
function rebaseItems<T extends Item>(
  base: T[],
  mine: T[],
  theirs: T[],
  same: (a: T, b: T) => boolean,
  clashesWhenAdded: (item: T, result: Map<string, T>) => boolean
): { items: T[]; kept: number; dropped: number } {
  const baseById = new Map(base.map((item) => [item.id, item]))
  const mineById = new Map(mine.map((item) => [item.id, item]))
  const result = new Map(theirs.map((item) => [item.id, item]))
  let kept = 0
  let dropped = 0
  for (const item of mine) {
    const before = baseById.get(item.id)
    if (before && same(before, item)) continue // not a change of mine
    const now = result.get(item.id)
    if (now && same(now, item)) continue // they made the same change
    const untouchedByThem = before ? now !== undefined && same(now, before) : now === undefined
    if (untouchedByThem && !(before === undefined && clashesWhenAdded(item, result))) {
      result.set(item.id, item)
      kept += 1
    } else dropped += 1
  }
  for (const before of base) {
    if (mineById.has(before.id)) continue // not deleted by me
    const now = result.get(before.id)
    if (now === undefined) continue // gone on their side too
    if (same(now, before)) {
      result.delete(before.id)
      kept += 1
    } else dropped += 1 // they changed what I deleted: their change stays
  }
  return { items: [...result.values()], kept, dropped }
}

export function rebaseEdits(base: Annotations, mine: Annotations, theirs: Annotations): Rebased {
  const spans = rebaseItems(base.spans, mine.spans, theirs.spans, sameSpan, (span, result) =>
    [...result.values()].some((other) => other.start === span.start && other.end === span.end)
  )
  const spanIds = new Set(spans.items.map((span) => span.id))
  const relations = rebaseItems(base.relations, mine.relations, theirs.relations, sameRelation, (relation) => !spanIds.has(relation.from) || !spanIds.has(relation.to))
  const tags = rebaseTags(base.tags ?? {}, mine.tags ?? {}, theirs.tags ?? {})
  // in text order, as the layer is stored and the editor keeps it
  const sorted = spans.items.sort(compareSpans)
  return {
    result: { spans: sorted, relations: keepLinkedRelations(sorted, relations.items), tags: tags.tags },
    kept: spans.kept + relations.kept + tags.kept,
    dropped: spans.dropped + relations.dropped + tags.dropped
  }
}

/** Per tag group: the user's change applies unless the other side changed the same group. */
function rebaseTags(base: DocumentTags, mine: DocumentTags, theirs: DocumentTags): { tags: DocumentTags; kept: number; dropped: number } {
  const same = (a: string[] | undefined, b: string[] | undefined) => JSON.stringify([...(a ?? [])].sort()) === JSON.stringify([...(b ?? [])].sort())
  const tags = { ...theirs }
  let kept = 0
  let dropped = 0
  for (const group of new Set([...Object.keys(base), ...Object.keys(mine)])) {
    if (same(base[group], mine[group]) || same(theirs[group], mine[group])) continue
    if (!same(theirs[group], base[group])) {
      dropped += 1
      continue
    }
    if (mine[group]?.length) tags[group] = mine[group]
    else delete tags[group]
    kept += 1
  }
  return { tags, kept, dropped }
}

/** Whether two states hold the same spans and relations (order aside). */
export function sameAnnotations(a: Annotations, b: Annotations): boolean {
  const key = (state: Annotations) =>
    JSON.stringify([
      state.spans.map((s) => [s.id, s.start, s.end, s.label, s.note ?? '', sortedEntries(s.attributes)]).sort(),
      state.relations.map((r) => [r.id, r.type, r.from, r.to]).sort(),
      sortedEntries(Object.fromEntries(Object.entries(state.tags ?? {}).map(([group, options]) => [group, [...options].sort()])))
    ])
  return key(a) === key(b)
}
