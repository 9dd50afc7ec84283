// A project's Spanwise JSONL export as one string, as `spanwise export` would print it.
import { PassThrough } from 'node:stream'
import { exportProject } from '../../src/main/exporting/export-project'
import type { ExportSelection } from '../../src/main/exporting/export-records'
import type { ProjectStore } from '../../src/main/store/project-store'

export async function exportText(store: ProjectStore, selection: ExportSelection = { annotator: { all: true } }): Promise<string> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await exportProject(store, 'jsonl', selection, out)
  out.end()
  return Buffer.concat(chunks).toString('utf8')
}
