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
import { randomUUID } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs'
import path from 'node:path'
import type { AnnotationLayer, DocumentSummary, DocumentTags, ProjectConfig } from '../../shared/model'
import { annotatorNameProblem } from '../../shared/valid-names'
import { buildSummary, compareSummaries, countsSuffice, documentFacts, layerFacts, tagsBehind, type DocumentFacts, type FileProblem, type LayerFacts } from './document-summary'
import { DebouncedSave } from './debounced-save'
import { DamagedFileError } from './errors'
import { freezeWithJson, jsonOfFrozen } from './frozen-json'
import { annotationsDir, documentsDir, idFromFileName } from './layout'
import { readCheckedWithStats } from './read-checked'

/** Where the caches live in a project (git-ignored: see sync/init-repository.ts). */
export const CACHE_DIR = path.join('.spanwise', 'cache')
/** Bumped whenever the cached facts change shape: an older cache is then rebuilt. */
const CACHE_FORMAT = 5
/**
 * Folders up to `inlineCheckLimit` files are checked file by file at once (~15 ms); larger ones
 * in the background, starting `checkDelayMs` after the listing that found them to check (the
 * first screen is served first). (Settings so that tests can take the background path at once.)
 */
export const listingTuning = { inlineCheckLimit: 5_000, checkDelayMs: 2_000 }
/** Stats per slice of a background check, between which requests are served. */
const CHECK_SLICE = 2_000
/** Most rows changed since a list was built that are patched into it (beyond, it is built whole). */
const PATCH_LIMIT = 2_000
/** An idle time after the last change before the cache is written out. */
const SAVE_DELAY_MS = 3_000

/** What a folder's entry holds: facts read from the file, or the problem that kept it from being read. */
type Value<F> = F | FileProblem
/**
 * `stamp`: the file's stat when its bytes were read; '' when it must be read again. `value`:
 * the facts (or the problem) as one short JSON text, decoded when a listing is built: 100,000
 * entries then make 100,000 long-lived strings, not a million small objects for the garbage
 * collector to trace and move at every start (a JSON array of facts, or a problem's object).
 */
interface Entry {
  stamp: string
  value: string | null
}

/** An annotator's list as built, and what it was built from. */
interface BuiltList {
  /** The generation, label set version and annotators it was built at: reused while they stay. */
  key: string
  generation: number
  configVersion: string
  /** The label set it was built under (the cache brings the list up to date under it before writing it). */
  config: ProjectConfig
  names: string[]
  list: DocumentSummary[]
  /** Each row's place in the list, made when the list is first patched. */
  positions?: Map<string, number>
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

/** How a folder's facts are kept: as a short array without keys, in one JSON text per entry. */
interface Codec<F> {
  encode(value: F): unknown[]
  decode(row: unknown[]): F
}

function encodeValue<F>(codec: Codec<F>, value: Value<F>): string {
  return JSON.stringify('message' in (value as object) ? { file: (value as FileProblem).file, message: (value as FileProblem).message } : codec.encode(value as F))
}

function decodeValue<F>(codec: Codec<F>, text: string): Value<F> {
  const data = JSON.parse(text) as unknown[] | FileProblem
  return Array.isArray(data) ? codec.decode(data) : data
}

/** One folder of files named `<id>.json`: which ids it holds, and (once read) each file's facts. */
class FolderIndex<F> {
  /** The entries; read from the cache file at their first use (null until then). */
  private map: Map<string, Entry> | null = null
  /** The cache file whose header was taken and whose entries are not read yet. */
  private unread: string | null = null
  /** How many entries the unread cache file holds. */
  private unreadCount = 0
  /** The folder's stat when its names were last listed. */
  private stamp = ''
  /** Entries may have been replaced (by rename) since their files were read: check their stats. */
  needsCheck = false
  /** Changed since the cache file was written. */
  dirty = true
  /** Names the content of the cache file last written or read ('' when none): a cached list states the files it was built from. */
  token = ''

