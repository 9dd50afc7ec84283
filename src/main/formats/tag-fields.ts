// Document tags in the formats. Spanwise JSONL writes them as they are stored ({group: [options]});
// formats whose classification is a flat list of categories (doccano's `label`, Prodigy's option
// ids) name a tag "group:option", and a bare name ("ceasefire") is read as an option whose group
// the import finds (see importing/import-tags.ts). Label Studio's `choices` carry the group as
// the control's name (`from_name`).
import { tagOptionNameSchema, type DocumentTags } from '../../shared/model'
import { labelNameProblem } from '../../shared/valid-names'
import { qualifiedTag, splitQualifiedTag } from '../../shared/tags'
import { fail, isObject, type Where } from './incoming'
import type { ParsedTag } from './types'

/** Every tag as "group:option", groups in name order and options as stored. */
export function categoriesOf(tags: DocumentTags | undefined): string[] {
  return Object.keys(tags ?? {})
    .sort()
    .flatMap((group) => tags![group]!.map((option) => qualifiedTag(group, option)))
}

/** Checks a tag option and a group name from a file, naming what is wrong and where. */
export function checkTag(where: Where, tag: ParsedTag): ParsedTag {
  const option = tagOptionNameSchema.safeParse(tag.option)
  if (!option.success) fail(where, `tag ${JSON.stringify(tag.option)}: ${option.error.issues[0]?.message}`)
  if (tag.group !== undefined) {
    const problem = labelNameProblem(tag.group)
    if (problem !== null) fail(where, `tag group ${JSON.stringify(tag.group)}: ${problem}`)
  }
  return tag
}

/** A flat list of category names (doccano, Prodigy): "group:option" or a bare option. */
export function tagsFromCategories(value: unknown, where: Where, key: string): ParsedTag[] {
  if (!Array.isArray(value)) fail(where, `"${key}" must be a list of category names`)
  return value.map((name: unknown) => {
    if (typeof name !== 'string') fail(where, `"${key}" entries must be category names, got ${JSON.stringify(name)}`)
    return checkTag(where, splitQualifiedTag(name.trim()))
  })
}

/** Spanwise's `tags`: {group: [option, ...]}; absent or null is none. */
export function tagsFromObject(value: unknown, where: Where): ParsedTag[] {
  if (value === undefined || value === null) return []
  if (!isObject(value)) fail(where, '"tags" must be an object of tag group: [options]')
  return Object.entries(value).flatMap(([group, options]) => {
    if (!Array.isArray(options)) fail(where, `tags of group "${group}" must be a list of option names`)
    return options.map((option: unknown) => {
      if (typeof option !== 'string') fail(where, `tags of group "${group}" must be option names, got ${JSON.stringify(option)}`)
      return checkTag(where, { group, option })
    })
  })
}

/** The `tags` field of a ParsedDocument: only when there are some. */
export function withTags(tags: ParsedTag[]): { tags?: ParsedTag[] } {
  return tags.length > 0 ? { tags } : {}
}
