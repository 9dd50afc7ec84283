// Label Studio's JSON export: one .json array of tasks,
//   {"data": {"text": ...}, "annotations": [{"completed_by": ..., "result": [{"type": "labels",
//    "value": {"start", "end", "text", "labels": [...]}}]}]}.
// Offsets are UTF-16 units (the labeling front end counts JavaScript string indexes); --offsets
// overrides. Each non-cancelled annotation becomes one layer: completed_by (a user id, name or
// {email}) names it, else the task's meta.spanwise.layers[i].annotator (Spanwise's export: the
// annotator of the i-th annotation), else meta.spanwise.annotator, else the importing user.
// Export writes one task per document, one annotation per exported layer. Relations
// are results of type "relation" ({from_id, to_id, direction, labels: [type]}) between region
// ids; each label is one relation, "direction": "left" reverses it and unlabelled relations are
// left out. Document tags are results of type "choices" without a region: the control's name
// (`from_name`) is the tag group, `value.choices` its options. Other result items (choices of a
// region, text areas: per-region attributes) and predictions are ignored; span attributes and
// notes are not written.
// JSON has no useful line numbers here, so errors name the task ("task 3").
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { indexPastDepth, nestsTooDeep, TOO_DEEP } from './json-depth'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { annotatorFromFile, checkRelationType, fail, isObject, metaWithSource, spanFromInput, type Where } from './incoming'
import { checkTag, withTags } from './tag-fields'
import { jsonErrorIndex, lineOfIndex } from './json-position'
import { streamTasks } from './label-studio-stream'
import { offsetsIn } from './outgoing'
import { statusFrom } from './spanwise-jsonl'
import { titleFor } from './title'
import type { ExportRecord, FormatReader, ParsedDocument, ParsedRelation, ParsedSpan, ParsedTag, StreamWriter, WriteOptions } from './types'

export const LABEL_STUDIO_DEFAULT_OFFSETS: OffsetUnit = 'utf16'

/** The documents of one task (`index` counts from 0): one per non-cancelled annotation, or one without spans. */
function taskDocuments(task: unknown, index: number, file: string, unit: OffsetUnit): ParsedDocument[] {
  const documents: ParsedDocument[] = []
  const where = { file, context: `task ${index + 1}` }
  if (!isObject(task) || !isObject(task.data)) {
    fail(where, 'unknown shape: expected a Label Studio task with "data": {"text": ...} (a JSON array of tasks)')
  }
  const text = task.data.text
  if (typeof text !== 'string' || text === '') fail(where, 'task has no "data.text" string')
  const map = new OffsetMap(text)
  const taskMeta = isObject(task.meta) ? task.meta : {}
  const { spanwise, ...userMeta } = taskMeta
  const block = isObject(spanwise) ? spanwise : {}
  const { text: _text, ...dataFields } = task.data
  const base = {
    file,
    text,
    title: typeof block.title === 'string' && block.title.trim() ? block.title : titleFor(text, file),
    meta: metaWithSource(userMeta, file, dataFields)
  }
  const annotations: unknown[] = Array.isArray(task.annotations) ? task.annotations : []
  const layers = Array.isArray(block.layers) ? (block.layers as unknown[]) : []
  const live = annotations.flatMap((a, i) => (isObject(a) && a.was_cancelled !== true ? [{ annotation: a, layer: isObject(layers[i]) ? layers[i] : {} }] : []))
  if (live.length === 0) {
    documents.push({ ...base, spans: [] })
    return documents
  }
  for (const { annotation, layer } of live) {
    if (!Array.isArray(annotation.result)) fail(where, 'annotation has no "result" array')
    const spans: ParsedSpan[] = []
    const tags: ParsedTag[] = []
    const regions = new Map<string, number>()
    const links: Record<string, unknown>[] = []
    for (const item of annotation.result as unknown[]) {
      if (isObject(item) && item.type === 'relation') links.push(item)
      if (isDocumentChoice(item)) tags.push(...choiceTags(item, where))
      if (!isObject(item) || !isObject(item.value) || !Array.isArray(item.value.labels)) continue
      const value = item.value
      // a region with several labels is several spans: relations attach to its first
      const regionId = typeof item.id === 'string' || typeof item.id === 'number' ? String(item.id) : undefined
      if (regionId !== undefined && (value.labels as unknown[]).length > 0 && !regions.has(regionId)) regions.set(regionId, spans.length)
      for (const label of value.labels as unknown[]) spans.push(spanFromInput(map, { start: value.start, end: value.end, label, text: value.text }, unit, where))
    }
    const relations: ParsedRelation[] = []
    for (const link of links) {
      const end = (key: 'from_id' | 'to_id'): number => {
        const found = regions.get(String(link[key]))
        if (found === undefined) fail(where, `relation ${key} ${JSON.stringify(link[key])} is not the id of a labelled region of this annotation`)
        return found
      }
      let [from, to] = [end('from_id'), end('to_id')]
      if (link.direction === 'left') [from, to] = [to, from]
      if (from === to) fail(where, `relation links region ${JSON.stringify(link.from_id)} to itself`)
      for (const type of Array.isArray(link.labels) ? (link.labels as unknown[]) : []) relations.push({ type: checkRelationType(where, type, 'relation'), from, to })
    }
    const annotator = annotatorFromFile(annotation.completed_by) ?? annotatorFromFile(layer.annotator) ?? annotatorFromFile(block.annotator)
    const status = statusFrom(layer.status) ?? statusFrom(block.status)
    documents.push({ ...base, spans, ...(relations.length ? { relations } : {}), ...withTags(tags), ...(annotator ? { annotator } : {}), ...(status ? { status } : {}) })
  }
  return documents
}

