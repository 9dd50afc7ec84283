import { describe, expect, it } from 'vitest'
import { bratReader, bratWriter } from '../../../src/main/formats/brat'
import { importSources } from '../../../src/main/importing/import-files'
import { contents, file, record, tempProject } from './helpers'

const text = 'Ada 👍🏽 met\r\nBob\tin 東京.\r\n'
const read = (ann: string, txt = text) => bratReader.readGroup!([file('d/x.txt', txt), file('d/x.ann', ann)], {})[0]!

describe('brat standoff', () => {
  it('reads T lines in code points, CRLF counting two; R, A and AnnotatorNotes lines onto them', () => {
    const doc = read('R1\tknows Arg1:T1 Arg2:T3\nT1\tactor 0 3\tAda\nT2\tclaim 4 6\t👍🏽\nT3\tactor 12 15\tBob\nA1\tNegated T2\nM2\tstance T2 sort%20of\n#1\tAnnotatorNotes T1\tthe first\n#2\tAnnotatorNotes R1\ton a relation\n')
    expect(doc.spans).toEqual([
      { start: 0, end: 3, label: 'actor', line: 2, note: 'the first' },
      { start: 4, end: 6, label: 'claim', line: 3, attributes: { Negated: 'true', stance: 'sort of' } },
      { start: 12, end: 15, label: 'actor', line: 4 }
    ])
    expect(doc.relations).toEqual([{ type: 'knows', from: 0, to: 2, line: 1 }])
    expect(doc.text).toBe(text)
    expect(doc.meta.bratNotes).toEqual([{ target: 'R1', note: 'on a relation' }])
  })
  it('merges fragments split at line breaks (brat\'s own multi-line spans), text joined by a space', () => {
    expect(read('T1\tclaim 7 10;12 15\tmet Bob\n').spans).toMatchObject([{ start: 7, end: 15, label: 'claim' }])
  })
  it('rejects R, A and # lines naming a T id the file does not define, with file and line', () => {
    expect(() => read('T1\tactor 0 3\tAda\nR1\tknows Arg1:T1 Arg2:T9\n')).toThrow(/d\/x\.ann:2: R1 names "T9", which is not a T annotation of this file/)
    expect(() => read('T1\tactor 0 3\tAda\n\nA1\ttype T2 person\n')).toThrow(/d\/x\.ann:3: A1 names "T2"/)
    expect(() => read('#1\tAnnotatorNotes T4\tlost\nT1\tactor 0 3\tAda\n')).toThrow(/d\/x\.ann:1: #1 names "T4"/)
    expect(() => read('T1\tactor 0 3\tAda\nR1\tknows T1 T1\n')).toThrow(/d\/x\.ann:2: cannot read relation/)
    expect(() => read('T1\tactor 0 3\tAda\nR1\tknows Arg1:T1 Arg2:T1\n')).toThrow(/d\/x\.ann:2: R1 links T1 to itself/)
    expect(() => read('T1\tactor 0 3\tAda\nR1\tknows! Arg1:T1 Arg2:T1\n')).toThrow(/d\/x\.ann:2: R1: relation type "knows!"/)
    expect(() => read('T1\tactor 0 3\tAda\nA1\ttype T1 a b\n')).toThrow(/d\/x\.ann:2: cannot read attribute/)
  })
  it('rejects other discontinuous spans, naming file and line', () => {
    expect(() => read('T1\tactor 0 3\tAda\nT2\tclaim 0 3;7 10\tAda met\n')).toThrow(/d\/x\.ann:2: T2 is a discontinuous annotation \(0 3;7 10\)/)
  })
  it('rejects a text field that does not match the .txt', () => {
    expect(() => read('T1\tactor 0 4\tAda\n')).toThrow(/d\/x\.ann:1: T1 says its text is "Ada" but x\.txt has "Ada "/)
  })
  it('a lone .ann (or .txt with --format brat) is rejected with the missing partner named', () => {
    expect(() => bratReader.read(file('d/y.ann', ''), {})).toThrow(/needs y\.txt next to it/)
  })
  it('pairs X.txt with X.ann during an import; other .txt files stay plain text', async () => {
    const store = await tempProject()
    const report = await importSources(store, [file('a.txt', text), file('a.ann', 'T1\tactor 0 3\tAda\n'), file('b.txt', 'Just text.')], { annotator: 'alice' })
    expect(report.rejected).toEqual([])
    expect(report.added.map((a) => [a.file, a.spans])).toEqual([['a.ann', 1], ['b.txt', 0]])
    expect((await contents(store)).get(text)).toEqual([[0, 3, 'actor']])
  })
  it('writes .txt exactly and one T line per span, line breaks shown as spaces in the text field', () => {
    const files = bratWriter.files(record(text, [{ start: 7, end: 15, label: 'claim' }, { start: 19, end: 21, label: 'place' }]), { offsets: 'codepoint', allAnnotators: false })
    expect(files).toEqual([
      { path: 'doc1.txt', content: text },
      { path: 'doc1.ann', content: 'T1\tclaim 7 15\tmet  Bob\nT2\tplace 19 21\t東京\n' }
    ])
    expect(read(files[1]!.content).spans).toMatchObject([{ start: 7, end: 15, label: 'claim' }, { start: 19, end: 21, label: 'place' }])
    expect(bratWriter.files(record(text, []), { offsets: 'codepoint', allAnnotators: true })[0]!.path).toBe('alice/doc1.txt')
  })
  it('writes A lines (whitespace and % encoded), R lines by T id and escaped AnnotatorNotes', () => {
    const r = record(text, [{ start: 0, end: 3, label: 'actor' }, { start: 4, end: 6, label: 'figure' }, { start: 12, end: 15, label: 'actor' }])
    r.spans[0]!.attributes = { type: 'armed group' }
    r.spans[1]!.attributes = { value: 48, unit: '100%\tsure' }
    r.spans[2]!.note = 'line one\r\nC:\\new'
    r.relations = [{ id: 'r1', type: 'quantifies', from: 's1', to: 's0' }]
    const ann = bratWriter.files(r, { offsets: 'codepoint', allAnnotators: false })[1]!.content
    expect(ann).toBe(
      'T1\tactor 0 3\tAda\nT2\tfigure 4 6\t👍🏽\nT3\tactor 12 15\tBob\n' +
        'A1\ttype T1 armed%20group\nA2\tvalue T2 48\nA3\tunit T2 100%25%09sure\n' +
        'R1\tquantifies Arg1:T2 Arg2:T1\n#1\tAnnotatorNotes T3\tline one\\r\\nC:\\\\new\n'
    )
    const doc = read(ann)
    expect(doc.spans.map((s) => [s.attributes, s.note])).toEqual([
      [{ type: 'armed group' }, undefined],
      [{ value: '48', unit: '100%\tsure' }, undefined],
      [undefined, 'line one\r\nC:\\new']
    ])
    expect(doc.relations).toMatchObject([{ type: 'quantifies', from: 1, to: 0 }])
  })
})
