// CoNLL-2003-style BIO: one `token label` per line, a blank line between sentences, and
// `-DOCSTART- O` plus a blank line before each document.
// Write: tokens from tokenize.ts (split at span boundaries, so spans cover whole tokens).
// Sentences end at a line break between tokens, or after . ! ? … 。！？ ؟ followed by
// whitespace, never inside a span. Overlapping and nested spans: outermost wins — spans are
// taken in text order (earlier start, then longer, first) and a span sharing any token with
// one already taken is left out. Spans holding no token (only spaces or bidi marks) are left
// out too. CoNLL keeps tokens, not the text: whitespace, bidi marks and meta are lost.
// Read: the first column is the token and the last the tag (so 4-column CoNLL-2003 files read
// too); the text is rebuilt as tokens joined by single spaces, sentences by "\n". An I- tag
// that does not continue a span of its label starts one (IOB1 style).
import { OffsetMap } from '../../shared/offsets'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { titleFor } from './title'
import { tokenize, tokenRange, type Token } from './tokenize'
import type { ExportRecord, FormatReader, ParsedDocument, ParsedSpan, StreamWriter } from './types'

const SENTENCE_END = /^[.!?…。！？؟]+$/u
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/

/** Token tags for one record under the outermost-wins rule. */
export function bioTags(record: ExportRecord, tokens: Token[]): { tags: string[]; kept: { first: number; last: number }[] } {
  const tags: string[] = tokens.map(() => 'O')
  const kept: { first: number; last: number }[] = []
  for (const span of record.spans) {
    const range = tokenRange(tokens, span)
    if (!range) continue
    let free = true
    for (let i = range.first; i <= range.last && free; i++) if (tags[i] !== 'O') free = false
    if (!free) continue
    for (let i = range.first; i <= range.last; i++) tags[i] = `${i === range.first ? 'B' : 'I'}-${span.label}`
    kept.push(range)
  }
  return { tags, kept }
}

export const conllWriter: StreamWriter = {
  name: 'conll',
  kind: 'stream',
  extension: 'conll',
  contentType: 'text/plain; charset=utf-8',
  defaultOffsets: null,
  record(record) {
    const map = new OffsetMap(record.text)
    const tokens = tokenize(map, record.spans.flatMap((span) => [span.start, span.end]))
    const { tags } = bioTags(record, tokens)
    const lines = ['-DOCSTART- O', '']
    for (const [i, token] of tokens.entries()) {
      lines.push(`${token.text} ${tags[i]}`)
      const next = tokens[i + 1]
      if (!next) break
      const gap = map.sliceCodePoints(token.end, next.start)
      const breaks = LINE_BREAK.test(gap) || (SENTENCE_END.test(token.text) && gap !== '')
      // a sentence break inside a span would cut it in two
      if (breaks && !tags[i + 1]!.startsWith('I-')) lines.push('')
    }
    return `${lines.join('\n')}\n\n`
  }
}

export const conllReader: FormatReader = {
  name: 'conll',
  extensions: ['.conll'],
  read(file) {
    const source = decodeText(file.name, file.bytes)
    const documents: ParsedDocument[] = []
    let sentences: string[][] = []
    let sentence: string[] = []
    let text = ''
    let length = 0 // code points of `text`
    let spans: ParsedSpan[] = []
    let open: ParsedSpan | null = null
    let firstLine = 1

    const closeSentence = () => {
      if (sentence.length) sentences.push(sentence)
      sentence = []
    }
    const finishDocument = () => {
      closeSentence()
      if (open) spans.push(open)
      open = null
      if (sentences.length) {
        documents.push({ file: file.name, text, title: titleFor(text, file.name), meta: { source: file.name, line: firstLine }, spans })
      }
      sentences = []
      text = ''
      length = 0
      spans = []
    }

    for (const [index, raw] of source.split('\n').entries()) {
      const lineNo = index + 1
      const line = raw.trim()
      if (line === '') {
        closeSentence()
        continue
      }
      const columns = line.split(/\s+/)
      if (columns[0] === '-DOCSTART-') {
        finishDocument()
        firstLine = lineNo + 1
        continue
      }
      if (columns.length < 2) throw new ImportError(file.name, `expected "token label", got ${JSON.stringify(line)}`, lineNo)
      const token = columns[0]!
      const tag = columns[columns.length - 1]!
      const match = /^([BI])-(.+)$/.exec(tag)
      if (tag !== 'O' && !match) throw new ImportError(file.name, `tag "${tag}" is not O, B-label or I-label`, lineNo)
      // rebuild the text: a space between tokens, a line break between sentences
      if (length > 0) {
        const separator = sentence.length === 0 ? '\n' : ' '
        text += separator
        length += 1
      }
      const start = length
      text += token
      length += new OffsetMap(token).codePointLength
      sentence.push(token)
      if (open && (!match || match[1] === 'B' || match[2] !== open.label || sentence.length === 1)) {
        spans.push(open)
        open = null
      }
      if (match) {
        if (open) open.end = length
        else open = { start, end: length, label: match[2]! }
      }
    }
    finishDocument()
    if (documents.length === 0) throw new ImportError(file.name, 'file has no tokens')
    return documents
  }
}
