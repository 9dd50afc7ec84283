// A team sharing one project through a local bare repository, as the sync tests and the sync
// bench use it: the owner makes the project and pushes it, each annotator works in a clone.
// Plain git (Debian's) for the setup, Spanwise's own sync for everything the team does.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import seedrandom from 'seedrandom'
import type { SyncReport } from '../../src/shared/api/contract'
import type { Span } from '../../src/shared/model'
import { ProjectStore } from '../../src/main/store/project-store'
import { initProjectRepository } from '../../src/main/sync/init-repository'
import { syncProject } from '../../src/main/sync/sync-project'

/**
 * Git as a teammate with no identity configured runs it: no global or system configuration.
 * Set on process.env so that Spanwise's git sees it too.
 */
export function isolateGit(home: string): () => void {
  const saved = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM, HOME: process.env.HOME }
  process.env.GIT_CONFIG_GLOBAL = path.join(home, 'no-gitconfig')
  process.env.GIT_CONFIG_NOSYSTEM = '1'
  process.env.HOME = home
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 })
}

export interface Member {
  annotator: string
  store: ProjectStore
}

export interface Team {
  bare: string
  owner: Member
  annotators: Member[]
}

const WORDS = ['the', 'mayor', 'said', 'budget', 'grew', 'percent', 'council', 'denied', 'report', 'minister', 'river', 'bridge']

/** The owner's project with `documents` generated texts, pushed to a new bare repository; one clone per annotator. */
export async function makeTeam(root: string, options: { annotators: number; documents: number; seed: string }): Promise<Team> {
  const random = seedrandom(options.seed)
  const bare = path.join(root, 'team.git')
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare)
  const ownerStore = await ProjectStore.open(path.join(root, 'owner'), { create: true, name: 'Team project' })
  const texts = Array.from({ length: options.documents }, (_, index) => {
    const words = Array.from({ length: 30 + Math.floor(random() * 40) }, () => WORDS[Math.floor(random() * WORDS.length)]!)
    return { text: `Article ${index}: ${words.join(' ')}.\n`, title: `Article ${index}`, meta: {} }
  })
  await ownerStore.addDocuments(texts)
  await initProjectRepository(ownerStore.folder, 'owner')
  git(ownerStore.folder, 'remote', 'add', 'origin', bare)
  await syncProject(ownerStore, { annotator: 'owner' })
  const annotators: Member[] = []
  for (let index = 0; index < options.annotators; index++) {
    const annotator = `annotator${String(index + 1).padStart(2, '0')}`
    const clone = path.join(root, annotator)
    git(root, 'clone', '--quiet', bare, clone)
    annotators.push({ annotator, store: await ProjectStore.open(clone) })
  }
  return { bare, owner: { annotator: 'owner', store: ownerStore }, annotators }
}

/** Marks a few spans in each of `documentIds` as `member`, through the store as the app saves. */
export async function annotate(member: Member, documentIds: string[], random: () => number): Promise<void> {
  for (const id of documentIds) {
    const { text } = await member.store.getDocument(id)
    const spans: Span[] = []
    for (let n = 0; n < 3; n++) {
      const start = Math.floor(random() * (text.length - 12))
      spans.push({ id: `${member.annotator}-${id}-${n}`, start, end: start + 5 + Math.floor(random() * 6), label: ['actor', 'claim', 'figure'][n]! })
    }
    await member.store.saveLayer(id, member.annotator, { spans, status: random() < 0.5 ? 'done' : 'in_progress' })
  }
}

/** Everyone syncs once, in a random order, `concurrency` at a time. */
export async function syncRound(members: Member[], random: () => number, concurrency: number): Promise<SyncReport[]> {
  const order = members.map((member) => ({ member, key: random() })).sort((a, b) => a.key - b.key).map((entry) => entry.member)
  const reports: SyncReport[] = []
  let next = 0
  const worker = async () => {
    while (next < order.length) {
      const member = order[next++]!
      reports.push(await syncProject(member.store, { annotator: member.annotator }))
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  return reports
}

/** Rounds of everyone syncing until a round brings nobody anything; returns every report. */
export async function syncUntilSettled(members: Member[], random: () => number, concurrency: number, maxRounds = 6): Promise<SyncReport[]> {
  const all: SyncReport[] = []
  for (let round = 0; round < maxRounds; round++) {
    const reports = await syncRound(members, random, concurrency)
    all.push(...reports)
    if (reports.every((report) => report.outcome === 'up_to_date')) return all
  }
  throw new Error(`the team did not settle in ${maxRounds} rounds: ${all.map((r) => r.outcome).join(', ')}`)
}
