// A project on disk: its settings, documents and per-annotator annotation layers. Plain Node,
// no Electron, used by the desktop app, the HTTP server and the command line alike.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { ABSENT_VERSION, type FileVersion } from '../../shared/api/contract'
import {
  compareSpans,
  DEFAULT_LABELS,
  DEFAULT_RELATION_TYPES,
  emptyLayer,
  labelNameSchema,
  labelSchema,
  projectConfigSchema,
  type AnnotationLayer,
  type Attribute,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentSummary,
  type Label,
  type Relation,
  type RelationType,
  type ProjectConfig,
  type Span,
  type TagGroup,
  type DocumentTags
} from '../../shared/model'
import { hasTags, normaliseTags, tagProblem } from '../../shared/tags'
import { summaryFromLayer } from '../../shared/document-summary'
import { addTagGroupsTo } from './tag-groups'
import { tagChangeSteps } from './tag-log'
import { codePointLength } from '../../shared/offsets'
import { keepLinkedRelations } from '../../shared/relations'
import { annotatorNameProblem } from '../../shared/valid-names'
import { checkAnnotator, checkAnnotatorCase } from './annotator'
import { DamagedFileError, nullIfDamaged, StoreError } from './errors'
import { fileVersion, readJsonVersioned, versionOfText } from './file-version'
import { readLayerFileVersioned, readRecordFile, readRecordFileVersioned } from './read-checked'
import { renamedRecord } from './document-rename'
import { documentFacts, listedFields, type ListedFields } from './document-summary'
import { indexedLayerFacts, ListingIndex, type ListingChange } from './listing-index'
import { canonicalJson } from './canonical-json'
import { colorForNewLabel, freeHotkey } from './label-defaults'
import { ImportJournal } from './import-journal'
import { readJson, removeStaleTempFiles, writeJsonAtomic, type WriteBatch } from './json-file'
import { currentRevision, editForward, followLabelLog, labelChangeStep, mergeRetired, undoStep, withStep } from './label-log'
import {
  annotationsDir,
  documentFile,
  documentsDir,
  idFromFileName,
  layerFile,
  projectFile
} from './layout'

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** Document ids are the first 16 hex digits of the text's hash: identical texts collide on purpose. */
export function documentIdFor(text: string): string {
  return contentHash(text).slice(0, 16)
}

/** What the store remembers of a document's file until the file changes (a rename). */
interface CachedDocument {
  title: string
  length: number
  sha256: string
  /** DocumentSummary's fields of the file: imported title (when renamed), file name, import order. */
  listed: ListedFields
}

function cachedDocument(record: DocumentRecord, length = codePointLength(record.text)): CachedDocument {
  return { title: record.title, length, sha256: record.sha256, listed: listedFields(record) }
}

export interface NewDocument {
  text: string
  title: string
  meta: Record<string, unknown>
  /** The text's hash, when the caller has made it already. */
  sha256?: string
}

export interface LabelChange {
  labels: Label[]
  relationTypes: RelationType[]
  renames: { from: string; to: string }[]
  deletions: string[]
  /** The new tag groups (absent: unchanged), and the groups and options renamed in them. */
  tagGroups?: TagGroup[]
  tagGroupRenames?: { from: string; to: string }[]
  tagRenames?: { group: string; from: string; to: string }[]
}

export interface LayerChange {
  spans?: Span[]
  relations?: Relation[]
  status?: DocumentStatus
  /** The label revision `spans` were read against, when older than the project's (a page behind a label change). */
  labelRevision?: number
  /** The document's tags (absent: unchanged; {} clears them). */
  tags?: DocumentTags
}

/** project.json's key among the per-layer locks (a layer's key is annotator/document: no clash). */
const PROJECT_CONFIG_LOCK = 'project.json'

/** What undoing a label change puts back: the label set, and the label log step to undo. */
export interface LabelSnapshot {
  labels: Label[]
  relationTypes: RelationType[]
  tagGroups?: TagGroup[]
  revision?: number
}

