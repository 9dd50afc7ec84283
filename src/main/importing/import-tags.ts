// Tags read from files, made ready for the store: an option named without its group (a bare
// doccano category) goes to the project's group that has an option of that name, else (none, or
// several) to the group `category`. The groups and options met join the project's (store
// addTagGroups); a group becomes multiple choice when a document chose two of its options.
import type { DocumentTags, TagGroup } from '../../shared/model'
import type { ParsedDocument, ParsedTag } from '../formats/types'

/** Where options named without a group go when no tag group of the project has them. */
export const DEFAULT_TAG_GROUP = 'category'

function groupOf(tag: ParsedTag, groups: TagGroup[]): string {
  if (tag.group !== undefined) return tag.group
  const owners = groups.filter((group) => group.options.some((option) => option.name === tag.option))
  return owners.length === 1 ? owners[0]!.name : DEFAULT_TAG_GROUP
}

/** A parsed document's tags with every group named, as a layer stores them (before ordering). */
export function resolveTags(tags: ParsedTag[] | undefined, groups: TagGroup[]): DocumentTags {
  const out: DocumentTags = {}
  for (const tag of tags ?? []) {
    const group = groupOf(tag, groups)
    const chosen = (out[group] ??= [])
    if (!chosen.includes(tag.option)) chosen.push(tag.option)
  }
  return out
}

/** Every group and option the parsed documents name, for ProjectStore.addTagGroups. */
export function tagGroupsMet(parsed: ParsedDocument[], groups: TagGroup[]): { group: string; option: string; multiple: boolean }[] {
  const found: { group: string; option: string; multiple: boolean }[] = []
  for (const doc of parsed) {
    for (const [group, options] of Object.entries(resolveTags(doc.tags, groups))) {
      for (const option of options) found.push({ group, option, multiple: options.length > 1 })
    }
  }
  return found
}
