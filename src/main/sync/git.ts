// The system `git`, through simple-git, as Spanwise runs it: from the repository's top folder,
// committing as the annotator (so a repository with no identity configured works, and history
// says who annotated what), never prompting for a password, and with errors in one plain line.
import { simpleGit, type SimpleGit, type SimpleGitOptions } from 'simple-git'
import { SyncError } from './sync-error'

export interface ProjectRepository {
  git: SimpleGit
  /** The repository's top folder. */
  root: string
  /** The project folder's path inside the repository, '' or ending in '/'. */
  prefix: string
  /** The .git folder (absolute). */
  gitDir: string
}

/** The first line of a git failure that says something (git's "fatal:"/"error:" lines first). */
export function gitMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
  return (lines.find((line) => /^(fatal|error):/.test(line)) ?? lines[0] ?? 'git failed').replace(/^(fatal|error):\s*/, '')
}

/** Variables that would point git at another repository than the project's. */
const REPOSITORY_VARIABLES = new Set(['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR', 'GIT_OBJECT_DIRECTORY'])

/** simple-git's guard names the variables and the option that lets each through. */
const GUARDED: Record<string, keyof NonNullable<SimpleGitOptions['unsafe']>> = {
  editor: 'allowUnsafeEditor', visual: 'allowUnsafeEditor', git_editor: 'allowUnsafeEditor', git_sequence_editor: 'allowUnsafeEditor',
  git_askpass: 'allowUnsafeAskPass', ssh_askpass: 'allowUnsafeAskPass', git_ssh: 'allowUnsafeSshCommand', git_ssh_command: 'allowUnsafeSshCommand',
  git_pager: 'allowUnsafePager', pager: 'allowUnsafePager', git_proxy_command: 'allowUnsafeGitProxy',
  git_config_global: 'allowUnsafeConfigPaths', git_config_system: 'allowUnsafeConfigPaths', git_config: 'allowUnsafeConfigPaths',
  git_config_count: 'allowUnsafeConfigEnvCount', git_config_parameters: 'allowUnsafeConfigEnvCount', git_exec_path: 'allowUnsafeExec',
  git_template_dir: 'allowUnsafeTemplateDir', git_external_diff: 'allowUnsafeDiffExternal'
}

/**
 * The user's own environment goes to git (their ssh command, CA file, askpass), which simple-git's
 * guard would otherwise strip: what it guards against is input from elsewhere, and the only such
 * input here (remote and annotator names) is checked before use. Never a prompt in a window
 * nobody sees: a remote that wants a password fails at once unless a terminal is there to ask.
 */
function ambientEnvironment(): Pick<SimpleGitOptions, 'allowEnvironment' | 'unsafe'> & { env: Record<string, string> } {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !REPOSITORY_VARIABLES.has(key)) env[key] = value
  if (!process.stdin.isTTY) env.GIT_TERMINAL_PROMPT = '0'
  const unsafe: NonNullable<SimpleGitOptions['unsafe']> = {}
  for (const key of Object.keys(env)) {
    const option = GUARDED[key.toLowerCase()]
    if (option) unsafe[option] = true
  }
  return { env, allowEnvironment: Object.keys(env), unsafe }
}

function gitAt(folder: string, identity?: { name: string; email: string }): SimpleGit {
  const config = identity ? [`user.name=${identity.name}`, `user.email=${identity.email}`] : []
  const { env, ...guard } = ambientEnvironment()
  return simpleGit({ baseDir: folder, config, ...guard, timeout: { block: 120_000 } }).env(env)
}

export async function requireGit(folder: string): Promise<void> {
  const version = await gitAt(folder).version().catch(() => ({ installed: false }))
  if (!version.installed) throw new SyncError('git is not installed (or not on PATH): Spanwise syncs through git; install git and try again')
}

/** The repository holding `folder`, or null when it is in none. */
export async function findRepository(folder: string): Promise<Omit<ProjectRepository, 'git'> | null> {
  // one git call: outside a repository it fails (or, as simple-git resolves some failures, says nothing)
  const output = await gitAt(folder).raw(['rev-parse', '--show-toplevel', '--show-prefix', '--absolute-git-dir']).catch(() => '')
  const [root, prefix, gitDir] = output.split('\n')
  if (!root || prefix === undefined || !gitDir) return null
  return { root, prefix: prefix.trim(), gitDir: gitDir.trim() }
}

/**
 * Opens the repository holding a project for an annotator. Commits carry the annotator's name, and
 * the configured e-mail when there is one (else `<annotator>@spanwise.local`).
 */
export async function openRepository(folder: string, annotator: string): Promise<ProjectRepository> {
  await requireGit(folder)
  const found = await findRepository(folder)
  if (!found) {
    throw new SyncError(`${folder} is not in a git repository: run "spanwise init --git --project ${folder}", or clone your team's repository`)
  }
  const email = (await gitAt(found.root).raw(['config', '--get', 'user.email']).catch(() => '')).trim() || `${annotator}@spanwise.local`
  return { git: gitAt(found.root, { name: annotator, email }), ...found }
}

/** `git init` in a folder (branch main) with the annotator as committer; returns the repository. */
export async function initRepository(folder: string, annotator: string): Promise<ProjectRepository> {
  await requireGit(folder)
  await gitAt(folder).raw(['init', '--initial-branch=main']).catch((error: unknown) => {
    throw new SyncError(`git init failed in ${folder}: ${gitMessage(error)}`)
  })
  return openRepository(folder, annotator)
}
