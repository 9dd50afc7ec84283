// A team syncing one project through a local bare repository with Debian's git: annotators in
// their own clones, syncing in a random order two at a time, end with every layer everywhere,
// no merge conflict, and the same export; a label rename by the owner reaches everyone without
// touching anyone else's files in git history. (The full scale is `npm run bench -- --only sync`.)
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import seedrandom from 'seedrandom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SyncReport } from '../../../src/shared/api/contract'
import { exportText } from '../../helpers/export-text'
import { annotate, git, isolateGit, makeTeam, syncUntilSettled, type Team } from '../../helpers/git-team'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ANNOTATORS = 5
const DOCUMENTS = 40

let team: Team
let restoreGit: () => void
const random = seedrandom('team-sync')

beforeAll(async () => {
  const root = await tempDir()
  restoreGit = isolateGit(root)
  team = await makeTeam(root, { annotators: ANNOTATORS, documents: DOCUMENTS, seed: 'team-sync' })
}, 60_000)
afterAll(async () => {
  restoreGit()
  await removeTempDirs()
})

async function layerFiles(folder: string): Promise<string[]> {
  const files: string[] = []
  for (const annotator of await readdir(path.join(folder, 'annotations'))) {
    for (const file of await readdir(path.join(folder, 'annotations', annotator))) files.push(`${annotator}/${file}`)
  }
  return files.sort()
}

const members = () => [team.owner, ...team.annotators]
const outcomes = (reports: SyncReport[]) => reports.map((report) => report.outcome)

describe('a team syncing through git', () => {
  it('ends with every clone holding every layer, no conflict and one export', async () => {
    const ids = await team.owner.store.documentIds()
    // each annotator marks a random half of the documents, then everyone syncs in a random order
    for (const member of team.annotators) await annotate(member, ids.filter(() => random() < 0.5), random)
    const reports = await syncUntilSettled(members(), random, 2)
    expect(outcomes(reports)).not.toContain('conflict')
    expect(reports.filter((r) => r.outcome === "unreachable").map((r) => r.lines)).toEqual([])

    const expected = await layerFiles(team.annotators[0]!.store.folder)
    expect(new Set(expected.map((file) => file.split('/')[0]))).toEqual(new Set(team.annotators.map((m) => m.annotator)))
    const exports = new Set<string>()
    for (const member of members()) {
      expect(await layerFiles(member.store.folder)).toEqual(expected)
      expect(git(member.store.folder, 'status', '--porcelain')).toBe('')
      exports.add(await exportText(member.store))
    }
    expect(exports.size).toBe(1)
    expect([...exports][0]!.trim().split('\n')).toHaveLength(expected.length)
  }, 120_000)

  it('reports what came in by annotator and what went out', async () => {
    const [first, second] = team.annotators
    const id = (await first!.store.documentIds())[0]!
    await annotate(first!, [id], seedrandom('once more'))
    const out = (await syncUntilSettled([first!], random, 1))[0]!
    expect(out.outgoing.layers).toEqual([{ annotator: first!.annotator, added: expect.any(Number), changed: expect.any(Number), removed: 0 }])
    const incoming = (await syncUntilSettled([second!], random, 1))[0]!
    expect(incoming.outcome).toBe('synced')
    expect(incoming.incoming.layers.map((l) => l.annotator)).toEqual([first!.annotator])
    expect(incoming.lines.join('\n')).toMatch(new RegExp(`In: layers: ${first!.annotator} 1`))
  }, 60_000)

  it("spreads the owner's label rename to all, leaving every other annotator's files untouched in history", async () => {
    const owner = team.owner.store
    const labels = owner.settings.labels.map((label) => (label.name === 'actor' ? { ...label, name: 'speaker' } : label))
    await owner.changeLabels({ labels, relationTypes: owner.settings.relationTypes, renames: [{ from: 'actor', to: 'speaker' }], deletions: [] }, undefined, 'owner')
    const reports = await syncUntilSettled(members(), random, 2)
    expect(outcomes(reports)).not.toContain('conflict')
    // the others hear of it, with who made it
    const heard = reports.filter((report) => report.incoming.labels.length > 0)
    expect(heard).toHaveLength(ANNOTATORS)
    for (const report of heard) expect(report.incoming.labels).toEqual([{ by: 'owner', what: 'renamed actor → speaker' }])

    const exports = new Set<string>()
    for (const member of members()) {
      expect(member.store.settings.labels.map((l) => l.name)).toEqual(['speaker', 'claim', 'figure'])
      const text = await exportText(member.store)
      expect(text).toContain('"label":"speaker"')
      expect(text).not.toContain('"label":"actor"')
      exports.add(text)
    }
    expect(exports.size).toBe(1)
    // git history: each annotator's folder was only ever written by that annotator
    for (const member of team.annotators) {
      const authors = new Set(git(owner.folder, 'log', '--format=%an', '--', `annotations/${member.annotator}`).trim().split('\n'))
      expect(authors).toEqual(new Set([member.annotator]))
    }
    // and the rename commit touched project.json alone
    const renameCommit = git(owner.folder, 'log', '-1', '--format=%H', '--', 'project.json').trim()
    expect(git(owner.folder, 'show', '--name-only', '--format=', renameCommit).trim()).toBe('project.json')
  }, 120_000)

  it("an annotator's next save brings their own layer up to date, and syncs only that file", async () => {
    const member = team.annotators[2]!
    const [id] = (await layerFiles(member.store.folder)).filter((f) => f.startsWith(`${member.annotator}/`)).map((f) => f.slice(member.annotator.length + 1, -5))
    const layer = await member.store.getLayer(id!, member.annotator)
    await member.store.saveLayer(id!, member.annotator, { spans: layer.spans, status: layer.status === 'done' ? 'in_progress' : 'done' })
    const [report] = await syncUntilSettled([member], random, 1)
    expect(report!.committed).toBe(1)
    const changed = git(member.store.folder, 'show', '--name-only', '--format=', 'HEAD').trim()
    expect(changed).toBe(`annotations/${member.annotator}/${id}.json`)
    expect((JSON.parse(git(member.store.folder, 'show', 'HEAD:' + changed)) as { labelRevision?: number }).labelRevision).toBe(1)
  }, 60_000)
})
