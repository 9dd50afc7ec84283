import { describe, expect, it } from 'vitest'
import { jsonlReader } from '../../../src/main/formats/detect-jsonl'
import { prodigyWriter } from '../../../src/main/formats/prodigy'
import { file, record } from './helpers'

describe('prodigy', () => {
  const text = '👍🏽 Ada Lovelace wrote'
  it('reads spans in code points, keeps answer, takes the layer from the session part of _annotator_id', () => {
    const line = JSON.stringify({ text, spans: [{ start: 3, end: 16, label: 'actor', token_start: 1, token_end: 2 }], answer: 'accept', _annotator_id: 'news-maria', meta: { src: 'x' } })
    const [doc] = jsonlReader.read(file('p.jsonl', line), {})
    expect(doc).toMatchObject({ spans: [{ start: 3, end: 16, label: 'actor' }], annotator: 'maria', status: 'done', meta: { answer: 'accept', src: 'x' } })
  })
  it('writes tokens and token_start/token_end (inclusive), splitting tokens at span edges', () => {
    // the span ends inside "Lovelace": the token is split there so the span still aligns
    const r = record(text, [{ start: 3, end: 11, label: 'actor' }], { status: 'done' })
    const out = JSON.parse(prodigyWriter.record(r, 0, { offsets: 'codepoint' }))
    expect(out.tokens.map((t: { text: string }) => t.text)).toEqual(['👍🏽', 'Ada', 'Love', 'lace', 'wrote'])
    expect(out.tokens[1]).toEqual({ text: 'Ada', start: 3, end: 6, id: 1 })
    expect(out.spans).toEqual([{ start: 3, end: 11, label: 'actor', token_start: 1, token_end: 2 }])
    expect(out).toMatchObject({ answer: 'accept', _annotator_id: 'alice' })
  })
  it('UTF-16 override converts tokens and spans alike', () => {
    const out = JSON.parse(prodigyWriter.record(record(text, [{ start: 3, end: 6, label: 'actor' }]), 0, { offsets: 'utf16' }))
    expect(out.spans[0]).toMatchObject({ start: 5, end: 8 })
    expect(out.tokens[1]).toMatchObject({ start: 5, end: 8 })
    expect(out.answer).toBeUndefined()
  })
  it('a span holding no token gets no token indexes', () => {
    const out = JSON.parse(prodigyWriter.record(record('a \u200F b', [{ start: 2, end: 3, label: 'actor' }]), 0, { offsets: 'codepoint' }))
    expect(out.spans[0]).toEqual({ start: 2, end: 3, label: 'actor' })
  })
})
