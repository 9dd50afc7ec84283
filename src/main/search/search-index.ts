// Keeps a project's text index (text-index.ts) in step with its documents and answers which
// documents a search must read. One per ProjectStore: a server that switches projects gets a
// fresh one with the new store.
//
// The index learns of documents from the listing index (listing-index.ts), which hears of
// every document added, removed or replaced, whoever did it (this process, the watcher, its
// own checks). Documents it has not indexed yet are candidates of every search, so a search
// is never wrong while the index is being built: only as slow as a scan.
import path from 'node:path'
import { nullIfDamaged } from '../store/errors'
import { DebouncedSave } from '../store/debounced-save'
import { CACHE_DIR } from '../store/listing-index'
import type { ProjectStore } from '../store/project-store'
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
  private readonly file: string

  constructor(private readonly store: ProjectStore) {
    this.file = path.join(store.folder, CACHE_DIR, 'search.bin')
    this.index = TextIndex.load(this.file) ?? new TextIndex()
    store.listing.onDocumentChange((id) => this.pending.add(id))
    store.registerCache(this)
  }

  /** The documents that can match `query` for `annotator` (sorted), or null when every one can. */
  async candidates(annotator: string, query: string): Promise<string[] | null> {
    this.reconcile()
    if (this.pending.size <= INDEX_NOW) this.indexPending(this.pending.size)
    else this.buildInBackground()
    const text = this.index.candidates(query)
    if (text === null) return null
    const labelQuery = query.toLowerCase().replace(/^label:/, '')
    for (const row of await this.store.summaries(annotator)) {
      if (row.labels.some((label) => label.toLowerCase() === labelQuery)) text.add(row.id)
    }
    for (const id of this.pending) text.add(id)
    return [...text].sort()
  }

  /** Documents in the folder but not in the index are pending; documents gone are forgotten. */
  private reconcile(): void {
    const present = this.store.listing.documentIds()
    for (const id of present) if (!this.index.has(id)) this.pending.add(id)
    for (const id of [...this.index.documentIds()]) if (!present.has(id)) this.pending.add(id)
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
    if (done > 0) this.scheduleSave()
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

export function searchCandidates(store: ProjectStore, annotator: string, query: string): Promise<string[] | null> {
  return searchIndexOf(store).candidates(annotator, query)
}
