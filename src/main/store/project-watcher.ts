// Watches a project folder for what other hands change in it: `spanwise import` while the app
// runs, a second window, a teammate's files brought by a `git pull`. Each change on disk
// updates the store's derived state (the label set, the document cache) and is published as a
// ProjectChange, so every open tab can refresh just what changed. This process's own writes are
// published too: another tab of the same server has to hear of them as well.
import { summaryFromLayer } from '../../shared/document-summary'
import { watch, type FSWatcher } from 'node:fs'
import { readdir } from 'node:fs/promises'
import type { ProjectChange, ProjectChanges } from '../../shared/api/contract'
import { annotationsDir, documentsDir, idFromFileName, PROJECT_FILE } from './layout'
import type { ProjectStore } from './project-store'

/** Changes seen within this many milliseconds go out as one notice (an import writes many files). */
const BATCH_MS = 60

type Watched = { kind: 'project' } | { kind: 'document'; documentId: string } | { kind: 'layer'; documentId: string; annotator: string }

export interface ChangeFeed {
  /** Resolves once the folder is being watched: changes from then on are reported. */
  ready: Promise<void>
  /** The number of the last notice published (0 before any). */
  readonly sequence: number
  subscribe(listener: (notice: ProjectChanges) => void): () => void
  close(): Promise<void>
}

/**
 * Starts watching `store`'s folder; every listener hears every notice from its subscription on.
 * One `fs.watch` per folder Spanwise reads (the project, documents/, annotations/ and each
 * annotator's folder), not a recursive scan: a watcher on 20,000 files costs nothing at start
 * (chokidar took seconds to stat them all), and .git or anything else is never looked at.
 */
export function watchProject(store: ProjectStore): ChangeFeed {
  const listeners = new Set<(notice: ProjectChanges) => void>()
  let sequence = 0
  const pending = new Map<string, Watched>()
  let timer: NodeJS.Timeout | null = null
  let closed = false
  const watchers = new Map<string, FSWatcher>()

  const noticed = (key: string, what: Watched) => {
    if (closed) return
    pending.set(key, what)
    timer ??= setTimeout(() => void flush(), BATCH_MS)
  }

  function watchFolder(folder: string, onName: (name: string) => void): void {
    if (watchers.has(folder) || closed) return
    try {
      const watcher = watch(folder, (_event, name) => name && onName(name.toString()))
      // a folder that goes away (a teammate's layers removed) ends its watcher, nothing more
      watcher.on('error', () => {
        watcher.close()
        watchers.delete(folder)
      })
      watchers.set(folder, watcher)
    } catch {
      // not there (yet): the parent folder's watcher adds it when it appears
    }
  }

  function watchAnnotator(annotator: string, reportExisting: boolean): void {
    if (annotator.startsWith('.')) return
    const folder = annotationsDir(store.folder, annotator)
    if (watchers.has(folder)) return
    watchFolder(folder, (name) => {
      const documentId = idFromFileName(name)
      if (documentId) noticed(`${annotator}/${documentId}`, { kind: 'layer', documentId, annotator })
    })
    // a folder that arrives whole (a pull brings a new teammate) may hold layers already
    if (reportExisting) {
      void readdir(folder)
        .then((names) => names.forEach((name) => {
          const documentId = idFromFileName(name)
          if (documentId) noticed(`${annotator}/${documentId}`, { kind: 'layer', documentId, annotator })
        }))
        .catch(() => undefined)
    }
  }

  watchFolder(store.folder, (name) => {
    if (name === PROJECT_FILE) noticed(PROJECT_FILE, { kind: 'project' })
  })
  watchFolder(documentsDir(store.folder), (name) => {
    const documentId = idFromFileName(name)
    if (documentId) noticed(`documents/${documentId}`, { kind: 'document', documentId })
  })
  watchFolder(annotationsDir(store.folder), (name) => watchAnnotator(name, true))
  // what the listing index finds changed by itself (files edited while the app was closed)
  const stopListing = store.onListingChange((change) =>
    noticed(change.kind === 'document' ? `documents/${change.documentId}` : `${change.annotator}/${change.documentId}`, change)
  )
  const ready = readdir(annotationsDir(store.folder), { withFileTypes: true })
    .then((entries) => entries.filter((entry) => entry.isDirectory()).forEach((entry) => watchAnnotator(entry.name, false)))
    .catch(() => undefined)

  async function describe(what: Watched): Promise<ProjectChange | null> {
    if (what.kind === 'project') {
      await store.reloadSettings()
      return what
    }
    if (what.kind === 'document') {
      store.forgetDocuments([what.documentId])
      return { ...what, present: await store.hasDocument(what.documentId) }
    }
    store.forgetLayer(what.documentId, what.annotator)
    const { layer, version } = await store.readLayer(what.documentId, what.annotator)
    return { ...what, version, ...summaryFromLayer(layer) }
  }

  async function flush(): Promise<void> {
    timer = null
    const batch = [...pending.values()]
    pending.clear()
    const changes: ProjectChange[] = []
    for (const what of batch) {
      // a file caught half way through someone's edit, or damaged, is skipped: its next
      // change is reported again, and reading it later names the problem
      const change = await describe(what).catch(() => null)
      if (change) changes.push(change)
    }
    if (closed || changes.length === 0) return
    sequence += 1
    const notice = { sequence, changes }
    for (const listener of listeners) listener(notice)
  }

  return {
    ready,
    get sequence() {
      return sequence
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async close() {
      closed = true
      stopListing()
      if (timer) clearTimeout(timer)
      listeners.clear()
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
