// The listing index: what the document list needs of every document and layer file (their
// "facts", document-summary.ts), kept in memory and cached in `.spanwise/cache/` so that a
// project of 100,000 documents lists in a fraction of a second, even after a restart.
//
// It is derived data, never a source of truth: every entry carries the stat of the file it was
// read from (inode, size, mtime), and is read again when the file no longer matches.
// Checking 100,000 stats costs ~0.3 s, too much for every listing, so a folder is checked by its
// own stat first: an entry added, removed or replaced by rename (how Spanwise, git and most
// editors write) moves the folder's mtime. A folder whose mtime moved is listed again (new and
// removed files at once) and its files' stats checked (inline for small folders, in the
// background for large ones). The process's own writes update their entry directly; the
// project watcher reports everyone else's while the app runs. After a restart the cache is
// trusted as far as the folders' stats allow and every file's stat is checked in the
// background, so an edit made in place while the app was closed is found too; whatever the
// background check finds is reported like a watcher's change, so the UI patches its rows.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { AnnotationLayer, DocumentSummary, DocumentTags, ProjectConfig } from '../../shared/model'
import { annotatorNameProblem } from '../../shared/valid-names'
import { buildSummary, compareSummaries, countsSuffice, documentFacts, layerFacts, tagsBehind, type DocumentFacts, type FileProblem, type LayerFacts } from './document-summary'
import { DamagedFileError } from './errors'
import { annotationsDir, documentsDir, idFromFileName } from './layout'
import { readCheckedWithStats } from './read-checked'

/** Where the caches live in a project (git-ignored: see sync/init-repository.ts). */
export const CACHE_DIR = path.join('.spanwise', 'cache')
/** Bumped whenever the cached facts change shape: an older cache is then rebuilt. */
const CACHE_FORMAT = 4
/**
 * Folders up to `inlineCheckLimit` files are checked file by file at once (~15 ms); larger ones
 * in the background, starting `checkDelayMs` after the listing that found them to check (the
 * first screen is served first). (Settings so that tests can take the background path at once.)
 */
export const listingTuning = { inlineCheckLimit: 5_000, checkDelayMs: 2_000 }
/** Stats per slice of a background check, between which requests are served. */
const CHECK_SLICE = 2_000
/** An idle time after the last change before the cache is written out. */
const SAVE_DELAY_MS = 3_000

/** What a folder's entry holds: facts read from the file, or the problem that kept it from being read. */
type Value<F> = F | FileProblem
/** `stamp`: the file's stat when its bytes were read; '' when it must be read again. */
interface Entry<F> {
  stamp: string
  value: Value<F> | null
}

/** A file changed on disk that a check found (reported like a watcher's notice). */
export type ListingChange = { kind: 'document'; documentId: string } | { kind: 'layer'; documentId: string; annotator: string }

const fileStamp = (stats: Stats) => `${stats.ino}:${stats.size}:${stats.mtimeMs}`

function folderStamp(dir: string): string {
  try {
    return fileStamp(statSync(dir))
  } catch {
    return 'absent'
  }
}

/** How a folder's facts are written in its cache file: as short arrays (100,000 entries parse faster without keys). */
interface Codec<F> {
  encode(value: F): unknown[]
  decode(row: unknown[]): F
}

/** One folder of files named `<id>.json`: which ids it holds, and (once read) each file's facts. */
class FolderIndex<F> {
  readonly entries = new Map<string, Entry<F>>()
  /** The folder's stat when its names were last listed. */
  private stamp = ''
  /** Entries may have been replaced (by rename) since their files were read: check their stats. */
  needsCheck = false
  /** Changed since the cache file was written. */
  dirty = true

