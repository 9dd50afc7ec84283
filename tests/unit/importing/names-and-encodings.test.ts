// Names that would break on Windows or a case-insensitive disk are refused as annotators; UTF-16
// text with a byte order mark is read; JSON nested absurdly deep, and labels found wrong late in
// an import, are reported with their file and line.
import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore } from '../../../src/main/store/project-store'
import { annotatorNameSchema } from '../../../src/shared/model'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const BIN = path.resolve(import.meta.dirname, '../../../bin/spanwise.mjs')

async function projectWithDocument() {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const { added } = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from('Mayor Ana Lind said so.') }], { annotator: 'alice' })
  return { folder, store, id: added[0]!.id }
}

describe('annotator names', () => {
  it.each(['CON', 'con', 'Nul', 'aux.txt', 'PRN.x.y', 'COM1', 'lpt9.log', 'bob.', 'a.b.'])('refuses %j with a reason', (name) => {
    const parsed = annotatorNameSchema.safeParse(name)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]?.message).toMatch(/device name on Windows|may not end with "\."/)
  })

  it.each(['console', 'connie', 'com10', 'lpt', 'bob.smith', 'nul_'])('accepts %j', (name) => {
    expect(annotatorNameSchema.safeParse(name).success).toBe(true)
  })

  it('refuses a name equal to an existing annotator but for case, wherever it comes in', async () => {
    const { store, id, folder } = await projectWithDocument()
    await store.saveLayer(id, 'alice', { spans: [{ id: 's', start: 0, end: 5, label: 'actor' }] })
    await expect(store.saveLayer(id, 'Alice', { spans: [] })).rejects.toThrow(/annotator "Alice".*"alice", a name that differs only in case/)
    const dispatch = createDispatch(new Session(store, 'alice'))
    // a tab switching to it: its first request as that name is refused
    const set = await dispatch('project.info', {}, { annotator: 'ALICE' })
    expect(set.ok).toBe(false)
    expect(!set.ok && set.error.message).toMatch(/differs only in case/)
    const input = path.join(await tempDir(), 'b.txt')
    await writeFile(input, 'Another text.')
    const cli = spawnSync(process.execPath, [BIN, 'import', '--project', folder, '--annotator', 'Alice', input], { encoding: 'utf8', timeout: 60_000 })
    expect(cli.status).toBe(1)
    expect(cli.stderr).toMatch(/differs only in case/)
  }, 60_000)
})

describe('UTF-16 text with a byte order mark', () => {
  const text = 'Zoë said: “40 buses” 👍🏽\r\nSecond line.'
  it.each([
    ['little-endian', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['big-endian', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])]
  ])('is decoded (%s), the mark dropped', async (_order, bytes) => {
    const { store } = await projectWithDocument()
    const report = await importSources(store, [{ name: 'notes.txt', bytes }], { annotator: 'alice' })
    expect(report.rejected).toEqual([])
    expect((await store.getDocument(report.added[0]!.id)).text).toBe(text)
  })
})

describe('JSON nested too deeply', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`
  it('is refused in JSON Lines with its file and line', async () => {
    const { store } = await projectWithDocument()
    const lines = [JSON.stringify({ text: 'Fine.' }), `{"text": "Deep.", "meta": {"x": ${deep}}}`].join('\n')
    const report = await importSources(store, [{ name: 'deep.jsonl', bytes: Buffer.from(lines) }], { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: 'deep.jsonl', line: 2, message: 'JSON nested more than 100 levels deep; Spanwise reads at most 100' }])
  })

  it('is refused in a Label Studio file with the line where it goes too deep', async () => {
    const { store } = await projectWithDocument()
    const json = `[\n  {"data": {"text": "Deep."},\n   "meta": ${deep}}\n]`
    const report = await importSources(store, [{ name: 'tasks.json', bytes: Buffer.from(json) }], { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: 'tasks.json', line: 3, message: expect.stringMatching(/^JSON nested more than 100 levels/) }])
  })

  it('in an API request body is a clear 400', async () => {
    const { store } = await projectWithDocument()
    const { startServer } = await import('../../../src/main/server/http-server')
    const dir = await tempDir()
    await mkdir(path.join(dir, 'static'))
    const server = await startServer(new Session(store, 'alice'), { staticDir: path.join(dir, 'static') })
    try {
      const response = await fetch(`${server.url}api/project.search`, { method: 'POST', body: `{"query": "x", "deep": ${deep}}` })
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/JSON nested more than 100 levels/)
    } finally {
      await server.close()
    }
  })
})

describe('a label found wrong late in an import', () => {
  it('is reported with its line', async () => {
    const { store } = await projectWithDocument()
    const lines = [
      JSON.stringify({ text: 'First text here.', label: [[0, 5, 'actor']] }),
      JSON.stringify({ text: 'Second text here.', label: [[0, 6, 'actor']] }),
      JSON.stringify({ text: 'Third text here.', label: [[0, 5, 'two words']] })
    ].join('\n')
    const report = await importSources(store, [{ name: 'doccano.jsonl', bytes: Buffer.from(lines) }], { annotator: 'alice' })
    expect(report.rejected).toEqual([{ file: 'doccano.jsonl', line: 3, message: expect.stringMatching(/^label "two words": /) }])
  })
})