/** Why a span's attribute values do not fit its label's attribute definitions, if they don't. */
function attributeProblem(label: Label, span: Span): string | null {
  if (!span.attributes) return null
  for (const [name, value] of Object.entries(span.attributes)) {
    const attribute = label.attributes.find((a) => a.name === name)
    if (!attribute) return `label "${label.name}" has no attribute "${name}"`
    if (attribute.type === 'number' && typeof value !== 'number') return `attribute "${name}" must be a number`
    if (attribute.type !== 'number' && typeof value !== 'string') return `attribute "${name}" must be text`
    if (attribute.type === 'enum' && !attribute.options.includes(value as string)) {
      return `attribute "${name}" must be one of ${attribute.options.join(', ')}`
    }
  }
  return null
}

export class ProjectStore {
  /** Titles and lengths of documents already read, so listing a project reads each file once. */
  private readonly documentCache = new Map<string, CachedDocument>()

  /**
   * What opening the project found and put right, for the user: imports a crash interrupted
   * (rolled back), temporary files a killed writer left.
   */
  readonly notices: string[] = []

  /** How project.json looked on disk (inode, size, mtime) when `config` was read from it. */
  private configStamp = ''

  private constructor(
    readonly folder: string,
    private config: ProjectConfig,
    /** The version of project.json that `config` was read from (or written as). */
    private configVersion: FileVersion = ABSENT_VERSION
  ) {}

  /**
   * Opens a project folder; creates it when `create` is set, with the default labels or the
   * label set given (`labels`, `relationTypes`: a template's, or another project's).
   */
  static async open(
    folder: string,
    options: { create?: boolean; name?: string; labels?: Label[]; relationTypes?: RelationType[] } = {}
  ): Promise<ProjectStore> {
    const absolute = path.resolve(folder)
    // before anything is read: a crash may have left an import half done
    const recovered = await readdir(absolute).then(
      () => ImportJournal.recover(absolute),
      () => []
    )
    const existing = await readJson<unknown>(projectFile(absolute)).catch((error: Error) => {
      throw new StoreError('invalid_input', `${projectFile(absolute)}: not a readable project file (${error.message})`)
    })
    if (existing !== null) {
      const parsed = projectConfigSchema.safeParse(existing)
      if (!parsed.success) {
        throw new StoreError('invalid_input', `${projectFile(absolute)}: ${parsed.error.issues[0]?.message}`)
      }
      // git keeps no empty folder: a fresh clone of a project may lack them (a read-only copy may keep lacking them)
      await Promise.all([documentsDir(absolute), annotationsDir(absolute)].map((dir) => mkdir(dir).catch(() => undefined)))
      const store = new ProjectStore(absolute, parsed.data)
      store.notices.push(...recovered, ...store.removeStaleTempFiles())
      // read again with its version (and the stamp that tells when it changes)
      await store.reloadSettings()
      return store
    }
    // documents without project.json: the project file was lost (deleted, not pulled, a bad
    // merge); making a new one would silently drop the label set every layer relies on
    const orphans = (await readdir(documentsDir(absolute)).catch(() => [] as string[])).filter((name) => idFromFileName(name) !== null)
    if (orphans.length > 0) {
      throw new StoreError(
        'not_found',
        `${projectFile(absolute)} is missing, but ${absolute} holds ${orphans.length} document(s): restore project.json ` +
          `(from a backup, or \`git checkout -- project.json\` in a git-shared folder) and open the project again; ` +
          `Spanwise does not make a new one over existing documents`
      )
    }
    if (!options.create) throw new StoreError('not_found', `no Spanwise project in ${absolute}`)
    const config: ProjectConfig = {
      version: 1,
      name: options.name ?? path.basename(absolute),
      labels: options.labels ?? DEFAULT_LABELS,
      relationTypes: options.relationTypes ?? DEFAULT_RELATION_TYPES,
      tagGroups: [],
      createdAt: new Date().toISOString()
    }
    await mkdir(documentsDir(absolute), { recursive: true })
    await mkdir(annotationsDir(absolute), { recursive: true })
    await writeJsonAtomic(projectFile(absolute), config)
    const store = new ProjectStore(absolute, config)
    await store.reloadSettings()
    return store
  }

  /** Temporary files of writers killed mid-write, in every folder the store writes. */
  private removeStaleTempFiles(): string[] {
    const folders = [this.folder, documentsDir(this.folder)]
    try {
      for (const entry of readdirSync(annotationsDir(this.folder), { withFileTypes: true })) {
        if (entry.isDirectory()) folders.push(annotationsDir(this.folder, entry.name))
      }
    } catch {
      // no annotations yet
    }
    const removed = folders.flatMap((folder) => {
      try {
        return removeStaleTempFiles(folder)
      } catch {
        return []
      }
    })
    return removed.length === 0 ? [] : [`removed ${removed.length} temporary file(s) left by a writer that was stopped mid-write`]
  }

