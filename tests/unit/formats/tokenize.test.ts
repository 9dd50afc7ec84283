import { describe, expect, it } from 'vitest'
import { OffsetMap } from '../../../src/shared/offsets'
import { tokenize } from '../../../src/main/formats/tokenize'
import { forEachToken, tokenPattern } from '../../../src/shared/tokens'

const texts = (text: string, cuts: number[] = []) => tokenize(new OffsetMap(text), cuts).map((t) => t.text)

describe('tokenizer', () => {
  it('keeps emoji sequences, flags, combining accents and numbers whole; CJK one character each', () => {
    expect(texts('👩\u200D👩\u200D👧 👍🏽🇫🇷 cafe\u0301 3.5 1,000 東京かな')).toEqual(['👩\u200D👩\u200D👧', '👍🏽', '🇫🇷', 'cafe\u0301', '3.5', '1,000', '東', '京', 'か', 'な'])
  })
  it('splits punctuation off; bidi marks and whitespace separate tokens', () => {
    expect(texts('\u200Fمرحبا\u200F, "שלום"\tend.')).toEqual(['مرحبا', ',', '"', 'שלום', '"', 'end', '.'])
  })
  it('gives code point offsets and splits at cuts', () => {
    const tokens = tokenize(new OffsetMap('👍🏽 Lovelace'), [7])
    expect(tokens).toEqual([
      { text: '👍🏽', start: 0, end: 2 },
      { text: 'Love', start: 3, end: 7 },
      { text: 'lace', start: 7, end: 11 }
    ])
  })
  it('scans without match objects to exactly the tokens the pattern finds, on random text of every script', () => {
    // pieces that meet in every order: emoji with modifiers and ZWJ, flags, CJK, RTL with bidi
    // marks, combining marks, numbers, Unicode and ASCII white space, CRLF, format characters,
    // a lone surrogate
    const pieces = ['a', 'Zé', 'e\u0301', '\u0301', '42', '3.5', '1,000', '.', ',', '"', ' ', '\t', '\r\n', '\u00A0', '\u2003', '\u3000',
      '\u200F', '\u200E', '\u200D', '\u00AD', '\uFEFF', '👍', '🏽', '\uFE0F', '👩\u200D👧', '🇫', '🇷', '東', 'か', 'カ', 'مرحبا', 'שלום', '\uD800', '∑', '€', '12', 'ab1', '.5', '#', '*', '\u0007', '-', 'x']
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => pieces[Math.floor(random() * pieces.length)]).join('')
      const scanned: [number, number][] = []
      forEachToken(text, (start, end) => scanned.push([start, end]))
      const searched = [...text.matchAll(tokenPattern())].map((m): [number, number] => [m.index, m.index + m[0].length])
      expect(scanned, JSON.stringify(text)).toEqual(searched)
    }
  })
})
