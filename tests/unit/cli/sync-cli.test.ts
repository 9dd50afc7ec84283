// `spanwise init --git` and `spanwise sync`, run as a user runs them, on a machine where git has
// no identity configured: no remote, nothing to pull, an unreachable remote, no git at all.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { git } from '../../helpers/git-team'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')

let dir: string
let env: NodeJS.ProcessEnv

function spanwise(args: string[], extraEnv: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000, env: { ...env, ...extraEnv } })
}

/** Git run by the test itself, in the same identity-less configuration. */
function gitHere(cwd: string, ...args: string[]): string {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  try {
    return git(cwd, ...args)
  } finally {
    process.env = saved
  }
}

const noStackTrace = (result: SpawnSyncReturns<string>) => expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /)

beforeAll(async () => {
  dir = await tempDir()
  const home = path.join(dir, 'home')
  await mkdir(home)
  // no user.name / user.email anywhere: HOME is empty, system and global files are not read
  env = { ...process.env, HOME: home, GIT_CONFIG_GLOBAL: path.join(home, 'none'), GIT_CONFIG_NOSYSTEM: '1', NODE_ENV: 'production' }
  await writeFile(path.join(dir, 'a.txt'), 'The council approved 12 new bridges.\r\nThe mayor disagreed.\n')
})
afterAll(removeTempDirs)

// each command starts a Node process through tsx: seconds each on a busy machine
describe('spanwise init --git', { timeout: 90_000 }, () => {
  it('makes the project a repository that keeps bytes as they are and ignores temp and lock files, committed as the annotator', async () => {
    const result = spanwise(['init', '--git', '--project', 'team', '--annotator', 'olga'])
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/Made .*team a git repository/)
    expect(await readFile(path.join(dir, 'team', '.gitattributes'), 'utf8')).toMatch(/^\* -text$/m)
    const ignore = (await readFile(path.join(dir, 'team', '.gitignore'), 'utf8')).split('\n')
    expect(ignore).toEqual(expect.arrayContaining(['*.tmp', '*.lock', '.spanwise/']))
    expect(gitHere(path.join(dir, 'team'), 'log', '--format=%an <%ae>').trim()).toBe('olga <olga@spanwise.local>')
    expect(gitHere(path.join(dir, 'team'), 'ls-files').split('\n')).toEqual(expect.arrayContaining(['.gitattributes', '.gitignore', 'project.json']))
    // a temp file of the writer is never seen by git
    await writeFile(path.join(dir, 'team', 'annotations', '.x.json.123.abc.tmp'), '{}')
    expect(gitHere(path.join(dir, 'team'), 'status', '--porcelain')).toBe('')
  })
})

describe('spanwise sync', { timeout: 90_000 }, () => {
  it('with no remote commits the annotator\'s work and says it stayed here', () => {
    expect(spanwise(['import', '--project', 'team', '--annotator', 'olga', 'a.txt']).status).toBe(0)
    const result = spanwise(['sync', '--project', 'team', '--annotator', 'olga'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/has no remote: committed \d+ changed files? here, nothing pulled or pushed/)
    noStackTrace(result)
    expect(gitHere(path.join(dir, 'team'), 'status', '--porcelain')).toBe('')
  })

  it('pushes to a new remote, then reports plainly that there is nothing to pull', () => {
    gitHere(dir, 'init', '--quiet', '--bare', '--initial-branch=main', 'team.git')
    gitHere(path.join(dir, 'team'), 'remote', 'add', 'origin', path.join(dir, 'team.git'))
    const first = spanwise(['sync', '--project', 'team', '--annotator', 'olga'])
    expect(first.status).toBe(0)
    expect(first.stdout).toMatch(/^Synced with origin \(main\)\.\nIn: nothing new from teammates\.\nOut: documents 1 added/)
    const second = spanwise(['sync', '--project', 'team', '--annotator', 'olga'])
    expect(second.status).toBe(0)
    expect(second.stdout).toBe('Up to date with origin (main): nothing to pull, nothing to send.\n')
  })

  it("brings a teammate's layer and says whose it is", () => {
    gitHere(dir, 'clone', '--quiet', path.join(dir, 'team.git'), 'pat-clone')
    const id = gitHere(path.join(dir, 'pat-clone'), 'ls-files', 'documents').trim().split('/')[1]!.replace('.json', '')
    const layer = JSON.stringify({ version: 1, documentId: id, annotator: 'pat', status: 'done', spans: [{ id: 's1', start: 4, end: 11, label: 'actor' }], relations: [], updatedAt: null })
    return (async () => {
      await mkdir(path.join(dir, 'pat-clone', 'annotations', 'pat'), { recursive: true })
      await writeFile(path.join(dir, 'pat-clone', 'annotations', 'pat', `${id}.json`), layer)
      const pat = spanwise(['sync', '--project', 'pat-clone', '--annotator', 'pat'])
      expect(pat.stdout).toMatch(/Out: layers: pat 1\./)
      const olga = spanwise(['sync', '--project', 'team', '--annotator', 'olga'])
      expect(olga.status).toBe(0)
      expect(olga.stdout).toMatch(/In: layers: pat 1\./)
      expect(gitHere(path.join(dir, 'team'), 'log', '-1', '--format=%an', '--', 'annotations/pat').trim()).toBe('pat')
    })()
  })

  it('reports an unreachable remote in one line and exits 1, keeping the work committed', async () => {
    gitHere(path.join(dir, 'team'), 'remote', 'add', 'gone', path.join(dir, 'no-such-repository.git'))
    const result = spanwise(['sync', '--project', 'team', '--annotator', 'olga', '--remote', 'gone'])
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^Could not reach gone: .*no-such-repository\.git.*Your work is safe/)
    noStackTrace(result)
  })

  it('names an unknown remote, and a folder outside any repository, plainly', async () => {
    const unknown = spanwise(['sync', '--project', 'team', '--annotator', 'olga', '--remote', 'upstream'])
    expect(unknown.status).toBe(1)
    expect(unknown.stderr).toBe('spanwise: this repository has no remote called "upstream"; its remotes: gone, origin\n')
    expect(spanwise(['init', '--project', 'loose']).status).toBe(0)
    const loose = spanwise(['sync', '--project', 'loose', '--annotator', 'olga'])
    expect(loose.status).toBe(1)
    expect(loose.stderr).toMatch(/^spanwise: .*loose is not in a git repository: run "spanwise init --git --project .*loose"/)
  })

  it('says in one line that git is missing', () => {
    const result = spanwise(['sync', '--project', 'team', '--annotator', 'olga'], { PATH: path.join(dir, 'empty-path') })
    expect(result.status).toBe(1)
    expect(result.stderr).toBe('spanwise: git is not installed (or not on PATH): Spanwise syncs through git; install git and try again\n')
  })
})
