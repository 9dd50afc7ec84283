import { describe, expect, it } from 'vitest'
import { jsonlReader } from '../../../src/main/formats/detect-jsonl'
import { spanwiseRecordLine, spanwiseReader } from '../../../src/main/formats/spanwise-jsonl'
import { file, record } from './helpers'

describe('Spanwise JSONL', () => {
  it('writes and reads back title, meta, annotator, status and code point spans', () => {
    const r = record('Ada 👩‍👩‍👧 wrote', [{ start: 4, end: 9, label: 'figure' }], { title: 'T', meta: { url: 'u' }, status: 'done', annotator: 'maria' })
    const line = spanwiseRecordLine(r)
    expect(JSON.parse(line)).toMatchObject({ schema: 'spanwise/v1', spans: [{ start: 4, end: 9, label: 'figure', text: '👩‍👩‍👧' }] })
    const [doc] = jsonlReader.read(file('s.jsonl', line), {})
    expect(doc).toMatchObject({ text: r.text, title: 'T', meta: { url: 'u' }, annotator: 'maria', status: 'done', spans: [{ start: 4, end: 9, label: 'figure' }] })
  })
  it('checks span text against the text', () => {
    const line = JSON.stringify({ schema: 'spanwise/v1', text: 'Ada wrote', spans: [{ start: 0, end: 3, label: 'actor', text: 'Bob' }] })
    expect(() => spanwiseReader.read(file('s.jsonl', line), {})).toThrow(/s\.jsonl:1: span "actor" \[0, 3\) says its text is "Bob"/)
  })
  it('a file of bare {"text"} records gives documents without spans; blank lines and CRLF are fine', () => {
    const docs = jsonlReader.read(file('t.jsonl', '{"text": "one"}\r\n\r\n{"text": "two"}\r\n'), {})
    expect(docs.map((d) => [d.text, d.spans.length])).toEqual([['one', 0], ['two', 0]])
  })
  it('writes attributes and note only when set, and the record\'s relations ([] when none)', () => {
    const r = record('Ada said 3', [{ start: 0, end: 3, label: 'actor' }, { start: 4, end: 8, label: 'claim' }, { start: 9, end: 10, label: 'figure' }])
    r.spans[0]!.attributes = { type: 'person' }
    r.spans[1]!.attributes = {}
    r.spans[2]!.note = ''
    r.spans[1]!.note = 'n'
    r.relations = [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's0' }]
    const out = JSON.parse(spanwiseRecordLine(r))
    expect(out.spans.map((s: Record<string, unknown>) => [s.attributes, s.note])).toEqual([[{ type: 'person' }, undefined], [undefined, 'n'], [undefined, undefined]])
    expect(out.relations).toEqual([{ id: 'r1', type: 'attributed_to', from: 's1', to: 's0' }])
    expect(JSON.parse(spanwiseRecordLine(record('x', []))).relations).toEqual([])
    const [doc] = spanwiseReader.read(file('s.jsonl', spanwiseRecordLine(r)), {})
    expect(doc!.relations).toEqual([{ type: 'attributed_to', from: 1, to: 0, line: 1 }])
    expect(doc!.spans.map((s) => [s.attributes, s.note])).toEqual([[{ type: 'person' }, undefined], [undefined, 'n'], [undefined, undefined]])
  })
})
