// Browser mode: the same renderer and API as the desktop app, served on the loopback interface
// only. Every request must carry the session token in its path (/t/<token>/...) and a Host
// header naming the address we listen on (against DNS rebinding) before anything is routed.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { ANNOTATOR_HEADER, CLIENT_HEADER, PROJECT_HEADER, type RequestContext } from '../../shared/api/contract'
import { toApiError } from '../api/handlers'
import type { Session } from '../api/session'
import { createWorkspaceDispatch } from '../api/workspace-dispatch'
import { Workspace } from '../projects/workspace'
import { rendererDir } from '../app-paths'
import { CONTENT_SECURITY_POLICY } from '../shared-security'
import { nestsTooDeep, TOO_DEEP } from '../formats/json-depth'
import { handleExport } from './export-route'
import { receiveUpload } from '../importing/uploaded-files'
import { jsonOfFrozen } from '../store/frozen-json'

const MiB = 1024 * 1024
/**
 * Request body limits per channel. Most requests are small; the few that carry a lot get what
 * their content can need: an import carries files (each up to the 20 MiB import limit, in
 * base64), a save up to the contract's 100,000 spans, an undo the layers a label change touched.
 */
const BODY_LIMITS: Partial<Record<string, number>> = {
  'documents.import': 256 * MiB,
  'labels.restore': 64 * MiB,
  'annotations.save': 16 * MiB,
  'suggest.importDictionary': 32 * MiB,
  'suggestions.reject': 8 * MiB
}
const DEFAULT_BODY_LIMIT = 1 * MiB
/** Large bodies held in memory at once: a few uploads of 200 MB each must not exhaust the process. */
const MAX_LARGE_REQUESTS = 2

class BodyTooLarge extends Error {}

const ERROR_STATUS: Partial<Record<string, number>> = { internal: 500, not_found: 404, conflict: 409, project_changed: 409 }

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export interface ServeOptions {
  port?: number
  token?: string
  staticDir?: string
  /** Watch the project folder and push its changes to the page (default: yes). */
  watch?: boolean
}

/**
 * Answers that are frozen (the document list, answered again while nothing changed: see
 * listing-index.ts) are serialized once: 100,000 rows take ~0.15 s to stringify.
 */
function toJson(body: unknown): string {
  const value = (body as { ok?: unknown; value?: unknown }).value
  if ((body as { ok?: unknown }).ok !== true || typeof value !== 'object' || value === null || !Object.isFrozen(value)) return JSON.stringify(body)
  return `{"ok":true,"value":${jsonOfFrozen(value)}}`
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = toJson(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(payload)
}

function deny(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: status === 404 ? 'not_found' : 'forbidden', message } })
}

function tooLargeMessage(channel: string, limit: number): string {
  return `request body over ${limit / MiB} MiB, the limit for ${channel}`
}

async function readBody(req: IncomingMessage, channel: string, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'])
  // refused before a byte is read when the request says how large it is
  if (declared > limit) throw new BodyTooLarge(tooLargeMessage(channel, limit))
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLarge(tooLargeMessage(channel, limit))
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Who is asking: the tab's annotator travels in a header (URI-encoded, as names may be any letter). */
function requestContext(req: IncomingMessage): RequestContext {
  const annotator = req.headers[ANNOTATOR_HEADER]
  const client = req.headers[CLIENT_HEADER]
  const project = req.headers[PROJECT_HEADER]
  return {
    ...(typeof annotator === 'string' ? { annotator: decodeURIComponent(annotator) } : {}),
    ...(typeof client === 'string' ? { client } : {}),
    ...(typeof project === 'string' ? { project } : {})
  }
}

/**
 * GET events: the open project's folder watcher's notices as Server-Sent Events, each with its
 * sequence number as the event id. A client that reconnects has missed notices and refreshes
 * everything. When the workbench opens another project (or closes it), a `project` event says
 * which and the stream ends: the page reconnects to the new project's notices.
 */
function streamChanges(req: IncomingMessage, res: ServerResponse, workspace: Workspace): void {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' })
  const open = workspace.current
  const hello = { sequence: open?.feed?.sequence ?? 0, watching: Boolean(open?.feed), project: open?.ref ?? null }
  res.write(`retry: 2000\nevent: hello\ndata: ${JSON.stringify(hello)}\n\n`)
  const unsubscribe = workspace.subscribe((event) => {
    if (event.kind === 'changes') return void res.write(`id: ${event.notice.sequence}\ndata: ${JSON.stringify(event.notice)}\n\n`)
    res.end(`event: project\ndata: ${JSON.stringify(event.project)}\n\n`)
    unsubscribe()
  })
  req.on('close', unsubscribe)
}

function tokenMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function serveStatic(res: ServerResponse, root: string, relative: string): Promise<void> {
  const file = path.resolve(root, relative === '' ? 'index.html' : relative)
  if (!file.startsWith(root + path.sep)) return deny(res, 404, 'not found')
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return deny(res, 404, 'not found')
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store'
  })
  createReadStream(file).pipe(res)
}