  constructor(
    readonly dir: string,
    /** The project folder: a damaged file is named by its path in the project. */
    private readonly project: string,
    private readonly read: (file: string) => { value: F; stats: Stats } | null,
    private readonly codec: Codec<F>,
    /** `structural`: the file was added or removed (not only changed). */
    public onChange: (id: string, structural: boolean) => void
  ) {}

  private file(id: string): string {
    return path.join(this.dir, `${id}.json`)
  }

  /**
   * The folder's entries. A first listing after a restart that is answered from a cached list
   * (`ListingIndex.listFromCache`) needs only the cache file's header: its entries (tens of MB
   * at 100,000 documents) are read when first needed, by the background check at the latest.
   */
  get entries(): Map<string, Entry> {
    if (this.map === null) {
      this.map = new Map()
      if (this.unread !== null) this.readEntries(this.unread)
    }
    return this.map
  }

  /** Reads the entries from the cache file if not yet done; true when that found it damaged (sync again). */
  readAll(): boolean {
    void this.entries
    return this.stamp === ''
  }

  /** The number of entries, without reading them. */
  get size(): number {
    return this.map === null ? this.unreadCount : this.map.size
  }

  /**
   * Brings the index up to date with the folder: its ids when the folder's stat moved, and the
   * files' stats of a small folder (a few milliseconds: an edit made in place is caught even
   * without the watcher); a large folder's are checked in the background (`needsCheck`).
   */
  sync(): void {
    const small = this.size <= listingTuning.inlineCheckLimit
    // a small folder's entries are all checked: read first (a damaged cache then lists the folder again)
    if (small) this.readAll()
    const stamp = folderStamp(this.dir)
    if (stamp !== this.stamp) this.syncNames(stamp)
    if (small) {
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
        this.onChange(id, true)
      }
    }
    for (const id of this.entries.keys()) {
      if (present.has(id)) continue
      this.entries.delete(id)
      this.onChange(id, true)
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
    const text = this.entries.get(id)?.value
    if (!text) return undefined
    try {
      return decodeValue(this.codec, text)
    } catch {
      // an entry damaged in the cache file: read from its file again
      this.reload(id)
      const again = this.entries.get(id)?.value
      return again ? decodeValue(this.codec, again) : undefined
    }
  }

  /** Reads `id`'s file again (it changed, or is new); forgets it when it has gone. */
  reload(id: string): void {
    const file = this.file(id)
    let value: string
    let stamp = ''
    try {
      const read = this.read(file)
      if (read === null) {
        if (this.entries.delete(id)) this.onChange(id, true)
        return
      }
      value = encodeValue(this.codec, read.value)
      stamp = fileStamp(read.stats)
      // a file written in this very instant may be written again within the same mtime tick:
      // its stamp is not trusted (the next check reads it again), as git does with racy entries
      if (Date.now() - read.stats.mtimeMs < 1_000) stamp = ''
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      value = encodeValue<F>(this.codec, { file: path.relative(this.project, error.file), message: error.message })
    }
    const before = this.entries.get(id)
    this.entries.set(id, { stamp, value })
    this.dirty = true
    // the same facts again (the watcher hearing of this process's own write): no list to rebuild;
    // nor a first read of a file known until now only by its name (no list was built from its
    // facts: another annotator's layer counts only by being there), as a cached list is not
    if (before?.value === value || (before && before.value === null)) return
    this.onChange(id, before === undefined)
  }

  /**
   * Records this process's own write of `id` (`write` does it): the entry from what was written,
   * and, when nobody else changed the folder since it was listed, the folder's new stat.
   */
  async written(id: string, value: F, write: () => Promise<unknown>): Promise<void> {
    const current = folderStamp(this.dir) === this.stamp
    await write()
    let stats: Stats
    try {
      stats = statSync(this.file(id))
    } catch {
      return
    }
    const added = !this.entries.has(id)
    this.entries.set(id, { stamp: fileStamp(stats), value: encodeValue(this.codec, value) })
    if (current) this.stamp = folderStamp(this.dir)
    this.dirty = true
    this.onChange(id, added)
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
      const before = entry.value
      this.reload(id)
      if (this.entries.get(id)?.value !== before) changed.push(id)
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
    const sorted = new Map<string, Entry>()
    for (const id of ids) {
      const entry = this.entries.get(id)
      if (entry) sorted.set(id, entry)
    }
    for (const [id, entry] of this.entries) if (!sorted.has(id)) sorted.set(id, entry)
    this.entries.clear()
    for (const [id, entry] of sorted) this.entries.set(id, entry)
  }

