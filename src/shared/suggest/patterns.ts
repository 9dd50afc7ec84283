// Per-label patterns: a regular expression, or a token pattern written with words and slots.
// A token pattern is a list of elements separated by spaces, each matching one token (or, with
// `+`, one or more tokens separated by white space; with `?`, an optional one):
//   {number}  digits with inner separators ("41,200", "2.5") or a number word ("one", "million")
//   {word}    a word of letters;  {Cap}  a word starting with a capital letter
//   a|b|c     any of these literal words (exact case)
// e.g. `{number}+ hostages|people` matches "48 hostages" and "one million people".
// Whatever the kind, a match counts only if it starts and ends at token boundaries
// (../tokens.ts), so `\d+ hostages` never matches "8 hostages" inside "48 hostages". The same
// code runs in the backend (suggestions) and in the editor (the pattern editor's test box).
// Offsets are UTF-16 here; callers convert with OffsetMap.
import type { SuggestPattern } from './types'
import { tokenBoundaries } from './phrases'

const NUMBER_WORDS =
  'zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions'
const SLOTS: Record<string, string> = {
  number: `(?:\\p{N}+(?:[.,]\\p{N}+)*|(?:${NUMBER_WORDS})(?![\\p{L}\\p{N}]))`,
  word: '\\p{L}[\\p{L}\\p{M}]*',
  Cap: '\\p{Lu}[\\p{L}\\p{M}]*'
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
}

function element(source: string): { regex: string; optional: boolean; repeat: boolean } {
  let body = source
  const optional = body.length > 1 && body.endsWith('?')
  if (optional) body = body.slice(0, -1)
  const repeat = body.length > 1 && body.endsWith('+')
  if (repeat) body = body.slice(0, -1)
  const alternatives = body.split('|').filter((part) => part !== '')
  if (alternatives.length === 0) throw new Error(`"${source}" matches nothing`)
  const parts = alternatives.map((alternative) => {
    const slot = /^\{(\w+)\}$/.exec(alternative)
    if (!slot) return escapeRegex(alternative)
    const regex = SLOTS[slot[1]!]
    if (!regex) throw new Error(`unknown slot ${alternative} (known: ${Object.keys(SLOTS).map((s) => `{${s}}`).join(', ')})`)
    return regex
  })
  const one = `(?:${parts.join('|')})`
  return { regex: repeat ? `${one}(?:\\s+${one})*` : one, optional, repeat }
}

/** A token pattern as a regular expression source. */
export function tokenPatternSource(pattern: string): string {
  const elements = pattern.trim().split(/\s+/).filter(Boolean).map(element)
  if (elements.length === 0) throw new Error('the pattern is empty')
  return elements
    .map((e, index) => {
      if (index === 0) return e.optional ? `(?:${e.regex}\\s+)?` : e.regex
      return e.optional ? `(?:\\s+${e.regex})?` : `\\s+${e.regex}`
    })
    .join('')
}

/** Compiles a pattern; throws an Error saying what is wrong with it. */
export function compilePattern(pattern: SuggestPattern): RegExp {
  const source = pattern.kind === 'tokens' ? tokenPatternSource(pattern.pattern) : pattern.pattern
  if (source.trim() === '') throw new Error('the pattern is empty')
  try {
    return new RegExp(source, 'gu')
  } catch (error) {
    throw new Error((error as Error).message.replace(/^Invalid regular expression: /, ''))
  }
}

/** The most matches one pattern may give in one text (a pattern that matches everywhere is a mistake). */
export const MAX_MATCHES_PER_PATTERN = 20_000

export interface PatternMatch {
  start: number
  end: number
  label: string
  /** Index of the pattern in the list that matched. */
  pattern: number
}

/**
 * Matches of each pattern in `text` (UTF-16), kept only at token boundaries, and the problems of
 * patterns that do not compile (by index).
 */
export function matchPatterns(text: string, patterns: SuggestPattern[]): { matches: PatternMatch[]; errors: { pattern: number; message: string }[] } {
  const matches: PatternMatch[] = []
  const errors: { pattern: number; message: string }[] = []
  let boundaries: ReturnType<typeof tokenBoundaries> | null = null
  patterns.forEach((pattern, index) => {
    let regex: RegExp
    try {
      regex = compilePattern(pattern)
    } catch (error) {
      errors.push({ pattern: index, message: (error as Error).message })
      return
    }
    let found = 0
    for (let match = regex.exec(text); match && found < MAX_MATCHES_PER_PATTERN; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex++
        continue
      }
      boundaries ??= tokenBoundaries(text)
      const start = match.index
      const end = start + match[0].length
      if (boundaries.starts.has(start) && boundaries.ends.has(end)) {
        matches.push({ start, end, label: pattern.label, pattern: index })
        found++
      }
    }
  })
  return { matches, errors }
}
