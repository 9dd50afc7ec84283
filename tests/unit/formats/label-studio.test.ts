import { describe, expect, it } from 'vitest'
import { labelStudioReader, labelStudioWriter } from '../../../src/main/formats/label-studio'
import { file, record } from './helpers'

const text = '👍 Ada and Bob'
const task = (annotations: unknown[]) => ({ id: 7, data: { text, source: 'wire' }, annotations, predictions: [] })
const result = (start: number, end: number, label: string, extra = {}) => ({ type: 'labels', from_name: 'label', to_name: 'text', value: { start, end, text: text.slice(start, end), labels: [label] }, ...extra })

describe('Label Studio', () => {
  it('reads UTF-16 offsets, one layer per annotation, completed_by naming it; ignores other result types and cancelled work', () => {
    const json = JSON.stringify([
      task([
        { completed_by: 3, result: [result(3, 6, 'actor'), { type: 'choices', value: { choices: ['x'] } }] },
        { completed_by: { id: 4, email: 'bo@example.org' }, result: [result(11, 14, 'actor')] },
        { completed_by: 5, was_cancelled: true, result: [result(3, 6, 'claim')] }
      ])
    ])
    const docs = labelStudioReader.read(file('ls.json', json), {})
    expect(docs.map((d) => [d.annotator, d.spans])).toEqual([
      ['3', [{ start: 2, end: 5, label: 'actor' }]],
      ['bo@example.org', [{ start: 10, end: 13, label: 'actor' }]]
    ])
    expect(docs[0]!.meta).toMatchObject({ source: 'wire' })
  })
  it('a task without annotations is a document without spans', () => {
    expect(labelStudioReader.read(file('ls.json', JSON.stringify([task([])])), {})[0]!.spans).toEqual([])
  })
  it('streams one JSON array that parses, with the layer\'s annotator and title in task meta', () => {
    const r = record(text, [{ start: 2, end: 5, label: 'actor' }])
    const out = `${labelStudioWriter.header!()}${labelStudioWriter.record(r, 0, { offsets: 'utf16' })}${labelStudioWriter.record({ ...r, id: 'doc2' }, 1, { offsets: 'utf16' })}${labelStudioWriter.footer!(2)}`
    const tasks = JSON.parse(out)
    expect(tasks).toHaveLength(2)
    expect(tasks[0].annotations[0].result[0].value).toEqual({ start: 3, end: 6, text: 'Ada', labels: ['actor'] })
    expect(tasks[0].meta.spanwise).toEqual({ id: 'doc1', title: 'Doc', layers: [{ annotator: 'alice', status: 'in_progress' }] })
    const [doc] = labelStudioReader.read(file('back.json', out), {})
    expect(doc).toMatchObject({ annotator: 'alice', title: 'Doc', spans: [{ start: 2, end: 5, label: 'actor' }] })
  })
  it('an empty export is still valid JSON', () => {
    expect(JSON.parse(`${labelStudioWriter.header!()}${labelStudioWriter.footer!(0)}`)).toEqual([])
  })
  it('writes relations as "relation" results between region ids and reads them back, "left" reversed', () => {
    const r = record(text, [{ start: 2, end: 5, label: 'actor' }, { start: 10, end: 13, label: 'claim' }])
    r.relations = [{ id: 'r1', type: 'attributed_to', from: 's1', to: 's0' }]
    const task = JSON.parse(labelStudioWriter.record(r, 0, { offsets: 'utf16' }))
    expect(task.annotations[0].result[2]).toEqual({ from_id: 's1', to_id: 's0', type: 'relation', direction: 'right', labels: ['attributed_to'] })
    const [doc] = labelStudioReader.read(file('ls.json', JSON.stringify([task])), {})
    expect(doc!.relations).toEqual([{ type: 'attributed_to', from: 1, to: 0 }])
    task.annotations[0].result[2].direction = 'left'
    expect(labelStudioReader.read(file('ls.json', JSON.stringify([task])), {})[0]!.relations).toEqual([{ type: 'attributed_to', from: 0, to: 1 }])
    task.annotations[0].result[2].to_id = 'zz'
    expect(() => labelStudioReader.read(file('ls.json', JSON.stringify([task])), {})).toThrow(/ls\.json: task 1: relation to_id "zz" is not the id of a labelled region/)
  })
})
