// Resizing a span by whole words from the keyboard (Alt+arrows): the editor resizes the selected
// span with it, the review the selected gold span.
import { nextWordEnd, nextWordStart, previousWordEnd, previousWordStart } from '../../../shared/words'
import type { OffsetMap } from '../../../shared/offsets'

/** The span's code point bounds with one edge moved by a word, outwards (grow) or inwards. */
export function stepByWord(text: string, offsets: OffsetMap, span: { start: number; end: number }, edge: 'start' | 'end', grow: boolean): { start: number; end: number } {
  const start = offsets.toUtf16(span.start)
  const end = offsets.toUtf16(span.end)
  const moved =
    edge === 'end'
      ? { start, end: grow ? nextWordEnd(text, end) : previousWordEnd(text, end, start) }
      : { start: grow ? previousWordStart(text, start) : nextWordStart(text, start, end), end }
  return { start: offsets.toCodePoint(moved.start), end: offsets.toCodePoint(moved.end) }
}
