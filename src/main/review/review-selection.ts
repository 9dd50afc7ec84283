// Which documents a review covers and with which layers: those with layers from two or more of
// the chosen annotators, narrowed by the labels used, the annotators' status and the review's.
// Shared by the review list, the automatic merge and `spanwise merge`.
import { readdir } from 'node:fs/promises'
import type { AnnotationLayer, DocumentStatus } from '../../shared/model'
import type { ReviewStatus } from '../../shared/review'
import { annotationsDir, idFromFileName } from '../store/layout'
import type { ProjectStore } from '../store/project-store'
import type { GoldStore, VersionedGold } from './gold-store'

export interface ReviewFilter {
  /** The annotators compared; default: every annotator with a layer for the document. */
  annotators?: string[]
  /** Only documents where a chosen annotator used one of these labels. */
  labels?: string[]
  /** Only documents every chosen annotator marked so. */
  status?: DocumentStatus
  reviewStatus?: ReviewStatus
  documentIds?: string[]
}

export interface ReviewCandidate {
  documentId: string
  layers: AnnotationLayer[]
  /** The gold layer, or why it could not be read (one damaged file costs only its document). */
  gold: VersionedGold | { problem: string }
}

/** Which documents each annotator has a layer for: one folder listing per annotator. */
export async function layersOnDisk(store: ProjectStore, annotators?: string[]): Promise<Map<string, Set<string>>> {
  const present = new Map<string, Set<string>>()
  for (const name of annotators ?? (await store.annotators())) {
    const files = await readdir(annotationsDir(store.folder, name)).catch(() => [] as string[])
    present.set(name, new Set(files.map(idFromFileName).filter((id): id is string => id !== null)))
  }
  return present
}

export function readGold(goldStore: GoldStore, documentId: string): ReviewCandidate['gold'] {
  try {
    return goldStore.read(documentId)
  } catch (error) {
    return { problem: (error as Error).message }
  }
}

export async function* reviewCandidates(store: ProjectStore, goldStore: GoldStore, filter: ReviewFilter): AsyncGenerator<ReviewCandidate> {
  const present = await layersOnDisk(store, filter.annotators)
  const wanted = filter.documentIds ? new Set(filter.documentIds) : null
  const labels = filter.labels && filter.labels.length > 0 ? new Set(filter.labels) : null
  for (const documentId of await store.documentIds()) {
    if (wanted && !wanted.has(documentId)) continue
    const here = [...present].filter(([, ids]) => ids.has(documentId)).map(([name]) => name)
    if (here.length < 2) continue
    const layers = await Promise.all(here.map((annotator) => store.getLayer(documentId, annotator)))
    if (filter.status) {
      // explicitly chosen annotators must all have marked it so, even those with no layer here
      const everyone = filter.annotators ?? here
      if (everyone.length !== here.length || !layers.every((layer) => layer.status === filter.status)) continue
    }
    if (labels && !layers.some((layer) => layer.spans.some((span) => labels.has(span.label)))) continue
    const gold = readGold(goldStore, documentId)
    if (filter.reviewStatus && ('problem' in gold || gold.gold.status !== filter.reviewStatus)) continue
    yield { documentId, layers, gold }
  }
}