  constructor(
    readonly dir: string,
    /** The project folder: a damaged file is named by its path in the project. */
    private readonly project: string,
    private readonly read: (file: string) => { value: F; stats: Stats } | null,
    private readonly codec: Codec<F>,
    public onChange: (id: string) => void
  ) {}

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`)
  }

  /**
   * Brings the index up to date with the folder: its ids when the folder's stat moved, and the
   * files' stats of a small folder (a few milliseconds: an edit made in place is caught even
   * without the watcher); a large folder's are checked in the background (`needsCheck`).
   */
  sync(): void {
    const stamp = folderStamp(this.dir)
    if (stamp !== this.stamp) this.syncNames(stamp)
    if (this.entries.size <= listingTuning.inlineCheckLimit) {
      this.checkStamps([...this.entries.keys()])
      this.needsCheck = false
    }
  }

  private syncNames(stamp: string): void {
    let names: string[] = []
    try {
      names = readdirSync(this.dir)
    } catch {
      // no folder (yet): no files
    }
    const present = new Set<string>()
    for (const name of names) {
      const id = idFromFileName(name)
      if (id === null) continue
      present.add(id)
      if (!this.entries.has(id)) {
        this.entries.set(id, { stamp: '', value: null })
        this.onChange(id)
      }
    }
    for (const id of this.entries.keys()) {
      if (present.has(id)) continue
      this.entries.delete(id)
      this.onChange(id)
    }
    this.stamp = stamp
    // a file replaced by rename keeps its name: only its stat tells
    this.needsCheck = this.entries.size > 0
    this.dirty = true
  }

  /** The facts of `id`'s file, read now if not known; undefined when there is no such file. */
  value(id: string): Value<F> | undefined {
    const entry = this.entries.get(id)
    if (!entry) return undefined
    if (entry.value === null) this.reload(id)
    return this.entries.get(id)?.value ?? undefined
  }

  /** Reads `id`'s file again (it changed, or is new); forgets it when it has gone. */
  reload(id: string): void {
    const file = this.file(id)
    let value: Value<F>
    let stamp = ''
    try {
      const read = this.read(file)
      if (read === null) {
        if (this.entries.delete(id)) this.onChange(id)
        return
      }
      value = read.value
      stamp = fileStamp(read.stats)
      // a file written in this very instant may be written again within the same mtime tick:
      // its stamp is not trusted (the next check reads it again), as git does with racy entries
      if (Date.now() - read.stats.mtimeMs < 1_000) stamp = ''
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      value = { file: path.relative(this.project, error.file), message: error.message }
    }
    const before = this.entries.get(id)
    this.entries.set(id, { stamp, value })
    this.dirty = true
    // the same facts again (the watcher hearing of this process's own write): no list to rebuild
    if (before?.value && JSON.stringify(before.value) === JSON.stringify(value)) return
    this.onChange(id)
  }

  /**
   * Records this process's own write of `id` (`write` does it): the entry from what was written,
   * and, when nobody else changed the folder since it was listed, the folder's new stat.
   */
  async written(id: string, value: F, write: () => Promise<void>): Promise<void> {
    const current = folderStamp(this.dir) === this.stamp
    await write()
    let stats: Stats
    try {
      stats = statSync(this.file(id))
    } catch {
      return
    }
    this.entries.set(id, { stamp: fileStamp(stats), value })
    if (current) this.stamp = folderStamp(this.dir)
    this.dirty = true
    this.onChange(id)
  }

  /** Compares the stats of `ids` with their entries and reads again those that changed; returns those. */
  checkStamps(ids: string[]): string[] {
    const changed: string[] = []
    for (const id of ids) {
      const entry = this.entries.get(id)
      if (!entry || entry.value === null) continue
      let stamp: string | null
      try {
        stamp = fileStamp(statSync(this.file(id)))
      } catch {
        stamp = null
      }
      if (stamp === entry.stamp) continue
      const before = JSON.stringify(entry.value)
      this.reload(id)
      if (JSON.stringify(this.entries.get(id)?.value) !== before) changed.push(id)
    }
    return changed
  }

  /** Puts the entries in this order (the list's): the cache keeps it, so the next start sorts a sorted list. */
  reorder(ids: string[]): void {
    let i = 0
    let inOrder = true
    for (const id of this.entries.keys()) {
      if (i < ids.length && ids[i] !== id) {
        inOrder = false
        break
      }
      i++
    }
    if (inOrder) return
    this.dirty = true
    const sorted = new Map<string, Entry<F>>()
    for (const id of ids) {
      const entry = this.entries.get(id)
      if (entry) sorted.set(id, entry)
    }
    for (const [id, entry] of this.entries) if (!sorted.has(id)) sorted.set(id, entry)
    this.entries.clear()
    for (const [id, entry] of sorted) this.entries.set(id, entry)
  }

  toCache(): unknown {
    const ids: string[] = []
    const stamps: string[] = []
    const values: unknown[] = []
    for (const [id, entry] of this.entries) {
      ids.push(id)
      stamps.push(entry.stamp)
      const value = entry.value
      values.push(value === null ? null : 'message' in (value as object) ? value : this.codec.encode(value as F))
    }
    return { format: CACHE_FORMAT, dir: this.dir, stamp: this.stamp, ids, stamps, values }
  }

  /** Takes a cache file's content; false when it is of another format or folder (then it is rebuilt). */
  fromCache(data: unknown): boolean {
    const cache = data as { format?: unknown; dir?: unknown; stamp?: unknown; ids?: unknown; stamps?: string[]; values?: unknown[] }
    if (cache?.format !== CACHE_FORMAT || cache.dir !== this.dir || typeof cache.stamp !== 'string' || !Array.isArray(cache.ids)) return false
    const { ids, stamps = [], values = [] } = cache as { ids: string[]; stamps: string[]; values: (unknown[] | FileProblem | null)[] }
    for (let i = 0; i < ids.length; i++) {
      const value = values[i] ?? null
      this.entries.set(ids[i]!, { stamp: stamps[i] ?? '', value: value === null ? null : Array.isArray(value) ? this.codec.decode(value) : value })
    }
    this.stamp = cache.stamp
    // edits made in place while nobody watched (the folder's stat does not show them)
    this.needsCheck = this.entries.size > 0
    this.dirty = false
    return true
  }
}

const documentCodec: Codec<DocumentFacts> = {
  encode: (facts) => [facts.title, facts.length, facts.listed],
  decode: ([title, length, listed]) => ({ title: title as string, length: length as number, listed: (listed ?? {}) as DocumentFacts['listed'] })
}

const layerCodec: Codec<LayerFacts & { whole?: true }> = {
  encode: (facts) => [facts.status, facts.counts, facts.revision, facts.retired, facts.whole ? 1 : 0, facts.tags ?? null],
  decode: ([status, counts, revision, retired, whole, tags]) => ({
    status: status as LayerFacts['status'],
    counts: counts as LayerFacts['counts'],
    revision: revision as number,
    retired: retired as LayerFacts['retired'],
    ...(whole ? { whole: true as const } : {}),
    ...(tags ? { tags: tags as DocumentTags } : {})
  })
}

function readDocumentFacts(file: string): { value: DocumentFacts; stats: Stats } | null {
  const read = readCheckedWithStats(file, 'document')
  return read && { value: documentFacts(read.value), stats: read.stats }
}

/** A layer's facts; a layer whose counts cannot follow the label log (rare) is marked to be read whole. */
export function indexedLayerFacts(layer: AnnotationLayer): LayerFacts & { whole?: true } {
  return { ...layerFacts(layer), ...(countsSuffice(layer) ? {} : { whole: true as const }) }
}

function readLayerFacts(file: string): { value: LayerFacts & { whole?: true }; stats: Stats } | null {
  const read = readCheckedWithStats(file, 'layer')
  return read && { value: indexedLayerFacts(read.value), stats: read.stats }
}

/**
 * The listing index of one open project (one per ProjectStore: a server switching projects
 * gets a fresh one with the new store).
 */
export class ListingIndex {
  private readonly documents: FolderIndex<DocumentFacts>
  private readonly layers = new Map<string, FolderIndex<LayerFacts & { whole?: true }>>()
  /** Bumped by every change of any entry: a listing built at the same generation is reused. */
  private generation = 0
  private readonly built = new Map<string, { key: string; list: DocumentSummary[] }>()
  private saveTimer: NodeJS.Timeout | null = null
  private checking: Promise<void> | null = null
  /** How a change found in each folder is reported. */
  private readonly reporters = new Map<FolderIndex<unknown>, (id: string) => ListingChange>()

  constructor(
    readonly folder: string,
    /** Changes a check found on disk (not this process's own writes): the watcher publishes them. */
    private readonly report: (change: ListingChange) => void,
    /** A layer whose counts cannot follow the label log: read whole (the store's readLayer), and summarised. */
    private readonly wholeLayer: (documentId: string, annotator: string) => { spanCount: number; labels: string[]; tags?: DocumentTags }
  ) {
    this.documents = this.folderIndex(documentsDir(folder), 'documents', readDocumentFacts, documentCodec, (id) => ({ kind: 'document', documentId: id }))
    this.documents.onChange = (id) => {
      this.changed()
      for (const listener of this.documentListeners) listener(id)
    }
  }

  private readonly documentListeners = new Set<(id: string) => void>()

  /** Hears of every document added, removed or changed, whatever found it (the search index listens). */
  onDocumentChange(listener: (id: string) => void): () => void {
    this.documentListeners.add(listener)
    return () => void this.documentListeners.delete(listener)
  }

  /** The ids of the documents in the folder now (one stat when nothing changed). */
  documentIds(): Set<string> {
    this.documents.sync()
    return new Set(this.documents.entries.keys())
  }

  private changed(): void {
    this.generation++
    this.scheduleSave()
  }

  private cacheFile(name: string): string {
    return path.join(this.folder, CACHE_DIR, `${name}.json`)
  }

  private folderIndex<F>(
    dir: string,
    cacheName: string,
    read: (file: string) => { value: F; stats: Stats } | null,
    codec: Codec<F>,
    change: (id: string) => ListingChange
  ): FolderIndex<F> {
    const index: FolderIndex<F> = new FolderIndex(dir, this.folder, read, codec, () => this.changed())
    this.reporters.set(index as FolderIndex<unknown>, change)
    try {
      index.fromCache(JSON.parse(readFileSync(this.cacheFile(cacheName), 'utf8')))
    } catch {
      // no cache yet, or an unreadable one: rebuilt from the files
    }
    return index
  }

  private layerIndex(annotator: string): FolderIndex<LayerFacts & { whole?: true }> {
    let index = this.layers.get(annotator)
    if (!index) {
      index = this.folderIndex(annotationsDir(this.folder, annotator), `layers.${annotator}`, readLayerFacts, layerCodec, (id) => ({ kind: 'layer', documentId: id, annotator }))
      this.layers.set(annotator, index)
    }
    return index
  }

  /** Annotators with a layer folder (the names `ProjectStore.annotators` lists). */
  private annotatorFolders(): string[] {
    try {
      return readdirSync(annotationsDir(this.folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && annotatorNameProblem(entry.name) === null)
        .map((entry) => entry.name)
        .sort()
    } catch {
      return []
    }
  }

  /** The document list as `annotator` sees it, sorted by title. */
  summaries(annotator: string, config: ProjectConfig, configVersion: string): DocumentSummary[] {
    const names = this.annotatorFolders()
    this.documents.sync()
    const mine = this.layerIndex(annotator)
    mine.sync()
    for (const name of names) this.layerIndex(name).sync()
    this.startCheck()
    const key = `${this.generation}:${configVersion}:${names.join('/')}`
    const known = this.built.get(annotator)
    if (known?.key === key) return known.list
    const others = names.map((name) => [name, this.layers.get(name)!] as const)
    const list: DocumentSummary[] = []
    // rows share equal lists (of annotators, of labels): 100,000 rows make few distinct ones,
    // and a list of 100,000 rows is built with a tenth of the garbage
    const shared = new Map<string, string[]>()
    const share = (names: string[]) => {
      const key = names.join('\n')
      const known = shared.get(key)
      if (known) return known
      shared.set(key, names)
      return names
    }
    for (const id of this.documents.entries.keys()) {
      const document = this.documents.value(id)
      if (document === undefined) continue
      const annotators = share(others.filter(([, index]) => index.entries.has(id)).map(([name]) => name))
      const layer = mine.value(id) ?? null
      const summary = buildSummary(id, document, layer, annotators, config)
      summary.labels = share(summary.labels)
      if (layer !== null && !('error' in summary) && ('whole' in layer || tagsBehind(layer as LayerFacts, config))) Object.assign(summary, this.wholeLayer(id, annotator))
      list.push(summary)
    }
    list.sort(compareSummaries)
    // kept in the list's order (and cached so): the next listing, and the next start, sort a sorted list
    this.documents.reorder(list.map((row) => row.id))
    // frozen: answered again while nothing changes, it is serialized once (http-server.ts)
    Object.freeze(list)
    // reading may itself have changed entries (the generation): the key is taken after
    this.built.set(annotator, { key: `${this.generation}:${configVersion}:${names.join('/')}`, list })
    return list
  }

  /** A file changed on disk (the watcher saw it): its entry is read again. */
  documentChanged(id: string): void {
    this.documents.reload(id)
  }

  layerChanged(annotator: string, id: string): void {
    this.layers.get(annotator)?.reload(id)
  }

  /** This process writes a document or a layer: the entry follows without reading the file back. */
  writingDocument(id: string, facts: DocumentFacts, write: () => Promise<void>): Promise<void> {
    return this.documents.written(id, facts, write)
  }

  writingLayer(annotator: string, id: string, facts: LayerFacts, write: () => Promise<void>): Promise<void> {
    const index = this.layers.get(annotator)
    return index ? index.written(id, facts, write) : write()
  }

  /** Checks, in slices between requests, the stats of every file of folders that may hold replaced files. */
  private startCheck(): void {
    if (this.checking) return
    const folders = [this.documents, ...this.layers.values()].filter((index) => index.needsCheck)
    if (folders.length === 0) return
    this.checking = (async () => {
      // (a timer that keeps no process alive: a one-shot command exits without waiting for it)
      await new Promise((resolve) => setTimeout(resolve, listingTuning.checkDelayMs).unref())
      for (const index of folders) {
        index.needsCheck = false
        const ids = [...index.entries.keys()]
        for (let start = 0; start < ids.length; start += CHECK_SLICE) {
          await new Promise((resolve) => setImmediate(resolve))
          const report = this.reporters.get(index as FolderIndex<unknown>)!
          for (const id of index.checkStamps(ids.slice(start, start + CHECK_SLICE))) this.report(report(id))
        }
      }
    })().finally(() => {
      this.checking = null
    })
  }

  /** Resolves when no background check is running (tests, the benchmark). */
  async settled(): Promise<void> {
    // the check waits on a timer that keeps no process alive: whoever waits for it does
    const keepAlive = setInterval(() => undefined, 1_000)
    try {
      while (this.checking) await this.checking
    } finally {
      clearInterval(keepAlive)
    }
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS)
    this.saveTimer.unref()
  }

  /** Writes the changed folders' caches (a temporary file renamed over: a reader never sees half). */
  save(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    const folders: [string, FolderIndex<unknown>][] = [['documents', this.documents], ...[...this.layers].map(([name, index]) => [`layers.${name}`, index] as [string, FolderIndex<unknown>])]
    for (const [name, index] of folders) {
      if (!index.dirty) continue
      try {
        mkdirSync(path.dirname(this.cacheFile(name)), { recursive: true })
        const temporary = `${this.cacheFile(name)}.${process.pid}.tmp`
        writeFileSync(temporary, JSON.stringify(index.toCache()))
        renameSync(temporary, this.cacheFile(name))
        index.dirty = false
      } catch {
        // a read-only project folder lists fine without a cache
      }
    }
  }
}
