// UTF-16 ⇄ code point conversion on texts where the two differ (astral emoji) and where they
// do not (CJK, Arabic, Hebrew, CRLF), checked against the platform's own code point iteration.
import { describe, expect, it } from 'vitest'
import { codePointLength, OffsetMap } from '../../../src/shared/offsets'

const SAMPLES: Record<string, string> = {
  ascii: 'Plain ASCII text.',
  'ZWJ family': 'Family 👩‍👩‍👧 at home',
  'skin tone': 'Thumbs 👍🏽 up',
  'astral at both ends': '😀 middle 🎉',
  'only astral': '𝒜𝒷𝒸😀',
  CJK: '北京欢迎你，東京も。',
  'Arabic and Hebrew': 'قال مرحبا ثم שלום עולם',
  CRLF: 'line one\r\nline two\r\n\r\nline four',
  mixed: 'Réunion 👍🏽 北京 said: مرحبا שלום\r\n👩‍👩‍👧 𝟘 ok\r\n',
  // a lone high surrogate just before a pair: the pair still counts as one code point
  'lone surrogate before a pair': 'x\ud83d\ud83d\udc4dy\udc4d😀'
}

/** Reference: UTF-16 offset of each code point boundary, from the string iterator. */
function boundaries(text: string): number[] {
  const result = [0]
  let utf16 = 0
  for (const char of text) {
    utf16 += char.length
    result.push(utf16)
  }
  return result
}

describe.each(Object.entries(SAMPLES))('OffsetMap on %s', (_name, text) => {
  const map = new OffsetMap(text)
  const reference = boundaries(text)

  it('knows both lengths', () => {
    expect(map.utf16Length).toBe(text.length)
    expect(map.codePointLength).toBe([...text].length)
    expect(codePointLength(text)).toBe([...text].length)
    expect(map.lengthIn('utf16')).toBe(text.length)
    expect(map.lengthIn('codepoint')).toBe([...text].length)
  })

  it('maps every code point boundary to UTF-16 and back', () => {
    reference.forEach((utf16, codePoint) => {
      expect(map.toUtf16(codePoint)).toBe(utf16)
      expect(map.toCodePoint(utf16)).toBe(codePoint)
      expect(map.convert(codePoint, 'codepoint', 'utf16')).toBe(utf16)
      expect(map.convert(utf16, 'utf16', 'codepoint')).toBe(codePoint)
      expect(map.convert(utf16, 'utf16', 'utf16')).toBe(utf16)
    })
  })

  it('rounds a UTF-16 offset inside a surrogate pair down to the pair’s code point', () => {
    for (let utf16 = 0; utf16 <= text.length; utf16++) {
      const expected = reference.filter((b) => b <= utf16).length - 1
      expect(map.toCodePoint(utf16)).toBe(expected)
    }
  })

  it('slices by code points exactly like Array.from(text).slice', () => {
    const chars = [...text]
    for (let start = 0; start <= chars.length; start++) {
      for (let end = start; end <= chars.length; end++) {
        expect(map.sliceCodePoints(start, end)).toBe(chars.slice(start, end).join(''))
      }
    }
  })
})

describe('specific offsets', () => {
  it('counts a ZWJ family as 5 code points and 8 UTF-16 units', () => {
    const family = '👩‍👩‍👧'
    const map = new OffsetMap(`a${family}b`)
    expect(map.codePointLength).toBe(7)
    expect(map.utf16Length).toBe(10)
    expect(map.toUtf16(6)).toBe(9) // before "b"
    expect(map.sliceCodePoints(1, 6)).toBe(family)
  })

  it('counts a skin-toned thumb as 2 code points', () => {
    const map = new OffsetMap('👍🏽!')
    expect(map.codePointLength).toBe(3)
    expect(map.sliceCodePoints(0, 2)).toBe('👍🏽')
    expect(map.sliceCodePoints(2, 3)).toBe('!')
  })

  it('keeps CRLF as two code points', () => {
    const map = new OffsetMap('a\r\nb')
    expect(map.codePointLength).toBe(4)
    expect(map.sliceCodePoints(3, 4)).toBe('b')
  })

  it('treats a lone surrogate as one code point', () => {
    const text = 'a\ud83db\udc4dc'
    const map = new OffsetMap(text)
    expect(map.codePointLength).toBe([...text].length)
    expect(map.toUtf16(3)).toBe(3)
  })
})
