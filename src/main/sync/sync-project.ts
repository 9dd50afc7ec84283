// Team sync over git: commit this annotator's changed files, pull teammates' work (rebase: files
// are disjoint by design, so it never conflicts unless one file had two writers), push, and
// retry once if the remote moved meanwhile. Every outcome is a report, not an exception: a
// missing remote or an unreachable one leaves the work committed here and says so.
import { existsSync } from 'node:fs'
import path from 'node:path'
import { GitError } from 'simple-git'
import type { SyncChanges, SyncReport } from '../../shared/api/contract'
import { projectConfigSchema, type ProjectConfig } from '../../shared/model'
import type { ProjectStore } from '../store/project-store'
import { classify, describeChanges, isEmpty, labelChanges, noChanges, type FileChange } from './changes'
import { checkIncomingText } from './incoming-text'
import { describeReport } from './report-lines'
import { gitMessage, openRepository, type ProjectRepository } from './git'
import { SyncError } from './sync-error'

export interface SyncOptions {
  annotator: string
  /** The remote to sync with; default: the branch's upstream, else origin, else the only one. */
  remote?: string
}

/** Files this annotator's sync commits: their own layers, and the project files when changed here. */
function isMine(path: string, annotator: string): boolean {
  if (path === 'project.json' || path === '.gitattributes' || path === '.gitignore') return true
  const parts = path.split('/')
  const name = parts.at(-1)!
  // the writer's temporary, lock and journal files are never committed, even without our .gitignore
  if (name.startsWith('.') || name.endsWith('.tmp') || name.endsWith('.lock')) return false
  if (parts[0] === 'annotations') return parts[1] === annotator
  return parts[0] === 'documents' || parts[0] === 'gold' || parts[0] === 'suggest'
}

/** Syncs running in this process, by project folder: a second request waits for the first. */
const running = new Map<string, Promise<unknown>>()

/** Syncs the project `store` has open; re-reads project.json when a pull changed it. */
export async function syncProject(store: ProjectStore, options: SyncOptions): Promise<SyncReport> {
  const previous = running.get(store.folder) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(() => syncOnce(store, options))
  running.set(store.folder, run)
  try {
    return await run
  } catch (error) {
    // whatever git said, said in one line
    throw error instanceof GitError ? new SyncError(`git failed: ${gitMessage(error)}`) : error
  } finally {
    if (running.get(store.folder) === run) running.delete(store.folder)
  }
}

