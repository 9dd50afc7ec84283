// An export that cannot finish says why, leaves no half-written file, and never crashes the process.
import { spawnSync } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, expect, it } from 'vitest'
import { exportProject } from '../../../src/main/exporting/export-project'
import { exportToFile } from '../../../src/main/exporting/export-to-file'
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

async function projectWith(count: number) {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const files = Array.from({ length: count }, (_, i) => ({ name: `d${i}.txt`, bytes: Buffer.from(`Document ${i}\n\nText number ${i}.`) }))
  const report = await importSources(store, files, { annotator: 'ana' })
  return { folder, store, ids: report.added.map((a) => a.id).sort() }
}

it('a corrupt document file costs only its own record: left out, named, the rest exported (even while reads run ahead)', async () => {
  const { folder, store, ids } = await projectWith(30)
  const damagedFile = path.join(folder, 'documents', `${ids[5]}.json`)
  await writeFile(damagedFile, '{ not json')
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  const summary = await exportProject(store, 'jsonl', { annotator: 'ana' }, out)
  expect(summary.records).toBe(29)
  expect(summary.damaged).toEqual([{ id: ids[5], file: `documents/${ids[5]}.json`, message: expect.stringContaining(`${damagedFile} is damaged (not valid JSON`) }])
  const exported = Buffer.concat(chunks).toString('utf8').trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)
  expect(exported).toEqual(ids.filter((id) => id !== ids[5]).sort())
})

it('a failed export to a file leaves neither the file nor a partial one behind', async () => {
  const { store } = await projectWith(3)
  const target = path.join(await tempDir(), 'out.jsonl')
  // refused once the output is open: Spanwise JSONL offsets are always code points
  await expect(exportToFile(store, 'jsonl', { annotator: 'ana' }, target, undefined, { offsets: 'utf16' })).rejects.toThrow(/offsets/)
  expect(await readdir(path.dirname(target))).toEqual([])
})

it('a reader that goes away cancels the export instead of waiting for ever', async () => {
  const { store } = await projectWith(40)
  const out = new PassThrough({ highWaterMark: 16 })
  setTimeout(() => out.destroy(), 20)
  await expect(exportProject(store, 'jsonl', { annotator: 'ana' }, out)).rejects.toThrow(/cancelled/)
})

it('spanwise export --out into a missing folder exits 1 with a one-line reason', async () => {
  const { folder } = await projectWith(1)
  const result = spawnSync(process.execPath, ['bin/spanwise.mjs', 'export', '--project', folder, '--format', 'jsonl', '--out', path.join(folder, 'missing', 'x.jsonl'), '--annotator', 'ana'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    encoding: 'utf8'
  })
  expect(result.status).toBe(1)
  expect(result.stderr.trim().split('\n')).toHaveLength(1)
  expect(result.stderr).toMatch(/^spanwise: ENOENT.*missing/)
})
