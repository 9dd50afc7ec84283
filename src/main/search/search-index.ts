// Keeps a project's text index (text-index.ts) in step with its documents and answers which
// documents a search must read. One per ProjectStore: a server that switches projects gets a
// fresh one with the new store.
//
// The index learns of documents from the listing index (listing-index.ts), which hears of
// every document added, removed or replaced, whoever did it (this process, the watcher, its
// own checks). Documents it has not indexed yet are candidates of every search, so a search
// is never wrong while the index is being built: only as slow as a scan.
import { statSync } from 'node:fs'
import path from 'node:path'
import { nullIfDamaged } from '../store/errors'
import { DebouncedSave } from '../store/debounced-save'
import { documentsDir } from '../store/layout'
import { CACHE_DIR } from '../store/listing-index'
import type { ProjectStore } from '../store/project-store'
import { currentRevision } from '../store/label-log'
import { TextIndex } from './text-index'

/** Up to this many new documents are indexed before a search answers; more are indexed in the background. */
const INDEX_NOW = 500
/** Documents indexed per slice in the background, between which requests are served. */
const SLICE = 200
const SAVE_DELAY_MS = 5_000

class SearchIndex {
  private readonly index: TextIndex
  /** Documents to index (again) or to forget. */
  private readonly pending = new Set<string>()
  private building: Promise<void> | null = null
  private readonly saving = new DebouncedSave(SAVE_DELAY_MS, () => {
    if (this.index.dirty) this.index.save(this.file)
  })
  /** The index has been compared with the folder once (see `reconcile`). */
  private reconciled = false
  /** The documents folder's stat before the listing last looked at it. */
  private syncedStamp = ''
  private readonly file: string

  constructor(private readonly store: ProjectStore) {
    this.file = path.join(store.folder, CACHE_DIR, 'search.bin')
    this.index = TextIndex.load(this.file) ?? new TextIndex()
    store.listing.onDocumentChange((id) => this.pending.add(id))
    store.registerCache(this)
  }

  /**
   * The documents a search for `query` by `annotator` must read, in the order a scan reads them
   * (sorted by id), each with whether its layer may hold spans of the label searched (else the
   * layer is not read). Lazily: a search that has its hits stops asking.
   */
  async candidates(annotator: string, query: string): Promise<Iterable<Candidate>> {
    const labelQuery = query.toLowerCase().replace(/^label:/, '')
    await this.store.freshSettings()
    // taken before the listing looks at the folder: the index holds at least what the folder held then
    this.syncedStamp = documentsStamp(this.store.folder)
    // (this also brings the listing's document ids up to date: their changes reach `pending` first)
    const { settings } = this.store
    const withLabel = this.store.listing.documentsWithLabel(annotator, currentRevision(settings), settings.labels.map((label) => label.name), (label) => label.toLowerCase() === labelQuery)
    this.reconcile()
    if (this.pending.size <= INDEX_NOW) this.indexPending(this.pending.size)
    else this.buildInBackground()
    const text = this.index.match(query)
    // documents not indexed yet can match anything
    return inIdOrder(this.index, this.index.inOrder(), [...this.pending].sort(), text, withLabel)
  }

  /**
   * At the first search of this process, unless the folder's names have not changed since the
   * index last held exactly its documents (its stat says): documents in the folder but not in the
   * index are pending, documents gone are forgotten. Later the listing tells of each change.
   */
  private reconcile(): void {
    if (this.reconciled) return
    this.reconciled = true
    if (this.index.folderStamp !== '' && this.index.folderStamp === this.syncedStamp) return
    const present = this.store.listing.documentIds()
    for (const id of present) if (!this.index.has(id)) this.pending.add(id)
    for (const id of this.index.documentIds()) if (!present.has(id)) this.pending.add(id)
  }

  private indexPending(count: number): void {
    let done = 0
    for (const id of this.pending) {
      if (done++ >= count) break
      this.pending.delete(id)
      let text: string | null = null
      try {
        text = this.store.readDocumentText(id)
      } catch (error) {
        // a damaged document is not searched (the list names it); mended, it is indexed then
        nullIfDamaged(error)
      }
      if (text === null) this.index.remove(id)
      else this.index.add(id, text)
    }
    this.noteWhetherComplete()
    if (done > 0) this.scheduleSave()
  }

  /** With nothing pending, the index holds what the folder held at the last look: its stat is kept with the index. */
  private noteWhetherComplete(): void {
    if (!this.reconciled || this.pending.size > 0 || this.index.folderStamp === this.syncedStamp) return
    this.index.folderStamp = this.syncedStamp
    this.index.dirty = true
  }

  private buildInBackground(): void {
    this.building ??= (async () => {
      while (this.pending.size > 0) {
        await new Promise((resolve) => setImmediate(resolve))
        this.indexPending(SLICE)
      }
    })().finally(() => {
      this.building = null
      this.scheduleSave()
    })
  }

  /** Resolves when no background build is running (tests, the benchmark). */
  async settled(): Promise<void> {
    while (this.building) await this.building
  }

  private scheduleSave(): void {
    this.saving.schedule()
  }

  /** Writes the index out now (the app closes the project). */
  save(): void {
    this.saving.flush()
  }
}

const indexes = new WeakMap<ProjectStore, SearchIndex>()

export function searchIndexOf(store: ProjectStore): SearchIndex {
  let index = indexes.get(store)
  if (!index) indexes.set(store, (index = new SearchIndex(store)))
  return index
}

export function searchCandidates(store: ProjectStore, annotator: string, query: string): Promise<Iterable<Candidate>> {
  return searchIndexOf(store).candidates(annotator, query)
}

/** A document a search reads, and whether its layer may hold spans of the label searched. */
export interface Candidate {
  id: string
  labels: boolean
}

/**
 * The indexed documents (`order`) marked by `text` (all when null) or `labelled` (none when null), merged with
 * `pending` (sorted; all candidates) in id order.
 */
function* inIdOrder(index: TextIndex, order: Int32Array, pending: string[], text: Uint8Array | null, labelled: ((id: string) => boolean) | null): Generator<Candidate> {
  let p = 0
  for (const ordinal of order) {
    if (labelled === null && text !== null && !text[ordinal]) continue
    const id = index.idAt(ordinal)
    const labels = labelled !== null && labelled(id)
    if (!labels && text !== null && !text[ordinal]) continue
    // (a document removed or indexed again since the search began: read from the pending list, or not at all)
    if (!index.isLive(ordinal)) continue
    while (p < pending.length && pending[p]! < id) yield { id: pending[p++]!, labels: true }
    if (p < pending.length && pending[p] === id) continue
    yield { id, labels }
  }
  while (p < pending.length) yield { id: pending[p++]!, labels: true }
}

/**
 * The stat of the documents' folder (which any document added, removed or replaced moves), or ''
 * when it cannot be trusted: missing, or changed within the last second (a change in the same
 * clock tick would not move it again, as git reasons about racy entries).
 */
function documentsStamp(folder: string): string {
  try {
    const stats = statSync(documentsDir(folder))
    return Date.now() - stats.mtimeMs < 1_000 ? '' : `${stats.ino}:${stats.size}:${stats.mtimeMs}`
  } catch {
    return ''
  }
}
