// Request bodies have a limit per channel (imports large, everything else small) and only a few
// large ones are held at once.
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session } from '../../../src/main/api/session'
import { startServer, type RunningServer } from '../../../src/main/server/http-server'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

let server: RunningServer

beforeAll(async () => {
  const dir = await tempDir()
  const store = await ProjectStore.open(path.join(dir, 'project'), { create: true })
  server = await startServer(new Session(store, 'ana'), { staticDir: dir })
})
afterAll(async () => {
  await server.close()
  await removeTempDirs()
})

async function post(channel: string, body: string): Promise<{ status: number; message: string }> {
  const response = await fetch(`${server.url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
  const json = (await response.json()) as { ok: boolean; error?: { message: string } }
  return { status: response.status, message: json.error?.message ?? '' }
}

/** A large upload that is started and then held open: sends its headers and a first chunk only. */
function holdUpload(size: number): { request: http.ClientRequest; answered: Promise<number> } {
  const url = new URL(`${server.url}api/documents.import`)
  let answer: (status: number) => void = () => undefined
  const answered = new Promise<number>((resolve) => (answer = resolve))
  const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-length': size, 'content-type': 'application/json' } }, (res) => {
    res.resume()
    answer(res.statusCode!)
  })
  request.on('error', () => answer(-1))
  request.write('{"files": [')
  return { request, answered }
}

describe('request body limits', () => {
  it('refuse a 2 MiB body on a small channel with 413, naming the limit', async () => {
    const body = JSON.stringify({ query: 'x', pad: 'x'.repeat(2 * 1024 * 1024) })
    expect(await post('project.search', body)).toEqual({ status: 413, message: 'request body over 1 MiB, the limit for project.search' })
  })

  it('take a 2 MiB import upload', async () => {
    const base64 = Buffer.from('A text of some length. '.repeat(70_000)).toString('base64')
    const result = await post('documents.import', JSON.stringify({ files: [{ name: 'big.txt', base64 }] }))
    expect(result).toEqual({ status: 200, message: '' })
  })

  it('hold at most two large uploads at once: a third is told to try again', async () => {
    const first = holdUpload(50 * 1024 * 1024)
    const second = holdUpload(50 * 1024 * 1024)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const third = await fetch(`${server.url}api/documents.import`, { method: 'POST', body: JSON.stringify({ files: [{ name: 'x.txt', base64: 'x'.repeat(2 * 1024 * 1024) }] }) })
    expect(third.status).toBe(503)
    expect(third.headers.get('retry-after')).toBe('5')
    expect(((await third.json()) as { error: { message: string } }).error.message).toMatch(/busy: 2 large uploads are in progress/)
    // small requests are never held up by them
    expect((await post('project.info', '{}')).status).toBe(200)
    first.request.destroy()
    second.request.destroy()
    await Promise.all([first.answered, second.answered])
    await new Promise((resolve) => setTimeout(resolve, 100))
    // the slots are free again
    const after = await post('documents.import', JSON.stringify({ files: [{ name: 'y.txt', base64: Buffer.from('Another text.').toString('base64') }] }))
    expect(after.status).toBe(200)
  })
})
