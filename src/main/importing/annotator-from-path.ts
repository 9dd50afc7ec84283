// Multi-annotator datasets that keep each annotator apart by path rather than inside the records:
// doccano writes one <username>.jsonl per annotator, and brat collections (Spanwise's own
// `export --format brat --all-annotators`) keep one folder per annotator. On request the layer
// is named by the path, overriding whatever the file says:
//   file-name: the file's name without its extension (alice.jsonl → alice)
//   folder:    the name of the folder holding the file (brat/alice/x.ann → alice)
// The name is made folder-safe like any annotator a file names, and must then be valid.
import path from 'node:path'
import { annotatorFromFile } from '../formats/incoming'
import type { ParsedDocument } from '../formats/types'
import { ImportError } from './errors'

export const ANNOTATOR_FROM_PATH = ['file-name', 'folder'] as const
export type AnnotatorFromPath = (typeof ANNOTATOR_FROM_PATH)[number]

export function annotatorForPath(file: string, rule: AnnotatorFromPath): string {
  const part = rule === 'file-name' ? path.basename(file, path.extname(file)) : path.basename(path.dirname(file))
  const name = annotatorFromFile(part)
  if (name === undefined) throw new ImportError(file, `the ${rule === 'file-name' ? 'file name' : 'folder name'} ${JSON.stringify(part)} is not a usable annotator name`)
  return name
}

/** Puts every document of one parsed unit in the layer its path names. */
export function nameLayersByPath(documents: ParsedDocument[], rule: AnnotatorFromPath): void {
  for (const doc of documents) doc.annotator = annotatorForPath(doc.file, rule)
}
