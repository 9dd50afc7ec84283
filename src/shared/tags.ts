// Document tags: each annotator's layer holds, per tag group, the options chosen for the whole
// document (`topic`: ceasefire, hostages; `source`: news agency). A single-choice group holds at
// most one option. Pure functions, shared by the store, the formats, the editor and the review.
import type { DocumentTags, TagGroup } from './model'

export const NO_TAGS: DocumentTags = Object.freeze({}) as DocumentTags

/**
 * The tags after toggling `option` of `group`: in a multiple-choice group the option comes or
 * goes; in a single-choice group it replaces the group's choice, or clears it when it was the choice.
 */
export function toggleTag(tags: DocumentTags | undefined, group: TagGroup, option: string): DocumentTags {
  const current = tags?.[group.name] ?? []
  const has = current.includes(option)
  const chosen = has ? current.filter((o) => o !== option) : group.multiple ? [...current, option] : [option]
  return withGroup(tags, group, chosen)
}

/** The tags with `group`'s choice replaced (an empty choice removes the group). */
export function withGroup(tags: DocumentTags | undefined, group: TagGroup, chosen: string[]): DocumentTags {
  const { [group.name]: _old, ...rest } = tags ?? {}
  const order = new Map(group.options.map((o, i) => [o.name, i]))
  const sorted = [...new Set(chosen)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity) || a.localeCompare(b))
  return sorted.length > 0 ? { ...rest, [group.name]: sorted } : rest
}

/**
 * Tags as a layer stores them: groups sorted by name, options in their group's order (unknown
 * ones after, by name), no empty group, no option twice. The same choice always gives the same bytes.
 */
export function normaliseTags(tags: DocumentTags | undefined, groups: TagGroup[]): DocumentTags {
  const out: DocumentTags = {}
  for (const name of Object.keys(tags ?? {}).sort()) {
    const group = groups.find((g) => g.name === name) ?? { name, multiple: true, options: [] }
    const chosen = withGroup({}, group, tags![name]!)[name]
    if (chosen) out[name] = chosen
  }
  return out
}

/** Why tags do not fit the tag groups (an unknown group or option, two choices of a single-choice group), or null. */
export function tagProblem(tags: DocumentTags | undefined, groups: TagGroup[]): string | null {
  for (const [name, chosen] of Object.entries(tags ?? {})) {
    const group = groups.find((g) => g.name === name)
    if (!group) return `unknown tag group "${name}"`
    for (const option of chosen) if (!group.options.some((o) => o.name === option)) return `tag group "${name}" has no option "${option}"`
    if (!group.multiple && chosen.length > 1) return `tag group "${name}" takes one choice, not ${chosen.length} (${chosen.join(', ')})`
  }
  return null
}

export function hasTags(tags: DocumentTags | undefined): tags is DocumentTags {
  return tags !== undefined && Object.keys(tags).length > 0
}

/** Whether two layers' tags are the same choice (order aside). */
export function sameTags(a: DocumentTags | undefined, b: DocumentTags | undefined): boolean {
  const key = (tags: DocumentTags | undefined) =>
    JSON.stringify(
      Object.entries(tags ?? {})
        .filter(([, chosen]) => chosen.length > 0)
        .map(([group, chosen]) => [group, [...chosen].sort()])
        .sort(([x], [y]) => (x as string).localeCompare(y as string))
    )
  return key(a) === key(b)
}

/** "group:option": how formats without tag groups (doccano categories, Prodigy option ids) name a tag. */
export function qualifiedTag(group: string, option: string): string {
  return `${group}:${option}`
}

/** A tag as a flat list of categories names it: "topic:ceasefire", or a bare "ceasefire" (no group said). */
export function splitQualifiedTag(name: string): { group?: string; option: string } {
  // group names are label names (no ":"), so the first colon ends the group
  const match = /^([\p{L}\p{N}_-]{1,48}):(.+)$/u.exec(name)
  return match ? { group: match[1]!, option: match[2]! } : { option: name }
}

/** Every tag of a layer as "group:option", for flat lists (filters, counts). */
export function flatTags(tags: DocumentTags | undefined): string[] {
  return Object.entries(tags ?? {}).flatMap(([group, chosen]) => chosen.map((option) => qualifiedTag(group, option)))
}

/** Which tag option a key toggles, if any. */
export function tagForKey(groups: TagGroup[], key: string): { group: TagGroup; option: string } | null {
  const lower = key.toLowerCase()
  for (const group of groups) for (const option of group.options) if (option.hotkey && option.hotkey.toLowerCase() === lower) return { group, option: option.name }
  return null
}
