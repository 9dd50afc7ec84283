// The one write path of an import, built so that an import of any size (gigabytes of JSONL) is
// all or nothing without holding it in memory:
//   1. staging: every document and layer the import will add is written, as it is read, into a
//      hidden staging folder inside the project (`.spanwise-import-<pid>-<hex>.staging/`, ignored
//      by git and by the folder watcher). The project itself is not touched: a bad line, a cancel
//      or a crash at this point costs only the staging folder (removed; a dead process's by the
//      next open of the project).
//   2. commit: the journal (import-journal.ts) is written first, listing the documents and layers
//      the run adds and what each layer held before; then the label set is extended, each staged
//      file is renamed into place (a rename, not a copy: same disk), everything is flushed, and
//      the journal removed. A failure or cancel during the commit rolls back from the journal; a
//      crash leaves the journal for the next open, which rolls back too.
// Staged files are written on a thread of their own (staging-writer.ts), across a few shard
// folders, while the next batch is parsed.
import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { ABSENT_VERSION, type FileVersion, type ImportProgress } from '../../shared/api/contract'
import { compareSpans, emptyLayer, type AnnotationLayer, type Relation, type Span } from '../../shared/model'
import type { ParsedDocument } from '../formats/types'
import { checkAnnotatorCase } from '../store/annotator'
import { canonicalJson } from '../store/canonical-json'
import { fileVersion } from '../store/file-version'
import { ImportJournal } from '../store/import-journal'
import { WriteBatch } from '../store/json-file'
import { currentRevision } from '../store/label-log'
import { annotationsDir, documentFile, layerFile } from '../store/layout'
import { hasTags, normaliseTags } from '../../shared/tags'
import { resolveTags } from './import-tags'
import { contentHash, type ProjectStore } from '../store/project-store'
import { collectBeforeBurst, keepHeapSmall } from './heap-guard'
import { throwIfCancelled } from './read-lines'
import { StagingWriter } from './staging-writer'

const SHARDS = 4

interface StagedLayer {
  annotator: string
  documentId: string
  /** The layer's version when the import read it (ABSENT_VERSION for a new document's). */
  base: FileVersion
  spans: number
}

/** What staging one document did, for the report. */
export interface StagedDocument {
  id: string
  title: string
  /** This import adds the document (it was not in the project, nor staged before). */
  added: boolean
  /** Spans written into the layer. */
  spans: number
}

// An id is the time, a counter and four random base-36 digits. An import makes one per span, so
// the time's digits are kept for the millisecond they stand for, and the random digits come
// from an integer (turning a random fraction into base 36 is several times slower).
let spanCounter = 0
let clockMs = -1
let clockDigits = ''
const RANDOM_RANGE = 36 ** 4

export function newSpanId(prefix = 's'): string {
  spanCounter = (spanCounter + 1) % 1_000_000
  const now = Date.now()
  if (now !== clockMs) {
    clockMs = now
    clockDigits = now.toString(36)
  }
  const random = Math.floor(Math.random() * RANDOM_RANGE).toString(36).padStart(4, '0')
  return `${prefix}${clockDigits}${spanCounter.toString(36)}${random}`
}

/**
 * The spans and relations of a parsed document as a layer stores them, with new ids. Their keys
 * are in sorted order, which spares canonicalJson its slow path (an import writes millions).
 */
function layerContent(doc: ParsedDocument): { spans: Span[]; relations: Relation[] } {
  const spans: Span[] = doc.spans.map((s) => {
    const attributes = s.attributes && Object.keys(s.attributes).length > 0 ? s.attributes : undefined
    const id = newSpanId()
    if (!attributes && !s.note) return { end: s.end, id, label: s.label, start: s.start }
    return { ...(attributes ? { attributes } : {}), end: s.end, id, label: s.label, ...(s.note ? { note: s.note } : {}), start: s.start }
  })
  // relation endpoints are span indexes in the file: they follow the spans to their new ids
  const relations: Relation[] = (doc.relations ?? []).map((r) => ({ from: spans[r.from]!.id, id: newSpanId('r'), to: spans[r.to]!.id, type: r.type }))
  return { spans, relations }
}

export class StagedImport {
  readonly staging: string
  private readonly importedAt = new Date().toISOString()
  /** Each document's place in this import (its file's order), for the list's "import order". */
  private importIndex = 0
  /** Documents in the project when the import began. */
  private readonly existing: Set<string>
  /** Documents and layers staged by files that parsed completely, and by the file being read. */
  private readonly documents = new Set<string>()
  private readonly layers = new Map<string, StagedLayer>()
  private unitDocuments = new Set<string>()
  private unitLayers = new Map<string, StagedLayer>()
  private readonly writer: StagingWriter
  private layerFolders = new Map<string, number>()

