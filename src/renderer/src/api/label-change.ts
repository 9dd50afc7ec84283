// Changing the label set states the version of project.json it was made from. If the set changed
// elsewhere meanwhile (`spanwise import` added labels, another tab edited it), the server refuses
// with `conflict`; the change is then made again on the set as it is now: labels added elsewhere
// are kept, and the user's own renames, deletions and edits apply as they made them.
import type { ChannelInput, ChannelResult, LabelSnapshotInput, ProjectInfo } from '../../../shared/api/contract'
import { invoke, isConflict } from './client'

export type LabelChangeFrom = ChannelInput<'labels.change'> & {
  /** Names of the labels the change was made from (the editor's starting set). */
  seen: string[]
  /** Names of the tag groups it was made from. */
  seenTagGroups?: string[]
}

export interface AppliedLabelChange extends ChannelResult<'labels.change'> {
  /** Labels someone else added meanwhile, kept beside the user's change. */
  keptFromElsewhere: string[]
}

export async function applyLabelChange({ seen, seenTagGroups = [], ...change }: LabelChangeFrom): Promise<AppliedLabelChange> {
  try {
    return { ...(await invoke('labels.change', change)), keptFromElsewhere: [] }
  } catch (error) {
    if (!isConflict(error)) throw error
  }
  const now = await invoke('project.info', {})
  const known = new Set([...seen, ...change.labels.map((l) => l.name)])
  const added = now.labels.filter((label) => !known.has(label.name))
  // tag groups added elsewhere (an import) are kept in the same way
  const knownGroups = new Set([...seenTagGroups, ...(change.tagGroups ?? []).map((g) => g.name), ...(change.tagGroupRenames ?? []).map((r) => r.from)])
  const addedGroups = change.tagGroups ? now.tagGroups.filter((group) => !knownGroups.has(group.name)) : []
  const result = await invoke('labels.change', {
    ...change,
    labels: [...change.labels, ...added],
    ...(change.tagGroups ? { tagGroups: [...change.tagGroups, ...addedGroups] } : {}),
    baseVersion: now.labelsVersion
  })
  return { ...result, keptFromElsewhere: [...added, ...addedGroups].map((item) => item.name) }
}

/**
 * Undoes a label change: the set goes back to what it was before `after` was made, except for
 * labels and relation types added elsewhere since (an import), which stay.
 */
export async function undoLabelChange(undo: LabelSnapshotInput, after: Pick<ProjectInfo, 'labels' | 'relationTypes' | 'tagGroups'>): Promise<ProjectInfo> {
  const now = await invoke('project.info', {})
  const addedSince = <T extends { name: string }>(current: T[], ...known: { name: string }[][]) => {
    const names = new Set(known.flat().map((item) => item.name))
    return current.filter((item) => !names.has(item.name))
  }
  return invoke('labels.restore', {
    ...undo,
    labels: [...undo.labels, ...addedSince(now.labels, after.labels, undo.labels)],
    relationTypes: [...undo.relationTypes, ...addedSince(now.relationTypes, after.relationTypes, undo.relationTypes)],
    ...(undo.tagGroups ? { tagGroups: [...undo.tagGroups, ...addedSince(now.tagGroups, after.tagGroups, undo.tagGroups)] } : {})
  })
}
