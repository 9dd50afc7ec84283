// Projects switched at run time through the HTTP API of one running server (`spanwise serve
// --root`): each switch moves the app lock and the watcher, a tab still naming the old project
// is refused rather than run against the new one, and every path stays under the root.
import { existsSync } from 'node:fs'
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectRoot } from '../../../src/main/projects/project-root'
import { RecentProjects } from '../../../src/main/projects/recent-projects'
import { Workspace } from '../../../src/main/projects/workspace'
import { startServer, type RunningServer } from '../../../src/main/server/http-server'
import { APP_LOCK_FILE } from '../../../src/main/store/app-lock'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

let root: string
let outside: string
let server: RunningServer
let workspace: Workspace

async function api(channel: string, input: unknown, project?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(project ? { 'x-spanwise-project': project } : {}) },
    body: JSON.stringify(input)
  })
  return { status: res.status, body: await res.json() }
}

async function value(channel: string, input: unknown = {}, project?: string): Promise<any> {
  const { body } = await api(channel, input, project)
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`)
  return body.value
}

/** The events stream until it ends: what a tab hears when another one switches project. */
function events(): Promise<{ opened: Promise<void>; ended: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${server.url}events`)
    const req = http.get(url, (res) => {
      let text = ''
      let opened: () => void
      const openedPromise = new Promise<void>((r) => (opened = r))
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString()
        if (text.includes('event: hello')) opened()
      })
      resolve({ opened: openedPromise, ended: new Promise((r) => res.on('end', () => r(text))) })
    })
    req.on('error', reject)
  })
}

beforeAll(async () => {
  const dir = await tempDir()
  root = path.join(dir, 'projects')
  outside = path.join(dir, 'outside')
  await mkdir(root)
  const a = await ProjectStore.open(path.join(root, 'A'), { create: true, name: 'Project A' })
  await a.addDocuments([{ text: 'Mayor Lee said 40 buses would run.', title: 'Buses', meta: {} }])
  await ProjectStore.open(path.join(root, 'team', 'B'), { create: true, name: 'Project B' })
  await ProjectStore.open(outside, { create: true, name: 'Outside' })
  await symlink(outside, path.join(root, 'link-out'))
  workspace = new Workspace({
    defaultAnnotator: 'ana',
    access: new ProjectRoot(root),
    recents: new RecentProjects(path.join(dir, 'user-data', 'recent-projects.json')),
    lockCommand: 'workspace test'
  })
  server = await startServer(workspace, { port: 0 })
})

afterAll(async () => {
  await server?.close()
  await removeTempDirs()
})

