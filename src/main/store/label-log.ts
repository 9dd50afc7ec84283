// The label log: renaming or deleting a label writes one step into project.json and nothing
// else, so in a git-shared folder a label change never touches another annotator's files.
// A layer records the step it was written against (`labelRevision`); every reader brings it up
// to date on the fly with `followLabelLog`, and the owner's next save writes the result (lazy
// migration). Spans of a deleted label are set aside in the layer (`retired`), not destroyed,
// so that undoing the deletion, however late, brings them back.
import {
  compareSpans,
  type AnnotationLayer,
  type DocumentTags,
  type LabelRevision,
  type ProjectConfig,
  type Relation,
  type RetiredAnnotations,
  type Span
} from '../../shared/model'
import { StoreError } from './errors'
import { describeTagSteps, followTagStep, hasTagSteps, restoreTags, reversedTagSteps } from './tag-log'

export function currentRevision(config: ProjectConfig): number {
  return config.labelRevision ?? 0
}

/** The layer as if written against the project's current label set. */
export function followLabelLog(layer: AnnotationLayer, config: ProjectConfig): AnnotationLayer {
  const from = layer.labelRevision ?? 0
  const to = currentRevision(config)
  // a layer written against a newer project.json than this one (a teammate's, before our pull): as is
  if (from >= to) return layer
  let spans = layer.spans
  let relations = layer.relations
  let tags = layer.tags ?? {}
  const retired = [...(layer.retired ?? [])]
  for (const step of config.labelLog ?? []) {
    if (step.revision <= from || step.revision > to) continue
    if (hasTagSteps(step)) {
      const followed = followTagStep(tags, step)
      tags = followed.tags
      if (Object.keys(followed.gone).length > 0) setAside(retired, { revision: step.revision, spans: [], relations: [], tags: followed.gone })
    }
    if (step.deletions.length > 0) {
      const gone = new Set(step.deletions)
      const out = spans.filter((span) => gone.has(span.label))
      if (out.length > 0) {
        const outIds = new Set(out.map((span) => span.id))
        const linked = (relation: Relation) => outIds.has(relation.from) || outIds.has(relation.to)
        setAside(retired, { revision: step.revision, spans: out, relations: relations.filter(linked) })
        spans = spans.filter((span) => !gone.has(span.label))
        relations = relations.filter((relation) => !linked(relation))
      }
    }
    if (step.renames.length > 0) {
      const renamed = new Map(step.renames.map((rename) => [rename.from, rename.to]))
      spans = spans.map((span) => (renamed.has(span.label) ? { ...span, label: renamed.get(span.label)! } : span))
    }
    if (step.undoes !== undefined) {
      const index = retired.findIndex((set) => set.revision === step.undoes)
      if (index >= 0) {
        const [back] = retired.splice(index, 1) as [RetiredAnnotations]
        const present = new Set(spans.map((span) => span.id))
        spans = [...spans, ...back.spans.filter((span) => !present.has(span.id))]
        const relationIds = new Set(relations.map((relation) => relation.id))
        relations = [...relations, ...back.relations.filter((relation) => !relationIds.has(relation.id))]
        if (back.tags) tags = restoreTags(tags, back.tags)
      }
    }
  }
  const { retired: _old, tags: _tags, ...rest } = layer
  return {
    ...rest,
    spans: [...spans].sort(compareSpans),
    relations,
    ...(Object.keys(tags).length > 0 ? { tags } : {}),
    labelRevision: to,
    ...(retired.length > 0 ? { retired } : {})
  }
}

/**
 * An edit made against an older label set (a page that loaded the layer before another tab
 * renamed or deleted a label) brought forward through the log: renamed labels renamed, spans of
 * deleted labels set aside as `retired` (so the deletion's undo brings them back), never refused
 * as "unknown label" and never lost.
 */
export function editForward<Change extends { spans?: Span[]; relations?: Relation[]; tags?: DocumentTags; labelRevision?: number }>(
  change: Change,
  config: ProjectConfig
): { change: Omit<Change, 'labelRevision'>; retired: RetiredAnnotations[] } {
  const { labelRevision: from, ...edit } = change
  if (from === undefined || from >= currentRevision(config) || (!edit.spans && !edit.tags)) return { change: edit, retired: [] }
  const followed = followLabelLog(
    {
      version: 1,
      documentId: '',
      annotator: '',
      status: 'todo',
      updatedAt: null,
      spans: edit.spans ?? [],
      relations: edit.relations ?? [],
      ...(edit.tags ? { tags: edit.tags } : {}),
      labelRevision: from
    },
    config
  )
  return {
    change: {
      ...edit,
      ...(edit.spans ? { spans: followed.spans } : {}),
      ...(edit.relations ? { relations: followed.relations } : {}),
      // document tags follow renames and deletions of tag groups and options the same way
      ...(edit.tags ? { tags: followed.tags ?? {} } : {})
    },
    retired: followed.retired ?? []
  }
}

