// Undo and redo for one document's spans. Each edit (create, delete, relabel) stores the span
// list before it, so undo is a swap and never needs to know which edit it is undoing.
import type { Span } from '../../../shared/model'

export interface SpanHistory {
  spans: Span[]
  past: Span[][]
  future: Span[][]
}

const LIMIT = 500

export function startHistory(spans: Span[]): SpanHistory {
  return { spans, past: [], future: [] }
}

export function applyEdit(history: SpanHistory, spans: Span[]): SpanHistory {
  return { spans, past: [...history.past.slice(-LIMIT + 1), history.spans], future: [] }
}

export function undo(history: SpanHistory): SpanHistory {
  const previous = history.past.at(-1)
  if (!previous) return history
  return { spans: previous, past: history.past.slice(0, -1), future: [history.spans, ...history.future] }
}

export function redo(history: SpanHistory): SpanHistory {
  const next = history.future[0]
  if (!next) return history
  return { spans: next, past: [...history.past, history.spans], future: history.future.slice(1) }
}
