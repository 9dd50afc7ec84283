import path from 'node:path'

const MAX_TITLE = 160

/** A document's title: its first non-empty line (Markdown heading marks dropped), else the file name. */
export function titleFor(text: string, fileName: string): string {
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/^\s*#{1,6}(?:\s+|$)/, '').trim()
    if (line) return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line
  }
  return path.basename(fileName).replace(/\.[^.]+$/, '')
}