/**
 * Serves a workspace (projects opened and switched at run time), or one open project's session;
 * closing the server closes the workspace (its watcher and app lock).
 */
export async function startServer(served: Session | Workspace, options: ServeOptions = {}): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url')
  const root = path.resolve(options.staticDir ?? rendererDir)
  const workspace = served instanceof Workspace ? served : await Workspace.ofSession(served, options.watch !== false)
  const dispatch = createWorkspaceDispatch(workspace)
  let allowedHosts: Set<string> = new Set()
  let largeRequests = 0

  const server: Server = createServer((req, res) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY)
    res.setHeader('x-content-type-options', 'nosniff')
    res.setHeader('referrer-policy', 'no-referrer')
    res.setHeader('x-frame-options', 'DENY')
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: error.message } })
      else res.destroy(error)
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return deny(res, 421, 'unexpected Host header')
    const url = new URL(req.url ?? '/', 'http://loopback')
    const match = /^\/t\/([^/]+)(\/.*)?$/.exec(url.pathname)
    if (!match) return deny(res, 401, 'missing session token: open the URL that `spanwise serve` printed')
    if (!tokenMatches(match[1]!, token)) return deny(res, 403, 'wrong session token')
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) return deny(res, 403, 'cross-origin request')

    if (match[2] === undefined) {
      // relative URLs in the page (assets, api/...) resolve only under the trailing slash
      res.writeHead(308, { location: `/t/${token}/` })
      return void res.end()
    }
    let rest: string
    try {
      rest = decodeURIComponent(match[2]).replace(/^\//, '')
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'malformed URL escape' } })
    }
    if (rest.startsWith('api/')) {
      if (req.method !== 'POST') return deny(res, 405, 'API calls use POST')
      const channel = rest.slice('api/'.length)
      let context: RequestContext
      try {
        context = requestContext(req)
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: `malformed ${ANNOTATOR_HEADER} header` } })
      }
      const limit = BODY_LIMITS[channel] ?? DEFAULT_BODY_LIMIT
      const large = limit > DEFAULT_BODY_LIMIT && !(Number(req.headers['content-length']) <= DEFAULT_BODY_LIMIT)
      if (large && largeRequests >= MAX_LARGE_REQUESTS) {
        res.setHeader('retry-after', '5')
        res.setHeader('connection', 'close')
        return sendJson(res, 503, { ok: false, error: { code: 'io', message: `busy: ${largeRequests} large uploads are in progress; try again when one has finished` } })
      }
      if (large) largeRequests++
      try {
        let input: unknown
        try {
          const body = await readBody(req, channel, limit)
          input = body === '' ? {} : JSON.parse(body)
          if (nestsTooDeep(input)) throw new Error(TOO_DEEP)
        } catch (error) {
          if (error instanceof BodyTooLarge) {
            // the rest of the body is not read: the connection goes with the answer
            res.setHeader('connection', 'close')
            return sendJson(res, 413, { ok: false, error: { code: 'invalid_input', message: error.message } })
          }
          return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: `request body: ${(error as Error).message}` } })
        }
        const started = performance.now()
        const response = await dispatch(channel, input, context)
        const status = response.ok ? 200 : (ERROR_STATUS[response.error.code] ?? 400)
        // the handler's own time, for the benchmark and the browser's developer tools
        res.setHeader('server-timing', `app;dur=${(performance.now() - started).toFixed(2)}`)
        return sendJson(res, status, response)
      } finally {
        if (large) largeRequests--
      }
    }
    if (rest === 'imports' && req.method === 'POST') {
      // a file for an import: the body streams to a temporary file, whatever its size
      try {
        return sendJson(res, 200, { ok: true, value: await receiveUpload(req) })
      } catch (error) {
        return sendJson(res, 500, { ok: false, error: { code: 'io', message: `upload failed: ${(error as Error).message}` } })
      }
    }
    if (rest === 'export') {
      let session: Session
      try {
        session = workspace.projectFor(url.searchParams.get('project') ?? undefined).session
      } catch (error) {
        res.writeHead(409, { 'content-type': 'text/plain; charset=utf-8' })
        return void res.end(toApiError(error).message)
      }
      return handleExport(session, url.searchParams, res)
    }
    if (rest === 'events' && req.method === 'GET') return streamChanges(req, res, workspace)
    if (req.method !== 'GET' && req.method !== 'HEAD') return deny(res, 405, 'method not allowed')
    return serveStatic(res, root, rest)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`])
  return {
    url: `http://127.0.0.1:${port}/t/${token}/`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => void workspace.shutdown().then(() => resolve()))
      })
  }
}
