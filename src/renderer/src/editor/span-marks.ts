// Which spans get a label tag at their start, and which a marker for a note or attributes. Tags
// say in words what colour alone says (colour-blind readers, printed screenshots); by default
// only where colour is not enough: spans nested in, or overlapping, another span.
import type { Span } from '../../../shared/model'

export type LabelTagMode = 'nested' | 'all' | 'off'

export const LABEL_TAG_MODES: { mode: LabelTagMode; title: string }[] = [
  { mode: 'nested', title: 'Tags: nested spans' },
  { mode: 'all', title: 'Tags: every span' },
  { mode: 'off', title: 'Tags: none' }
]

/** Ids of spans that overlap another span (nesting included). `spans` in text order. */
export function overlappingSpanIds(spans: readonly Span[]): Set<string> {
  const ids = new Set<string>()
  // the span reaching furthest so far: a span starting before its end overlaps it; and an earlier
  // span that overlaps a later one either is that span or overlapped it, so all are found
  let reach: Span | null = null
  for (const span of spans) {
    if (reach && span.start < reach.end) {
      ids.add(span.id)
      ids.add(reach.id)
    }
    if (!reach || span.end > reach.end) reach = span
  }
  return ids
}

export function hasDetails(span: Span): boolean {
  return Boolean(span.note?.trim()) || Object.keys(span.attributes ?? {}).length > 0
}

export function wantsTag(mode: LabelTagMode, span: Span, overlapping: Set<string>): boolean {
  return mode === 'all' || (mode === 'nested' && overlapping.has(span.id))
}
