// GET /t/<token>/export?format=jsonl[&status=done][&annotator=NAME|*][&offsets=utf16|codepoint]:
// a streamed download. Folder formats (brat) cannot be one download: use the command line.
import type { ServerResponse } from 'node:http'
import { annotatorNameSchema, STATUSES, type DocumentStatus } from '../../shared/model'
import type { OffsetUnit } from '../../shared/offsets'
import type { Session } from '../api/session'
import { exportProject, isFolderFormat, streamWriter, STREAM_EXPORT_FORMATS, type StreamExportFormat } from '../exporting/export-project'

function refuse(res: ServerResponse, message: string): void {
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
  res.end(message)
}

export async function handleExport(session: Session, params: URLSearchParams, res: ServerResponse): Promise<void> {
  const format = (params.get('format') ?? 'jsonl') as StreamExportFormat
  if (isFolderFormat(format)) {
    refuse(res, `${format} exports a folder of files; use \`spanwise export --format ${format} --out DIR\``)
    return
  }
  if (!STREAM_EXPORT_FORMATS.includes(format)) {
    refuse(res, `unknown export format "${format}"`)
    return
  }
  const offsetsParam = params.get('offsets')
  if (offsetsParam !== null && offsetsParam !== 'utf16' && offsetsParam !== 'codepoint') {
    refuse(res, 'offsets is utf16 or codepoint')
    return
  }
  const writer = streamWriter(format)
  if (offsetsParam !== null && writer.defaultOffsets === null) {
    refuse(res, `offsets does not apply to ${format}`)
    return
  }
  const statuses = params.getAll('status').filter((s): s is DocumentStatus => (STATUSES as readonly string[]).includes(s))
  const annotator = params.get('annotator')
  if (annotator !== null && annotator !== '*' && !annotatorNameSchema.safeParse(annotator).success) {
    refuse(res, `invalid annotator "${annotator}"`)
    return
  }
  const fileName = `${session.store.settings.name.replace(/[^A-Za-z0-9_-]+/g, '_')}${format === 'jsonl' ? '' : `.${format}`}.${writer.extension}`
  res.writeHead(200, {
    'content-type': writer.contentType,
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store'
  })
  await exportProject(
    session.store,
    format,
    { annotator: annotator === '*' ? { all: true } : (annotator ?? session.annotator), ...(statuses.length ? { statuses } : {}) },
    res,
    undefined,
    offsetsParam === null ? {} : { offsets: offsetsParam as OffsetUnit }
  )
  res.end()
}
