// What a set of changed project files means to people: documents added or removed, layers per
// annotator, the gold layer, label changes (from project.json's label log) and anything else.
import type { SyncChanges } from '../../shared/api/contract'
import type { LabelRevision, ProjectConfig } from '../../shared/model'
import { describeStep } from '../store/label-log'
import { idFromFileName } from '../store/layout'

/** A changed file: git's status letter (A added, M modified, D deleted) and its path in the project. */
export interface FileChange {
  status: 'A' | 'M' | 'D'
  path: string
}

export function noChanges(): SyncChanges {
  return { documents: { added: 0, changed: 0, removed: 0 }, layers: [], gold: 0, labels: [], settings: false, other: [] }
}

export function isEmpty(changes: SyncChanges): boolean {
  const c = changes
  return c.documents.added + c.documents.changed + c.documents.removed + c.layers.length + c.gold + c.labels.length + c.other.length === 0 && !c.settings
}

/** Counts file changes by what they are; label changes are added by `labelChanges`. */
export function classify(files: FileChange[], into: SyncChanges = noChanges()): SyncChanges {
  const verb = (status: FileChange['status']) => (status === 'A' ? 'added' : status === 'D' ? 'removed' : 'changed')
  for (const file of files) {
    const parts = file.path.split('/')
    if (parts[0] === 'documents' && parts.length === 2 && idFromFileName(parts[1]!)) into.documents[verb(file.status)]++
    else if (parts[0] === 'annotations' && parts.length === 3 && idFromFileName(parts[2]!)) {
      let entry = into.layers.find((layer) => layer.annotator === parts[1])
      if (!entry) into.layers.push((entry = { annotator: parts[1]!, added: 0, changed: 0, removed: 0 }))
      entry[verb(file.status)]++
    } else if (parts[0] === 'gold') into.gold++
    else if (file.path === 'project.json') into.settings = true
    else into.other.push(file.path)
  }
  into.layers.sort((a, b) => a.annotator.localeCompare(b.annotator))
  return into
}

/**
 * Label changes between two versions of project.json: the label log's new steps (with who made
 * them), and labels added or removed outside the log (imports, edits by hand).
 */
export function labelChanges(before: ProjectConfig | null, after: ProjectConfig | null, author: string): { by: string; what: string }[] {
  if (!after) return []
  const seen = before?.labelRevision ?? 0
  const steps: LabelRevision[] = (after.labelLog ?? []).filter((step) => step.revision > seen)
  const changes = steps.map((step) => ({ by: step.by ?? author, what: describeStep(step) }))
  const renamedOrDeleted = new Set(steps.flatMap((step) => [...step.renames.flatMap((r) => [r.from, r.to]), ...step.deletions]))
  const namesBefore = new Set(before?.labels.map((label) => label.name) ?? [])
  const namesAfter = new Set(after.labels.map((label) => label.name))
  const added = [...namesAfter].filter((name) => !namesBefore.has(name) && !renamedOrDeleted.has(name))
  const removed = [...namesBefore].filter((name) => !namesAfter.has(name) && !renamedOrDeleted.has(name))
  if (added.length > 0) changes.push({ by: author, what: `added ${added.join(', ')}` })
  if (removed.length > 0) changes.push({ by: author, what: `removed ${removed.join(', ')}` })
  return changes
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** One line such as "2 documents added; layers: bob 12, cy 3; labels: renamed actor → speaker (by ana)". */
export function describeChanges(changes: SyncChanges): string {
  const parts: string[] = []
  const { added, changed, removed } = changes.documents
  const documents = [added && `${added} added`, changed && `${changed} changed`, removed && `${removed} removed`].filter(Boolean)
  if (documents.length > 0) parts.push(`documents ${documents.join(', ')}`)
  if (changes.layers.length > 0) {
    parts.push(`layers: ${changes.layers.map((l) => `${l.annotator} ${l.added + l.changed + l.removed}`).join(', ')}`)
  }
  if (changes.gold > 0) parts.push(`gold: ${plural(changes.gold, 'file')}`)
  if (changes.labels.length > 0) parts.push(`labels: ${changes.labels.map((c) => `${c.what} (by ${c.by})`).join('; ')}`)
  else if (changes.settings) parts.push('project settings')
  if (changes.other.length > 0) parts.push(plural(changes.other.length, 'other file'))
  return parts.join('; ')
}
