// What a workbench opens at start when no folder is given: the most recent project that is
// still there, the demo project only on a first run (nothing opened before), else the start page.
import { rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { anyFolder } from '../../../src/main/projects/project-root'
import { RecentProjects } from '../../../src/main/projects/recent-projects'
import { Workspace } from '../../../src/main/projects/workspace'
import { APP_LOCK_FILE } from '../../../src/main/store/app-lock'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterAll(removeTempDirs)

async function setUp() {
  const dir = await tempDir()
  const recents = new RecentProjects(path.join(dir, 'user-data', 'recent-projects.json'))
  const workspace = new Workspace({ defaultAnnotator: 'ana', access: anyFolder, recents, watch: false, lockCommand: 'first-open test' })
  let demoMade = 0
  const demo = async () => {
    demoMade++
    return ProjectStore.open(path.join(dir, 'Demo project'), { create: true, name: 'Demo project' })
  }
  return { dir, recents, workspace, demo, demos: () => demoMade }
}

describe('the project opened at start', () => {
  it('is the demo on a first run, and the demo is remembered', async () => {
    const { workspace, demo, demos, recents } = await setUp()
    await workspace.openMostRecent(demo)
    expect(workspace.current?.ref.name).toBe('Demo project')
    expect(demos()).toBe(1)
    expect((await recents.list()).map((r) => r.name)).toEqual(['Demo project'])
    await workspace.shutdown()
  })

  it('is the most recent project still there, not the demo', async () => {
    const { dir, workspace, demo, demos, recents } = await setUp()
    const older = await ProjectStore.open(path.join(dir, 'older'), { create: true })
    const gone = await ProjectStore.open(path.join(dir, 'gone'), { create: true })
    await recents.remember(older.folder, 'older', new Date(1))
    await recents.remember(gone.folder, 'gone', new Date(2))
    await rm(gone.folder, { recursive: true })
    await workspace.openMostRecent(demo)
    expect(workspace.current?.session.store.folder).toBe(older.folder)
    expect(demos()).toBe(0)
    await workspace.shutdown()
  })

  it('is none (the start page) when every recent project has gone', async () => {
    const { dir, workspace, demo, demos, recents } = await setUp()
    await recents.remember(path.join(dir, 'vanished'), 'vanished')
    await workspace.openMostRecent(demo)
    expect(workspace.current).toBeNull()
    expect(demos()).toBe(0)
    expect(await workspace.recent()).toMatchObject([{ name: 'vanished', missing: true, open: false }])
  })

  it('is none, with a notice saying why, when another app holds the last project', async () => {
    const { dir, workspace, demo, recents } = await setUp()
    const held = await ProjectStore.open(path.join(dir, 'held'), { create: true })
    await writeFile(path.join(held.folder, APP_LOCK_FILE), JSON.stringify({ pid: process.pid, command: 'the other window', host: os.hostname(), since: 'then' }))
    await recents.remember(held.folder, 'held')
    await workspace.openMostRecent(demo)
    expect(workspace.current).toBeNull()
    expect(workspace.notice).toMatch(/Could not open the last project: .* already open in another Spanwise app: .*the other window/)
  })
})
