// Snapping a selection to word boundaries. Uses the platform's word segmenter (ICU), which
// knows words in scripts without spaces (CJK, Thai) and never splits a grapheme or emoji.
// Offsets here are UTF-16, as the DOM gives them; callers convert at the boundary.

const WINDOW = 64
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

function segmentAt(text: string, index: number): { start: number; end: number; isWord: boolean } | null {
  const from = Math.max(0, index - WINDOW)
  const local = text.slice(from, Math.min(text.length, index + WINDOW))
  const segment = segmenter.segment(local).containing(index - from)
  if (!segment) return null
  return { start: from + segment.index, end: from + segment.index + segment.segment.length, isWord: segment.isWordLike ?? false }
}

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/u.test(char)
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
  const first = segmentAt(text, s)
  if (first?.isWord) s = first.start
  const last = segmentAt(text, e - 1)
  if (last?.isWord) e = last.end
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
