import { describe, expect, it } from 'vitest'
import { OffsetMap } from '../../../src/shared/offsets'
import { tokenize } from '../../../src/main/formats/tokenize'

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
})
