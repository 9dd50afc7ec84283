// Undo and redo for one document's annotations. Each edit (create, delete, relabel, resize,
// attributes, relations, document tags) stores the state before it, so undo is a swap and never needs to know
// which edit it is undoing.
import type { DocumentTags, Relation, Span } from '../../../shared/model'

export interface Annotations {
  spans: Span[]
  relations: Relation[]
  tags: DocumentTags
}

export interface AnnotationHistory {
  current: Annotations
  past: Annotations[]
  future: Annotations[]
}

const LIMIT = 500

export function startHistory(current: Annotations): AnnotationHistory {
  return { current, past: [], future: [] }
}

export function applyEdit(history: AnnotationHistory, next: Annotations): AnnotationHistory {
  return { current: next, past: [...history.past.slice(-LIMIT + 1), history.current], future: [] }
}

export function undo(history: AnnotationHistory): AnnotationHistory {
  const previous = history.past.at(-1)
  if (!previous) return history
  return { current: previous, past: history.past.slice(0, -1), future: [history.current, ...history.future] }
}

export function redo(history: AnnotationHistory): AnnotationHistory {
  const next = history.future[0]
  if (!next) return history
  return { current: next, past: [...history.past, history.current], future: history.future.slice(1) }
}