  /**
   * The cache file's text: a header line (format, token, folder, its stat, the number of
   * entries), then the entries as flat arrays of strings (read back, they make no object per
   * entry but the strings themselves).
   */
  cacheText(): string {
    this.token = randomUUID()
    const ids: string[] = []
    const stamps: string[] = []
    const values: (string | null)[] = []
    for (const [id, entry] of this.entries) {
      ids.push(id)
      stamps.push(entry.stamp)
      values.push(entry.value)
    }
    const header = { format: CACHE_FORMAT, token: this.token, dir: this.dir, stamp: this.stamp, count: ids.length }
    return `${JSON.stringify(header)}\n${JSON.stringify({ token: this.token, ids, stamps, values })}`
  }

  /** Takes a cache file's header (its entries are read at their first use); ignored when it is of another format or folder (then the index is rebuilt). */
  openCache(file: string): void {
    const header = readHeaderLine(file) as { format?: unknown; token?: unknown; dir?: unknown; stamp?: unknown; count?: unknown } | null
    if (header?.format !== CACHE_FORMAT || header.dir !== this.dir || typeof header.stamp !== 'string' || typeof header.token !== 'string' || typeof header.count !== 'number') return
    this.stamp = header.stamp
    this.token = header.token
    this.unread = file
    this.unreadCount = header.count
    // edits made in place while nobody watched (the folder's stat does not show them)
    this.needsCheck = header.count > 0
    this.dirty = false
  }

  private readEntries(file: string): void {
    this.unread = null
    const map = this.map!
    try {
      const text = readFileSync(file, 'utf8')
      const body = JSON.parse(text.slice(text.indexOf('\n') + 1)) as { token?: unknown; ids?: unknown; stamps?: unknown; values?: unknown }
      const { ids, stamps, values } = body
      // (another process may have written the file since its header was read)
      if (body.token !== this.token || !Array.isArray(ids) || !Array.isArray(stamps) || !Array.isArray(values) || stamps.length !== ids.length || values.length !== ids.length) {
        throw new Error('damaged cache')
      }
      let damaged = false
      for (let i = 0; i < ids.length; i++) {
        const id: unknown = ids[i]
        const stamp: unknown = stamps[i]
        const value: unknown = values[i]
        // a damaged entry is read again from its file (an empty stamp): the rest of the cache stays good
        const sound = typeof id === 'string' && typeof stamp === 'string' && (value === null || (typeof value === 'string' && (value[0] === '[' || value[0] === '{')))
        if (typeof id === 'string') map.set(id, sound ? { stamp: stamp as string, value: value as string | null } : { stamp: '', value: null })
        damaged ||= !sound
      }
      // a list taken from this cache is built again (its file may have changed meanwhile: no stat tells now)
      if (damaged) this.onDamagedCache()
    } catch {
      // the header was good, the rest is not (damaged, or replaced meanwhile): the folder is
      // listed again from its files, and whatever was built from the header is built again
      map.clear()
      this.stamp = ''
      this.token = ''
      this.dirty = true
      this.onDamagedCache()
    }
  }

  /** A cache whose header was trusted turned out damaged (ListingIndex builds its lists again). */
  onDamagedCache: () => void = () => undefined
}

/** The first line of a file, parsed as JSON; null when there is no such file or line. */
function readHeaderLine(file: string): unknown {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return null
  }
  try {
    const chunk = Buffer.alloc(64 * 1024)
    const bytes = readSync(fd, chunk, 0, chunk.length, 0)
    const newline = chunk.subarray(0, bytes).indexOf(10)
    return newline < 0 ? null : JSON.parse(chunk.subarray(0, newline).toString('utf8'))
  } catch {
    return null
  } finally {
    closeSync(fd)
  }
}

/** A cached entry of the wrong shape (a damaged cache file) throws: the entry is then read from its file. */
function sound(ok: boolean): void {
  if (!ok) throw new Error('damaged cache entry')
}

