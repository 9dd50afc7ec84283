// Export-side helpers: spans are stored in code points; writers ask here for their unit.
import type { OffsetMap, OffsetUnit } from '../../shared/offsets'

/** A code point range in the writer's unit, converted by OffsetMap. */
export function offsetsIn(map: OffsetMap, span: { start: number; end: number }, unit: OffsetUnit): { start: number; end: number } {
  return { start: map.convert(span.start, 'codepoint', unit), end: map.convert(span.end, 'codepoint', unit) }
}

/** What writers add to every record so a Spanwise re-import keeps the title and status. */
export function spanwiseBlock(record: { id: string; title: string; status: string }): { id: string; title: string; status: string } {
  return { id: record.id, title: record.title, status: record.status }
}