  /** The label set and settings as last read; `freshSettings` checks the disk first. */
  get settings(): ProjectConfig {
    return this.config
  }

  /** The version of project.json that `settings` came from. */
  get settingsVersion(): FileVersion {
    return this.configVersion
  }

  /**
   * The settings, read again if project.json changed on disk since (another process, such as
   * `spanwise import` or a `git pull`, may write it while this one runs). One stat when unchanged.
   */
  async freshSettings(): Promise<ProjectConfig> {
    // (a synchronous stat: a thread-pool round trip costs more than the stat itself, and every save waits for it)
    const info = statSync(projectFile(this.folder), { throwIfNoEntry: false }) ?? null
    if (!info || `${info.ino}:${info.size}:${info.mtimeMs}` !== this.configStamp) await this.reloadSettings()
    return this.config
  }

  /**
   * Reads project.json again, whatever this process remembers (another process wrote it, or an
   * import put it back as it was); true when it had changed.
   */
  async reloadSettings(): Promise<boolean> {
    const file = projectFile(this.folder)
    const info = await stat(file).catch(() => null)
    const { data, version } = readJsonVersioned<unknown>(file)
    if (data === null) throw new StoreError('not_found', `${file} has gone: the project's label set cannot be read`)
    this.configStamp = info ? `${info.ino}:${info.size}:${info.mtimeMs}` : ''
    if (version === this.configVersion) return false
    const parsed = projectConfigSchema.safeParse(data)
    if (!parsed.success) throw new StoreError('invalid_input', `${file}: ${parsed.error.issues[0]?.message}`)
    this.config = parsed.data
    this.configVersion = version
    return true
  }

  /**
   * Changes project.json from what is on disk now, never from a copy in memory: under one lock,
   * read it again, check it is still `baseVersion` (when given), apply `edit`, write it.
   */
  private async editConfig(edit: (config: ProjectConfig) => ProjectConfig | null, baseVersion?: FileVersion): Promise<void> {
    await this.withLayerLock(PROJECT_CONFIG_LOCK, async () => {
      await this.reloadSettings()
      if (baseVersion !== undefined && baseVersion !== this.configVersion) {
        throw new StoreError('conflict', `the label set was changed elsewhere since it was read (${projectFile(this.folder)}): reload and try again`)
      }
      const next = edit(this.config)
      if (next === null) return
      await writeJsonAtomic(projectFile(this.folder), next)
      this.config = next
      await this.reloadSettings()
    })
  }

  /** Adds labels met in imported data, with a colour and a free hotkey each; keeps existing ones. */
  async addLabels(names: string[]): Promise<void> {
    await this.editConfig((config) => {
      const known = new Set(config.labels.map((label) => label.name))
      const fresh = [...new Set(names)].filter((name) => !known.has(name))
      if (fresh.length === 0) return null
      const labels = [...config.labels]
      for (const name of fresh) {
        const parsed = labelNameSchema.safeParse(name)
        if (!parsed.success) throw new StoreError('invalid_input', `label "${name}": ${parsed.error.issues[0]?.message}`)
        labels.push({ name, color: colorForNewLabel(labels.length), hotkey: freeHotkey(labels), attributes: [] })
      }
      return { ...config, labels }
    })
  }

  /** Adds relation types met in imported data (any label at either end); keeps existing ones. */
  async addRelationTypes(names: string[]): Promise<void> {
    await this.editConfig((config) => {
      const known = new Set(config.relationTypes.map((type) => type.name))
      const fresh = [...new Set(names)].filter((name) => !known.has(name))
      if (fresh.length === 0) return null
      const relationTypes = [...config.relationTypes]
      for (const name of fresh) {
        const parsed = labelNameSchema.safeParse(name)
        if (!parsed.success) throw new StoreError('invalid_input', `relation type "${name}": ${parsed.error.issues[0]?.message}`)
        relationTypes.push({ name, color: colorForNewLabel(config.labels.length + relationTypes.length), from: [], to: [] })
      }
      return { ...config, relationTypes }
    })
  }

