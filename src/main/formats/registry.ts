// Which reader takes which file. New formats register here and nowhere else.
import path from 'node:path'
import { plainTextReader } from './plain-text'
import type { FormatReader } from './types'

export const readers: FormatReader[] = [plainTextReader]

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
