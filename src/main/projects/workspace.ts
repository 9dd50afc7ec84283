// What a running workbench (the desktop window, or `spanwise serve`) has open: at most one
// project at a time, switched at run time without a restart. Each open project has its own
// ProjectStore (so its caches go with it), its own handlers, its folder watcher and its app
// lock; switching takes the new project's lock first (a refusal leaves the old one open), then
// stops the old one's watcher and releases its lock.
//
// Every tab or window of the workbench sees the same open project. A page names the project it
// shows with each request (RequestContext.project); a request naming another one is refused
// (ProjectChangedError), so a tab left on project A after another tab opened B never writes
// into B. Listeners hear the open project's changes and every switch.
import { createHash } from 'node:crypto'
import { realpathSync } from 'node:fs'
import type { ProjectChanges, ProjectRef, RecentProject } from '../../shared/api/contract'
import { createDispatch, type Dispatch } from '../api/handlers'
import { ProjectChangedError, Session } from '../api/session'
import { acquireAppLock, type AppLock } from '../store/app-lock'
import { StoreError } from '../store/errors'
import { watchProject, type ChangeFeed } from '../store/project-watcher'
import { ProjectStore } from '../store/project-store'
import { createProject, type LabelSource } from './create-project'
import { noFolders, type FolderAccess } from './project-root'
import type { RecentProjects } from './recent-projects'

export interface OpenProject {
  ref: ProjectRef
  session: Session
  dispatch: Dispatch
  feed: ChangeFeed | null
}

export type WorkspaceEvent = { kind: 'changes'; notice: ProjectChanges } | { kind: 'switched'; project: ProjectRef | null }

export interface WorkspaceOptions {
  /** The annotator a new tab starts as. */
  defaultAnnotator: string
  /** Which folders clients may open and create projects in (default: none, one project). */
  access?: FolderAccess
  recents?: RecentProjects | null
  /** Watch the open project's folder (default: yes). */
  watch?: boolean
  /** How the app lock names this process (null: take no lock, as in tests of one store). */
  lockCommand?: string | null
}

/** A project's id: a hash of its folder's real path, so the same folder keeps its id. */
export function projectId(folder: string): string {
  let real = folder
  try {
    real = realpathSync(folder)
  } catch {
    // gone meanwhile: its path still names it
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 16)
}

interface Held extends OpenProject {
  lock: AppLock | null
}

export class Workspace {
  readonly access: FolderAccess
  readonly recents: RecentProjects | null
  /** Why no project is open after the start (the last project could not be opened). */
  notice: string | null = null
  private held: Held | null = null
  private readonly listeners = new Set<(event: WorkspaceEvent) => void>()
  /** Opens and closes run one after another: two tabs switching at once never interleave. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: WorkspaceOptions) {
    this.access = options.access ?? noFolders
    this.recents = options.recents ?? null
  }

  /** A workbench of one store that is already open (tests, `startServer(session)`). */
  static async ofSession(session: Session, watch = true): Promise<Workspace> {
    const workspace = new Workspace({ defaultAnnotator: session.defaultAnnotator, watch, lockCommand: null })
    await workspace.serialized(() => workspace.adopt(session.store, session))
    return workspace
  }

  get defaultAnnotator(): string {
    return this.options.defaultAnnotator
  }

  get current(): OpenProject | null {
    return this.held
  }