/** Both layers' set-aside spans, one set per deleting step. */
export function mergeRetired(ours: RetiredAnnotations[] = [], more: RetiredAnnotations[] = []): RetiredAnnotations[] {
  const merged = [...ours]
  for (const set of more) setAside(merged, set)
  return merged
}

/** Adds spans a step deleted to what the layer already set aside for that step (a layer saved by a process behind the log may meet the step twice). */
function setAside(retired: RetiredAnnotations[], more: RetiredAnnotations): void {
  const index = retired.findIndex((set) => set.revision === more.revision)
  const existing = retired[index]
  if (!existing) {
    retired.push(more)
    return
  }
  const spanIds = new Set(existing.spans.map((span) => span.id))
  const relationIds = new Set(existing.relations.map((relation) => relation.id))
  const tags = existing.tags || more.tags ? restoreTags(existing.tags ?? {}, more.tags ?? {}) : undefined
  retired[index] = {
    revision: more.revision,
    spans: [...existing.spans, ...more.spans.filter((span) => !spanIds.has(span.id))],
    relations: [...existing.relations, ...more.relations.filter((relation) => !relationIds.has(relation.id))],
    ...(tags ? { tags } : {})
  }
}

/** The label log step for a rename or deletion, or null when the change renames and deletes nothing. */
export function labelChangeStep(
  config: ProjectConfig,
  change: { renames: { from: string; to: string }[]; deletions: string[]; tagSteps?: Pick<LabelRevision, 'tagGroupRenames' | 'tagRenames' | 'tagDeletions'> },
  by: string | undefined
): LabelRevision | null {
  // a rename to the same name is no rename
  const renames = change.renames.filter((rename) => rename.from !== rename.to)
  const tagSteps = change.tagSteps ?? {}
  if (renames.length === 0 && change.deletions.length === 0 && !hasTagSteps(tagSteps)) return null
  return {
    revision: currentRevision(config) + 1,
    renames,
    deletions: [...change.deletions],
    ...tagSteps,
    ...(by ? { by } : {}),
    at: new Date().toISOString()
  }
}

/**
 * The step that undoes step `revision`: its renames reversed, its deleted spans back. Only the
 * latest step can be undone; a later change (made here or pulled from a teammate) must go first.
 */
export function undoStep(config: ProjectConfig, revision: number, by: string | undefined): LabelRevision {
  const log = config.labelLog ?? []
  const step = log.find((s) => s.revision === revision)
  if (!step) throw new StoreError('invalid_input', `the label change to undo (revision ${revision}) is not in this project's label log`)
  if (log.some((s) => s.undoes === revision)) throw new StoreError('conflict', 'this label change has already been undone')
  const latest = latestStandingStep(log)
  if (latest && latest.revision !== revision) {
    throw new StoreError(
      'conflict',
      `the labels were changed again since (revision ${latest.revision}${latest.by ? ` by ${latest.by}` : ''}); undo that change first`
    )
  }
  return {
    revision: currentRevision(config) + 1,
    renames: step.renames.map((rename) => ({ from: rename.to, to: rename.from })),
    deletions: [],
    ...reversedTagSteps(step),
    undoes: revision,
    ...(by ? { by } : {}),
    at: new Date().toISOString()
  }
}

/** The latest step still in effect: undos, and the steps they undid, are passed over. */
function latestStandingStep(log: LabelRevision[]): LabelRevision | undefined {
  const undone = new Set<number>()
  for (let index = log.length - 1; index >= 0; index--) {
    const step = log[index]!
    if (step.undoes !== undefined) undone.add(step.undoes)
    else if (!undone.has(step.revision)) return step
  }
  return undefined
}

/** The project settings with one more label log step. */
export function withStep(config: ProjectConfig, step: LabelRevision): ProjectConfig {
  return { ...config, labelRevision: step.revision, labelLog: [...(config.labelLog ?? []), step] }
}

/** Readable account of a label log step, e.g. "renamed actor → speaker, deleted figure". */
export function describeStep(step: LabelRevision): string {
  const parts = [
    ...step.renames.map((rename) => `renamed ${rename.from} → ${rename.to}`),
    ...step.deletions.map((name) => `deleted ${name}`),
    ...describeTagSteps(step)
  ]
  if (step.undoes !== undefined) parts.unshift(`undid label change ${step.undoes}`)
  return parts.join(', ')
}