  private constructor(
    private readonly store: ProjectStore,
    existing: string[]
  ) {
    this.existing = new Set(existing)
    this.staging = path.join(store.folder, `.spanwise-import-${process.pid}-${randomBytes(4).toString('hex')}.staging`)
    mkdirSync(this.staging)
    this.writer = new StagingWriter()
  }

  static async begin(store: ProjectStore): Promise<StagedImport> {
    return new StagedImport(store, await store.documentIds())
  }

  private stagedDocumentFile(id: string): string {
    return path.join(this.staging, `d${parseInt(id[0]!, 16) % SHARDS}`, `${id}.json`)
  }

  private stagedLayerFile(annotator: string, id: string): string {
    // annotators are numbered in the staging folder: their names are checked only at commit
    let index = this.layerFolders.get(annotator)
    if (index === undefined) this.layerFolders.set(annotator, (index = this.layerFolders.size))
    return path.join(this.staging, `l${index}-${parseInt(id[0]!, 16) % SHARDS}`, `${id}.json`)
  }

  private stagedLayer(key: string): StagedLayer | undefined {
    return this.unitLayers.get(key) ?? this.layers.get(key)
  }

  /**
   * Stages one checked batch of a file: returns at once what each document did (for the
   * report) and a promise of the writes, which the caller awaits before staging the next batch.
   */
  async stage(batch: ParsedDocument[], fallbackAnnotator: string): Promise<{ staged: StagedDocument[]; written: Promise<void> }> {
    const writes: { file: string; content: string }[] = []
    const staged: StagedDocument[] = []
    const revision = currentRevision(this.store.settings)
    for (const doc of batch) {
      const importIndex = this.importIndex++
      const sha256 = contentHash(doc.text)
      const id = sha256.slice(0, 16)
      const added = !this.existing.has(id) && !this.documents.has(id) && !this.unitDocuments.has(id)
      if (added) {
        this.unitDocuments.add(id)
        const record = { version: 1, id, title: doc.title, text: doc.text, meta: doc.meta, sha256, importedAt: this.importedAt, importIndex }
        writes.push({ file: this.stagedDocumentFile(id), content: canonicalJson(record) })
      }
      const annotator = doc.annotator ?? fallbackAnnotator
      const layer = await this.layerFor(doc, id, annotator, sha256, revision)
      if (layer) writes.push({ file: this.stagedLayerFile(annotator, id), content: canonicalJson(layer.layer) })
      staged.push({ id, title: doc.title, added, spans: layer?.spansWritten ?? 0 })
    }
    return { staged, written: this.writer.write(writes) }
  }

  /**
   * The layer to stage for one document, or null, and how many spans it takes from the file.
   * Spans land only in a layer without spans and tags only in a layer without tags (never over
   * work); a status from the file only sets a layer nobody has touched.
   */
  private async layerFor(
    doc: ParsedDocument,
    id: string,
    annotator: string,
    sha256: string,
    revision: number
  ): Promise<{ layer: AnnotationLayer; spansWritten: number } | null> {
    const tags = normaliseTags(resolveTags(doc.tags, this.store.settings.tagGroups), this.store.settings.tagGroups)
    const tagged = hasTags(tags)
    if (doc.spans.length === 0 && !doc.status && !tagged) return null
    const key = `${annotator}/${id}`
    const before = this.stagedLayer(key)
    let current: AnnotationLayer
    let base: FileVersion = ABSENT_VERSION
    if (before) {
      // the same text again in the same layer: the first copy's spans stay
      if (before.spans > 0 || doc.spans.length === 0) return null
      current = this.existing.has(id) ? (await this.store.readLayer(id, annotator)).layer : emptyLayer(id, annotator)
      base = before.base
    } else if (this.existing.has(id)) {
      const read = await this.store.readLayer(id, annotator)
      ;({ layer: current, version: base } = read)
      const fits = (doc.spans.length > 0 && current.spans.length === 0) || (tagged && !hasTags(current.tags))
      if (doc.spans.length > 0 || tagged ? !fits : current.updatedAt !== null) return null
    } else current = emptyLayer(id, annotator)

    const spansFit = doc.spans.length > 0 && current.spans.length === 0
    const tagsFit = tagged && !hasTags(current.tags)
    const { spans, relations } = spansFit ? layerContent(doc) : { spans: current.spans, relations: current.relations }
    const status = spansFit || current.updatedAt === null ? (doc.status ?? 'in_progress') : current.status
    const { labelRevision: _read, ...rest } = current
    const spansWritten = spansFit ? spans.length : 0
    this.unitLayers.set(key, { annotator, documentId: id, base, spans: spansWritten })
    const layer: AnnotationLayer = {
      ...rest,
      status,
      spans: spans.sort(compareSpans),
      relations,
      ...(tagsFit ? { tags } : {}),
      ...(revision > 0 ? { labelRevision: revision } : {}),
      documentSha256: sha256,
      updatedAt: new Date().toISOString()
    }
    return { layer, spansWritten }
  }

