// The adjudicated gold layer as one more rater. Gold lives in gold/<documentId>.json (written by
// the review feature, shape in SPEC-review.md: { version, documentId, status, spans, ... }); here
// it is only read. A missing gold folder or file means no gold for that document; a gold file
// not yet started and empty is no gold either.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { AlignableSpan } from '../../shared/alignment'
import type { DocumentTags } from '../../shared/model'

interface GoldFile {
  status?: string
  spans?: AlignableSpan[]
  tags?: DocumentTags
}

export function goldFile(folder: string, documentId: string): string {
  return path.join(folder, 'gold', `${documentId}.json`)
}

/** The gold spans and document tags of a document, or null when it has no gold yet. */
export async function readGold(folder: string, documentId: string): Promise<{ spans: AlignableSpan[]; tags: DocumentTags } | null> {
  let text: string
  try {
    text = await readFile(goldFile(folder, documentId), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let gold: GoldFile
  try {
    gold = JSON.parse(text) as GoldFile
  } catch (error) {
    throw new Error(`${goldFile(folder, documentId)}: not valid JSON (${(error as Error).message})`)
  }
  const spans = Array.isArray(gold.spans) ? gold.spans : []
  if (spans.length === 0 && (gold.status === undefined || gold.status === 'not_started')) return null
  return { spans: spans.map(({ id, start, end, label }) => ({ id, start, end, label })), tags: gold.tags ?? {} }
}
