// The renderer's single way to reach the backend. In the desktop app it goes through the
// preload bridge; in a browser it posts to the loopback server, under the token path the page
// was opened at. Both speak the same contract and return the same ApiResponse.
import { ANNOTATOR_HEADER, CLIENT_HEADER, PROJECT_HEADER } from '../../../shared/api/wire'
import type {
  ApiError,
  ApiResponse,
  ChannelInput,
  ChannelName,
  ChannelResult,
  ImportReport,
  ProjectChanges,
  ProjectRef,
  RequestContext
} from '../../../shared/api/contract'
import type { DesktopBridge } from '../../../preload/api'

declare global {
  interface Window {
    spanwiseDesktop?: DesktopBridge
  }
}

export const desktop: DesktopBridge | undefined = window.spanwiseDesktop

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message)
  }
}

/** A save or label change refused because someone else changed the file since it was read. */
export function isConflict(error: unknown): boolean {
  return error instanceof ApiFailure && error.error.code === 'conflict'
}

function unwrap<T>(response: ApiResponse<T>): T {
  if (!response.ok) {
    if (response.error.code === 'project_changed') projectChanged(response.error.message)
    throw new ApiFailure(response.error)
  }
  return response.value
}

// The project this page shows. Every request names it, so a tab left on project A after another
// tab opened B is refused (`project_changed`) instead of acting on B; the page then says so.
let tabProject: ProjectRef | null = null
/** Switches this page itself asked for, under way: the server's notice of them is no news. */
let ownSwitches = 0
const projectChangeListeners = new Set<(message: string) => void>()

/** The project this page shows from now on (null: the start page). */
export function setTabProject(project: ProjectRef | null): void {
  tabProject = project
  reportedOpen = undefined
}

/** The project last reported as opened elsewhere: each page's streams report it once. */
let reportedOpen: string | null | undefined

/** Runs a switch of project this page asked for (open, create, close). */
export async function switchingProject<T>(task: () => Promise<T>): Promise<T> {
  ownSwitches++
  try {
    return await task()
  } finally {
    ownSwitches--
  }
}

/** Hears that this page's project is no longer the open one (another tab or window switched). */
export function onProjectChanged(listener: (message: string) => void): () => void {
  projectChangeListeners.add(listener)
  return () => void projectChangeListeners.delete(listener)
}

function projectChanged(message: string): void {
  for (const listener of projectChangeListeners) listener(message)
}

/** The server says `opened` is open now (null: none): news when this page shows another. */
function projectOpenedElsewhere(opened: ProjectRef | null): void {
  const id = opened?.id ?? null
  if (ownSwitches > 0 || id === (tabProject?.id ?? null) || id === reportedOpen) return
  reportedOpen = id
  const mine = tabProject ? `“${tabProject.name}”` : 'the start page'
  projectChanged(
    opened
      ? `Project “${opened.name}” was opened in another tab or window. This tab still shows ${mine}: nothing more is saved here.`
      : `Project ${mine} was closed in another tab or window: nothing more is saved here.`
  )
}

// The annotator belongs to the tab (or window), not to the server: it is kept in this tab's
// sessionStorage and sent with every request. A tab that never chose one works as the server's
// default annotator (`spanwise serve --annotator`).
const ANNOTATOR_KEY = 'spanwise.annotator'

export function tabAnnotator(): string | undefined {
  try {
    return sessionStorage.getItem(ANNOTATOR_KEY) ?? undefined
  } catch {
    return undefined
  }
}

/** Makes `name` this tab's annotator (after the server accepted it). */
export function setTabAnnotator(name: string): void {
  try {
    sessionStorage.setItem(ANNOTATOR_KEY, name)
  } catch {
    // storage refused (private mode): the tab keeps the default annotator after a reload
  }
}

/** This page's id (RequestContext.client): new at every load, so a reloaded tab is a new client. */
const CLIENT_ID = crypto.randomUUID()

function tabContext(): RequestContext {
  const annotator = tabAnnotator()
  return annotator === undefined ? {} : { annotator }
}

function headersFor(context: RequestContext): Record<string, string> {
  return {
    'content-type': 'application/json',
    ...(context.annotator === undefined ? {} : { [ANNOTATOR_HEADER]: encodeURIComponent(context.annotator) }),
    ...(context.client === undefined ? {} : { [CLIENT_HEADER]: context.client }),
    ...(context.project === undefined ? {} : { [PROJECT_HEADER]: context.project })
  }
}

/** What every request carries besides its own context: this page's id and project. */
function fullContext(asked: RequestContext): RequestContext {
  return { ...asked, client: CLIENT_ID, ...(tabProject ? { project: tabProject.id } : {}) }
}

async function post(channel: string, input: unknown, context: RequestContext): Promise<ApiResponse<unknown>> {
  const response = await fetch(`api/${channel}`, {
    method: 'POST',
    headers: headersFor(context),
    body: JSON.stringify(input)
  })
  const contentType = response.headers.get('content-type') ?? ''
  if (!contentType.includes('application/json')) {
    return { ok: false, error: { code: 'internal', message: `server answered ${response.status} ${response.statusText}` } }
  }
  return (await response.json()) as ApiResponse<unknown>
}