  /** The file being read parsed completely: what it staged is part of the run. */
  endUnit(): void {
    for (const id of this.unitDocuments) this.documents.add(id)
    for (const [key, layer] of this.unitLayers) this.layers.set(key, layer)
    this.unitDocuments = new Set()
    this.unitLayers = new Map()
  }

  /** The file being read was rejected: what it staged goes (another file may stage it again). */
  abandonUnit(): void {
    for (const id of this.unitDocuments) rmSync(this.stagedDocumentFile(id), { force: true })
    for (const layer of this.unitLayers.values()) {
      // (a second copy's spans may have replaced the status-only layer an earlier file staged: that one goes too)
      this.layers.delete(`${layer.annotator}/${layer.documentId}`)
      rmSync(this.stagedLayerFile(layer.annotator, layer.documentId), { force: true })
    }
    this.unitDocuments = new Set()
    this.unitLayers = new Map()
  }

  get documentCount(): number {
    return this.documents.size
  }

  get isEmpty(): boolean {
    return this.documents.size === 0 && this.layers.size === 0
  }

  /**
   * Moves everything staged into the project, all or nothing (see the top of this file).
   * `addLabels` extends the label set (under the journal); returns the layers left as they were
   * because someone changed them since the import read them.
   */
  async commit(options: {
    signal?: AbortSignal
    addLabels: () => Promise<void>
    onProgress?: (progress: Pick<ImportProgress, 'documents' | 'documentsTotal'>) => void
  }): Promise<StagedLayer[]> {
    const { store } = this
    const folder = store.folder
    throwIfCancelled(options.signal)
    collectBeforeBurst()
    // a document another process added meanwhile is not this run's (its layers are checked below)
    const existsNow = new Set(await store.documentIds())
    const newIds = [...this.documents].filter((id) => !existsNow.has(id))
    const fresh = new Set(newIds)
    const layers = [...this.layers.values()]
    const journal = ImportJournal.begin(folder, newIds, layers)
    const skipped: StagedLayer[] = []
    try {
      await options.addLabels()
      journal.projectWritten()
      const batch = new WriteBatch()
      const total = newIds.length + layers.length
      let done = 0
      const tick = () => {
        if (++done % 2000 === 0) {
          throwIfCancelled(options.signal)
          keepHeapSmall()
          options.onProgress?.({ documents: done, documentsTotal: total })
        }
      }
      for (const id of newIds) {
        renameSync(this.stagedDocumentFile(id), documentFile(folder, id))
        tick()
      }
      batch.addListed(() => newIds.map((id) => documentFile(folder, id)))
      const annotatorFolders = new Set(readdirSync(annotationsDir(folder)))
      for (const layer of layers) {
        const target = layerFile(folder, layer.annotator, layer.documentId)
        // a layer written by someone since the import read it keeps their work
        if (!fresh.has(layer.documentId) && fileVersion(target) !== layer.base) {
          skipped.push(layer)
          tick()
          continue
        }
        if (!annotatorFolders.has(layer.annotator)) {
          // never a folder that differs from a sibling only in case (one folder on other disks)
          checkAnnotatorCase(layer.annotator, [...annotatorFolders])
          mkdirSync(annotationsDir(folder, layer.annotator), { recursive: true })
          annotatorFolders.add(layer.annotator)
          batch.add(annotationsDir(folder, layer.annotator))
        }
        renameSync(this.stagedLayerFile(layer.annotator, layer.documentId), target)
        tick()
      }
      const kept = new Set(skipped)
      const moved = function* () {
        for (const layer of layers) if (!kept.has(layer)) yield layer
      }
      batch.addListed(function* () {
        for (const layer of moved()) yield layerFile(folder, layer.annotator, layer.documentId)
      })
      options.onProgress?.({ documents: total, documentsTotal: total })
      throwIfCancelled(options.signal)
      // every file on disk before the journal goes: until then a crash rolls the run back
      await batch.flush()
      journal.commit()
      // the derived caches (document summaries, the listing index) learn of every file put in place
      store.forgetDocuments(newIds)
      for (const layer of moved()) store.forgetLayer(layer.documentId, layer.annotator)
      return skipped
    } catch (error) {
      journal.rollBack()
      store.forgetDocuments(newIds)
      await store.reloadSettings()
      throw error
    }
  }

  /** Removes the staging folder (after a commit, a failure or a cancel). */
  async discard(): Promise<void> {
    await this.writer.close()
    await rm(this.staging, { recursive: true, force: true })
  }
}

