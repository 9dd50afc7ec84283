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
