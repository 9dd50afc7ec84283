// Spanwise's one tokenizer pattern: the Prodigy `tokens` and CoNLL exports split text with it,
// and the editor snaps selections to the same boundaries, so a span made by mouse always starts
// and ends where an exported token does. A fixed regular expression rather than Intl.Segmenter,
// whose word boundaries change with the ICU version: the same text must give the same tokens on
// every machine. A token is, in order of preference:
//   - an emoji: a pictographic character with its skin tone / variation selector / keycap
//     marks and ZWJ-joined followers (👩‍👩‍👧 and 👍🏽 are one token each), or a flag pair;
//   - one Han, Hiragana or Katakana character (CJK has no spaces: one character per token);
//   - a number with inner decimal or thousands marks ("3.5", "1,000");
//   - a run of letters, digits and combining marks (so "café" with U+0301 stays one token);
//   - any other single character with its combining marks (punctuation, symbols).
// Whitespace and invisible format characters (U+200E/U+200F bidi marks, a lone ZWJ) separate
// tokens and belong to none. Offsets here are UTF-16 (JavaScript strings).
const EMOJI = '\\p{Extended_Pictographic}[\\p{EMod}\\uFE0F\\u20E3]*(?:\\u200D\\p{Extended_Pictographic}[\\p{EMod}\\uFE0F]*)*'
const FLAG = '\\p{RI}\\p{RI}'
export const CJK_CLASS = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}'
const CJK = `[${CJK_CLASS}]\\p{M}*`
const WORD = `(?:(?![${CJK_CLASS}])[\\p{L}\\p{N}\\p{M}])+`
const NUMBER = '\\p{N}+(?:[.,]\\p{N}+)+'
const OTHER = '[^\\s\\p{Cf}]\\p{M}*'
const TOKEN_SOURCE = `${FLAG}|${EMOJI}|${CJK}|${NUMBER}|${WORD}|${OTHER}`

/** A fresh global matcher (a shared one would share its lastIndex between callers). */
export function tokenPattern(): RegExp {
  return new RegExp(TOKEN_SOURCE, 'gu')
}

/** ASCII white space as JavaScript's \s sees it (tab, line feed, vertical tab, form feed, return, space). */
const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13)

const isAsciiDigit = (code: number) => code >= 48 && code <= 57
const isAsciiAlnum = (code: number) => isAsciiDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)

/**
 * Where the token at `at` ends when the pattern's answer is plain from ASCII alone, else -1 (the
 * pattern decides). A run of ASCII letters and digits is a WORD when an ASCII character that is
 * neither follows it (no combining mark can extend it), unless it starts with a digit and a . or
 * , follows (a NUMBER may go on); any other ASCII character (punctuation) followed by ASCII is
 * an OTHER of one character: no ASCII character is a letter of another script, pictographic or
 * a mark.
 */
function asciiTokenEnd(text: string, at: number, first: number): number {
  if (!isAsciiAlnum(first)) {
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : 0
    return next < 128 ? at + 1 : -1
  }
  let end = at + 1
  while (end < text.length && isAsciiAlnum(text.charCodeAt(end))) end++
  if (end === text.length) return end
  const next = text.charCodeAt(end)
  if (next >= 128) return -1
  return isAsciiDigit(first) && (next === 46 || next === 44) ? -1 : end
}

/**
 * Calls `push` with the UTF-16 bounds of every token of `text`, in order: the tokens
 * `tokenPattern()` finds, without a match object per token (agreement tokenizes whole projects).
 * A token can start at any character but white space and format characters, and one always
 * does (OTHER takes any such character), so the scan skips those and matches at each place;
 * plain ASCII words and punctuation are measured without the pattern.
 */
export function forEachToken(text: string, push: (start: number, end: number) => void): void {
  const token = new RegExp(TOKEN_SOURCE, 'uy')
  const gap = /[\s\p{Cf}]+/uy
  let at = 0
  while (at < text.length) {
    const code = text.charCodeAt(at)
    if (code < 128) {
      if (isAsciiSpace(code)) {
        at++
        continue
      }
      const end = asciiTokenEnd(text, at, code)
      if (end > 0) {
        push(at, end)
        at = end
        continue
      }
    } else {
      gap.lastIndex = at
      if (gap.test(text)) {
        at = gap.lastIndex
        continue
      }
    }
    token.lastIndex = at
    if (!token.test(text)) throw new Error(`no token at ${at}`) // OTHER matches any character left here
    push(at, token.lastIndex)
    at = token.lastIndex
  }
}

/** How far back a token can start: tokens never hold white space, so scanning from there is safe. */
const LOOK_BACK = 256

/** The tokens (UTF-16 ranges) that touch [from, to), found without scanning the whole text. */
export function tokensAround(text: string, from: number, to: number): { start: number; end: number }[] {
  // start the scan at white space (or the text's start) so it begins on a token boundary
  let scan = Math.max(0, from - LOOK_BACK)
  while (scan > 0 && !/\s/u.test(text[scan - 1]!)) scan--
  const pattern = tokenPattern()
  pattern.lastIndex = scan
  const tokens: { start: number; end: number }[] = []
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
    const end = match.index + match[0].length
    if (end > from) tokens.push({ start: match.index, end })
  }
  return tokens
}