  /**
   * Adds attribute definitions met in imported data to existing labels: attributes a label lacks
   * are appended, and an enum already defined gains the options it lacks. Nothing is removed.
   */
  async addAttributes(additions: { label: string; attributes: Attribute[] }[]): Promise<void> {
    if (additions.length === 0) return
    const withAttributes = (label: Label): Label => {
      const mine = additions.filter((a) => a.label === label.name).flatMap((a) => a.attributes)
      if (mine.length === 0) return label
      const attributes = label.attributes.map((a) => ({ ...a }))
      for (const attribute of mine) {
        const index = attributes.findIndex((a) => a.name === attribute.name)
        const existing = attributes[index]
        if (!existing) attributes.push(attribute)
        else if (existing.type === 'enum' && attribute.type === 'enum') {
          attributes[index] = { ...existing, options: [...new Set([...existing.options, ...attribute.options])] }
        }
      }
      const parsed = labelSchema.safeParse({ ...label, attributes })
      if (!parsed.success) throw new StoreError('invalid_input', `label "${label.name}": ${parsed.error.issues[0]?.message}`)
      return parsed.data
    }
    await this.editConfig((config) => ({ ...config, labels: config.labels.map(withAttributes) }))
  }

  /** Adds tag groups and options met in imported data (see tag-groups.ts); keeps existing ones. */
  async addTagGroups(found: { group: string; option: string; multiple: boolean }[]): Promise<void> {
    if (found.length === 0) return
    await this.editConfig((config) => {
      const tagGroups = addTagGroupsTo(config.tagGroups, found, config.labels)
      return tagGroups === config.tagGroups ? null : { ...config, tagGroups }
    })
  }

  async documentIds(): Promise<string[]> {
    const names = await readdir(documentsDir(this.folder)).catch(() => [] as string[])
    return names
      .map(idFromFileName)
      .filter((id): id is string => id !== null)
      .sort()
  }

  async hasDocument(id: string): Promise<boolean> {
    return existsSync(documentFile(this.folder, id))
  }

  /** Throws DamagedFileError (naming the file) when the document's file cannot be read as one. */
  async getDocument(id: string): Promise<DocumentRecord> {
    const record = readRecordFile(documentFile(this.folder, id))
    if (record === null) throw new StoreError('not_found', `no document ${id} in this project`)
    return record
  }

  /** A document's text, or null when there is no such document (a damaged file: DamagedFileError). */
  readDocumentText(id: string): string | null {
    return readRecordFile(documentFile(this.folder, id))?.text ?? null
  }

  /**
   * Stores new documents. All are checked first; if any write fails, the ones already written
   * are removed again, so an import applies completely or not at all. `ids` gives the id of
   * each of `docs` in order (added or not), so that callers need not hash the texts again.
   */
  async addDocuments(docs: NewDocument[], options: { batch?: WriteBatch } = {}): Promise<{ added: DocumentRecord[]; duplicates: DocumentRecord[]; ids: string[] }> {
    const existing = new Set(await this.documentIds())
    const added = new Map<string, DocumentRecord>()
    const duplicateIds: string[] = []
    const ids: string[] = []
    const importedAt = new Date().toISOString()
    for (const [importIndex, doc] of docs.entries()) {
      const sha256 = doc.sha256 ?? contentHash(doc.text)
      const id = sha256.slice(0, 16)
      ids.push(id)
      if (existing.has(id) || added.has(id)) {
        duplicateIds.push(id)
        continue
      }
      added.set(id, { version: 1, id, title: doc.title, text: doc.text, meta: doc.meta, sha256, importedAt, importIndex })
    }
    const duplicates = await Promise.all(duplicateIds.map((id) => added.get(id) ?? this.getDocument(id)))
    const written: string[] = []
    try {
      for (const record of added.values()) {
        const write = () => writeJsonAtomic(documentFile(this.folder, record.id), record, options)
        await (this.listingIndex ? this.listingIndex.writingDocument(record.id, documentFacts(record), write) : write())
        written.push(record.id)
        this.documentCache.set(record.id, cachedDocument(record))
      }
    } catch (error) {
      await Promise.all(written.map((id) => rm(documentFile(this.folder, id), { force: true })))
      written.forEach((id) => this.documentCache.delete(id))
      throw error
    }
    return { added: [...added.values()], duplicates, ids }
  }