export const labelStudioReader: FormatReader = {
  name: 'label-studio',
  extensions: ['.json'],
  read(file, options) {
    const source = decodeText(file.name, file.bytes)
    let parsed: unknown
    try {
      parsed = JSON.parse(source)
    } catch (error) {
      const message = (error as Error).message.split('\n')[0]
      throw new ImportError(file.name, `invalid JSON: ${message}`, lineOfIndex(source, jsonErrorIndex(source)))
    }
    if (nestsTooDeep(parsed)) throw new ImportError(file.name, TOO_DEEP, lineOfIndex(source, indexPastDepth(source)))
    const tasks = Array.isArray(parsed) ? parsed : [parsed]
    if (tasks.length === 0) throw new ImportError(file.name, 'file has no tasks')
    const unit = options.offsets ?? LABEL_STUDIO_DEFAULT_OFFSETS
    return tasks.flatMap((task, index) => taskDocuments(task, index, file.name, unit))
  },
  async *stream(source, options, control) {
    const unit = options.offsets ?? LABEL_STUDIO_DEFAULT_OFFSETS
    yield* streamTasks(source, control, (task, index) => taskDocuments(task, index, source.name, unit))
  }
}

/** A "choices" result about the whole text, naming its control (a region's choices have offsets). */
function isDocumentChoice(item: unknown): item is Record<string, unknown> & { value: Record<string, unknown> } {
  return isObject(item) && item.type === 'choices' && typeof item.from_name === 'string' && isObject(item.value) && Array.isArray(item.value.choices) && item.value.start === undefined
}

function choiceTags(item: Record<string, unknown> & { value: Record<string, unknown> }, where: Where): ParsedTag[] {
  const group = item.from_name as string
  return (item.value.choices as unknown[]).map((option) => checkTag(where, { group, option: typeof option === 'string' ? option : fail(where, `choice ${JSON.stringify(option)} is not a string`) }))
}

/** One annotation's result list: a labels item per span, a relation item per relation, a choices item per tag group. */
function annotationResult(record: ExportRecord, options: WriteOptions): unknown[] {
  const map = new OffsetMap(record.text)
  const result = record.spans.map((span) => ({
    id: span.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    origin: 'manual',
    value: { ...offsetsIn(map, span, options.offsets), text: span.text, labels: [span.label] }
  }))
  const relations = (record.relations ?? []).map((relation) => ({
    from_id: relation.from,
    to_id: relation.to,
    type: 'relation',
    direction: 'right',
    labels: [relation.type]
  }))
  const choices = Object.entries(record.tags ?? {}).map(([group, options]) => ({ from_name: group, to_name: 'text', type: 'choices', origin: 'manual', value: { choices: options } }))
  return [...result, ...relations, ...choices]
}

/** Streams one JSON array: "[" first, one task per document, "]" last; memory stays flat. */
export const labelStudioWriter: StreamWriter = {
  name: 'label-studio',
  kind: 'stream',
  extension: 'json',
  contentType: 'application/json; charset=utf-8',
  defaultOffsets: LABEL_STUDIO_DEFAULT_OFFSETS,
  header: () => '[\n',
  record: (record, index, options) => labelStudioTask([record], index, options),
  document: (records, index, options) => labelStudioTask(records, index, options),
  footer: () => '\n]\n'
}

/** One task: the document's text and one annotation per record (layer). */
function labelStudioTask(records: ExportRecord[], index: number, options: WriteOptions): string {
  const [first] = records
  if (!first) return ''
  const task = {
    data: { text: first.text },
    annotations: records.map((record) => ({ result: annotationResult(record, options) })),
    // completed_by is a Label Studio user id we do not have: whose each annotation is (and its
    // status) travels in meta, in the order of the annotations
    meta: {
      ...first.meta,
      spanwise: { id: first.id, title: first.title, layers: records.map((record) => ({ annotator: record.annotator, status: record.status })) }
    }
  }
  return `${index > 0 ? ',\n' : ''}${JSON.stringify(task)}`
}
