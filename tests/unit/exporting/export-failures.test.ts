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

it('a corrupt document file fails the export with its reason, even while reads run ahead', async () => {
  const { folder, store, ids } = await projectWith(30)
  await writeFile(path.join(folder, 'documents', `${ids[5]}.json`), '{ not json')
  const out = new PassThrough()
  out.resume()
  await expect(exportProject(store, 'jsonl', { annotator: 'ana' }, out)).rejects.toThrow(/JSON/)
})

it('a failed export to a file leaves neither the file nor a partial one behind', async () => {
  const { folder, store, ids } = await projectWith(3)
  await writeFile(path.join(folder, 'documents', `${ids[1]}.json`), '{ not json')
  const target = path.join(await tempDir(), 'out.jsonl')
  await expect(exportToFile(store, 'jsonl', { annotator: 'ana' }, target)).rejects.toThrow()
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
