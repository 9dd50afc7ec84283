// Browser mode serves several people at once: the annotator travels with each request, saves
// state the version they edited, and the folder's changes are pushed as Server-Sent Events.
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ANNOTATOR_HEADER, type ProjectChanges } from '../../../src/shared/api/contract'
import { Session } from '../../../src/main/api/session'
import { startServer, type RunningServer } from '../../../src/main/server/http-server'
import { layerFile } from '../../../src/main/store/layout'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const TEXT = 'Mayor Ana Lind said the budget grew 4 percent this year.'

let server: RunningServer
let store: ProjectStore
let documentId: string

/** One browser tab: every call carries its annotator, as the renderer's client does. */
function tab(annotator?: string) {
  return async (channel: string, input: unknown): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${server.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(annotator ? { [ANNOTATOR_HEADER]: encodeURIComponent(annotator) } : {}) },
      body: JSON.stringify(input)
    })
    return { status: res.status, body: await res.json() }
  }
}

const spanAt = (id: string, quote: string, label = 'actor') => {
  const start = TEXT.indexOf(quote)
  return { id, start, end: start + quote.length, label }
}

beforeAll(async () => {
  store = await ProjectStore.open(await tempDir(), { create: true })
  documentId = (await store.addDocuments([{ text: TEXT, title: 'Budget', meta: {} }])).added[0]!.id
  server = await startServer(new Session(store, 'carol'))
})

afterAll(async () => {
  await server?.close()
  await removeTempDirs()
})

describe('the annotator belongs to the request', () => {
  it('two tabs as alice and bob save at once, each into their own layer', async () => {
    const alice = tab('alice')
    const bob = tab('bob')
    const [a, b] = await Promise.all([alice('documents.get', { id: documentId }), bob('documents.get', { id: documentId })])
    const quotes = ['Mayor', 'Ana Lind', 'budget', '4 percent', 'this year']
    // interleaved: each save of one tab between saves of the other
    let aliceVersion = a.body.value.version as string
    let bobVersion = b.body.value.version as string
    for (let i = 1; i <= quotes.length; i++) {
      const [ra, rb] = await Promise.all([
        alice('annotations.save', { documentId, baseVersion: aliceVersion, spans: quotes.slice(0, i).map((q, k) => spanAt(`a${k}`, q)) }),
        bob('annotations.save', { documentId, baseVersion: bobVersion, spans: [spanAt(`b${i}`, quotes[i - 1]!, 'claim')] })
      ])
      expect([ra.status, rb.status]).toEqual([200, 200])
      aliceVersion = ra.body.value.version
      bobVersion = rb.body.value.version
    }
    const onDisk = async (name: string) => JSON.parse(await readFile(layerFile(store.folder, name, documentId), 'utf8'))
    expect((await onDisk('alice')).spans.map((s: { id: string }) => s.id)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4'])
    expect((await onDisk('bob')).spans.map((s: { id: string }) => s.id)).toEqual(['b5'])
    expect((await onDisk('bob')).annotator).toBe('bob')
    // each sees their own layer, and the project as themselves
    expect((await alice('documents.get', { id: documentId })).body.value.layer.spans).toHaveLength(5)
    expect((await bob('documents.get', { id: documentId })).body.value.layer.spans).toHaveLength(1)
    expect((await alice('project.info', {})).body.value).toMatchObject({ annotator: 'alice', defaultAnnotator: 'carol' })
    expect((await bob('documents.list', {})).body.value[0]).toMatchObject({ spanCount: 1, annotators: ['alice', 'bob'] })
  })

  it('a request without an annotator works as the server default; a bad one is refused', async () => {
    expect((await tab()('project.info', {})).body.value.annotator).toBe('carol')
    const bad = await tab('../x')('project.info', {})
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('annotator') })
  })

  it('a malformed client id is refused', async () => {
    const res = await fetch(`${server.url}api/project.info`, { method: 'POST', headers: { 'x-spanwise-client': 'x y' }, body: '{}' })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid_input')
  })

  it('names of any alphabet travel in the header', async () => {
    expect((await tab('Åsa')('project.info', {})).body.value.annotator).toBe('Åsa')
  })
})

describe('a stale save', () => {
  it('is refused with 409 conflict, and the layer on disk is left as the other tab saved it', async () => {
    const first = tab('dora')
    const second = tab('dora')
    const { version } = (await first('documents.get', { id: documentId })).body.value
    expect((await second('annotations.save', { documentId, baseVersion: version, spans: [spanAt('x', 'Mayor')] })).status).toBe(200)
    const before = await readFile(layerFile(store.folder, 'dora', documentId), 'utf8')
    const stale = await first('annotations.save', { documentId, baseVersion: version, spans: [spanAt('y', 'budget')] })
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('changed elsewhere') } })
    expect(await readFile(layerFile(store.folder, 'dora', documentId), 'utf8')).toBe(before)
    const status = await first('annotations.setStatus', { documentId, baseVersion: version, status: 'done' })
    expect(status.body.error.code).toBe('conflict')
    // reloaded, the edit goes through
    const fresh = (await first('documents.get', { id: documentId })).body.value
    const saved = await first('annotations.save', { documentId, baseVersion: fresh.version, spans: [...fresh.layer.spans, spanAt('y', 'budget')] })
    expect(saved.body.value.layer.spans.map((s: { id: string }) => s.id).sort()).toEqual(['x', 'y'])
  })

  it('a label change from a stale label set is refused with conflict', async () => {
    const alice = tab('alice')
    const info = (await alice('project.info', {})).body.value
    const other = await ProjectStore.open(store.folder)
    await other.addLabels(['location'])
    const change = await alice('labels.change', { baseVersion: info.labelsVersion, labels: info.labels, renames: [], deletions: [] })
    expect(change.status).toBe(409)
    expect(change.body.error.code).toBe('conflict')
    const again = (await alice('project.info', {})).body.value
    expect(again.labels.map((l: { name: string }) => l.name)).toContain('location')
  })
})

describe('change notices', () => {
  it('streams a layer another process changed as a Server-Sent Event', async () => {
    const controller = new AbortController()
    const res = await fetch(`${server.url}events`, { signal: controller.signal })
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
    let received = ''
    const hello = await reader.read()
    expect(hello.value).toContain('event: hello')
    const other = await ProjectStore.open(store.folder)
    await other.saveLayer(documentId, 'erin', { spans: [spanAt('e', 'Ana Lind')] })
    while (!received.includes('"annotator":"erin"')) received += (await reader.read()).value ?? ''
    controller.abort()
    const data = received.split('\n').find((line) => line.startsWith('data: ') && line.includes('erin'))!
    const notice = JSON.parse(data.slice('data: '.length)) as ProjectChanges
    expect(notice.sequence).toBeGreaterThan(0)
    expect(notice.changes).toContainEqual(expect.objectContaining({ kind: 'layer', annotator: 'erin', documentId, spanCount: 1, labels: ['actor'] }))
  })

  it('needs the token', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/t/wrong/events`)
    expect(res.status).toBe(403)
  })
})
