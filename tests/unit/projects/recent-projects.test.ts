// The recent projects list: newest first, one entry per folder however it is spelled, at most
// MAX_RECENT, and folders that have gone (or lost their project.json) flagged, not dropped.
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { MAX_RECENT, RecentProjects } from '../../../src/main/projects/recent-projects'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterAll(removeTempDirs)

async function project(dir: string, name: string): Promise<string> {
  return (await ProjectStore.open(path.join(dir, name), { create: true, name })).folder
}

describe('recent projects', () => {
  it('lists newest first and lists a folder once, however it was reached', async () => {
    const dir = await tempDir()
    const recents = new RecentProjects(path.join(dir, 'user-data', 'recent-projects.json'))
    const a = await project(dir, 'A')
    const b = await project(dir, 'B')
    await symlink(a, path.join(dir, 'link-to-A'))
    await recents.remember(a, 'A', new Date('2026-01-01T10:00:00Z'))
    await recents.remember(b, 'B', new Date('2026-01-01T11:00:00Z'))
    expect((await recents.list()).map((entry) => entry.name)).toEqual(['B', 'A'])
    // A again, by a trailing slash and then through a link: moves to the top, still once
    await recents.remember(`${a}/`, 'A', new Date('2026-01-01T12:00:00Z'))
    await recents.remember(path.join(dir, 'link-to-A'), 'A renamed', new Date('2026-01-01T13:00:00Z'))
    const list = await recents.list()
    expect(list.map((entry) => entry.name)).toEqual(['A renamed', 'B'])
    expect(list[0]).toEqual({ folder: a, name: 'A renamed', openedAt: '2026-01-01T13:00:00.000Z', missing: false })
  })

  it(`keeps the ${MAX_RECENT} most recent`, async () => {
    const dir = await tempDir()
    const recents = new RecentProjects(path.join(dir, 'recent-projects.json'))
    for (let i = 0; i < MAX_RECENT + 5; i++) await recents.remember(path.join(dir, `p${i}`), `p${i}`)
    const list = await recents.list()
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]!.name).toBe(`p${MAX_RECENT + 4}`)
    expect(list.at(-1)!.name).toBe('p5')
  })

  it('flags a folder that has gone or holds no project any more, and forgets it when asked', async () => {
    const dir = await tempDir()
    const recents = new RecentProjects(path.join(dir, 'recent-projects.json'))
    const kept = await project(dir, 'kept')
    const removed = await project(dir, 'removed')
    const emptied = await project(dir, 'emptied')
    for (const folder of [kept, removed, emptied]) await recents.remember(folder, path.basename(folder))
    await rm(removed, { recursive: true })
    await rm(path.join(emptied, 'project.json'))
    expect((await recents.list()).map(({ name, missing }) => [name, missing])).toEqual([
      ['emptied', true],
      ['removed', true],
      ['kept', false]
    ])
    await recents.forget(removed)
    expect((await recents.list()).map((entry) => entry.name)).toEqual(['emptied', 'kept'])
  })

  it('starts a new list over a damaged file instead of failing', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'recent-projects.json')
    await mkdir(dir, { recursive: true })
    await writeFile(file, '{"projects": [ trunc')
    const recents = new RecentProjects(file)
    expect(await recents.list()).toEqual([])
    await recents.remember(path.join(dir, 'x'), 'x')
    expect((await recents.list()).map((entry) => entry.name)).toEqual(['x'])
  })
})
