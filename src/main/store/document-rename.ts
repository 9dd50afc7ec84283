// What renaming a document changes in its record. The title lives in the document's own file
// beside its text and import metadata; the text never changes (the id is its hash). A rename
// keeps the title the import gave, so that it can be put back and exports can say where a title
// came from. Pure code: the store (ProjectStore.renameDocument) reads, checks the version and writes.
import { MAX_TITLE_LENGTH, type DocumentRecord } from '../../shared/model'
import { StoreError } from './errors'

/** A title as the user typed it, on one line: runs of white space (line breaks too) become one space. */
export function normaliseTitle(title: string): string {
  const clean = title.replace(/\s+/gu, ' ').trim()
  if ([...clean].length > MAX_TITLE_LENGTH) throw new StoreError('invalid_input', `a title may be at most ${MAX_TITLE_LENGTH} characters long`)
  return clean
}

/**
 * The record after renaming it to `title`; an empty title or null puts back the imported one.
 * Null when nothing would change (the file is then not written: no new version, no git diff).
 */
export function renamedRecord(record: DocumentRecord, title: string | null, by: string, at: string): DocumentRecord | null {
  const importedTitle = record.renamed?.importedTitle ?? record.title
  const wanted = title === null ? '' : normaliseTitle(title)
  if (wanted === '' || wanted === importedTitle) {
    if (!record.renamed) return null
    const { renamed: _dropped, ...rest } = record
    return { ...rest, title: importedTitle }
  }
  if (wanted === record.title) return null
  return { ...record, title: wanted, renamed: { importedTitle, by, at } }
}
