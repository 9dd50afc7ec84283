// What makes a label set usable: unique names and hotkeys, and hotkeys that do not collide with
// the workbench's own keys. Checked before any span is renamed or removed.
import type { Label, RelationType } from '../../shared/model'
import { StoreError } from '../store/errors'

/** Keys the editor keeps for itself (documents, shortcut sheet, relation mode, attributes). */
export const RESERVED_KEYS = new Set(['[', ']', '?', ' ', 'r', 'e'])

export function checkLabelSet(labels: Label[], relationTypes: RelationType[], renames: { from: string; to: string }[]): void {
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
