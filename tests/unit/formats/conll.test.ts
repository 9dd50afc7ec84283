import { describe, expect, it } from 'vitest'
import { conllReader, conllWriter } from '../../../src/main/formats/conll'
import { file, record } from './helpers'

describe('CoNLL BIO', () => {
  it('writes token/label lines, sentence breaks at line breaks and terminal punctuation, never inside a span', () => {
    const text = 'Ada Lovelace wrote 3.5 notes. She died\nin London.'
    const r = record(text, [
      { start: 0, end: 12, label: 'actor' },
      { start: 19, end: 22, label: 'figure' },
      { start: 34, end: 48, label: 'claim' }
    ])
    expect(conllWriter.record(r, 0, { offsets: 'codepoint' })).toBe(
      ['-DOCSTART- O', '', 'Ada B-actor', 'Lovelace I-actor', 'wrote O', '3.5 B-figure', 'notes O', '. O', '', 'She O', 'died B-claim', 'in I-claim', 'London I-claim', '. O', '', ''].join('\n')
    )
  })
  it('outermost span wins over nested and overlapping ones', () => {
    const r = record('New York City Hall', [
      { start: 0, end: 13, label: 'place' },
      { start: 0, end: 8, label: 'actor' },
      { start: 9, end: 18, label: 'claim' }
    ])
    expect(conllWriter.record(r, 0, { offsets: 'codepoint' })).toContain('New B-place\nYork I-place\nCity I-place\nHall O\n')
  })
  it('reads BIO (and 4-column CoNLL-2003), rebuilding the text with spaces and newlines', () => {
    const source = '-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP B-MISC\ncall NN I-NP O\n. . O O\n\nPeter NNP B-NP B-PER\nBlackburn NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nSecond NN O O\n'
    const docs = conllReader.read(file('c.conll', source), {})
    expect(docs).toHaveLength(2)
    expect(docs[0]!.text).toBe('EU rejects German call .\nPeter Blackburn')
    expect(docs[0]!.spans).toEqual([
      { start: 0, end: 2, label: 'ORG' },
      { start: 11, end: 17, label: 'MISC' },
      { start: 25, end: 40, label: 'PER' }
    ])
    expect(docs[1]!.text).toBe('Second')
  })
  it('an I- tag without a B- starts a span (IOB1); a bad tag names its line', () => {
    expect(conllReader.read(file('c.conll', 'a I-X\nb I-X\nc O\n'), {})[0]!.spans).toEqual([{ start: 0, end: 3, label: 'X' }])
    expect(() => conllReader.read(file('c.conll', 'a O\nb X-Y\n'), {})).toThrow(/c\.conll:2: tag "X-Y"/)
  })
})