  subscribe(listener: (event: WorkspaceEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  private emit(event: WorkspaceEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  /**
   * The open project a request may act on: the one it names, if it names one. A page that shows
   * a project that is no longer open gets a message saying so.
   */
  projectFor(requested: string | undefined): OpenProject {
    const held = this.held
    if (requested !== undefined && held?.ref.id !== requested) {
      throw new ProjectChangedError(
        held
          ? `this page shows a project that is no longer open: the workbench switched to "${held.ref.name}" (in another tab or window). Nothing was saved here; reload to continue in "${held.ref.name}".`
          : 'this page shows a project that was closed (in another tab or window). Nothing was saved here; reload to choose a project.'
      )
    }
    if (!held) throw new StoreError('not_found', 'no project is open: open or create one on the start page')
    return held
  }

  /** Opens the project in an absolute folder (already checked against `access`). */
  open(folder: string): Promise<ProjectRef> {
    return this.serialized(async () => {
      if (this.held && projectId(folder) === this.held.ref.id) {
        await this.remember(this.held)
        return this.held.ref
      }
      return this.adopt(await ProjectStore.open(folder))
    })
  }

  /** Opens a store the caller opened (`spanwise serve --project` creates a missing project). */
  openStore(store: ProjectStore): Promise<ProjectRef> {
    return this.serialized(() => this.adopt(store))
  }

  create(parent: string, name: string, labels: LabelSource): Promise<ProjectRef> {
    return this.serialized(async () => this.adopt(await createProject(parent, name, labels)))
  }

  close(): Promise<void> {
    return this.serialized(async () => {
      const held = this.held
      if (!held) return
      this.held = null
      await release(held)
      this.emit({ kind: 'switched', project: null })
    })
  }

  /** Recent projects the client may open, as it names them, newest first. */
  async recent(): Promise<RecentProject[]> {
    if (!this.recents) return []
    const open = this.held?.session.store.folder
    return (await this.recents.list()).flatMap((entry) => {
      const folder = this.access.show(entry.folder)
      if (folder === null) return []
      return [{ folder, name: entry.name, openedAt: entry.openedAt, missing: entry.missing, open: open !== undefined && projectId(open) === projectId(entry.folder) }]
    })
  }

  /**
   * At start, with no folder given: the most recent project still there that clients may see,
   * else `fallback` (the demo project) when nothing was opened before, else nothing (the start
   * page, which lists the recent projects that have gone). A project that cannot be opened
   * (another app holds it) leaves the start page with a notice saying why.
   */
  async openMostRecent(fallback: (() => Promise<ProjectStore>) | null): Promise<void> {
    const recent = await this.recent()
    const last = recent.find((entry) => !entry.missing)
    try {
      if (last) await this.open(this.access.resolve(last.folder))
      else if (recent.length === 0 && fallback) await this.openStore(await fallback())
    } catch (error) {
      this.notice = `Could not open the last project: ${(error as Error).message}`
    }
  }

  private async adopt(store: ProjectStore, existing?: Session): Promise<ProjectRef> {
    // the new project's lock first: if another app holds it, the open project stays open
    const lock = this.options.lockCommand === null ? null : acquireAppLock(store.folder, this.options.lockCommand)
    let feed: ChangeFeed | null = null
    try {
      const session = existing ?? new Session(store, await store.checkAnnotatorName(this.options.defaultAnnotator))
      feed = this.options.watch === false ? null : watchProject(store)
      await feed?.ready
      const ref: ProjectRef = { id: projectId(store.folder), name: store.settings.name, folder: this.access.show(store.folder) ?? store.folder }
      const next: Held = { ref, session, dispatch: createDispatch(session), feed, lock }
      const previous = this.held
      this.held = next
      if (previous) await release(previous)
      feed?.subscribe((notice) => {
        if (this.held === next) this.emit({ kind: 'changes', notice })
      })
      this.notice = null
      await this.remember(next)
      this.emit({ kind: 'switched', project: ref })
      return ref
    } catch (error) {
      await feed?.close()
      lock?.release()
      throw error
    }
  }

  private async remember(project: Held): Promise<void> {
    // a list that cannot be written (a read-only home) costs the list, not the open
    await this.recents?.remember(project.session.store.folder, project.session.store.settings.name).catch(() => undefined)
  }

  /** Closes the open project (watcher, lock) for good: the app is quitting. */
  async shutdown(): Promise<void> {
    await this.close()
    this.listeners.clear()
  }
}

async function release(held: Held): Promise<void> {
  await held.feed?.close()
  held.lock?.release()
}
