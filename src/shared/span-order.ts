// The one order of spans everywhere (stored layers, exports, the span list, Tab in the editor).
// Its own module, with type-only imports, so that the renderer bundle does not pull in the zod
// schemas of model.ts.
import type { Span } from './model'

/** Spans in text order: by start, then longer first so a span precedes the spans nested in it. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id)
}
