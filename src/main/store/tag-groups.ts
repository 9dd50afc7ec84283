// Tag groups met in imported data join the project's, as labels do: a group it lacks is added
// (multiple choice when some document chose two of its options), an option a group lacks is
// appended, each with a colour. Nothing is removed or reordered.
import { tagGroupSchema, type Label, type TagGroup } from '../../shared/model'
import { StoreError } from './errors'
import { colorForNewLabel } from './label-defaults'

export function addTagGroupsTo(groups: TagGroup[], found: { group: string; option: string; multiple: boolean }[], labels: Label[]): TagGroup[] {
  let next = groups
  let colours = labels.length + groups.reduce((n, g) => n + g.options.length, 0)
  for (const { group: name, option, multiple } of found) {
    const index = next.findIndex((g) => g.name === name)
    const existing = next[index]
    if (existing && existing.options.some((o) => o.name === option) && (existing.multiple || !multiple)) continue
    const group: TagGroup = existing
      ? {
          ...existing,
          multiple: existing.multiple || multiple,
          options: existing.options.some((o) => o.name === option) ? existing.options : [...existing.options, { name: option, color: colorForNewLabel(colours++) }]
        }
      : { name, multiple, options: [{ name: option, color: colorForNewLabel(colours++) }] }
    const parsed = tagGroupSchema.safeParse(group)
    if (!parsed.success) throw new StoreError('invalid_input', `tag group "${name}": ${parsed.error.issues[0]?.message}`)
    next = existing ? next.map((g, i) => (i === index ? parsed.data : g)) : [...next, parsed.data]
  }
  return next
}
