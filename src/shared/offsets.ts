// The one place where offsets change unit. Spanwise stores and exports code points (Python's
// `str` indexing); the DOM, JavaScript strings, doccano and Label Studio count UTF-16 code units.
// Every conversion in the code base goes through here.

export type OffsetUnit = 'codepoint' | 'utf16'

/**
 * Maps between UTF-16 and code point offsets of one text. Built once per text (O(n)), then each
 * conversion is a binary search over the astral (non-BMP) characters only, so texts without
 * emoji convert in O(1).
 */
export class OffsetMap {
  /** UTF-16 index of each astral character (each takes two UTF-16 units and one code point). */
  private readonly astral: number[]
  readonly utf16Length: number
  readonly codePointLength: number

  constructor(readonly text: string) {
    this.astral = astralIndexes(text)
    this.utf16Length = text.length
    this.codePointLength = text.length - this.astral.length
  }

  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down. */
  toCodePoint(utf16: number): number {
    // astral characters starting before `utf16` each count one unit less
    let lo = 0
    let hi = this.astral.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.astral[mid]! < utf16) lo = mid + 1
      else hi = mid
    }
    // (an offset inside a pair lands on the pair's own code point, which is rounding down)
    return utf16 - lo
  }

  /** UTF-16 offset of a code point offset. */
  toUtf16(codePoint: number): number {
    // number of astral characters whose code point index is below `codePoint`
    let lo = 0
    let hi = this.astral.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      const astralCodePointIndex = this.astral[mid]! - mid
      if (astralCodePointIndex < codePoint) lo = mid + 1
      else hi = mid
    }
    return codePoint + lo
  }

  convert(offset: number, from: OffsetUnit, to: OffsetUnit): number {
    if (from === to) return offset
    return from === 'utf16' ? this.toCodePoint(offset) : this.toUtf16(offset)
  }

  lengthIn(unit: OffsetUnit): number {
    return unit === 'utf16' ? this.utf16Length : this.codePointLength
  }

  /** The text between two code point offsets. */
  sliceCodePoints(start: number, end: number): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end))
  }
}

/** Length of a string in code points, as Python's `len` reports it. */
export function codePointLength(text: string): number {
  return text.length - astralIndexes(text).length
}

// A surrogate pair (high then low surrogate) is one astral character; a lone surrogate counts
// as one code point of its own, as Python and the string iterator count it. The regular
// expressions run natively: most texts have no astral character at all, and for them (always
// for Latin-1 texts, which V8 stores one byte per character) the search ends almost at once.
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/
const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g

/** UTF-16 index of each surrogate pair of `text`, in order. */
function astralIndexes(text: string): number[] {
  const indexes: number[] = []
  const first = text.search(SURROGATE_PAIR)
  if (first < 0) return indexes
  SURROGATE_PAIRS.lastIndex = first
  for (let match = SURROGATE_PAIRS.exec(text); match !== null; match = SURROGATE_PAIRS.exec(text)) indexes.push(match.index)
  return indexes
}
