// GET /t/<token>/export?format=jsonl[&status=done][&annotator=NAME|*][&layer=gold][&offsets=utf16|codepoint]:
// a streamed download. Folder formats (brat) cannot be one download: use the command line.
// Damaged documents: once a download has started its status cannot change, so they are found
// first. Without `skipDamaged=1` an export of a selection with damaged documents is refused
// (409, naming each file); with it they are left out. `check=1` only reports them (JSON), which
// is how the workbench says what it leaves out before it starts the download.
import type { ServerResponse } from 'node:http'
import { annotatorNameSchema, STATUSES, type DocumentStatus } from '../../shared/model'
import type { OffsetUnit } from '../../shared/offsets'
import type { Session } from '../api/session'
import { findDamaged } from '../exporting/export-records'
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
  const layer = params.get('layer')
  if (layer !== null && layer !== 'gold') {
    refuse(res, 'layer is gold (or absent: an annotator\'s layer)')
    return
  }
  const selection = {
    annotator: annotator === '*' ? ({ all: true } as const) : (annotator ?? session.defaultAnnotator),
    ...(statuses.length ? { statuses } : {}),
    ...(layer === 'gold' ? { layer: 'gold' as const } : {})
  }
  if (params.get('skipDamaged') !== '1') {
    const damaged = await findDamaged(session.store, selection)
    if (params.get('check') === '1') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      res.end(JSON.stringify({ damaged }))
      return
    }
    if (damaged.length > 0) {
      res.writeHead(409, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end(`${damaged.length} document(s) cannot be exported because a file of theirs is damaged:\n${damaged.map((d) => `  ${d.message}`).join('\n')}\nExport with skipDamaged=1 to leave them out.\n`)
      return
    }
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
    selection,
    res,
    undefined,
    offsetsParam === null ? {} : { offsets: offsetsParam as OffsetUnit }
  )
  res.end()
}
