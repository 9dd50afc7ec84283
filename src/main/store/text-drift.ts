// A layer's offsets are only right against the exact text they were written on. A document's text
// can change under its layers outside Spanwise: git converting line endings, an edit by hand, a
// teammate's file replaced. Both are caught by hashes: the document's own (taken at import) and
// the one each layer records (`documentSha256`), so such a layer is reported, never mis-sliced.
import type { AnnotationLayer, DocumentRecord } from '../../shared/model'
import { contentHash } from './project-store'

/** Which file no longer fits, as a path in the project, and why. */
export interface Drift {
  file: string
  problem: string
}

/** The document's text no longer matches the hash taken at import: no layer can be laid on it. */
export function documentDrift(document: DocumentRecord): Drift | null {
  if (contentHash(document.text) === document.sha256) return null
  return {
    file: `documents/${document.id}.json`,
    problem: 'its text no longer matches the hash it was imported with (edited, or line endings converted by git); annotations on it would be mis-sliced'
  }
}

/** `layer` was written against another text than `document`'s (checks no hash of the text itself). */
export function layerDrift(document: DocumentRecord, layer: AnnotationLayer): Drift | null {
  if (layer.documentSha256 === undefined || layer.documentSha256 === document.sha256) return null
  return { file: `annotations/${layer.annotator}/${document.id}.json`, problem: `it was written against another text than documents/${document.id}.json` }
}

export function describeDrift(drift: Drift): string {
  return `${drift.file}: ${drift.problem}`
}

/** Why `layer` cannot be laid on `document`'s text, or null when it can. */
export function textDrift(document: DocumentRecord, layer?: AnnotationLayer): string | null {
  const drift = documentDrift(document) ?? (layer ? layerDrift(document, layer) : null)
  return drift && describeDrift(drift)
}
