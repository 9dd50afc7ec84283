// The renderer's single way to reach the backend. In the desktop app it goes through the
// preload bridge; in a browser it posts to the loopback server, under the token path the page
// was opened at. Both speak the same contract and return the same ApiResponse.
import type { ApiError, ApiResponse, ChannelInput, ChannelName, ChannelResult, ImportReport } from '../../../shared/api/contract'
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

function unwrap<T>(response: ApiResponse<T>): T {
  if (!response.ok) throw new ApiFailure(response.error)
  return response.value
}

async function post(channel: string, input: unknown): Promise<ApiResponse<unknown>> {
  const response = await fetch(`api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input)
  })
  const contentType = response.headers.get('content-type') ?? ''
  if (!contentType.includes('application/json')) {
    return { ok: false, error: { code: 'internal', message: `server answered ${response.status} ${response.statusText}` } }
  }
  return (await response.json()) as ApiResponse<unknown>
}

export async function invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelResult<C>> {
  const response = desktop ? await desktop.api[channel](input) : await post(channel, input)
  return unwrap(response) as ChannelResult<C>
}

/**
 * Sends a request while the page is going away (reload, close): the browser finishes a keepalive
 * request after the page is gone. Nothing is waited for or reported.
 */
export function sendWhileLeaving<C extends ChannelName>(channel: C, input: ChannelInput<C>): void {
  if (desktop) void desktop.api[channel](input)
  else void fetch(`api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input), keepalive: true }).catch(() => undefined)
}

/** Desktop only: the native open dialog, which imports by path in the main process. */
export async function importWithDesktopDialog(folders = false): Promise<ImportReport | null> {
  return desktop ? unwrap(await desktop.importWithDialog(folders)) : null
}

export interface ExportRequest {
  format: string
  statuses: string[]
  /** '' for the current annotator, '*' for every annotator, or a name. */
  annotator: string
}

/** What an export says about the damaged documents it left out (they are never silently dropped). */
function leftOutText(damaged: { file: string }[]): string {
  if (damaged.length === 0) return ''
  return `; left out ${damaged.length} damaged document(s): ${damaged.map((d) => d.file).join(', ')}`
}

/** Exports through the native save dialog on the desktop, as a download in a browser. */
export async function exportProject(request: ExportRequest): Promise<string | null> {
  if (desktop) {
    const saved = unwrap(await desktop.exportWithDialog(request))
    return saved ? `Exported ${saved.records} record(s) to ${saved.file}${leftOutText(saved.damaged)}` : null
  }
  const params = new URLSearchParams({ format: request.format })
  for (const status of request.statuses) params.append('status', status)
  if (request.annotator) params.set('annotator', request.annotator)
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
