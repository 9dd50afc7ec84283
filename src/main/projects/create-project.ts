// New project: a folder named after the project, made in a parent folder the user chose, with
// a label set from a template or copied from another project (its current labels and relation
// types; not its documents, layers or label history).
import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import type { Label, RelationType } from '../../shared/model'
import { StoreError } from '../store/errors'
import { ProjectStore } from '../store/project-store'
import { labelTemplate, LABEL_TEMPLATES } from './label-templates'

/** Where the new project's labels come from: a template's id, or another project's folder. */
export type LabelSource = { template: string } | { copyFrom: string }

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/** Why `name` cannot be a folder name on every teammate's system, or null when it can. */
export function projectNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a project needs a name'
  if (name.length > 100) return 'a project name has at most 100 characters'
  if (/[/\\:*?"<>|\p{Cc}]/u.test(name)) return 'a project name may not contain / \\ : * ? " < > | or control characters'
  if (name.trim() === '.' || name.trim() === '..') return 'a project name may not be "." or ".."'
  if (/[. ]$/.test(name)) return 'a project name may not end with "." or a space (Windows drops them)'
  if (WINDOWS_DEVICE.test(name.trim())) return `"${name}" is a device name on Windows`
  return null
}

async function labelsFrom(source: LabelSource): Promise<{ labels: Label[]; relationTypes: RelationType[] }> {
  if ('template' in source) {
    const template = labelTemplate(source.template)
    if (!template) throw new StoreError('invalid_input', `unknown label template "${source.template}"; templates: ${LABEL_TEMPLATES.map((t) => t.id).join(', ')}`)
    return template
  }
  const settings = await (await ProjectStore.open(source.copyFrom)).freshSettings()
  return { labels: settings.labels, relationTypes: settings.relationTypes }
}

/** Makes `<parent>/<name>` a new project; refuses a folder that exists and is not empty. */
export async function createProject(parent: string, name: string, source: LabelSource): Promise<ProjectStore> {
  const problem = projectNameProblem(name)
  if (problem) throw new StoreError('invalid_input', problem)
  const folder = path.join(parent, name.trim())
  const { labels, relationTypes } = await labelsFrom(source)
  const existing = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw new StoreError('invalid_input', `${folder} cannot be used: ${error.message}`)
  })
  if (existing && existing.length > 0) throw new StoreError('conflict', `${folder} already exists and is not empty: choose another name or location`)
  // the parent must exist: a typing mistake in it should not make a tree of folders
  await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw new StoreError('invalid_input', `cannot make ${folder}: ${error.code === 'ENOENT' ? 'its parent folder does not exist' : error.message}`)
  })
  return ProjectStore.open(folder, { create: true, name: name.trim(), labels, relationTypes })
}
