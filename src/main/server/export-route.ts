// GET /t/<token>/export?format=jsonl[&status=done][&annotator=NAME|*]: a streamed download.
import type { ServerResponse } from 'node:http'
import { STATUSES, type DocumentStatus } from '../../shared/model'
import type { Session } from '../api/session'
import { exportProject, STREAM_EXPORT_FORMATS, type StreamExportFormat } from '../exporting/export-project'

export async function handleExport(session: Session, params: URLSearchParams, res: ServerResponse): Promise<void> {
  const format = (params.get('format') ?? 'jsonl') as StreamExportFormat
  if (!STREAM_EXPORT_FORMATS.includes(format)) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`unknown export format "${format}"`)
    return
  }
  const statuses = params.getAll('status').filter((s): s is DocumentStatus => (STATUSES as readonly string[]).includes(s))
  const annotator = params.get('annotator')
  const fileName = `${session.store.settings.name.replace(/[^\p{L}\p{N}_-]+/gu, '_')}.${format}`
  res.writeHead(200, {
    'content-type': 'application/x-ndjson; charset=utf-8',
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store'
  })
  await exportProject(
    session.store,
    format,
    { annotator: annotator === '*' ? { all: true } : (annotator ?? session.annotator), ...(statuses.length ? { statuses } : {}) },
    res
  )
  res.end()
}
