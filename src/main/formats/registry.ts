// Which reader takes which file, and which writer makes which export. New formats register here
// and nowhere else. Readers with no extensions are chosen only by name (--format doccano).
import path from 'node:path'
import { bratReader, bratWriter } from './brat'
import { conllReader, conllWriter } from './conll'
import { csvDocumentsWriter, csvReader, csvWriter } from './csv'
import { jsonlReader } from './detect-jsonl'
import { doccanoReader, doccanoWriter } from './doccano'
import { htmlReader } from './html'
import { labelStudioReader, labelStudioWriter } from './label-studio'
import { plainTextReader } from './plain-text'
import { prodigyReader, prodigyWriter } from './prodigy'
import { spanwiseReader, spanwiseWriter } from './spanwise-jsonl'
import type { FormatReader, FormatWriter } from './types'

export const readers: FormatReader[] = [
  plainTextReader,
  htmlReader,
  jsonlReader,
  labelStudioReader,
  csvReader,
  bratReader,
  conllReader,
  spanwiseReader,
  doccanoReader,
  prodigyReader
]

export const writers: FormatWriter[] = [spanwiseWriter, doccanoWriter, prodigyWriter, labelStudioWriter, bratWriter, conllWriter, csvWriter, csvDocumentsWriter]

export function readerByName(name: string): FormatReader | undefined {
  return readers.find((reader) => reader.name === name)
}

export function readerForFile(fileName: string): FormatReader | undefined {
  const ext = path.extname(fileName).toLowerCase()
  return readers.find((reader) => reader.extensions.includes(ext))
}

export function supportedExtensions(): string[] {
  return readers.flatMap((reader) => reader.extensions)
}

export function writerByName(name: string): FormatWriter | undefined {
  return writers.find((writer) => writer.name === name)
}
