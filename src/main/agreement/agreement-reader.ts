// Reads what agreement compares of one document: each chosen annotator's layer as every reader
// sees it (the label log followed, as ProjectStore.getLayer does), and the document's text. Plain
// file reads with the project's settings handed in, so a worker thread (report-worker.ts) reads
// its own documents exactly as the main thread does, without opening a store (which would
// recover journals and tidy files: a worker must never write).
import type { AlignableSpan } from '../../shared/alignment'
import { GOLD_RATER } from '../../shared/agreement/report'
import type { DocumentStatus, DocumentTags, ProjectConfig } from '../../shared/model'
import { followLabelLog } from '../store/label-log'
import { documentFile, layerFile } from '../store/layout'
import { readLayerFile, readRecordFile } from '../store/read-checked'
import type { AgreementDocument } from './build-report'

export interface ReadingSetup {
  folder: string
  /** The project's settings when the report started (labels and their log). */
  config: ProjectConfig
  annotators: string[]
  /** Only documents every chosen annotator marked so; null = any status. */
  status: DocumentStatus | null
}

/** Gold as one more rater (read by the review's gold store, the one reader of gold files). */
export interface GoldRater {
  spans: AlignableSpan[]
  tags: DocumentTags
}

/**
 * One document with the chosen layers, or null when fewer than two annotators have one, it
 * fails the status filter, or its document is gone or damaged (a damaged layer throws, naming
 * its file).
 */
export function readAgreementDocument(setup: ReadingSetup, documentId: string, gold: GoldRater | null): AgreementDocument | null {
  const { folder, config, annotators, status } = setup
  const layers: Record<string, readonly AlignableSpan[]> = {}
  const tags: Record<string, DocumentTags> = {}
  for (const name of annotators) {
    const stored = readLayerFile(layerFile(folder, name, documentId))
    if (!stored) continue
    const layer = followLabelLog(stored, config)
    // the status filter keeps documents every chosen annotator marked so
    if (status && layer.status !== status) return null
    layers[name] = layer.spans
    tags[name] = layer.tags ?? {}
  }
  if (status && Object.keys(layers).length < annotators.length) return null
  if (gold) {
    layers[GOLD_RATER] = gold.spans
    tags[GOLD_RATER] = gold.tags
  }
  if (Object.keys(layers).length < 2) return null
  let document
  try {
    document = readRecordFile(documentFile(folder, documentId))
  } catch {
    // a layer whose document is damaged is left out, as one whose document has gone
    return null
  }
  return document && { documentId, title: document.title, text: document.text, layers, tags }
}
