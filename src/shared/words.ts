// Snapping a selection to word boundaries. Uses the platform's word segmenter (ICU), which
// knows words in scripts without spaces (CJK, Thai) and never splits a grapheme or emoji.
// Offsets here are UTF-16, as the DOM gives them; callers convert at the boundary.

const WINDOW = 64
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

function segmentAt(text: string, index: number): { start: number; end: number; segment: string } | null {
  const from = Math.max(0, index - WINDOW)
  const local = text.slice(from, Math.min(text.length, index + WINDOW))
  const segment = segmenter.segment(local).containing(index - from)
  if (!segment) return null
  return { start: from + segment.index, end: from + segment.index + segment.segment.length, segment: segment.segment }
}

function isSpace(chars: string | undefined): boolean {
  return chars !== undefined && /^\s+$/u.test(chars)
}

/**
 * Widens [start, end) so that it neither starts nor ends inside a word, then trims white space
 * from both ends. Returns null when nothing but white space is selected.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end))
  let e = Math.min(text.length, Math.max(start, end))
  while (s < e && isSpace(text[s])) s++
  while (e > s && isSpace(text[e - 1])) e--
  if (s >= e) return null
  // widen to whole segments: words, and also emoji and other symbols, which are never split
  const first = segmentAt(text, s)
  if (first && !isSpace(first.segment)) s = first.start
  const last = segmentAt(text, e - 1)
  if (last && !isSpace(last.segment)) e = last.end
  return { start: s, end: e }
}

/** Trims white space only, for selections made with snapping turned off. */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end))
  let e = Math.min(text.length, Math.max(start, end))
  while (s < e && isSpace(text[s])) s++
  while (e > s && isSpace(text[e - 1])) e--
  // never cut a surrogate pair in half
  if (s > 0 && s < text.length && /[\udc00-\udfff]/.test(text[s]!)) s--
  if (e < text.length && /[\udc00-\udfff]/.test(text[e]!)) e++
  return s < e ? { start: s, end: e } : null
}

/** The end of the first word that ends after `index` (UTF-16), or the text's end. */
export function nextWordEnd(text: string, index: number): number {
  for (const segment of segmenter.segment(text.slice(index, index + WINDOW * 8))) {
    const end = index + segment.index + segment.segment.length
    if (segment.isWordLike && end > index) return end
  }
  return text.length
}

/** The start of the last word that starts before `index` (UTF-16), or 0. */
export function previousWordStart(text: string, index: number): number {
  const from = Math.max(0, index - WINDOW * 8)
  let found = -1
  for (const segment of segmenter.segment(text.slice(from, index))) {
    if (segment.isWordLike) found = from + segment.index
  }
  return found < 0 ? (from === 0 ? 0 : from) : found
}

/** The end of the last word ending before `index` but after `floor`; `index` if there is none. */
export function previousWordEnd(text: string, index: number, floor: number): number {
  let found = index
  for (const segment of segmenter.segment(text.slice(floor, index))) {
    const end = floor + segment.index + segment.segment.length
    if (segment.isWordLike && end < index) found = end
  }
  return found
}

/** The start of the first word starting after `index` and before `ceiling`; `index` if none. */
export function nextWordStart(text: string, index: number, ceiling: number): number {
  for (const segment of segmenter.segment(text.slice(index, ceiling))) {
    const start = index + segment.index
    if (segment.isWordLike && start > index) return start
  }
  return index
}
