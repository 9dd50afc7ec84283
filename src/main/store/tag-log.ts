// Tag groups follow the label log as labels do (label-log.ts): renaming or deleting a tag group or
// one of its options is a step in project.json, and every layer's tags follow it when read. The
// tags a step deleted are set aside with the step (`retired`), so undoing it brings them back.
import type { DocumentTags, LabelRevision, ProjectConfig, TagGroup } from '../../shared/model'

type TagSteps = Pick<LabelRevision, 'tagGroupRenames' | 'tagRenames' | 'tagDeletions'>

/** Whether a step touches tags at all. */
export function hasTagSteps(step: TagSteps): boolean {
  return (step.tagGroupRenames?.length ?? 0) + (step.tagRenames?.length ?? 0) + (step.tagDeletions?.length ?? 0) > 0
}

/**
 * A layer's tags after one step: deletions first (what they take is returned as `gone`), then
 * option renames (named by the group's old name), then group renames.
 */
export function followTagStep(tags: DocumentTags, step: TagSteps): { tags: DocumentTags; gone: DocumentTags } {
  const gone: DocumentTags = {}
  let next: DocumentTags = { ...tags }
  for (const deletion of step.tagDeletions ?? []) {
    const chosen = next[deletion.group]
    if (!chosen) continue
    const out = deletion.option === undefined ? chosen : chosen.filter((o) => o === deletion.option)
    if (out.length === 0) continue
    gone[deletion.group] = [...(gone[deletion.group] ?? []), ...out]
    const kept = chosen.filter((o) => !out.includes(o))
    if (kept.length > 0) next[deletion.group] = kept
    else delete next[deletion.group]
  }
  for (const rename of step.tagRenames ?? []) {
    const chosen = next[rename.group]
    if (chosen?.includes(rename.from)) next[rename.group] = [...new Set(chosen.map((o) => (o === rename.from ? rename.to : o)))]
  }
  if (step.tagGroupRenames?.length) {
    const renamed = new Map(step.tagGroupRenames.map((r) => [r.from, r.to]))
    next = Object.fromEntries(Object.entries(next).map(([group, chosen]) => [renamed.get(group) ?? group, chosen]))
  }
  return { tags: next, gone }
}

/** Tags a deleting step took from a layer that keeps only tags (the gold layer), kept so the step's undo brings them back. */
export interface RetiredTags {
  revision: number
  tags: DocumentTags
}

/**
 * Tags written against label revision `from`, brought up to the project's through the label log,
 * as `followLabelLog` brings an annotator's layer: renames followed, what a deletion takes set
 * aside under its step in `retired`, and given back by that step's undo.
 */
export function followTagLog(tags: DocumentTags, retired: RetiredTags[], from: number, config: ProjectConfig): { tags: DocumentTags; retired: RetiredTags[] } {
  const to = config.labelRevision ?? 0
  if (from >= to) return { tags, retired }
  let next = tags
  const kept = [...retired]
  for (const step of config.labelLog ?? []) {
    if (step.revision <= from || step.revision > to) continue
    if (hasTagSteps(step)) {
      const followed = followTagStep(next, step)
      next = followed.tags
      if (Object.keys(followed.gone).length > 0) {
        const index = kept.findIndex((set) => set.revision === step.revision)
        if (index < 0) kept.push({ revision: step.revision, tags: followed.gone })
        else kept[index] = { revision: step.revision, tags: restoreTags(kept[index]!.tags, followed.gone) }
      }
    }
    if (step.undoes !== undefined) {
      const index = kept.findIndex((set) => set.revision === step.undoes)
      if (index >= 0) next = restoreTags(next, kept.splice(index, 1)[0]!.tags)
    }
  }
  return { tags: next, retired: kept }
}

/** Tags set aside by a step, back in a layer: a group the layer chose again since keeps its choice when it is single-choice. */
export function restoreTags(tags: DocumentTags, back: DocumentTags): DocumentTags {
  const next = { ...tags }
  for (const [group, chosen] of Object.entries(back)) next[group] = [...new Set([...(next[group] ?? []), ...chosen])]
  return next
}

/** The tag part of a label change step: renames as given, deletions of what is gone from the new groups. */
export function tagChangeSteps(
  before: TagGroup[],
  after: TagGroup[],
  renames: { groups: { from: string; to: string }[]; options: { group: string; from: string; to: string }[] }
): TagSteps {
  const groupRenames = renames.groups.filter((r) => r.from !== r.to)
  const optionRenames = renames.options.filter((r) => r.from !== r.to)
  const newName = (group: string) => groupRenames.find((r) => r.from === group)?.to ?? group
  const tagDeletions: { group: string; option?: string }[] = []
  for (const group of before) {
    const now = after.find((g) => g.name === newName(group.name))
    if (!now) {
      tagDeletions.push({ group: group.name })
      continue
    }
    for (const option of group.options) {
      const renamedTo = optionRenames.find((r) => r.group === group.name && r.from === option.name)?.to ?? option.name
      if (!now.options.some((o) => o.name === renamedTo)) tagDeletions.push({ group: group.name, option: option.name })
    }
  }
  return {
    ...(groupRenames.length ? { tagGroupRenames: groupRenames } : {}),
    ...(optionRenames.length ? { tagRenames: optionRenames } : {}),
    ...(tagDeletions.length ? { tagDeletions } : {})
  }
}

/** The tag renames that undo a step's: option renames named by the group's name after the step, group renames reversed. */
export function reversedTagSteps(step: TagSteps): TagSteps {
  const renamedGroup = (group: string) => step.tagGroupRenames?.find((r) => r.from === group)?.to ?? group
  return {
    ...(step.tagRenames?.length ? { tagRenames: step.tagRenames.map((r) => ({ group: renamedGroup(r.group), from: r.to, to: r.from })) } : {}),
    ...(step.tagGroupRenames?.length ? { tagGroupRenames: step.tagGroupRenames.map((r) => ({ from: r.to, to: r.from })) } : {})
  }
}

/** Readable parts of a step's tag changes, for sync reports. */
export function describeTagSteps(step: TagSteps): string[] {
  return [
    ...(step.tagGroupRenames ?? []).map((r) => `renamed tag group ${r.from} → ${r.to}`),
    ...(step.tagRenames ?? []).map((r) => `renamed tag ${r.group}:${r.from} → ${r.to}`),
    ...(step.tagDeletions ?? []).map((d) => (d.option === undefined ? `deleted tag group ${d.group}` : `deleted tag ${d.group}:${d.option}`))
  ]
}
