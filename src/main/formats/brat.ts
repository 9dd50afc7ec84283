// brat standoff: a document is a pair X.txt + X.ann. The .txt is the text exactly (CRLF counts
// as two characters); .ann offsets count code points, as Python's str does in brat's server.
// Read: T lines (`T1<TAB>Label 0 5<TAB>text`) become spans and their text must equal the .txt
// slice. A discontinuous T line (`0 5;6 12`) whose gaps hold only line breaks is what brat
// writes for a span crossing lines: it is read as one span from the first start to the last end.
// Any other discontinuous T line is rejected (file + line): Spanwise spans are continuous.
// `#` note lines are kept in meta.bratNotes; relations, events, attributes and normalisations
// (R, E, A/M, N lines) are ignored. Write: one continuous T line per span; a span's text field
// has its line breaks written as spaces (one per character) so the .ann stays one line per
// annotation; the reader accepts that too. meta and status are not carried by brat.
import path from 'node:path'
import { OffsetMap, type OffsetUnit } from '../../shared/offsets'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { offsetsIn } from './outgoing'
import { spanFromInput } from './incoming'
import { titleFor } from './title'
import type { FolderWriter, FormatReader, ParsedDocument, ParsedSpan, ReadOptions, SourceFile } from './types'

export const BRAT_DEFAULT_OFFSETS: OffsetUnit = 'codepoint'

const LINE_BREAKS = /[\r\n\u2028\u2029\u0085\v\f]/g
/** A span's text as an .ann line can hold it: line break characters become spaces. */
export function annText(text: string): string {
  return text.replace(LINE_BREAKS, ' ')
}

const stem = (name: string) => name.slice(0, name.length - path.extname(name).length)

function readPair(txt: SourceFile, ann: SourceFile, options: ReadOptions): ParsedDocument {
  const text = decodeText(txt.name, txt.bytes)
  if (text.trim() === '') throw new ImportError(txt.name, 'file is empty')
  const annSource = decodeText(ann.name, ann.bytes)
  const map = new OffsetMap(text)
  const unit = options.offsets ?? BRAT_DEFAULT_OFFSETS
  const spans: ParsedSpan[] = []
  const notes: { target: string; note: string }[] = []
  for (const [index, raw] of annSource.split('\n').entries()) {
    const lineNo = index + 1
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') continue
    const where = { file: ann.name, line: lineNo }
    const [id = '', body = '', ...rest] = line.split('\t')
    if (id.startsWith('#')) {
      // "#1<TAB>AnnotatorNotes T1<TAB>note text"
      notes.push({ target: body.split(' ')[1] ?? '', note: rest.join('\t') })
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
    spans.push(span)
  }
  return {
    file: ann.name,
    text,
    title: titleFor(text, txt.name),
    meta: { source: txt.name, ...(notes.length ? { bratNotes: notes } : {}) },
    spans
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
    const lines = record.spans.map((span, index) => {
      const { start, end } = offsetsIn(map, span, options.offsets)
      return `T${index + 1}\t${span.label} ${start} ${end}\t${annText(span.text)}\n`
    })
    // with every annotator, each gets a subfolder: brat pairs files by name, one .ann per .txt
    const dir = options.allAnnotators ? `${record.annotator}/` : ''
    return [
      { path: `${dir}${record.id}.txt`, content: record.text },
      { path: `${dir}${record.id}.ann`, content: lines.join('') }
    ]
  }
}
