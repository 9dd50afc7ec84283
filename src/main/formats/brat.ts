// brat standoff: a document is a pair X.txt + X.ann. The .txt is the text exactly (CRLF counts
// as two characters); .ann offsets count code points, as Python's str does in brat's server.
// Read: T lines (`T1<TAB>Label 0 5<TAB>text`) become spans and their text must equal the .txt
// slice. A discontinuous T line (`0 5;6 12`) whose gaps hold only line breaks is what brat
// writes for a span crossing lines: it is read as one span from the first start to the last end.
// Any other discontinuous T line is rejected (file + line): Spanwise spans are continuous.
// R lines (`R1<TAB>type Arg1:T3 Arg2:T1`) become relations, A/M lines (`A1<TAB>name T1 value`)
// span attributes (a binary attribute, without value, is the value "true"), and
// `#1<TAB>AnnotatorNotes T1<TAB>note` the span's note; an R, A or # line naming a T id the file
// does not define rejects the file (file + line). Other `#` notes are kept in meta.bratNotes;
// events and normalisations (E, N lines) and whatever targets events are ignored.
// Write: one continuous T line per span; a span's text field has its line breaks written as
// spaces (one per character) so the .ann stays one line per annotation; the reader accepts that
// too. Then A lines (values with whitespace or "%" percent-encoded: `unit T2 million%20euros`),
// R lines and # AnnotatorNotes lines (backslash, CR, LF escaped as \\, \r, \n). meta and
// status are not carried by brat.
import path from 'node:path'
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { offsetsIn } from './outgoing'
import { checkAttributeName, checkAttributeValue, checkRelationType, noteFromInput, spanFromInput } from './incoming'
import { titleFor } from './title'
import type { FolderWriter, FormatReader, ParsedDocument, ParsedRelation, ParsedSpan, ReadOptions, SourceFile } from './types'

export const BRAT_DEFAULT_OFFSETS: OffsetUnit = 'codepoint'