  /** Forgets what the caches know of documents that are gone or changed (an import rolled back, the watcher). */
  forgetDocuments(ids: string[]): void {
    for (const id of ids) {
      this.documentCache.delete(id)
      this.listingIndex?.documentChanged(id)
    }
  }

  /** A layer changed on disk by another hand (the watcher saw it): the listing reads it again. */
  forgetLayer(documentId: string, annotator: string): void {
    this.listingIndex?.layerChanged(annotator, documentId)
  }

  /** A layer as every reader sees it: with renames and deletions of the label log applied. */
  async getLayer(documentId: string, annotator: string): Promise<AnnotationLayer> {
    return (await this.readLayer(documentId, annotator)).layer
  }

  /**
   * A layer as every reader sees it (the label log followed) and the version of the file it was
   * read from (ABSENT_VERSION when there is none).
   */
  async readLayer(documentId: string, annotator: string): Promise<{ layer: AnnotationLayer; version: FileVersion }> {
    checkAnnotator(annotator)
    // (a layer written before relations existed has none: read-checked gives it an empty list)
    const { layer, version } = readLayerFileVersioned(layerFile(this.folder, annotator, documentId))
    return { layer: layer ? followLabelLog(layer, this.config) : emptyLayer(documentId, annotator), version }
  }

  /**
   * Replaces one annotator's layer for one document after checking every span against the
   * text and the label set. This is the only write an annotation edit makes.
   */
  async saveLayer(
    documentId: string,
    annotator: string,
    change: LayerChange,
    /** What the caller already holds, to spare reading it again (bulk imports), and a bulk write's batch. */
    known: { text?: string; current?: AnnotationLayer; batch?: WriteBatch } = {}
  ): Promise<AnnotationLayer> {
    return (await this.writeLayer(documentId, annotator, change, known)).layer
  }

  /**
   * Saves an edit made to the layer as it was at `baseVersion`: if the file on disk is another
   * version now (another tab, window, process or a `git pull` wrote it), nothing is written and
   * the save is refused with `conflict`. Returns the layer written and its new version.
   */
  async saveLayerAt(
    documentId: string,
    annotator: string,
    baseVersion: FileVersion,
    change: LayerChange,
    /**
     * The page saving (RequestContext.client). If the layer on disk is the one this same page
     * wrote last, a save from an earlier version is its own next edit, sent before the answer
     * to the previous one came back (the last edit flushed as the page closes): it holds that
     * write's changes and is no conflict. Only a write by anyone else is.
     */
    client?: string
  ): Promise<{ layer: AnnotationLayer; version: FileVersion }> {
    return this.writeLayer(documentId, annotator, change, {}, baseVersion, client)
  }

  /** Which page wrote each layer last through this store, and the version it wrote. */
  private readonly lastWriters = new Map<string, { client: string; version: FileVersion }>()

