// How a document list names the file a document came from: its own name in the row (a narrow
// list would cut the folders' path off), the whole path and the imported title in the tooltip.
import type { OrderedDocument } from '../../../shared/document-order'

/** The file's own name, without the folders it was in. */
export function fileNameOnly(path: string | undefined): string {
  return path === undefined ? '' : path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
}

/** What a row's tooltip says of a document besides its title: the file it came from, and its old title if renamed. */
export function rowDetails(doc: OrderedDocument & { importedTitle?: string | undefined }): string {
  return [doc.fileName && `File: ${doc.fileName}`, doc.importedTitle && `Imported as: ${doc.importedTitle}`].filter(Boolean).join('\n')
}
