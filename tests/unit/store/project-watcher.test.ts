// The folder watcher: what another process writes into the project reaches the running one.
import { execFile } from 'node:child_process'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { ProjectChange, ProjectChanges } from '../../../src/shared/api/contract'
import { importSources } from '../../../src/main/importing/import-files'
import { fileVersion } from '../../../src/main/store/file-version'
import { documentFile, layerFile } from '../../../src/main/store/layout'
import { ProjectStore } from '../../../src/main/store/project-store'
import { watchProject, type ChangeFeed } from '../../../src/main/store/project-watcher'
import { repoRoot } from '../../helpers/workbench'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const run = promisify(execFile)
const feeds: ChangeFeed[] = []

afterEach(async () => {
  await Promise.all(feeds.splice(0).map((feed) => feed.close()))
  await removeTempDirs()
})

async function watched() {
  const store = await ProjectStore.open(await tempDir(), { create: true })
  const report = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from('Mayor Ana Lind said the budget grew.') }], { annotator: 'ana' })
  const feed = watchProject(store)
  feeds.push(feed)
  await feed.ready
  const notices: ProjectChanges[] = []
  feed.subscribe((notice) => notices.push(notice))
  /** Waits until the changes heard so far satisfy `test`. */
  const until = async (test: (changes: ProjectChange[]) => boolean) => {
    const deadline = Date.now() + 10_000
    while (!test(notices.flatMap((n) => n.changes))) {
      if (Date.now() > deadline) throw new Error(`not heard: ${JSON.stringify(notices)}`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return notices.flatMap((n) => n.changes)
  }
  return { store, id: report.added[0]!.id, notices, until }
}

describe('watching a project folder', () => {
  it('reports a document, a layer and labels that `spanwise import` added from another process', async () => {
    const { store, until } = await watched()
    const data = path.join(await tempDir(), 'people.jsonl')
    await writeFile(data, `${JSON.stringify({ text: 'Bea Kahn visited Oslo.', label: [[0, 8, 'person']] })}\n`)
    await run(process.execPath, ['bin/spanwise.mjs', 'import', '--project', store.folder, '--annotator', 'bo', '--format', 'doccano', data], { cwd: repoRoot })
    const changes = await until(
      (all) => all.some((c) => c.kind === 'document' && c.present) && all.some((c) => c.kind === 'layer' && c.annotator === 'bo') && all.some((c) => c.kind === 'project')
    )
    const added = changes.find((c) => c.kind === 'document')!
    expect(added).toMatchObject({ kind: 'document', present: true })
    expect(await store.documentIds()).toContain((added as { documentId: string }).documentId)
    const layer = changes.find((c) => c.kind === 'layer' && c.annotator === 'bo')
    expect(layer).toMatchObject({ status: 'in_progress', spanCount: 1, labels: ['person'] })
    // the running store knows the new label without being told
    expect(store.settings.labels.map((l) => l.name)).toContain('person')
  }, 30_000)

  it('reports a layer another process saved, with the version now on disk, and a layer removed', async () => {
    const { store, id, until } = await watched()
    const other = await ProjectStore.open(store.folder)
    await other.saveLayer(id, 'bo', { spans: [{ id: 's1', start: 0, end: 5, label: 'actor' }], status: 'done' })
    const version = fileVersion(layerFile(store.folder, 'bo', id))
    await until((all) => all.some((c) => c.kind === 'layer' && c.version === version))
    await rm(layerFile(store.folder, 'bo', id))
    const changes = await until((all) => all.some((c) => c.kind === 'layer' && c.version === 'absent'))
    expect(changes.at(-1)).toMatchObject({ kind: 'layer', annotator: 'bo', documentId: id, version: 'absent', spanCount: 0 })
  })

  it('reports a document removed, and ignores files Spanwise does not read', async () => {
    const { store, id, until, notices } = await watched()
    await writeFile(path.join(store.folder, 'notes.txt'), 'not ours')
    await writeFile(path.join(store.folder, 'documents', '.tmp-123'), 'a temp file')
    await rm(documentFile(store.folder, id))
    const changes = await until((all) => all.some((c) => c.kind === 'document' && !c.present))
    expect(changes).toEqual([{ kind: 'document', documentId: id, present: false }])
    expect(notices.every((n, i) => n.sequence === i + 1)).toBe(true)
  })

  it('reports the layers of an annotator folder that arrives whole (a pull brings a new teammate)', async () => {
    const { store, id, until } = await watched()
    const outside = path.join(await tempDir(), 'gus')
    await mkdir(outside)
    const layer = { version: 1, documentId: id, annotator: 'gus', status: 'done', spans: [{ id: 'g', start: 0, end: 5, label: 'actor' }], relations: [], updatedAt: null }
    await writeFile(path.join(outside, `${id}.json`), JSON.stringify(layer))
    await rename(outside, path.join(store.folder, 'annotations', 'gus'))
    await until((all) => all.some((c) => c.kind === 'layer' && c.annotator === 'gus' && c.status === 'done'))
    // and the new folder is watched from then on
    await writeFile(path.join(store.folder, 'annotations', 'gus', `${id}.json`), JSON.stringify({ ...layer, status: 'in_progress' }))
    await until((all) => all.some((c) => c.kind === 'layer' && c.annotator === 'gus' && c.status === 'in_progress'))
  })
})