  private async writeLayer(
    documentId: string,
    annotator: string,
    change: LayerChange,
    known: { text?: string; current?: AnnotationLayer; batch?: WriteBatch },
    baseVersion?: FileVersion,
    client?: string
  ): Promise<{ layer: AnnotationLayer; version: FileVersion }> {
    checkAnnotator(annotator)
    // labels another process added (an import while the app runs) are known to the checks
    await this.freshSettings()
    const key = `${annotator}/${documentId}`
    // read, check and write as one step per layer, so two saves cannot interleave and lose one
    return this.withLayerLock(key, async () => {
      // a layer belongs to a document: none is written for a document that has gone (a
      // teammate removed it), whatever the caches remember
      if (known.text === undefined && !(await this.hasDocument(documentId))) {
        this.documentCache.delete(documentId)
        throw new StoreError('not_found', `no document ${documentId} in this project`)
      }
      // an edit made against an older label set (a page that has not seen a rename) comes forward first
      const forward = editForward(change, this.config)
      change = forward.change
      // what the edit itself gets wrong is said first (and keeps the read-to-write step short)
      if (change.spans) await this.checkSpans(documentId, change.spans, known.text)
      if (change.tags) {
        const problem = tagProblem(change.tags, this.config.tagGroups)
        if (problem) throw new StoreError('invalid_input', `tags of document ${documentId}: ${problem}`)
      }
      let current = known.current
      let currentVersion: FileVersion | undefined
      if (!current || baseVersion !== undefined) {
        // the version check reads the file itself: memory may be behind another process
        const onDisk = await this.readLayer(documentId, annotator)
        const last = this.lastWriters.get(key)
        const ownLastWrite = client !== undefined && last?.client === client && last.version === onDisk.version
        if (baseVersion !== undefined && onDisk.version !== baseVersion && !ownLastWrite) {
          throw new StoreError(
            'conflict',
            `${annotator}'s layer of document ${documentId} was changed elsewhere since it was read (another tab, window or process): reload it and apply the edit again`
          )
        }
        current = onDisk.layer
        currentVersion = onDisk.version
      }
      const spans = change.spans ?? current.spans
      const relations = change.relations ?? keepLinkedRelations(spans, current.relations)
      if (change.relations) this.checkRelations(spans, change.relations)
      const tags = normaliseTags(change.tags ?? current.tags, this.config.tagGroups)
      const status: DocumentStatus =
        change.status ?? (current.status === 'todo' && (spans.length > 0 || hasTags(tags)) ? 'in_progress' : current.status)
      const { labelRevision: _read, tags: _tags, ...rest } = current
      const revision = currentRevision(this.config)
      const retired = mergeRetired(current.retired, forward.retired)
      const layer: AnnotationLayer = {
        ...rest,
        ...(retired.length > 0 ? { retired } : {}),
        status,
        spans: [...spans].sort(compareSpans),
        relations,
        ...(hasTags(tags) ? { tags } : {}),
        // the label revision these labels are written against: this process's, even when the file
        // was written against a newer one (readers then bring these labels forward)
        ...(revision > 0 ? { labelRevision: revision } : {}),
        documentSha256: await this.documentHash(documentId, known.text),
        updatedAt: current.updatedAt
      }
      // a save that changes nothing writes nothing: no new time stamp, no diff in git
      const file = layerFile(this.folder, annotator, documentId)
      if (sameLayer(current, layer)) return { layer, version: currentVersion ?? fileVersion(file) }
      layer.updatedAt = new Date().toISOString()
      // the annotator's folder is made by the write that first needs it
      let version: FileVersion = ABSENT_VERSION
      const write = async () => {
        // the version of the bytes written, not of the file read back: were it replaced meanwhile,
        // the next save from this version is a conflict, never an overwrite of the other's write
        version = versionOfText(await writeJsonAtomic(file, layer, { makeFolder: true, ...(known.batch ? { batch: known.batch } : {}) }))
      }
      await (this.listingIndex ? this.listingIndex.writingLayer(annotator, documentId, indexedLayerFacts(layer), write) : write())
      if (client === undefined) this.lastWriters.delete(key)
      else this.lastWriters.set(key, { client, version })
      return { layer, version }
    })
  }

  private readonly layerLocks = new Map<string, Promise<unknown>>()