const documentCodec: Codec<DocumentFacts> = {
  encode: (facts) => [facts.title, facts.length, facts.listed],
  decode: ([title, length, listed]) => {
    sound(typeof title === 'string' && typeof length === 'number')
    return { title: title as string, length: length as number, listed: (listed ?? {}) as DocumentFacts['listed'] }
  }
}

const layerCodec: Codec<LayerFacts & { whole?: true }> = {
  encode: (facts) => [facts.status, facts.counts, facts.revision, facts.retired, facts.whole ? 1 : 0, facts.tags ?? null],
  decode: ([status, counts, revision, retired, whole, tags]) => {
    sound(typeof status === 'string' && Array.isArray(counts) && typeof revision === 'number' && Array.isArray(retired))
    return {
      status: status as LayerFacts['status'],
      counts: counts as LayerFacts['counts'],
      revision: revision as number,
      retired: retired as LayerFacts['retired'],
      ...(whole ? { whole: true as const } : {}),
      ...(tags ? { tags: tags as DocumentTags } : {})
    }
  }
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
  /** Each annotator's list as last built, with what it was built from (`key`: generation, label set, annotators). */
  private readonly built = new Map<string, BuiltList>()
  /**
   * The generation at which each document's row last changed (its file or a layer of it), so
   * that a list is patched row by row after a save instead of built again (~1 s at 100,000).
   * Lists built before `wholeFrom` are built whole: a document added or removed since, or more
   * changes than are worth patching.
   */
  private readonly touched = new Map<string, number>()
  private wholeFrom = 0
  /** The lists last written to the cache (written again only when they change). */
  private readonly listsWritten = new Map<string, DocumentSummary[]>()
  private readonly saving = new DebouncedSave(SAVE_DELAY_MS, () => this.writeCaches())
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
    this.documents.onChange = (id, structural) => {
      this.changed(id, structural)
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

  /** An entry changed (`id`'s row; every row when `structural`, or `id` null). */
  private changed(id: string | null, structural: boolean): void {
    this.generation++
    if (id === null || structural || this.touched.size >= PATCH_LIMIT) {
      this.wholeFrom = this.generation
      this.touched.clear()
    } else {
      this.touched.set(id, this.generation)
    }
    this.saving.schedule()
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
    // (a layer added or removed changes its document's row only: the rows are the documents)
    const index: FolderIndex<F> = new FolderIndex(dir, this.folder, read, codec, (id) => this.changed(id, false))
    this.reporters.set(index as FolderIndex<unknown>, change)
    // no cache yet, or an unreadable one: rebuilt from the files
    index.openCache(this.cacheFile(cacheName))
    // a list taken from the cache on the word of this header is built again
    index.onDamagedCache = () => this.changed(null, true)
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
    const keyNow = () => `${this.generation}:${configVersion}:${names.join('/')}`
    // the first listing after a restart: the list as the last session left it, if it was built from these very facts
    if (!this.built.has(annotator)) this.listFromCache(annotator, config, configVersion, names, keyNow())
    this.documents.sync()
    const mine = this.layerIndex(annotator)
    mine.sync()
    for (const name of names) this.layerIndex(name).sync()
    this.startCheck()
    const known = this.built.get(annotator)
    if (known?.key === keyNow()) return known.list
    const others = names.map((name) => [name, this.layers.get(name)!] as const)
    // building needs every entry: read now (a damaged cache file then lists its folder again)
    for (const index of [this.documents, mine, ...others.map(([, index]) => index)]) if (index.readAll()) index.sync()
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
    const row = (id: string): DocumentSummary | undefined => {
      const document = this.documents.value(id)
      if (document === undefined) return undefined
      const annotators = share(others.filter(([, index]) => index.entries.has(id)).map(([name]) => name))
      const layer = mine.value(id) ?? null
      const summary = buildSummary(id, document, layer, annotators, config)
      summary.labels = share(summary.labels)
      if (layer !== null && !('error' in summary) && ('whole' in layer || tagsBehind(layer as LayerFacts, config))) Object.assign(summary, this.wholeLayer(id, annotator))
      return summary
    }
    const patched = known && known.configVersion === configVersion && known.names.join('/') === names.join('/') ? this.patched(known, row) : null
    let list: DocumentSummary[]
    let positions: Map<string, number> | undefined
    if (patched) {
      ;({ list, positions } = patched)
    } else {
      list = []
      for (const id of this.documents.entries.keys()) {
        const summary = row(id)
        if (summary) list.push(summary)
      }
    }
    if (!positions) {
      list.sort(compareSummaries)
      // kept in the list's order (and cached so): the next listing, and the next start, sort a sorted list
      this.documents.reorder(list.map((row) => row.id))
    }
    // frozen: answered again while nothing changes, it is serialized once (http-server.ts)
    freezeWithJson(list)
    // reading may itself have changed entries (the generation): the key is taken after
    this.built.set(annotator, { key: keyNow(), generation: this.generation, configVersion, config, names, list, ...(positions ? { positions } : {}) })
    return list
  }

  /**
   * `known` with the rows changed since it was built made again (a save changes one row), or
   * null when it must be built whole. Its rows keep their places unless a title changed
   * (`positions` is then absent: the list is sorted again).
   */
  private patched(known: BuiltList, row: (id: string) => DocumentSummary | undefined): { list: DocumentSummary[]; positions?: Map<string, number> } | null {
    if (known.generation < this.wholeFrom) return null
    const ids: string[] = []
    for (const [id, generation] of this.touched) if (generation > known.generation) ids.push(id)
    if (ids.length > PATCH_LIMIT) return null
    const positions = (known.positions ??= new Map(known.list.map((summary, at) => [summary.id, at])))
    const list = known.list.slice()
    let inPlace = true
    for (const id of ids) {
      const at = positions.get(id)
      const summary = row(id)
      // a row that comes or goes is no patch (a change the log would have called structural)
      if (at === undefined || summary === undefined) return null
      if (summary.title !== list[at]!.title) inPlace = false
      list[at] = summary
    }
    return inPlace ? { list, positions } : { list }
  }

  /** Every folder's index, by the name of its cache file. */
  private cachedFolders(): [string, FolderIndex<unknown>][] {
    return [['documents', this.documents as FolderIndex<unknown>], ...[...this.layers].map(([name, index]) => [`layers.${name}`, index] as [string, FolderIndex<unknown>])]
  }

  /** The tokens of the cache files `annotator`'s list is built from (with `names` the annotators); null when one is not written. */
  private tokensOf(annotator: string, names: string[]): Record<string, string> | null {
    const tokens: Record<string, string> = { documents: this.documents.token }
    for (const name of [annotator, ...names]) {
      const index = this.layers.get(name)
      if (!index || index.dirty) return null
      tokens[`layers.${name}`] = index.token
    }
    return this.documents.dirty || Object.values(tokens).includes('') ? null : tokens
  }

  /**
   * Takes `annotator`'s list from the cache when it was written from the very facts the index
   * holds now (each folder's cache file names its content by a token, and the list states the
   * tokens it was built from), under the same label set and annotators. Building 100,000 rows
   * from their facts costs ~1 s; parsing the list ~0.2 s, and its text is already the answer.
   * The folders are synced after, as for any listing: whatever changed since moves the
   * generation, and the list is built again.
   */
  private listFromCache(annotator: string, config: ProjectConfig, configVersion: string, names: string[], key: string): void {
    let text: string
    try {
      text = readFileSync(this.cacheFile(`list.${annotator}`), 'utf8')
    } catch {
      return
    }
    try {
      const newline = text.indexOf('\n')
      const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; configVersion?: unknown; names?: unknown; tokens?: Record<string, unknown> }
      if (header.format !== CACHE_FORMAT || header.configVersion !== configVersion || JSON.stringify(header.names) !== JSON.stringify(names)) return
      this.layerIndex(annotator)
      for (const name of names) this.layerIndex(name)
      if (JSON.stringify(header.tokens) !== JSON.stringify(this.tokensOf(annotator, names))) return
      const json = text.slice(newline + 1)
      const list = JSON.parse(json) as DocumentSummary[]
      if (!Array.isArray(list)) return
      this.built.set(annotator, { key, generation: this.generation, configVersion, config, names, list: freezeWithJson(list, json) })
      this.listsWritten.set(annotator, list)
    } catch {
      // a damaged list: built from the facts
    }
  }

  /**
   * Which documents' layers by `annotator` may hold a span of a label `matches` accepts (project
   * search's label part), from the layer facts without building the list's rows: a layer written
   * against an older label revision, or counted only when read whole, may (the search reads the
   * layer to know). Null when no label of the project's label set matches: a layer read follows
   * the label log to the current set, so no span can have another label. (Gathering the labels
   * every layer holds instead cost decoding every entry at the first search after each change.)
   * Brings the documents' ids up to date too (their changes reach `onDocumentChange` listeners
   * first).
   */
  documentsWithLabel(annotator: string, labelRevision: number, labelNames: readonly string[], matches: (label: string) => boolean): ((id: string) => boolean) | null {
    this.documents.sync()
    const mine = this.layerIndex(annotator)
    mine.sync()
    this.startCheck()
    if (!labelNames.some(matches)) return null
    return (id) => {
      const layer = mine.value(id)
      if (layer === undefined || 'message' in layer) return false
      return 'whole' in layer || layer.revision < labelRevision || layer.counts.some(([label]) => matches(label))
    }
  }

  /** A file changed on disk (the watcher saw it): its entry is read again. */
  documentChanged(id: string): void {
    this.documents.reload(id)
  }

  layerChanged(annotator: string, id: string): void {
    this.layers.get(annotator)?.reload(id)
  }

  /** This process writes a document or a layer: the entry follows without reading the file back. */
  writingDocument(id: string, facts: DocumentFacts, write: () => Promise<unknown>): Promise<void> {
    return this.documents.written(id, facts, write)
  }

  writingLayer(annotator: string, id: string, facts: LayerFacts, write: () => Promise<unknown>): Promise<void> {
    const index = this.layers.get(annotator)
    return index ? index.written(id, facts, write) : write().then(() => undefined)
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

  /** Writes the caches out now (the app closes the project). */
  save(): void {
    this.saving.flush()
  }

  /**
   * Writes the changed folders' facts, then each list built from the facts as they are now
   * (stating the facts files it was built from: see `listFromCache`). Each file is a temporary
   * file renamed over: a reader never sees half of one.
   */
  private writeCaches(): void {
    // the lists brought up to date first (patched: a few rows after some saves), so that the
    // next start finds its list, whatever was done since the last listing
    for (const [annotator, built] of [...this.built]) {
      if (built.key.startsWith(`${this.generation}:`)) continue
      try {
        this.summaries(annotator, built.config, built.configVersion)
      } catch {
        // (a list that cannot be built now is not written: built at the next start)
      }
    }
    for (const [name, index] of this.cachedFolders()) {
      if (!index.dirty) continue
      try {
        this.writeCacheFile(name, index.cacheText())
        index.dirty = false
      } catch {
        // a read-only project folder lists fine without a cache
      }
    }
    for (const [annotator, built] of this.built) {
      if (this.listsWritten.get(annotator) === built.list) continue
      const tokens = built.key.startsWith(`${this.generation}:`) ? this.tokensOf(annotator, built.names) : null
      try {
        if (!tokens) {
          // a list behind the facts is never read back
          rmSync(this.cacheFile(`list.${annotator}`), { force: true })
          continue
        }
        const header = JSON.stringify({ format: CACHE_FORMAT, configVersion: built.configVersion, names: built.names, tokens })
        this.writeCacheFile(`list.${annotator}`, `${header}\n${jsonOfFrozen(built.list)}`)
        this.listsWritten.set(annotator, built.list)
      } catch {
        // as above
      }
    }
  }

  private writeCacheFile(name: string, text: string): void {
    mkdirSync(path.dirname(this.cacheFile(name)), { recursive: true })
    const temporary = `${this.cacheFile(name)}.${process.pid}.tmp`
    writeFileSync(temporary, text)
    renameSync(temporary, this.cacheFile(name))
  }
}