async function syncOnce(store: ProjectStore, options: SyncOptions): Promise<SyncReport> {
  const repo = await openRepository(store.folder, options.annotator)
  const { git } = repo
  const branch = (await git.raw(['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim()
  if (!branch) throw new SyncError('this repository is not on a branch (detached HEAD): check out your branch, e.g. "git checkout main", and sync again')
  if (inProgress(repo)) {
    throw new SyncError('a git rebase or merge is under way in this repository: finish it ("git rebase --continue") or undo it ("git rebase --abort") first')
  }

  const report: SyncReport = {
    outcome: 'up_to_date',
    remote: null,
    branch,
    committed: 0,
    incoming: noChanges(),
    outgoing: noChanges(),
    notCommitted: [],
    textProblems: [],
    lines: []
  }

  // 1. commit this annotator's changes
  const changed = await changedFiles(repo)
  const mine = changed.filter((file) => isMine(file.path, options.annotator))
  report.notCommitted = changed.filter((file) => !isMine(file.path, options.annotator)).map((file) => file.path)
  if (mine.length > 0) {
    const paths = mine.map((file) => repo.prefix + file.path)
    for (let at = 0; at < paths.length; at += 500) await git.raw(['add', '-A', '--', ...paths.slice(at, at + 500)])
    await git.raw(['commit', '--quiet', '-m', `${options.annotator}: ${describeChanges(classify(mine)) || 'project files'}`])
    report.committed = mine.length
  }

  // 2. pull and push
  const remote = await chooseRemote(repo, branch, options.remote)
  report.remote = remote
  const hasCommits = await refExists(repo, 'HEAD')
  const notes: string[] = []
  const broughtIn: string[] = []
  if (remote === null) {
    report.outcome = 'local_only'
  } else if (!hasCommits) {
    report.outcome = 'up_to_date'
  } else {
    for (let attempt = 0; attempt < 2; attempt++) {
      const pulled = await pull(repo, remote, branch, report, notes, broughtIn)
      if (pulled !== 'ok') {
        report.outcome = pulled
        break
      }
      const pushed = await push(repo, remote, branch, report, notes)
      if (pushed === 'ok') {
        report.outcome = isEmpty(report.incoming) && isEmpty(report.outgoing) ? 'up_to_date' : 'synced'
        break
      }
      report.outcome = pushed
      if (pushed !== 'push_rejected') break
    }
  }
  if (report.incoming.settings) await store.reloadSettings()
  report.textProblems = await checkIncomingText(store, broughtIn)
  report.lines = describeReport(report, notes)
  return report
}

/** (simple-git resolves a failed git command that printed nothing, so the answer is read from the output) */
async function refExists(repo: ProjectRepository, ref: string): Promise<boolean> {
  const sha = await repo.git.raw(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '')
  return sha.trim() !== ''
}

function inProgress(repo: ProjectRepository): boolean {
  return ['rebase-merge', 'rebase-apply', 'MERGE_HEAD'].some((name) => existsSync(path.join(repo.gitDir, name)))
}

/** Changed, added and deleted files under the project folder, as paths inside the project. */
async function changedFiles(repo: ProjectRepository): Promise<FileChange[]> {
  const output = await repo.git.raw(['status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=all', '--', repo.prefix || '.'])
  const files: FileChange[] = []
  for (const entry of output.split('\0')) {
    if (entry.length < 4) continue
    const code = entry.slice(0, 2)
    const path = entry.slice(3)
    if (!path.startsWith(repo.prefix)) continue
    const status = code.includes('D') ? 'D' : code === '??' || code.includes('A') ? 'A' : 'M'
    files.push({ status, path: path.slice(repo.prefix.length) })
  }
  return files
}

async function chooseRemote(repo: ProjectRepository, branch: string, wanted?: string): Promise<string | null> {
  const remotes = (await repo.git.raw(['remote'])).split('\n').map((r) => r.trim()).filter(Boolean)
  if (wanted !== undefined) {
    if (!remotes.includes(wanted)) {
      throw new SyncError(`this repository has no remote called "${wanted}"${remotes.length ? `; its remotes: ${remotes.join(', ')}` : ''}`)
    }
    return wanted
  }
  const upstream = (await repo.git.raw(['config', '--get', `branch.${branch}.remote`]).catch(() => '')).trim()
  if (upstream && remotes.includes(upstream)) return upstream
  if (remotes.includes('origin')) return 'origin'
  return remotes.length === 1 ? remotes[0]! : remotes.length === 0 ? null : (() => {
    throw new SyncError(`this repository has several remotes (${remotes.join(', ')}): choose one with --remote`)
  })()
}

/** Files changed between two commits, inside the project folder. */
async function diffFiles(repo: ProjectRepository, from: string, to: string): Promise<FileChange[]> {
  const output = await repo.git.raw(['diff', '--name-status', '--no-renames', '-z', from, to, '--', repo.prefix || '.'])
  const fields = output.split('\0').filter(Boolean)
  const files: FileChange[] = []
  for (let at = 0; at + 1 < fields.length; at += 2) {
    const status = fields[at]!.startsWith('A') ? 'A' : fields[at]!.startsWith('D') ? 'D' : 'M'
    const path = fields[at + 1]!
    if (path.startsWith(repo.prefix)) files.push({ status, path: path.slice(repo.prefix.length) })
  }
  return files
}

async function projectAt(repo: ProjectRepository, commit: string): Promise<ProjectConfig | null> {
  const text = await repo.git.raw(['show', `${commit}:${repo.prefix}project.json`]).catch(() => null)
  if (text === null) return null
  try {
    const parsed = projectConfigSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** What changed between two commits, with the label changes project.json records. */
async function changesBetween(repo: ProjectRepository, from: string, to: string, into: SyncChanges): Promise<FileChange[]> {
  const files = await diffFiles(repo, from, to)
  classify(files, into)
  if (files.some((file) => file.path === 'project.json')) {
    const author = (await repo.git.raw(['log', '-1', '--format=%an', `${from}..${to}`, '--', `${repo.prefix}project.json`]).catch(() => '')).trim()
    into.labels.push(...labelChanges(await projectAt(repo, from), await projectAt(repo, to), author || 'someone'))
  }
  return files
}

async function pull(
  repo: ProjectRepository,
  remote: string,
  branch: string,
  report: SyncReport,
  notes: string[],
  broughtIn: string[]
): Promise<'ok' | 'unreachable' | 'conflict'> {
  const { git } = repo
  try {
    await git.raw(['fetch', '--quiet', remote])
  } catch (error) {
    notes.push(gitMessage(error))
    return 'unreachable'
  }
  const theirs = `refs/remotes/${remote}/${branch}`
  const exists = await refExists(repo, theirs)
  if (!exists) return 'ok'
  const base = (await git.raw(['merge-base', 'HEAD', theirs]).catch(() => '')).trim()
  const theirsHead = (await git.raw(['rev-parse', theirs])).trim()
  if (base === theirsHead) return 'ok'
  const incoming = noChanges()
  const files = base ? await changesBetween(repo, base, theirs, incoming) : []
  try {
    // other annotators' uncommitted files (if any) are stashed and put back around the rebase
    await git.raw(['rebase', '--quiet', '--autostash', theirs])
  } catch (error) {
    const conflicted = (await git.raw(['diff', '--name-only', '--diff-filter=U']).catch(() => '')).split('\n').filter(Boolean)
    await git.raw(['rebase', '--abort']).catch(() => undefined)
    notes.push(conflicted.length > 0 ? `conflicting files: ${conflicted.join(', ')}` : gitMessage(error))
    return 'conflict'
  }
  addChanges(report.incoming, incoming)
  broughtIn.push(...files.map((file) => file.path))
  return 'ok'
}

/** Adds the changes of a second pull (after a retried push) to the first's. */
function addChanges(into: SyncChanges, more: SyncChanges): void {
  into.documents.added += more.documents.added
  into.documents.changed += more.documents.changed
  into.documents.removed += more.documents.removed
  for (const layer of more.layers) {
    const entry = into.layers.find((l) => l.annotator === layer.annotator)
    if (!entry) into.layers.push({ ...layer })
    else {
      entry.added += layer.added
      entry.changed += layer.changed
      entry.removed += layer.removed
    }
  }
  into.layers.sort((a, b) => a.annotator.localeCompare(b.annotator))
  into.gold += more.gold
  into.labels.push(...more.labels)
  into.settings ||= more.settings
  into.other.push(...more.other)
}

async function push(repo: ProjectRepository, remote: string, branch: string, report: SyncReport, notes: string[]): Promise<'ok' | 'unreachable' | 'push_rejected'> {
  const { git } = repo
  const theirs = `refs/remotes/${remote}/${branch}`
  const exists = await refExists(repo, theirs)
  const ahead = exists ? Number((await git.raw(['rev-list', '--count', `${theirs}..HEAD`])).trim()) : 1
  if (ahead === 0) return 'ok'
  const outgoing = noChanges()
  if (exists) await changesBetween(repo, theirs, 'HEAD', outgoing)
  else classify((await git.raw(['ls-tree', '-r', '--name-only', '-z', 'HEAD', '--', repo.prefix || '.'])).split('\0').filter((p) => p.startsWith(repo.prefix) && p).map((p) => ({ status: 'A' as const, path: p.slice(repo.prefix.length) })), outgoing)
  try {
    const upstream = (await git.raw(['config', '--get', `branch.${branch}.remote`]).catch(() => '')).trim()
    await git.raw(['push', '--quiet', ...(upstream ? [] : ['--set-upstream']), remote, `HEAD:refs/heads/${branch}`])
  } catch (error) {
    // the reason is on git's "! [rejected]" or "remote:" lines, not on its last "error:" line
    const text = error instanceof Error ? error.message : String(error)
    if (/\[rejected\]|\[remote rejected\]|non-fast-forward|fetch first|cannot lock ref|failed to update ref|stale info/i.test(text)) return 'push_rejected'
    notes.push(gitMessage(error))
    return 'unreachable'
  }
  report.outgoing = outgoing
  return 'ok'
}
