// Snapping a selection to whole tokens, by one rule that follows the entity conventions of
// CoNLL, OntoNotes and spaCy (so spans line up with the Prodigy and CoNLL exports' tokens):
//   1. white space is trimmed from both ends;
//   2. each end widens to the edge of the token it falls in (src/shared/tokens.ts), so a
//      number with separators ("41,200"), an emoji sequence or a word is never cut; in CJK text,
//      whose tokens are single characters, an end widens to the dictionary word around it
//      (the platform's word segmenter), which also lies on token boundaries;
//   3. what conventions keep out of an entity is then trimmed off, repeatedly: a trailing
//      possessive ('s, ’s, or a lone apostrophe after s), surrounding quotes, and sentence
//      punctuation at the end (. , ; : ! ? …), except the full stop of an abbreviation or an
//      initial ("U.S.", "John F."); a bracket is trimmed only when its partner is not selected;
//   4. trimming never empties a selection: punctuation selected on its own is kept.
// Hold Alt for exact characters (trimSelection). Offsets here are UTF-16, as the DOM gives them;
// callers convert at the boundary.
import { CJK_CLASS, tokensAround } from './tokens'

const WINDOW = 64
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })
const CJK_CHAR = new RegExp(`[${CJK_CLASS}]`, 'u')

function isSpace(chars: string | undefined): boolean {
  return chars !== undefined && /^\s+$/u.test(chars)
}

/** The dictionary word around a CJK character at `index`, if the segmenter finds one. */
function cjkWordAt(text: string, index: number): { start: number; end: number } | null {
  if (!CJK_CHAR.test(text[index] ?? '')) return null
  const from = Math.max(0, index - WINDOW)
  const segment = segmenter.segment(text.slice(from, Math.min(text.length, index + WINDOW))).containing(index - from)
  if (!segment || ![...segment.segment].every((char) => CJK_CHAR.test(char))) return null
  return { start: from + segment.index, end: from + segment.index + segment.segment.length }
}

const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s$|(?<=s)['’]$/u
const OPENING = /^["“‘'«„]/u
const CLOSING = /["”’'»]$/u
const SENTENCE_END = /[.,;:!?…]$/u
// an initial or the last letter of an abbreviation: a lone letter before the full stop
const ABBREVIATION = /(?:^|[^\p{L}\p{N}])\p{L}\.$/u
const BRACKETS: [string, string][] = [['(', ')'], ['[', ']']]

/** How many UTF-16 units to trim from each end under rule 3, or null when nothing applies. */
function trimStep(selected: string): { start: number; end: number } | null {
  const possessive = POSSESSIVE.exec(selected)
  if (possessive) return { start: 0, end: possessive[0].length }
  if (SENTENCE_END.test(selected) && !ABBREVIATION.test(selected)) return { start: 0, end: 1 }
  if (CLOSING.test(selected)) return { start: 0, end: 1 }
  if (OPENING.test(selected)) return { start: 1, end: 0 }
  for (const [open, close] of BRACKETS) {
    if (selected.endsWith(close) && !selected.includes(open)) return { start: 0, end: 1 }
    if (selected.startsWith(open) && !selected.includes(close)) return { start: 1, end: 0 }
  }
  return null
}

/**
 * Widens [start, end) to whole tokens and trims what entity conventions leave out (the rule is
 * at the top of this file). Returns null when nothing but white space is selected.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  const trimmed = trimSelection(text, start, end)
  if (!trimmed) return null
  let { start: s, end: e } = trimmed
  const tokens = tokensAround(text, s, e)
  const first = tokens[0]
  const last = tokens.at(-1)
  if (first && first.start < s) s = first.start
  if (last && last.end > e) e = last.end
  s = cjkWordAt(text, s)?.start ?? s
  e = cjkWordAt(text, e - 1)?.end ?? e
  for (let step = trimStep(text.slice(s, e)); step; step = trimStep(text.slice(s, e))) {
    let nextStart = s + step.start
    let nextEnd = e - step.end
    while (nextStart < nextEnd && isSpace(text[nextStart])) nextStart++
    while (nextEnd > nextStart && isSpace(text[nextEnd - 1])) nextEnd--
    if (nextStart >= nextEnd) break
    s = nextStart
    e = nextEnd
  }
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
