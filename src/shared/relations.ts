// Rules about relations shared by the store and the editor. Its own module, with type-only
// imports, so that the renderer bundle does not pull in the zod schemas of model.ts.
import type { Relation, RelationType, Span } from './model'

/** The relations whose two spans are both still there: a relation goes when either end goes. */
export function keepLinkedRelations(spans: readonly Span[], relations: readonly Relation[]): Relation[] {
  const ids = new Set(spans.map((span) => span.id))
  return relations.filter((relation) => ids.has(relation.from) && ids.has(relation.to))
}

/** The relation types that may link a span of `from` label to one of `to` label. */
export function relationTypesBetween(types: readonly RelationType[], from: string, to: string): RelationType[] {
  return types.filter((type) => (type.from.length === 0 || type.from.includes(from)) && (type.to.length === 0 || type.to.includes(to)))
}