describe('a workbench served with a root', () => {
  it('starts with no project: project channels say so, the start page has what it needs', async () => {
    const state = await value('project.current')
    expect(state).toMatchObject({ project: null, folders: 'root', defaultParent: '' })
    expect(state.templates.map((t: { id: string }) => t.id)).toEqual(['news', 'entities', 'opinion'])
    const { status, body } = await api('documents.list', {})
    expect(status).toBe(404)
    expect(body.error.message).toMatch(/no project is open/)
  })

  it('browses folders under the root, marking projects', async () => {
    const top = await value('project.browse', { folder: '' })
    expect(top).toEqual({
      folder: '',
      parent: null,
      entries: [
        { name: 'A', folder: 'A', project: true },
        { name: 'team', folder: 'team', project: false }
      ]
    })
    expect(await value('project.browse', { folder: 'team' })).toMatchObject({ parent: '', entries: [{ name: 'B', folder: 'team/B', project: true }] })
  })

  it('opens a project, taking its lock; another switch releases it', async () => {
    const a = await value('project.open', { folder: 'A' })
    expect(a).toMatchObject({ name: 'Project A', folder: 'A' })
    expect(a.id).toMatch(/^[0-9a-f]{16}$/)
    expect(existsSync(path.join(root, 'A', APP_LOCK_FILE))).toBe(true)
    expect(await value('documents.list', {}, a.id)).toHaveLength(1)

    const b = await value('project.open', { folder: 'team/B' })
    expect(b.name).toBe('Project B')
    expect(existsSync(path.join(root, 'A', APP_LOCK_FILE))).toBe(false)
    expect(existsSync(path.join(root, 'team', 'B', APP_LOCK_FILE))).toBe(true)
    expect((await value('project.current')).project).toEqual(b)
    // the same folder keeps its id: opening A again gives the id a tab of A knows
    expect((await value('project.open', { folder: 'A/' })).id).toBe(a.id)
  })

  it('refuses a request of a tab that still shows the old project, writing nothing', async () => {
    const a = await value('project.open', { folder: 'A' })
    const [doc] = await value('documents.list', {}, a.id)
    const b = await value('project.open', { folder: 'team/B' })
    const save = { documentId: doc.id, baseVersion: 'absent', spans: [{ id: 's1', start: 0, end: 5, label: 'actor' }] }
    const { status, body } = await api('annotations.save', save, a.id)
    expect(status).toBe(409)
    expect(body.error.code).toBe('project_changed')
    expect(body.error.message).toMatch(/switched to "Project B".*Nothing was saved here; reload/)
    expect(existsSync(path.join(root, 'A', 'annotations', 'ana'))).toBe(false)
    expect(await readdir(path.join(root, 'team', 'B', 'annotations'))).toEqual([])
    // naming the open project works
    expect(await value('documents.list', {}, b.id)).toEqual([])
  })

  it("tells every open events stream which project opened, and ends it", async () => {
    const a = await value('project.open', { folder: 'A' })
    const stream = await events()
    await stream.opened
    const b = await value('project.open', { folder: 'team/B' })
    const text = await stream.ended
    // the greeting names the project the stream is about; the switch names the new one
    expect(text).toMatch(new RegExp(`event: hello\ndata: .*"project":${JSON.stringify(a).replace(/[{}]/g, '\\$&')}`))
    expect(text).toContain(`event: project\ndata: ${JSON.stringify(b)}`)
  })

  it('creates projects from a template or a copy, under the root only', async () => {
    const c = await value('project.create', { parent: 'team', name: 'C', template: 'entities' })
    expect(c).toMatchObject({ name: 'C', folder: 'team/C' })
    expect((await value('project.info', {}, c.id)).labels.map((l: { name: string }) => l.name)).toEqual(['person', 'organisation', 'place', 'date', 'other'])
    const d = await value('project.create', { parent: '', name: 'D', copyFrom: 'team/C' })
    expect((await value('project.info', {}, d.id)).labels).toHaveLength(5)
    const copyOutside = await api('project.create', { parent: '', name: 'E', copyFrom: '../outside' })
    expect(copyOutside.status).toBe(400)
    expect(copyOutside.body.error.message).toMatch(/".." is not allowed/)
    expect(existsSync(path.join(root, 'E'))).toBe(false)
  })

  it('refuses folders outside the root: absolute, "..", a link out', async () => {
    for (const folder of [outside, '../outside', 'team/../../outside', 'link-out', `${os.tmpdir()}/x`]) {
      const { status, body } = await api('project.open', { folder })
      expect(status, folder).toBe(400)
      expect(body.error.message, folder).toMatch(/projects folder/)
    }
    const made = await api('project.create', { parent: 'link-out', name: 'sneaky', template: 'news' })
    expect(made.status).toBe(400)
    expect(existsSync(path.join(outside, 'sneaky'))).toBe(false)
    expect(existsSync(path.join(outside, APP_LOCK_FILE))).toBe(false)
  })

  it('keeps the open project when the new one is held by another app', async () => {
    const open = await value('project.open', { folder: 'A' })
    // a lock held by a live process (this one, as far as the file says)
    await writeFile(path.join(root, 'team', 'B', APP_LOCK_FILE), JSON.stringify({ pid: process.pid, command: 'other app', host: os.hostname(), since: 'now' }))
    const { status, body } = await api('project.open', { folder: 'team/B' })
    expect(status).toBe(409)
    expect(body.error.message).toMatch(/already open in another Spanwise app: process \d+ \(other app\)/)
    expect((await value('project.current')).project).toEqual(open)
    expect(existsSync(path.join(root, 'A', APP_LOCK_FILE))).toBe(true)
  })

  it('lists recent projects newest first, as the browser names them, the open one marked', async () => {
    const recent = await value('project.recent')
    expect(recent.map((r: { folder: string }) => r.folder)).toEqual(['A', 'D', 'team/C', 'team/B'])
    expect(recent.map((r: { open: boolean }) => r.open)).toEqual([true, false, false, false])
    expect(recent.every((r: { missing: boolean }) => !r.missing)).toBe(true)
  })

  it('closes the project: its lock goes, and a tab of it is told', async () => {
    const a = (await value('project.current')).project
    expect(await value('project.close')).toBeNull()
    expect(existsSync(path.join(root, 'A', APP_LOCK_FILE))).toBe(false)
    const { status, body } = await api('documents.list', {}, a.id)
    expect(status).toBe(409)
    expect(body.error.message).toMatch(/closed/)
  })
})