/**
 * Calls the backend as this tab's annotator, or as `context` says (an edit made as one annotator
 * is saved as that annotator, even if the tab switched meanwhile).
 */
export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>, asked: RequestContext = tabContext()): Promise<ChannelResult<C>> {
  const context = fullContext(asked)
  const response = desktop ? await desktop.api[channel](input, context) : await post(channel, input, context)
  return unwrap(response) as ChannelResult<C>
}

/**
 * Sends a request while the page is going away (reload, close): the browser finishes a keepalive
 * request after the page is gone. Nothing is waited for or reported.
 */
export function sendWhileLeaving<C extends ChannelName>(channel: C, input: ChannelInput<C>, asked: RequestContext = tabContext()): void {
  const context = fullContext(asked)
  if (desktop) void desktop.api[channel](input, context)
  else void fetch(`api/${channel}`, { method: 'POST', headers: headersFor(context), body: JSON.stringify(input), keepalive: true }).catch(() => undefined)
}

/**
 * Hears what changes in the project folder, whoever changed it (another tab, the CLI, a
 * teammate's pull): the desktop shell forwards the watcher's notices over IPC, a browser
 * listens to the server's event stream. 'resync' means notices may have been missed (the
 * stream reconnected): refresh everything.
 */
export function subscribeToChanges(listener: (notice: ProjectChanges | 'resync') => void): () => void {
  if (desktop) return desktop.onProjectChanges(listener)
  const source = new EventSource('events')
  let last: number | null = null
  let broken = false
  source.addEventListener('hello', (event: MessageEvent<string>) => {
    if (broken) listener('resync')
    broken = false
    // a stream that reconnects after a switch it missed hears of it here
    const { project } = JSON.parse(event.data) as { project?: ProjectRef | null }
    if (project !== undefined) projectOpenedElsewhere(project)
  })
  // the workbench opened another project (or closed this one): the stream ends after this
  source.addEventListener('project', (event: MessageEvent<string>) => projectOpenedElsewhere(JSON.parse(event.data) as ProjectRef | null))
  source.addEventListener('message', (event: MessageEvent<string>) => {
    const notice = JSON.parse(event.data) as ProjectChanges
    if (last !== null && notice.sequence !== last + 1) listener('resync')
    last = notice.sequence
    listener(notice)
  })
  source.addEventListener('error', () => {
    broken = true
    last = null
  })
  return () => source.close()
}

/** Desktop only: the system's folder dialog (a project to open, or where to make one); null if cancelled. */
export async function chooseFolderWithDesktopDialog(purpose: 'open' | 'parent'): Promise<string | null> {
  return desktop ? unwrap(await desktop.chooseFolder(purpose)) : null
}

/** Desktop only: the native open dialog, which imports by path in the main process. */
export async function importWithDesktopDialog(folders = false): Promise<ImportReport | null> {
  return desktop ? unwrap(await desktop.importWithDialog(folders, tabContext())) : null
}

export interface ExportRequest {
  format: string
  statuses: string[]
  /** '' for the current annotator, '*' for every annotator, or a name. */
  annotator: string
  /** 'gold': the adjudicated gold layer instead of an annotator's. */
  layer?: 'gold'
}

/** What an export says about the damaged documents it left out (they are never silently dropped). */
function leftOutText(damaged: { file: string }[]): string {
  if (damaged.length === 0) return ''
  return `; left out ${damaged.length} damaged document(s): ${damaged.map((d) => d.file).join(', ')}`
}

/** Exports through the native save dialog on the desktop, as a download in a browser. */
export async function exportProject(request: ExportRequest): Promise<string | null> {
  if (desktop) {
    const saved = unwrap(await desktop.exportWithDialog(request, tabContext()))
    return saved ? `Exported ${saved.records} record(s) to ${saved.file}${leftOutText(saved.damaged)}` : null
  }
  const params = new URLSearchParams({ format: request.format })
  for (const status of request.statuses) params.append('status', status)
  // a download cannot carry the annotator header: name the tab's annotator in the URL
  const annotator = request.annotator || tabAnnotator()
  if (annotator) params.set('annotator', annotator)
  if (request.layer) params.set('layer', request.layer)
  if (tabProject) params.set('project', tabProject.id)
  // a download cannot report a failure to the page once it has started: damaged documents are
  // asked for first, then left out of the download and named here
  const check = await fetch(`export?${params}&check=1`)
  if (!check.ok) throw new ApiFailure({ code: 'invalid_input', message: await check.text() })
  const { damaged } = (await check.json()) as { damaged: { file: string }[] }
  params.set('skipDamaged', '1')
  const link = document.createElement('a')
  link.href = `export?${params}`
  link.download = ''
  document.body.append(link)
  link.click()
  link.remove()
  return `Export download started${leftOutText(damaged)}`
}
