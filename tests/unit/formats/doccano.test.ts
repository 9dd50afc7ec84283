import { describe, expect, it } from 'vitest'
import { doccanoReader, doccanoWriter } from '../../../src/main/formats/doccano'
import { jsonlReader } from '../../../src/main/formats/detect-jsonl'
import { file, record } from './helpers'

describe('doccano', () => {
  const text = '👍 Ada met Bob'
  it('reads [start, end, label] in UTF-16 units by default', () => {
    const [doc] = jsonlReader.read(file('d.jsonl', JSON.stringify({ text, label: [[3, 6, 'actor']], user: 'maria', source_url: 'u' })), {})
    expect(doc).toMatchObject({ text, spans: [{ start: 2, end: 5, label: 'actor' }], annotator: 'maria', meta: { source_url: 'u', source: 'd.jsonl' } })
  })
  it('reads code points with --offsets codepoint, and the newer "entities" shape', () => {
    const line = JSON.stringify({ text, entities: [{ id: 1, start_offset: 2, end_offset: 5, label: 'actor' }] })
    expect(doccanoReader.read(file('d.jsonl', line), { offsets: 'codepoint' })[0]!.spans).toEqual([{ start: 2, end: 5, label: 'actor', line: 1 }])
  })
  it('reads text classification (`label` as category names) as document tags, "group:option" or bare', () => {
    const [doc] = doccanoReader.read(file('c.jsonl', JSON.stringify({ text, label: ['positive', 'topic:ceasefire'] })), {})
    expect(doc!.spans).toEqual([])
    expect(doc!.tags).toEqual([{ option: 'positive' }, { group: 'topic', option: 'ceasefire' }])
  })
  it('writes UTF-16 offsets by default and code points on request', () => {
    const r = record(text, [{ start: 2, end: 5, label: 'actor' }])
    expect(JSON.parse(doccanoWriter.record(r, 0, { offsets: 'utf16' }))).toMatchObject({ text, label: [[3, 6, 'actor']], annotator: 'alice' })
    expect(JSON.parse(doccanoWriter.record(r, 0, { offsets: 'codepoint' })).label).toEqual([[2, 5, 'actor']])
    expect(doccanoWriter.defaultOffsets).toBe('utf16')
  })
})
