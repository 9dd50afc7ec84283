// A document's tags in its row of the document list: a few small chips in their options'
// colours (the rest counted as "+n"), and for screen readers and the tooltip the whole choice in
// words ("topic: ceasefire, hostages; source: news agency").
import type { DocumentTags, TagGroup } from '../../../shared/model'

const SHOWN = 3

interface Chip {
  group: string
  option: string
  color: string | undefined
}

/** The chosen tags in the project's order of groups and options (tags of a group no longer in the project after). */
export function tagChips(tags: DocumentTags | undefined, groups: TagGroup[]): Chip[] {
  const known = new Set(groups.map((g) => g.name))
  const ordered = [...groups.filter((g) => tags?.[g.name]?.length), ...Object.keys(tags ?? {}).filter((name) => !known.has(name)).sort().map((name) => ({ name, options: [] as TagGroup['options'] }))]
  return ordered.flatMap((group) => (tags?.[group.name] ?? []).map((option) => ({ group: group.name, option, color: group.options.find((o) => o.name === option)?.color })))
}

/** The tags in words: "topic: ceasefire, hostages; source: news agency". */
export function describeTags(chips: Chip[]): string {
  const byGroup = new Map<string, string[]>()
  for (const chip of chips) byGroup.set(chip.group, [...(byGroup.get(chip.group) ?? []), chip.option])
  return [...byGroup].map(([group, options]) => `${group}: ${options.join(', ')}`).join('; ')
}

export function DocumentTagChips({ tags, groups }: { tags: DocumentTags | undefined; groups: TagGroup[] }) {
  const chips = tagChips(tags, groups)
  if (chips.length === 0) return null
  return (
    <span className="tag-chips" data-testid="document-tags">
      <span className="visually-hidden">Tags: {describeTags(chips)}</span>
      {chips.slice(0, SHOWN).map((chip) => (
        <span
          key={`${chip.group}\u0000${chip.option}`}
          className="tag-chip"
          aria-hidden="true"
          ref={(el) => {
            if (chip.color) el?.style.setProperty('--tag-color', chip.color)
          }}
        >
          {chip.option}
        </span>
      ))}
      {chips.length > SHOWN && (
        <span className="tag-chip more" aria-hidden="true">
          +{chips.length - SHOWN}
        </span>
      )}
    </span>
  )
}