const LINE_BREAKS = /[\r\n\u2028\u2029\u0085\v\f]/g
/** A span's text as an .ann line can hold it: line break characters become spaces. */
export function annText(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

const stem = (name: string) => name.slice(0, name.length - path.extname(name).length)

/** Escapes for values that brat reads as one space-free token: whitespace and "%" as %XX. */
export function bratAttributeValue(value: string | number): string {
  return String(value).replace(/[%\s]/gu, (char) => encodeURIComponent(char))
}

function readAttributeValue(raw: string): string {
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** A note as one .ann line holds it: backslash, CR and LF written as \\, \r, \n. */
export function bratNote(note: string): string {
  return note.replace(/[\\\r\n]/g, (char) => (char === '\\' ? '\\\\' : char === '\r' ? '\\r' : '\\n'))
}

function readNote(raw: string): string {
  return raw.replace(/\\([\\rn])/g, (_, char: string) => (char === 'r' ? '\r' : char === 'n' ? '\n' : '\\'))
}

interface PendingLine {
  id: string
  body: string
  rest: string[]
  line: number
}

function readPair(txt: SourceFile, ann: SourceFile, options: ReadOptions): ParsedDocument {
  const text = decodeText(txt.name, txt.bytes)
  if (text.trim() === '') throw new ImportError(txt.name, 'file is empty')
  const annSource = decodeText(ann.name, ann.bytes)
  const map = new OffsetMap(text)
  const unit = options.offsets ?? BRAT_DEFAULT_OFFSETS
  const spans: ParsedSpan[] = []
  const spanIndex = new Map<string, number>()
  // R, A/M and # lines may come before the T lines they name: they are read once all T lines are
  const later: PendingLine[] = []
  for (const [index, raw] of annSource.split('\n').entries()) {
    const lineNo = index + 1
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') continue
    const where = { file: ann.name, line: lineNo }
    const [id = '', body = '', ...rest] = line.split('\t')
    if (/^(?:#|R|A|M)/.test(id)) {
      later.push({ id, body, rest, line: lineNo })
      continue
    }
    if (!id.startsWith('T')) continue
    const spanText = rest.join('\t')
    const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body)
    if (!match) throw new ImportError(ann.name, `cannot read text-bound annotation "${line.slice(0, 60)}": expected "T1<TAB>Label start end<TAB>text"`, lineNo)
    const label = match[1]!
    const fragments = match[2]!.split(';').map((part) => part.split(' ').map(Number) as [number, number])
    const start = fragments[0]![0]
    const end = fragments[fragments.length - 1]![1]
    if (fragments.length > 1) {
      for (let i = 1; i < fragments.length; i++) {
        const gapStart = fragments[i - 1]![1]
        const gapEnd = fragments[i]![0]
        const gap = gapEnd >= gapStart && gapEnd <= map.lengthIn(unit) ? map.sliceCodePoints(map.convert(gapStart, unit, 'codepoint'), map.convert(gapEnd, unit, 'codepoint')) : null
        if (gap === null || !/^[\r\n\u2028\u2029\u0085]+$/.test(gap)) {
          throw new ImportError(
            ann.name,
            `${id} is a discontinuous annotation (${match[2]}); Spanwise spans are continuous, so only fragments split at line breaks are merged`,
            lineNo
          )
        }
      }
    }
    const span = spanFromInput(map, { start, end, label }, unit, where)
    const slice = map.sliceCodePoints(span.start, span.end)
    // brat joins fragments with a space; we write line breaks as spaces: compare likewise
    const expected = fragments.length > 1 ? fragments.map(([s, e]) => map.sliceCodePoints(map.convert(s, unit, 'codepoint'), map.convert(e, unit, 'codepoint'))).join(' ') : slice
    if (spanText !== expected && spanText !== annText(slice)) {
      throw new ImportError(ann.name, `${id} says its text is ${JSON.stringify(spanText)} but ${path.basename(txt.name)} has ${JSON.stringify(slice)} at ${start}-${end}`, lineNo)
    }
    if (spanIndex.has(id)) throw new ImportError(ann.name, `${id} is defined twice`, lineNo)
    spanIndex.set(id, spans.length)
    spans.push({ ...span, line: lineNo })
  }

  const target = (id: string, line: number, what: string): number => {
    const found = spanIndex.get(id)
    if (found === undefined) throw new ImportError(ann.name, `${what} names ${JSON.stringify(id)}, which is not a T annotation of this file`, line)
    return found
  }
  const relations: ParsedRelation[] = []
  const notes: { target: string; note: string }[] = []
  for (const { id, body, rest, line } of later) {
    const where = { file: ann.name, line }
    if (id.startsWith('#')) {
      // "#1<TAB>AnnotatorNotes T1<TAB>note text": a note on a T becomes the span's note
      const [kind = '', noteTarget = ''] = body.split(' ')
      const note = readNote(rest.join('\t'))
      if (kind === 'AnnotatorNotes' && noteTarget.startsWith('T')) {
        const span = spans[target(noteTarget, line, id)]!
        span.note = noteFromInput(span.note ? `${span.note}\n${note}` : note, where, id)
      } else notes.push({ target: noteTarget, note })
    } else if (id.startsWith('R')) {
      // "R1<TAB>attributed_to Arg1:T3 Arg2:T1"
      const match = /^(\S+) (\S+?):(\S+) (\S+?):(\S+)$/.exec(body)
      if (!match) throw new ImportError(ann.name, `cannot read relation "${body.slice(0, 60)}": expected "R1<TAB>type Arg1:T1 Arg2:T2"`, line)
      const type = checkRelationType(where, match[1], id)
      let args: [string, string][] = [
        [match[2]!, match[3]!],
        [match[4]!, match[5]!]
      ]
      if (args[0]![0] === 'Arg2' && args[1]![0] === 'Arg1') args = [args[1]!, args[0]!]
      // relations between events (E lines, which Spanwise does not read) are left out with them
      if (args.some(([, arg]) => arg.startsWith('E'))) continue
      const from = target(args[0]![1], line, id)
      const to = target(args[1]![1], line, id)
      if (from === to) throw new ImportError(ann.name, `${id} links ${args[0]![1]} to itself`, line)
      relations.push({ type, from, to, line })
    } else {
      // "A1<TAB>name T1 value" (multi-valued) or "A1<TAB>name T1" (binary: the value "true")
      const parts = body.split(' ')
      if (parts.length < 2 || parts.length > 3) {
        throw new ImportError(ann.name, `cannot read attribute "${body.slice(0, 60)}": expected "A1<TAB>name T1 value" (spaces in values written as %20)`, line)
      }
      const [name = '', attributeTarget = '', raw] = parts
      // attributes of events and relations are left out: Spanwise keeps attributes on spans
      if (!attributeTarget.startsWith('T')) continue
      const span = spans[target(attributeTarget, line, id)]!
      checkAttributeName(where, name, id)
      if (span.attributes && name in span.attributes) throw new ImportError(ann.name, `${attributeTarget} has attribute "${name}" twice`, line)
      span.attributes = { ...span.attributes, [name]: checkAttributeValue(where, name, raw === undefined ? 'true' : readAttributeValue(raw), id) }
    }
  }
  return {
    file: ann.name,
    text,
    title: titleFor(text, txt.name),
    meta: { source: txt.name, ...(notes.length ? { bratNotes: notes } : {}) },
    spans,
    ...(relations.length ? { relations } : {})
  }
}

export const bratReader: FormatReader = {
  name: 'brat',
  extensions: ['.ann'],
  group(files) {
    const byName = new Map(files.map((file) => [file.name, file]))
    const groups: SourceFile[][] = []
    for (const file of files) {
      if (path.extname(file.name).toLowerCase() !== '.ann') continue
      const txt = byName.get(`${stem(file.name)}.txt`)
      if (txt) groups.push([txt, file])
    }
    return groups
  },
  readGroup(files, options) {
    const txt = files.find((file) => path.extname(file.name).toLowerCase() === '.txt')
    const ann = files.find((file) => path.extname(file.name).toLowerCase() === '.ann')
    if (!txt || !ann) throw new ImportError(files[0]?.name ?? '(brat)', 'a brat document needs both X.txt and X.ann')
    return [readPair(txt, ann, options)]
  },
  read(file) {
    const other = path.extname(file.name).toLowerCase() === '.ann' ? '.txt' : '.ann'
    throw new ImportError(file.name, `brat standoff needs ${path.basename(stem(file.name))}${other} next to it; import both files (or their folder) together`)
  }
}

export const bratWriter: FolderWriter = {
  name: 'brat',
  kind: 'folder',
  defaultOffsets: BRAT_DEFAULT_OFFSETS,
  files(record, options) {
    const map = new OffsetMap(record.text)
    const tIds = new Map(record.spans.map((span, index) => [span.id, `T${index + 1}`]))
    const lines = record.spans.map((span, index) => {
      const { start, end } = offsetsIn(map, span, options.offsets)
      return `T${index + 1}\t${span.label} ${start} ${end}\t${annText(span.text)}\n`
    })
    let attributeCount = 0
    let noteCount = 0
    for (const span of record.spans) {
      for (const [name, value] of Object.entries(span.attributes ?? {})) {
        lines.push(`A${++attributeCount}\t${name} ${tIds.get(span.id)} ${bratAttributeValue(value)}\n`)
      }
    }
    for (const [index, relation] of (record.relations ?? []).entries()) {
      const from = tIds.get(relation.from)
      const to = tIds.get(relation.to)
      if (from && to) lines.push(`R${index + 1}\t${relation.type} Arg1:${from} Arg2:${to}\n`)
    }
    for (const span of record.spans) {
      if (span.note) lines.push(`#${++noteCount}\tAnnotatorNotes ${tIds.get(span.id)}\t${bratNote(span.note)}\n`)
    }
    // with every annotator, each gets a subfolder: brat pairs files by name, one .ann per .txt
    const dir = options.allAnnotators ? `${record.annotator}/` : ''
    return [
      { path: `${dir}${record.id}.txt`, content: record.text },
      { path: `${dir}${record.id}.ann`, content: lines.join('') }
    ]
  }
}
