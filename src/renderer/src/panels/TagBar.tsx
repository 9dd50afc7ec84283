// The open document's tags, in the editor's header: one group of toggle buttons per tag group,
// each with its hotkey; a click does what the key does. A single-choice group's buttons say so.
import type { DocumentTags, TagGroup } from '../../../shared/model'
import { TagOptionButton } from './TagOptionButton'

interface Props {
  groups: TagGroup[]
  tags: DocumentTags
  onToggle(group: TagGroup, option: string): void
}

export function TagBar({ groups, tags, onToggle }: Props) {
  if (groups.length === 0) return null
  return (
    <div className="tag-bar" role="group" aria-label="Document tags" data-testid="tag-bar">
      {groups.map((group) => (
        <div key={group.name} className="tag-group" role="group" aria-label={`${group.name} (${group.multiple ? 'any number' : 'one'})`}>
          <span className="tag-group-name" aria-hidden="true">
            {group.name}
          </span>
          {group.options.map((option) => (
            <TagOptionButton
              key={option.name}
              option={option}
              on={tags[group.name]?.includes(option.name) ?? false}
              onToggle={() => onToggle(group, option.name)}
              keepTextSelection
              data-testid={`tag-${group.name}-${option.name}`}
            />
          ))}
        </div>
      ))}
    </div>
  )
}
