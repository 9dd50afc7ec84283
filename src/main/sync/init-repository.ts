// `spanwise init --git`: makes a project folder a git repository that keeps offsets right and
// diffs clean: no line-ending conversion (offsets count the text's exact characters), and the
// writer's temporary, lock and cache files never committed.
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { findRepository, gitMessage, initRepository, openRepository } from './git'
import { SyncError } from './sync-error'

/** `* -text`: git stores and checks out every file byte for byte (core.autocrlf included). */
export const GIT_ATTRIBUTES = ['# Spanwise: offsets depend on the exact bytes of each text; never convert line endings', '* -text']
/**
 * The writer's unique temp files (.<name>.<pid>.<random>.tmp), the app's lock file and import
 * journals (.spanwise-app.lock, .spanwise-import-….journal) and derived caches (.spanwise/).
 */
export const GIT_IGNORE = ['# Spanwise: temporary, lock, journal and cache files', '*.tmp', '*.lock', '*.journal', '.spanwise-*', '.spanwise/']

/** Adds the lines a file lacks (keeping what a team already has there); true when it changed. */
async function ensureLines(file: string, lines: string[]): Promise<boolean> {
  const current = existsSync(file) ? await readFile(file, 'utf8') : ''
  const present = new Set(current.split(/\r?\n/).map((line) => line.trim()))
  const missing = lines.filter((line) => !present.has(line))
  if (missing.length === 0) return false
  const separator = current === '' || current.endsWith('\n') ? '' : '\n'
  await writeFile(file, `${current}${separator}${missing.join('\n')}\n`, 'utf8')
  return true
}

export interface InitReport {
  /** A repository was made (false: the folder was already inside one). */
  created: boolean
  root: string
  committed: boolean
  lines: string[]
}

/** Makes `folder` (a project) a repository, or prepares the one it is in, and commits the project. */
export async function initProjectRepository(folder: string, annotator: string): Promise<InitReport> {
  const existing = await findRepository(folder)
  const repo = existing ? await openRepository(folder, annotator) : await initRepository(folder, annotator)
  await ensureLines(path.join(folder, '.gitattributes'), GIT_ATTRIBUTES)
  await ensureLines(path.join(folder, '.gitignore'), GIT_IGNORE)
  const target = repo.prefix || '.'
  try {
    await repo.git.raw(['add', '-A', '--', target])
    const staged = (await repo.git.raw(['diff', '--cached', '--name-only', '--', target])).trim()
    if (staged) await repo.git.raw(['commit', '--quiet', '-m', `${annotator}: Spanwise project`])
    const lines = [
      existing ? `${folder} is in the git repository ${repo.root}: prepared it for Spanwise.` : `Made ${folder} a git repository (branch main).`,
      staged ? `Committed the project as ${annotator}.` : 'Nothing new to commit.',
      'Share it: push it to a repository your team can reach (e.g. "git remote add origin URL"), then each teammate clones it and runs "spanwise sync".'
    ]
    return { created: !existing, root: repo.root, committed: Boolean(staged), lines }
  } catch (error) {
    throw new SyncError(`git could not commit the project: ${gitMessage(error)}`)
  }
}
