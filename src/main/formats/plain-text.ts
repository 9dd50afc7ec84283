// Plain text and Markdown: the text is stored exactly as read, line endings included.
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import { titleFor } from './title'
import type { FormatReader } from './types'

export const plainTextReader: FormatReader = {
  name: 'txt',
  extensions: ['.txt', '.md', '.markdown', '.text'],
  read(file) {
    const text = decodeText(file.name, file.bytes)
    if (text.trim() === '') throw new ImportError(file.name, 'file is empty')
    return [{ file: file.name, text, title: titleFor(text, file.name), meta: { source: file.name }, spans: [] }]
  }
}
