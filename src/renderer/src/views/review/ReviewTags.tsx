// The document tags in the Review view: for each tag group, what each annotator chose, and the
// gold choice as toggle buttons (a click, or the tag's key, toggles it; undo like any decision).
import type { AnnotationLayer, DocumentTags, TagGroup } from '../../../../shared/model'
import { TagOptionButton } from '../../panels/TagOptionButton'

interface Props {
  groups: TagGroup[]
  layers: AnnotationLayer[]
  /** How an annotator is shown (their name, or "Annotator k" in an anonymous review). */
  nameOf(annotator: string): string
  gold: DocumentTags
  onToggle(group: TagGroup, option: string): void
}

export function ReviewTags({ groups, layers, nameOf, gold, onToggle }: Props) {
  if (groups.length === 0) return null
  return (
    <section className="review-tags" aria-label="Document tags" data-testid="review-tags">
      {groups.map((group) => {
        const agreed = layers.every((layer) => JSON.stringify(layer.tags?.[group.name] ?? []) === JSON.stringify(layers[0]?.tags?.[group.name] ?? []))
        return (
          <div key={group.name} className="review-tag-group" role="group" aria-label={`${group.name} (${group.multiple ? 'any number' : 'one'})`}>
            <span className="tag-group-name">
              {group.name}
              {!agreed && <span className="tag-disagree"> · annotators differ</span>}
            </span>
            <ul className="annotator-tags">
              {layers.map((layer) => (
                <li key={layer.annotator} data-testid={`review-tags-${layer.annotator}`}>
                  {nameOf(layer.annotator)}: {(layer.tags?.[group.name] ?? []).join(', ') || '—'}
                </li>
              ))}
            </ul>
            <span className="gold-tags">
              gold:
              {group.options.map((option) => (
                <TagOptionButton
                  key={option.name}
                  option={option}
                  on={gold[group.name]?.includes(option.name) ?? false}
                  onToggle={() => onToggle(group, option.name)}
                  data-testid={`gold-tag-${group.name}-${option.name}`}
                />
              ))}
            </span>
          </div>
        )
      })}
    </section>
  )
}
