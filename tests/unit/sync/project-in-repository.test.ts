// A project that is one folder of a larger repository (a team's data repository, say): sync
// commits only inside the project, reports paths relative to it, and two syncs asked for at
// once in one process (two browser tabs) run one after the other.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ProjectStore } from '../../../src/main/store/project-store'
import { initProjectRepository } from '../../../src/main/sync/init-repository'
import { syncProject } from '../../../src/main/sync/sync-project'
import { git, isolateGit } from '../../helpers/git-team'
import { removeTempDirs, tempDir } from '../../helpers/temp'

let root: string
let restoreGit: () => void

beforeAll(async () => {
  root = await tempDir()
  restoreGit = isolateGit(root)
})
afterAll(async () => {
  restoreGit()
  await removeTempDirs()
})

describe('a project inside a larger repository', { timeout: 90_000 }, () => {
  it('syncs its own files only and reports them relative to the project', async () => {
    const repository = path.join(root, 'data')
    await mkdir(repository)
    git(repository, 'init', '--quiet', '--initial-branch=main')
    await writeFile(path.join(repository, 'notes.txt'), 'not part of the project\n')
    const store = await ProjectStore.open(path.join(repository, 'corpora', 'news'), { create: true })
    const init = await initProjectRepository(store.folder, 'olga')
    expect(init.created).toBe(false)
    expect(git(repository, 'ls-files').trim().split('\n').sort()).toEqual(['corpora/news/.gitattributes', 'corpora/news/.gitignore', 'corpora/news/project.json'])

    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', 'data.git')
    git(repository, 'remote', 'add', 'origin', path.join(root, 'data.git'))
    const { added } = await store.addDocuments([{ text: 'The council met.', title: 'Council', meta: {} }])
    await store.saveLayer(added[0]!.id, 'olga', { spans: [{ id: 's', start: 4, end: 11, label: 'actor' }] })
    // two syncs at once, as two tabs would ask: one commits and pushes, the other finds nothing left
    const [first, second] = await Promise.all([syncProject(store, { annotator: 'olga' }), syncProject(store, { annotator: 'olga' })])
    expect(first.outcome).toBe('synced')
    expect(first.outgoing).toMatchObject({ documents: { added: 1 }, layers: [{ annotator: 'olga', added: 1 }] })
    expect(second.outcome).toBe('up_to_date')
    // the file outside the project stays as it was: untracked, uncommitted
    expect(git(repository, 'status', '--porcelain').trim()).toBe('?? notes.txt')
  })

  it('names a document whose text a teammate changed under the layers', async () => {
    const repository = path.join(root, 'data')
    const store = await ProjectStore.open(path.join(repository, 'corpora', 'news'))
    git(root, 'clone', '--quiet', 'data.git', 'other')
    const theirs = path.join(root, 'other', 'corpora', 'news')
    const [id] = await store.documentIds()
    // an edit by hand in the other clone: the text changes, its recorded hash does not
    const file = path.join(theirs, 'documents', `${id}.json`)
    const record = JSON.parse(await readFile(file, 'utf8')) as { text: string }
    await writeFile(file, JSON.stringify({ ...record, text: record.text.replace('council', 'Council') }))
    const edited = await syncProject(await ProjectStore.open(theirs), { annotator: 'olga' })
    expect(edited.outgoing.documents.changed).toBe(1)
    const report = await syncProject(store, { annotator: 'olga' })
    expect(report.textProblems).toEqual([`documents/${id}.json: its text no longer matches the hash it was imported with (edited, or line endings converted by git); annotations on it would be mis-sliced`])
    expect(report.lines.join('\n')).toContain(`Text changed: documents/${id}.json`)
  })

  it("commits the annotator's own files and the project's, never another's or a temporary file", async () => {
    const folder = path.join(root, 'data', 'corpora', 'news')
    const store = await ProjectStore.open(folder)
    const [id] = await store.documentIds()
    await writeFile(path.join(folder, '.gitignore'), `${await readFile(path.join(folder, '.gitignore'), 'utf8')}exports/\n`)
    await store.saveLayer(id!, 'olga', { spans: [], status: 'done' })
    await store.saveLayer(id!, 'pat', { spans: [], status: 'done' })
    await writeFile(path.join(folder, 'annotations', 'olga', `.${id}.json.123.abcdef012345.tmp`), '{')
    const report = await syncProject(store, { annotator: 'olga' })
    expect(report.committed).toBe(2)
    expect(git(folder, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual(['corpora/news/.gitignore', `corpora/news/annotations/olga/${id}.json`])
    expect(report.notCommitted).toEqual([`annotations/pat/${id}.json`])
    expect(report.lines.join('\n')).toContain('Not committed: 1 changed file(s) of other writers (annotations/pat): only their owners commit them.')
  })
})