  private async withLayerLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.layerLocks.get(key) ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(task)
    this.layerLocks.set(key, run)
    try {
      return await run
    } finally {
      if (this.layerLocks.get(key) === run) this.layerLocks.delete(key)
    }
  }

  /**
   * Renames a document: its title is stored in its own file, beside the text, which never changes.
   * `baseVersion` is the version of the file the rename was made from (`documents.get`): a file
   * changed since (renamed in another tab, by a teammate's pull) is a `conflict` and nothing is
   * written. A title that is empty or null puts back the imported one. Returns the record as
   * stored and its version.
   */
  async renameDocument(id: string, title: string | null, baseVersion: FileVersion, by: string): Promise<{ document: DocumentRecord; version: FileVersion }> {
    const file = documentFile(this.folder, id)
    // one lock per document file (a key no layer has: layers are annotator/id): two renames in this
    // process never interleave their read and write
    return this.withLayerLock(`document:${id}`, async () => {
      const { record, version } = readRecordFileVersioned(file)
      if (record === null) throw new StoreError('not_found', `no document ${id} in this project`)
      if (version !== baseVersion) {
        throw new StoreError('conflict', `document ${id} ("${record.title}") was changed elsewhere since it was read (another tab, window or a teammate): reload it and rename it again`)
      }
      const next = renamedRecord(record, title, by, new Date().toISOString())
      if (next === null) return { document: record, version }
      const write = () => writeJsonAtomic(file, next)
      await (this.listingIndex ? this.listingIndex.writingDocument(id, documentFacts(next), write) : write())
      this.documentCache.set(id, cachedDocument(next))
      return { document: next, version: fileVersion(file) }
    })
  }

  /** A document and the version of its file (what a rename states). */
  async getDocumentVersioned(id: string): Promise<{ document: DocumentRecord; version: FileVersion }> {
    const { record, version } = readRecordFileVersioned(documentFile(this.folder, id))
    if (record === null) throw new StoreError('not_found', `no document ${id} in this project`)
    return { document: record, version }
  }

  /** A document's title, read once and remembered until its file changes (a rename; the watcher forgets it). */
  async documentTitle(id: string): Promise<string> {
    return (this.documentCache.get(id) ?? (await this.cacheSummary(id))).title
  }

  /** A document's title and what the list shows beside it (file name, import order), remembered as the title is. */
  async documentListing(id: string): Promise<{ title: string } & ListedFields> {
    const cached = this.documentCache.get(id) ?? (await this.cacheSummary(id))
    return { title: cached.title, ...cached.listed }
  }

  /**
   * Checks spans and relations against a document's text and the label set exactly as saveLayer
   * does, for layers other than an annotator's (the gold layer).
   */
  async checkContent(documentId: string, spans: Span[], relations: Relation[]): Promise<void> {
    await this.checkSpans(documentId, spans)
    this.checkRelations(spans, relations)
  }

  /** A document's length in code points: a document's text never changes (its id is its hash). */
  private async documentLength(documentId: string, knownText?: string): Promise<number> {
    const cached = this.documentCache.get(documentId)
    if (cached) return cached.length
    if (knownText !== undefined) return codePointLength(knownText)
    return (await this.cacheSummary(documentId)).length
  }

  /** The hash of a document's text, as recorded when it was imported. */
  private async documentHash(documentId: string, knownText?: string): Promise<string> {
    const cached = this.documentCache.get(documentId)
    if (cached) return cached.sha256
    if (knownText !== undefined) return contentHash(knownText)
    return (await this.cacheSummary(documentId)).sha256
  }

  private async checkSpans(documentId: string, spans: Span[], knownText?: string, labels: Label[] = this.config.labels): Promise<void> {
    const length = await this.documentLength(documentId, knownText)
    const ids = new Set<string>()
    for (const span of spans) {
      if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.start >= span.end) {
        throw new StoreError('invalid_input', `span ${span.id} [${span.start}, ${span.end}) is not a range of whole offsets from start to end`)
      }
      if (span.end > length) {
        throw new StoreError('invalid_input', `span ${span.id} [${span.start}, ${span.end}) is outside the text (length ${length})`)
      }
      const label = labels.find((l) => l.name === span.label)
      if (!label) throw new StoreError('invalid_input', `span ${span.id} has unknown label "${span.label}"`)
      const problem = attributeProblem(label, span)
      if (problem) throw new StoreError('invalid_input', `span ${span.id}: ${problem}`)
      if (ids.has(span.id)) throw new StoreError('invalid_input', `span id ${span.id} is used twice`)
      ids.add(span.id)
    }
  }

  private checkRelations(spans: Span[], relations: Relation[], relationTypes: RelationType[] = this.config.relationTypes): void {
    if (relations.length === 0) return
    const byId = new Map(spans.map((span) => [span.id, span]))
    const ids = new Set<string>()
    for (const relation of relations) {
      const type = relationTypes.find((t) => t.name === relation.type)
      if (!type) throw new StoreError('invalid_input', `relation ${relation.id} has unknown type "${relation.type}"`)
      const from = byId.get(relation.from)
      const to = byId.get(relation.to)
      if (!from || !to) throw new StoreError('invalid_input', `relation ${relation.id} links a span that is not in this layer`)
      if (from === to) throw new StoreError('invalid_input', `relation ${relation.id} links a span to itself`)
      if (ids.has(relation.id)) throw new StoreError('invalid_input', `relation id ${relation.id} is used twice`)
      ids.add(relation.id)
    }
  }

  /**
   * Changes the label set and relation types. Renames and deletions are one step of the label log
   * in project.json, the only file written: layers follow the log when read (label-log.ts). Hands
   * back what undoing the change needs.
   */
  async changeLabels(change: LabelChange, baseVersion?: FileVersion, by?: string): Promise<{ previous: LabelSnapshot }> {
    let previous: LabelSnapshot | undefined
    // from project.json as it is now (never a stale copy): the step's revision follows the file's
    await this.editConfig((config) => {
      const tagGroups = change.tagGroups ?? config.tagGroups
      const tagSteps = change.tagGroups
        ? tagChangeSteps(config.tagGroups, change.tagGroups, { groups: change.tagGroupRenames ?? [], options: change.tagRenames ?? [] })
        : {}
      const step = labelChangeStep(config, { ...change, tagSteps }, by)
      previous = { labels: config.labels, relationTypes: config.relationTypes, tagGroups: config.tagGroups, ...(step ? { revision: step.revision } : {}) }
      const next = { ...config, labels: change.labels, relationTypes: change.relationTypes, tagGroups }
      return step ? withStep(next, step) : next
    }, baseVersion)
    return { previous: previous! }
  }

  /**
   * Undoes a label change: puts back the label set, and adds the log step that renames the
   * renamed spans back and brings the deleted ones back (with their relations) in every layer,
   * including edits made since. Only project.json is written.
   */
  async restoreLabels(snapshot: LabelSnapshot, by?: string): Promise<void> {
    await this.editConfig((config) => {
      const next = { ...config, labels: snapshot.labels, relationTypes: snapshot.relationTypes, tagGroups: snapshot.tagGroups ?? config.tagGroups }
      return snapshot.revision === undefined ? next : withStep(next, undoStep(config, snapshot.revision, by))
    })
  }

  /** Refuses a new annotator name equal to an existing annotator's but for case. */
  async checkAnnotatorName(name: string): Promise<string> {
    return checkAnnotatorCase(checkAnnotator(name), await this.annotators())
  }

  /** Annotators who have a layer in this project. */
  async annotators(): Promise<string[]> {
    const names = await readdir(annotationsDir(this.folder), { withFileTypes: true }).catch(() => [])
    // a folder whose name no annotator can have (`bob smith`, copied in by hand) is not a layer
    // folder: skipped, so it cannot make listing or label changes fail for everyone
    return names
      .filter((entry) => entry.isDirectory() && annotatorNameProblem(entry.name) === null)
      .map((entry) => entry.name)
      .sort()
  }

  /** Reads a document once for the list (title, length); later listings use the cache. */
  private async cacheSummary(id: string): Promise<CachedDocument> {
    const summary = cachedDocument(await this.getDocument(id))
    this.documentCache.set(id, summary)
    return summary
  }

  /** The listing index, made at the first listing (one-shot commands that never list never read it). */
  private listingIndex: ListingIndex | null = null
  private readonly listingListeners = new Set<(change: ListingChange) => void>()

  /** Changes on disk that the listing index found by itself (after a restart, or files replaced behind its back). */
  onListingChange(listener: (change: ListingChange) => void): () => void {
    this.listingListeners.add(listener)
    return () => void this.listingListeners.delete(listener)
  }

  private readonly caches = new Set<{ save(): void }>()

  /** A derived cache (listing, search) to be written out when the app closes the project. */
  registerCache(cache: { save(): void }): void {
    this.caches.add(cache)
  }

  /** Writes the derived caches out now (the app is closing): the next open starts from them. */
  saveCaches(): void {
    for (const cache of this.caches) cache.save()
  }

  get listing(): ListingIndex {
    if (this.listingIndex) return this.listingIndex
    this.listingIndex = new ListingIndex(
      this.folder,
      (change) => this.listingListeners.forEach((listener) => listener(change)),
      (documentId, annotator) => {
        const { layer } = readLayerFileVersioned(layerFile(this.folder, annotator, documentId))
        if (!layer) return { spanCount: 0, labels: [] }
        const { status: _status, ...shown } = summaryFromLayer(followLabelLog(layer, this.config))
        return shown
      }
    )
    this.registerCache(this.listingIndex)
    return this.listingIndex
  }

  /** The document list as `annotator` sees it (listing-index.ts: read from the index, not every file). */
  async summaries(annotator: string): Promise<DocumentSummary[]> {
    checkAnnotator(annotator)
    await this.freshSettings()
    return this.listing.summaries(annotator, this.config, this.configVersion)
  }
}

/** Two versions of a layer hold the same work (the time stamp aside), whatever their keys' order. */
function sameLayer(a: AnnotationLayer, b: AnnotationLayer): boolean {
  return canonicalJson({ ...a, updatedAt: null }) === canonicalJson({ ...b, updatedAt: null })
}

export { StoreError }
