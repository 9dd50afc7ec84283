// Malformed input is rejected whole, with the file (and line where there is one) named, and
// nothing from a rejected file reaches the project while the good files of the same import do.
import { describe, expect, it } from 'vitest'
import { importSources } from '../../../src/main/importing/import-files'
import { file, tempProject } from './helpers'

async function rejectOne(name: string, content: string | Uint8Array, options: Record<string, unknown> = {}) {
  const store = await tempProject()
  const good = file('good.txt', 'A good document that must still land.')
  const report = await importSources(store, [file(name, content), good], { annotator: 'alice', ...options })
  expect(report.added.map((a) => a.file)).toEqual(['good.txt'])
  expect(report.rejected).toHaveLength(1)
  // nothing from the bad file: only the good document, and no layer written for anyone
  expect(await store.documentIds()).toHaveLength(1)
  expect(await store.annotators()).toEqual([])
  return report.rejected[0]!
}

describe('malformed input', () => {
  it('invalid JSON names file and line', async () => {
    const lines = [
      JSON.stringify({ text: 'first ok', label: [[0, 5, 'actor']] }),
      JSON.stringify({ text: 'second ok', label: [] }),
      '{"text": "broken", "label": [[0, 3, "actor"]]',
      JSON.stringify({ text: 'fourth', label: [] })
    ]
    const issue = await rejectOne('data.jsonl', lines.join('\n'))
    expect(issue).toMatchObject({ file: 'data.jsonl', line: 3 })
    expect(issue.message).toMatch(/invalid JSON/)
  })

  it('invalid JSON in a Label Studio file gives the line', async () => {
    const issue = await rejectOne('tasks.json', '[\n{"data": {"text": "x"}},\n{"data": oops}\n]')
    expect(issue).toMatchObject({ file: 'tasks.json', line: 3 })
  })

  it('reversed offsets', async () => {
    const issue = await rejectOne('d.jsonl', `${JSON.stringify({ text: 'Hello world', label: [[2, 9, 'actor']] })}\n${JSON.stringify({ text: 'Another one', label: [[5, 1, 'actor']] })}`)
    expect(issue).toMatchObject({ file: 'd.jsonl', line: 2 })
    expect(issue.message).toMatch(/reversed/)
  })

  it('offsets past the end, in the unit of the format', async () => {
    const issue = await rejectOne('p.jsonl', JSON.stringify({ text: 'Short 👍', spans: [{ start: 0, end: 9, label: 'actor' }] }))
    expect(issue.line).toBe(1)
    expect(issue.message).toMatch(/ends past the text, which is 7 code points long/)
  })

  it('negative and non-integer offsets', async () => {
    expect((await rejectOne('p.jsonl', JSON.stringify({ text: 'Short', spans: [{ start: -1, end: 2, label: 'actor' }] }))).message).toMatch(/before the text/)
    expect((await rejectOne('p.jsonl', JSON.stringify({ text: 'Short', spans: [{ start: 0.5, end: 2, label: 'actor' }] }))).message).toMatch(/whole numbers/)
  })

  it('UTF-16 offsets that split an emoji', async () => {
    const issue = await rejectOne('d.jsonl', JSON.stringify({ text: 'a 👍 b', label: [[2, 3, 'actor']] }))
    expect(issue.message).toMatch(/surrogate pair/)
  })

  it('span text that does not match (offsets in the wrong unit)', async () => {
    // UTF-16 offsets of "Ada" read as code points are one off after the emoji
    const text = '👍 Ada Lovelace'
    const issue = await rejectOne('tasks.json', JSON.stringify([{ data: { text }, annotations: [{ result: [{ type: 'labels', value: { start: 3, end: 6, text: 'Ada', labels: ['actor'] } }] }] }]), {
      offsets: 'codepoint'
    })
    expect(issue.message).toMatch(/task 1: .*says its text is "Ada".*try --offsets utf16/)
  })

  it('unknown shape', async () => {
    const issue = await rejectOne('x.jsonl', '{"content": "no text key", "tags": []}')
    expect(issue).toMatchObject({ file: 'x.jsonl', line: 1 })
    expect(issue.message).toMatch(/unknown record shape \(keys: content, tags\)/)
    const ls = await rejectOne('x.json', '[{"text": "not a task"}]')
    expect(ls.message).toMatch(/task 1: unknown shape/)
  })

  it('mixed shapes in one file', async () => {
    const lines = [JSON.stringify({ text: 'a doc', label: [[0, 1, 'actor']] }), JSON.stringify({ text: 'b doc', spans: [{ start: 0, end: 1, label: 'actor' }] })]
    const issue = await rejectOne('m.jsonl', lines.join('\n'))
    expect(issue).toMatchObject({ line: 2 })
    expect(issue.message).toMatch(/looks like prodigy but line 1 looks like doccano/)
  })

  it('invalid label names are caught before anything is stored', async () => {
    const issue = await rejectOne('d.jsonl', JSON.stringify({ text: 'Hello world', label: [[0, 5, 'two words']] }))
    expect(issue.message).toMatch(/label "two words"/)
  })

  it('brat .ann text that does not match the .txt names the .ann and its line', async () => {
    const store = await tempProject()
    const report = await importSources(
      store,
      [file('doc.txt', 'Ada Lovelace wrote notes.'), file('doc.ann', 'T1\tactor 0 3\tAda\nT2\tactor 4 12\tLovelacx\n'), file('good.txt', 'Fine.')],
      { annotator: 'alice' }
    )
    expect(report.rejected).toEqual([{ file: 'doc.ann', line: 2, message: expect.stringMatching(/T2 says its text is "Lovelacx" but doc.txt has "Lovelace"/) }])
    expect(await store.documentIds()).toHaveLength(1)
    expect(await store.annotators()).toEqual([])
  })

  it('binary and non-UTF-8 files', async () => {
    expect((await rejectOne('bin.jsonl', new Uint8Array([0x7b, 0x00, 0x7d]))).message).toMatch(/binary/)
    expect((await rejectOne('latin1.csv', new Uint8Array([0x74, 0x65, 0x78, 0x74, 0x0a, 0x63, 0x61, 0x66, 0xe9]))).message).toMatch(/not valid UTF-8/)
  })

  it('unknown --format', async () => {
    const store = await tempProject()
    const report = await importSources(store, [file('a.txt', 'text')], { annotator: 'alice', format: 'nope' })
    expect(report.rejected[0]?.message).toMatch(/unknown import format "nope"/)
  })
})
