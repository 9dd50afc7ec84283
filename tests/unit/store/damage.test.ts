// One damaged file costs only its own document: named in the list, skipped (and named) by search
// and export, and never a reason for label changes to fail for everyone. A lost project.json is
// an error that says what to do; an undo is checked like a save.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { importSources } from '../../../src/main/importing/import-files'
import { startServer, type RunningServer } from '../../../src/main/server/http-server'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { DocumentSummary } from '../../../src/shared/model'
import { removeTempDirs, snapshotFiles, tempDir } from '../../helpers/temp'

const BIN = path.resolve(import.meta.dirname, '../../../bin/spanwise.mjs')
const TEXTS = ['Mayor Ana Lind said the budget grew.', 'The council met on Tuesday.', 'Bus fares rise by 4 percent in May.']

async function project() {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const report = await importSources(
    store,
    TEXTS.map((text, i) => ({ name: `d${i}.txt`, bytes: Buffer.from(text) })),
    { annotator: 'ana' }
  )
  const ids = report.added.map((a) => a.id)
  for (const id of ids) await store.saveLayer(id, 'ana', { spans: [{ id: 's1', start: 0, end: 3, label: 'actor' }] })
  await store.saveLayer(ids[0]!, 'bob', { spans: [{ id: 'b1', start: 0, end: 5, label: 'actor' }] })
  return { folder, store, ids, dispatch: createDispatch(new Session(store, 'ana')) }
}

async function call<T>(dispatch: ReturnType<typeof createDispatch>, channel: string, input: unknown = {}): Promise<T> {
  const response = await dispatch(channel, input)
  if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
  return response.value as T
}

// (after all tests, not each: the export tests share one project across tests)
afterAll(removeTempDirs)

describe('a damaged document or layer file', () => {
  it('is listed with its file named, while the list, project info and search work for the rest', async () => {
    const { folder, ids, dispatch } = await project()
    const documentFile = path.join(folder, 'documents', `${ids[1]}.json`)
    const layerFile = path.join(folder, 'annotations', 'ana', `${ids[2]}.json`)
    await writeFile(documentFile, (await readFile(documentFile, 'utf8')).slice(0, 30)) // truncated
    await writeFile(layerFile, 'garbage \u0000\u0001')
    // a fresh process: nothing cached
    const fresh = createDispatch(new Session(await ProjectStore.open(folder), 'ana'))
    const list = await call<DocumentSummary[]>(fresh, 'documents.list')
    expect(list).toHaveLength(3)
    const byId = new Map(list.map((doc) => [doc.id, doc]))
    expect(byId.get(ids[0]!)!.error).toBeUndefined()
    expect(byId.get(ids[0]!)!.spanCount).toBe(1)
    // named by its path in the project, and in full in the message
    expect(byId.get(ids[1]!)!.error).toEqual({ file: `documents/${ids[1]}.json`, message: expect.stringMatching(new RegExp(`^${documentFile} is damaged \\(not valid JSON`)) })
    expect(byId.get(ids[2]!)!.error).toEqual({ file: `annotations/ana/${ids[2]}.json`, message: expect.stringContaining(layerFile) })
    const info = await call<{ progress: { total: number } }>(fresh, 'project.info')
    expect(info.progress.total).toBe(3)
    const search = await call<{ hits: { documentId: string }[] }>(fresh, 'project.search', { query: 'the' })
    expect(search.hits.map((hit) => hit.documentId)).toContain(ids[0])
    // opening the damaged document says which file
    const opened = await fresh('documents.get', { id: ids[1] })
    expect(opened.ok).toBe(false)
    expect(!opened.ok && opened.error.message).toContain(documentFile)
    void dispatch
  })

  it('a damaged layer of another annotator, or a stray folder, does not stop label changes', async () => {
    const { folder, store, ids, dispatch } = await project()
    await writeFile(path.join(folder, 'annotations', 'bob', `${ids[0]}.json`), '{"spans": [')
    await mkdir(path.join(folder, 'annotations', 'bob smith'))
    await writeFile(path.join(folder, 'annotations', 'bob smith', `${ids[0]}.json`), '{}')
    const labels = store.settings.labels.map((l) => (l.name === 'actor' ? { ...l, name: 'speaker' } : l))
    await call(dispatch, 'labels.change', { baseVersion: store.settingsVersion, labels, renames: [{ from: 'actor', to: 'speaker' }] })
    expect((await store.getLayer(ids[0]!, 'ana')).spans.map((s) => s.label)).toEqual(['speaker'])
    expect(await store.annotators()).toEqual(['ana', 'bob'])
  })
})

