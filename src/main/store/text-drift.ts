// A layer's offsets are only right against the exact text they were written on. A document's text
// can change under its layers outside Spanwise: git converting line endings, an edit by hand, a
// teammate's file replaced. Both are caught by hashes: the document's own (taken at import) and
// the one each layer records (`documentSha256`), so such a layer is reported, never mis-sliced.
import type { AnnotationLayer, DocumentRecord } from '../../shared/model'
import { contentHash } from './project-store'

/** Why no layer can be laid on `document`'s text any more, or null. */
export function documentDrift(document: DocumentRecord): string | null {
  if (contentHash(document.text) === document.sha256) return null
  return `documents/${document.id}.json: its text no longer matches the hash it was imported with (edited, or line endings converted by git); annotations on it would be mis-sliced`
}

/** Why `layer` was written against another text than `document`'s, or null (checks no hash of the text itself). */
export function layerDrift(document: DocumentRecord, layer: AnnotationLayer): string | null {
  if (layer.documentSha256 === undefined || layer.documentSha256 === document.sha256) return null
  return `annotations/${layer.annotator}/${document.id}.json was written against another text than documents/${document.id}.json`
}

/** Why `layer` cannot be laid on `document`'s text, or null when it can. */
export function textDrift(document: DocumentRecord, layer?: AnnotationLayer): string | null {
  return documentDrift(document) ?? (layer ? layerDrift(document, layer) : null)
}
