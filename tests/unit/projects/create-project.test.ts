// New project: a folder named after it, with a template's label set or another project's
// current one (after its renames), never over a folder that already holds something.
import { readdir, writeFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createProject, projectNameProblem } from '../../../src/main/projects/create-project'
import { LABEL_TEMPLATES } from '../../../src/main/projects/label-templates'
import { ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, readJsonRaw, tempDir } from '../../helpers/temp'

afterAll(removeTempDirs)

describe('creating a project', () => {
  it('from a template: the folder, its name and the template labels on disk', async () => {
    const dir = await tempDir()
    const store = await createProject(dir, 'Election coverage', { template: 'entities' })
    expect(store.folder).toBe(path.join(dir, 'Election coverage'))
    const onDisk = await readJsonRaw<{ name: string; labels: { name: string; hotkey: string }[]; relationTypes: unknown[] }>(path.join(store.folder, 'project.json'))
    expect(onDisk.name).toBe('Election coverage')
    expect(onDisk.labels.map((l) => `${l.hotkey}:${l.name}`)).toEqual(['1:person', '2:organisation', '3:place', '4:date', '5:other'])
    expect(onDisk.relationTypes).toEqual([])
    expect((await readdir(store.folder)).sort()).toEqual(['annotations', 'documents', 'project.json'])
  })

  it('every template makes a project that opens again', async () => {
    const dir = await tempDir()
    for (const template of LABEL_TEMPLATES) {
      const store = await createProject(dir, template.id, { template: template.id })
      const reopened = await ProjectStore.open(store.folder)
      expect(reopened.settings.labels.map((l) => l.name)).toEqual(template.labels.map((l) => l.name))
      expect(reopened.settings.relationTypes).toEqual(template.relationTypes)
    }
  })

  it("copying another project's labels takes its current set, not its documents or history", async () => {
    const dir = await tempDir()
    const source = await ProjectStore.open(path.join(dir, 'source'), { create: true })
    await source.addDocuments([{ text: 'Mayor Lee spoke.', title: 'one', meta: {} }])
    await source.changeLabels(
      {
        labels: source.settings.labels.map((label) => (label.name === 'actor' ? { ...label, name: 'speaker' } : label)),
        relationTypes: source.settings.relationTypes.map((type) => ({ ...type, to: type.to.map((n) => (n === 'actor' ? 'speaker' : n)) })),
        renames: [{ from: 'actor', to: 'speaker' }],
        deletions: []
      },
      source.settingsVersion,
      'owner'
    )
    const copy = await createProject(dir, 'copy', { copyFrom: source.folder })
    expect(copy.settings.labels.map((l) => l.name)).toEqual(['speaker', 'claim', 'figure'])
    expect(copy.settings.labels[0]!.attributes).toEqual(source.settings.labels[0]!.attributes)
    expect(copy.settings.relationTypes.find((t) => t.name === 'attributed_to')!.to).toEqual(['speaker'])
    expect(copy.settings.labelLog ?? []).toEqual([])
    expect(await copy.documentIds()).toEqual([])
  })

  it('refuses a folder that is not empty, a missing parent, bad names and unknown templates', async () => {
    const dir = await tempDir()
    await mkdir(path.join(dir, 'taken'))
    await writeFile(path.join(dir, 'taken', 'notes.txt'), 'mine')
    await expect(createProject(dir, 'taken', { template: 'news' })).rejects.toThrow(/already exists and is not empty/)
    expect(await readdir(path.join(dir, 'taken'))).toEqual(['notes.txt'])
    await expect(createProject(path.join(dir, 'no', 'such'), 'x', { template: 'news' })).rejects.toThrow(/parent folder does not exist/)
    await expect(createProject(dir, 'x', { template: 'nope' })).rejects.toThrow(/unknown label template "nope"/)
    await expect(createProject(dir, 'x', { copyFrom: path.join(dir, 'taken') })).rejects.toThrow(/no Spanwise project/)
    // an empty folder is fine
    await mkdir(path.join(dir, 'empty'))
    await expect(createProject(dir, 'empty', { template: 'news' })).resolves.toBeInstanceOf(ProjectStore)
  })

  it('a project name must be a folder name on every system', () => {
    expect(projectNameProblem('News 2026')).toBeNull()
    expect(projectNameProblem('Новости')).toBeNull()
    for (const bad of ['', '  ', 'a/b', 'a\\b', '..', 'x:y', 'trailing.', 'CON', 'lpt1.txt', 'x'.repeat(101)]) {
      expect(projectNameProblem(bad), bad).not.toBeNull()
    }
  })
})
