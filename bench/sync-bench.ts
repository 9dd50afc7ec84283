// `npm run bench -- --only sync`: the issue's team at full scale, on this machine only (a local
// bare repository, clones in a temporary folder; nothing leaves the machine). N annotators
// (default 20) each annotate every one of M documents (default 1,000) in their own clone, in two
// sittings, syncing after each in a random order two at a time; then the owner renames a label
// and everyone syncs again. Prints the time per sync, and checks what the issue demands: every
// clone holds every layer, 0 merge conflicts, one export across clones, and the rename leaves
// every other annotator's files untouched in git history.
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import seedrandom from 'seedrandom'
import { exportText } from '../tests/helpers/export-text'
import { annotate, git, isolateGit, makeTeam, syncRound, type Member } from '../tests/helpers/git-team'
import type { SyncReport } from '../src/shared/api/contract'

export interface SyncBenchOptions {
  annotators: number
  documents: number
  dir: string
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? 0
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0

export async function syncBench(options: SyncBenchOptions): Promise<void> {
  console.log(`\n# team sync over git: ${options.annotators} annotators × ${options.documents.toLocaleString()} documents, local bare repository in ${options.dir}`)
  const root = mkdtempSync(path.join(options.dir, 'spanwise-sync-bench-'))
  const restoreGit = isolateGit(root)
  const random = seedrandom('sync-bench')
  const timings: number[] = []
  const outcomes = new Map<string, number>()
  const timedRound = async (members: Member[]): Promise<SyncReport[]> => {
    const started = performance.now()
    const reports = await syncRound(members, random, 2)
    const seconds = (performance.now() - started) / 1000
    for (const report of reports) outcomes.set(report.outcome, (outcomes.get(report.outcome) ?? 0) + 1)
    timings.push(seconds / reports.length)
    return reports
  }
  const settle = async (members: Member[]) => {
    for (let round = 0; round < 6; round++) if ((await timedRound(members)).every((r) => r.outcome === 'up_to_date')) return round + 1
    throw new Error('the team did not settle in 6 rounds')
  }
  try {
    const started = performance.now()
    const team = await makeTeam(root, { annotators: options.annotators, documents: options.documents, seed: 'sync-bench' })
    const everyone = [team.owner, ...team.annotators]
    const ids = await team.owner.store.documentIds()
    console.log(`setup (project, bare repository, ${options.annotators} clones): ${((performance.now() - started) / 1000).toFixed(1)} s`)

    const annotateStarted = performance.now()
    const half = Math.ceil(ids.length / 2)
    for (const [sitting, part] of [ids.slice(0, half), ids.slice(half)].entries()) {
      for (const member of team.annotators) await annotate(member, part, random)
      await timedRound(team.annotators)
      console.log(`sitting ${sitting + 1}: ${options.annotators} × ${part.length} layers saved and synced`)
    }
    const rounds = await settle(everyone)
    console.log(`annotation and sync: ${((performance.now() - annotateStarted) / 1000).toFixed(1)} s, settled after ${rounds} more round(s)`)

    const owner = team.owner.store
    const labels = owner.settings.labels.map((label) => (label.name === 'actor' ? { ...label, name: 'speaker' } : label))
    await owner.changeLabels({ labels, relationTypes: owner.settings.relationTypes, renames: [{ from: 'actor', to: 'speaker' }], deletions: [] }, undefined, 'owner')
    const renameRounds = await settle(everyone)

    // what the issue demands
    const expectedLayers = options.annotators * options.documents
    const layerCounts = everyone.map((member) =>
      readdirSync(path.join(member.store.folder, 'annotations')).reduce((sum, name) => sum + readdirSync(path.join(member.store.folder, 'annotations', name)).length, 0)
    )
    const exportStarted = performance.now()
    const exportHashes = new Set<string>()
    let speakerSpans = 0
    for (const member of everyone) {
      const text = await exportText(member.store)
      exportHashes.add(createHash('sha256').update(text).digest('hex'))
      speakerSpans = text.split('"label":"speaker"').length - 1
    }
    const exportSeconds = (performance.now() - exportStarted) / 1000
    const foreignCommits = team.annotators.filter((member) => {
      const authors = new Set(git(owner.folder, 'log', '--format=%an', '--', `annotations/${member.annotator}`).trim().split('\n'))
      return authors.size !== 1 || !authors.has(member.annotator)
    }).length
    const renameCommit = git(owner.folder, 'log', '-1', '--format=%H', '--', 'project.json').trim()
    const renameFiles = git(owner.folder, 'show', '--name-only', '--format=', renameCommit).trim().split('\n')

    console.log(`label rename by the owner reached everyone in ${renameRounds} round(s); its commit touched: ${renameFiles.join(', ')}`)
    console.log(`time per sync: median ${median(timings).toFixed(2)} s, p90 ${quantile(timings, 0.9).toFixed(2)} s (round time / syncs in the round, 2 at a time)`)
    console.log(`sync outcomes: ${[...outcomes].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`)
    console.log(`merge conflicts: ${outcomes.get('conflict') ?? 0} (must be 0)`)
    console.log(`clones holding every layer (${expectedLayers.toLocaleString()}): ${layerCounts.filter((n) => n === expectedLayers).length} of ${everyone.length}`)
    console.log(`distinct exports across clones: ${exportHashes.size} (must be 1; ${speakerSpans.toLocaleString()} "speaker" spans each; ${exportSeconds.toFixed(1)} s for all exports)`)
    console.log(`annotators' folders with a commit by anyone else: ${foreignCommits} (must be 0)`)
    const failed =
      (outcomes.get('conflict') ?? 0) > 0 || layerCounts.some((n) => n !== expectedLayers) || exportHashes.size !== 1 || foreignCommits > 0 || renameFiles.join() !== 'project.json'
    if (failed) process.exitCode = 1
  } finally {
    restoreGit()
    rmSync(root, { recursive: true, force: true })
  }
}
