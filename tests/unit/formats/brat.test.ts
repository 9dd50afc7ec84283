import { describe, expect, it } from 'vitest'
import { bratReader, bratWriter } from '../../../src/main/formats/brat'
import { importSources } from '../../../src/main/importing/import-files'
import { contents, file, record, tempProject } from './helpers'

const text = 'Ada 👍🏽 met\r\nBob\tin 東京.\r\n'
const read = (ann: string, txt = text) => bratReader.readGroup!([file('d/x.txt', txt), file('d/x.ann', ann)], {})[0]!

describe('brat standoff', () => {
  it('reads T lines in code points, CRLF counting two; keeps # notes; ignores relations and attributes', () => {
    const doc = read('T1\tactor 0 3\tAda\nT2\tclaim 4 6\t👍🏽\nT3\tactor 12 15\tBob\nR1\tknows Arg1:T1 Arg2:T3\nA1\tNegated T2\n#1\tAnnotatorNotes T1\tthe first\n')
    expect(doc.spans).toEqual([
      { start: 0, end: 3, label: 'actor' },
      { start: 4, end: 6, label: 'claim' },
      { start: 12, end: 15, label: 'actor' }
    ])
    expect(doc.text).toBe(text)
    expect(doc.meta.bratNotes).toEqual([{ target: 'T1', note: 'the first' }])
  })
  it('merges fragments split at line breaks (brat\'s own multi-line spans), text joined by a space', () => {
    expect(read('T1\tclaim 7 10;12 15\tmet Bob\n').spans).toEqual([{ start: 7, end: 15, label: 'claim' }])
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
    expect(read(files[1]!.content).spans).toEqual([{ start: 7, end: 15, label: 'claim' }, { start: 19, end: 21, label: 'place' }])
    expect(bratWriter.files(record(text, []), { offsets: 'codepoint', allAnnotators: true })[0]!.path).toBe('alice/doc1.txt')
  })
})
