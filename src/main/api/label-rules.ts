// What makes a label set usable: unique names and hotkeys, and hotkeys that do not collide with
// the workbench's own keys. Checked before any span is renamed or removed.
import type { Label, RelationType, TagGroup } from '../../shared/model'
import { StoreError } from '../store/errors'

/** Keys the editor keeps for itself (documents, shortcut sheet, relation mode, attributes). */
export const RESERVED_KEYS = new Set(['[', ']', '?', ' ', 'r', 'e'])

/**
 * Keys a tag may not take besides those: the Review view's own (a reviewer picks gold tags with the
 * tag keys there, beside its decisions).
 */
export const REVIEW_KEYS = new Set(['n', 'u', 'i', 'x', 't', 'l', 'h', 'm', 'g'])

export function checkLabelSet(labels: Label[], relationTypes: RelationType[], renames: { from: string; to: string }[], tagGroups: TagGroup[] = []): void {
  const fail = (message: string): never => {
    throw new StoreError('invalid_input', message)
  }
  const names = new Set<string>()
  const hotkeys = new Map<string, string>()
  for (const label of labels) {
    if (names.has(label.name)) fail(`two labels are called "${label.name}"`)
    names.add(label.name)
    const key = label.hotkey.toLowerCase()
    if (RESERVED_KEYS.has(key)) fail(`"${label.hotkey}" is kept for the workbench; choose another hotkey for ${label.name}`)
    const owner = hotkeys.get(key)
    if (owner) fail(`${label.name} and ${owner} both use the hotkey "${label.hotkey}"`)
    hotkeys.set(key, label.name)
    const attributes = new Set<string>()
    for (const attribute of label.attributes) {
      if (attributes.has(attribute.name)) fail(`label ${label.name} has two attributes called "${attribute.name}"`)
      attributes.add(attribute.name)
    }
  }
  for (const rename of renames) if (!names.has(rename.to)) fail(`renamed label "${rename.to}" is not in the new label set`)
  const relationNames = new Set<string>()
  for (const type of relationTypes) {
    if (relationNames.has(type.name)) fail(`two relation types are called "${type.name}"`)
    relationNames.add(type.name)
    for (const end of [...type.from, ...type.to]) if (!names.has(end)) fail(`relation type ${type.name} refers to unknown label "${end}"`)
  }
  checkTagGroups(tagGroups, hotkeys, fail)
}

/** Tag groups: unique names, unique options in a group, hotkeys free of labels', other tags' and the workbench's keys. */
function checkTagGroups(groups: TagGroup[], hotkeys: Map<string, string>, fail: (message: string) => never): void {
  const names = new Set<string>()
  for (const group of groups) {
    if (names.has(group.name)) fail(`two tag groups are called "${group.name}"`)
    names.add(group.name)
    const options = new Set<string>()
    for (const option of group.options) {
      if (options.has(option.name)) fail(`tag group ${group.name} has two options called "${option.name}"`)
      options.add(option.name)
      if (!option.hotkey) continue
      const key = option.hotkey.toLowerCase()
      const tag = `${group.name}: ${option.name}`
      if (RESERVED_KEYS.has(key) || REVIEW_KEYS.has(key)) fail(`"${option.hotkey}" is kept for the workbench; choose another hotkey for ${tag}`)
      const owner = hotkeys.get(key)
      if (owner) fail(`${tag} and ${owner} both use the hotkey "${option.hotkey}"`)
      hotkeys.set(key, tag)
    }
  }
}

/** The relation types after a label change: renamed labels renamed in them, deleted ones dropped. */
export function relationTypesAfter(relationTypes: RelationType[], renames: { from: string; to: string }[], deletions: string[]): RelationType[] {
  const renamed = new Map(renames.map((r) => [r.from, r.to]))
  const gone = new Set(deletions)
  const fix = (labels: string[]) => labels.filter((label) => !gone.has(label)).map((label) => renamed.get(label) ?? label)
  // a type whose every allowed label is gone at one end cannot link anything any more
  return relationTypes
    .filter((type) => !(type.from.length > 0 && fix(type.from).length === 0) && !(type.to.length > 0 && fix(type.to).length === 0))
    .map((type) => ({ ...type, from: fix(type.from), to: fix(type.to) }))
}