describe('exporting a project with a damaged document', () => {
  let fixture: Awaited<ReturnType<typeof project>>
  let damaged: string
  let server: RunningServer
  beforeAll(async () => {
    fixture = await project()
    damaged = path.join(fixture.folder, 'documents', `${fixture.ids[1]}.json`)
    await writeFile(damaged, '{"id": "tru')
    server = await startServer(new Session(await ProjectStore.open(fixture.folder), 'ana'), { staticDir: fixture.folder })
  })
  afterAll(() => server.close())

  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, 'export', '--project', fixture.folder, '--annotator', 'ana', ...args], { encoding: 'utf8', timeout: 60_000 })

  it('CLI: exports the rest, names the damaged file and exits 1; --skip-damaged exits 0', () => {
    const plain = cli([])
    expect(plain.status).toBe(1)
    expect(plain.stdout.trim().split('\n')).toHaveLength(2)
    expect(plain.stderr).toContain(`left out document ${fixture.ids[1]}: ${damaged} is damaged`)
    const skipping = cli(['--skip-damaged'])
    expect(skipping.status).toBe(0)
    expect(skipping.stdout.trim().split('\n')).toHaveLength(2)
    expect(skipping.stderr).toContain(damaged)
  }, 120_000)

  it('browser: refused with 409 naming the file, or the rest with skipDamaged=1; check=1 lists them', async () => {
    const refused = await fetch(`${server.url}export?format=jsonl`)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain(damaged)
    const check = await fetch(`${server.url}export?format=jsonl&check=1`)
    expect(await check.json()).toEqual({ damaged: [{ id: fixture.ids[1], file: `documents/${fixture.ids[1]}.json`, message: expect.stringContaining(damaged) }] })
    const skipping = await fetch(`${server.url}export?format=jsonl&skipDamaged=1`)
    expect(skipping.status).toBe(200)
    const ids = (await skipping.text()).trim().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)
    expect(ids.sort()).toEqual([fixture.ids[0], fixture.ids[2]].sort())
  })
})

describe('a missing project.json beside documents', () => {
  it('is an error that says what to do, and nothing is recreated', async () => {
    const { folder } = await project()
    await rm(path.join(folder, 'project.json'))
    await expect(ProjectStore.open(folder, { create: true })).rejects.toThrow(/project\.json is missing, but .* holds 3 document\(s\): restore project\.json/)
    expect(existsSync(path.join(folder, 'project.json'))).toBe(false)
    const served = spawnSync(process.execPath, [BIN, 'serve', '--project', folder], { encoding: 'utf8', timeout: 60_000 })
    expect(served.status).toBe(1)
    expect(served.stderr).toMatch(/restore project\.json/)
    expect(existsSync(path.join(folder, 'project.json'))).toBe(false)
  }, 60_000)
})

describe('labels.restore', () => {
  // an undo is a step of the label log in project.json: it carries no layer, and writes none
  it('refuses a request that carries layers (the old undo), and writes nothing', async () => {
    const { store, ids, dispatch, folder } = await project()
    const before = await snapshotFiles(folder)
    const layer = await store.getLayer(ids[0]!, 'ana')
    const response = await dispatch('labels.restore', {
      labels: store.settings.labels,
      relationTypes: store.settings.relationTypes,
      layers: [{ ...layer, documentId: 'ffffffffffffffff', spans: [{ id: 'x', start: 0, end: 5000, label: 'nonsense' }] }]
    })
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/layers/) } })
    expect(await snapshotFiles(folder)).toEqual(before)
  })

  it('refuses to undo a label change the project never made, and writes nothing', async () => {
    const { store, dispatch, folder } = await project()
    const before = await snapshotFiles(folder)
    const response = await dispatch('labels.restore', { labels: store.settings.labels, relationTypes: store.settings.relationTypes, revision: 7 })
    expect(response).toEqual({ ok: false, error: { code: 'invalid_input', message: "the label change to undo (revision 7) is not in this project's label log" } })
    expect(await snapshotFiles(folder)).toEqual(before)
  })
})
