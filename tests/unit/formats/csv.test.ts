import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvReader, csvWriter } from '../../../src/main/formats/csv'
import { file, record } from './helpers'

describe('CSV/TSV', () => {
  it('reads quoted newlines, doubled quotes and a BOM; other columns become meta', () => {
    const csv = '\uFEFFid,title,text\r\n1,First,"Line one\nline ""two"""\r\n2,,plain, with comma?\r\n'
    // the second row has an extra unquoted comma: that is malformed and named
    expect(() => csvReader.read(file('a.csv', csv), {})).toThrow(/a\.csv.*Too many fields.*data row 2/)
    const good = '\uFEFFid,title,text\r\n1,First,"Line one\nline ""two"""\r\n2,,"plain, with comma"\r\n'
    const docs = csvReader.read(file('a.csv', good), {})
    expect(docs.map((d) => [d.text, d.title, d.meta.id])).toEqual([
      ['Line one\nline "two"', 'First', '1'],
      ['plain, with comma', 'plain, with comma', '2']
    ])
  })
  it('reads TSV and semicolon CSV, with a chosen text column', () => {
    expect(csvReader.read(file('a.tsv', 'body\tlang\nHallo, Welt\tde\n'), { textColumn: 'body' })[0]).toMatchObject({ text: 'Hallo, Welt', meta: { lang: 'de' } })
    expect(csvReader.read(file('b.csv', 'lang;text\nde;Hallo, Welt\nfr;Salut\n'), {}).map((d) => d.text)).toEqual(['Hallo, Welt', 'Salut'])
  })
  it('names the missing text column', () => {
    expect(() => csvReader.read(file('a.csv', 'body,lang\nx,y\n'), {})).toThrow(/no "text" column \(columns: body, lang\)/)
  })
  it('writes one row per span, quoting what needs it, code points by default', () => {
    const r = record('👍 "Ada",\r\nLovelace', [{ start: 2, end: 18, label: 'actor' }])
    const out = csvWriter.header!() + csvWriter.record(r, 0, { offsets: 'codepoint' })
    const rows = Papa.parse<string[]>(out.trimEnd(), { newline: '\r\n' }).data
    expect(rows).toEqual([
      ['document_id', 'start', 'end', 'label', 'text', 'annotator', 'attributes', 'note'],
      ['doc1', '2', '18', 'actor', '"Ada",\r\nLovelace', 'alice', '{}', '']
    ])
  })
  it('writes attributes as a JSON object and the note, quoted as needed', () => {
    const r = record('Ada wrote', [{ start: 0, end: 3, label: 'actor' }])
    r.spans[0]!.attributes = { type: 'person', age: 36 }
    r.spans[0]!.note = 'first, "the" one'
    const rows = Papa.parse<string[]>((csvWriter.header!() + csvWriter.record(r, 0, { offsets: 'codepoint' })).trimEnd(), { newline: '\r\n' }).data
    expect(JSON.parse(rows[1]![6]!)).toEqual({ type: 'person', age: 36 })
    expect(rows[1]![7]).toBe('first, "the" one')
  })
})
