// The open document's suggestions beside the text: counts per label with "accept all" buttons,
// and one row per suggestion (choosing a row selects it in the text). Accepting and rejecting
// are also keys (Alt+Enter, Alt+Delete…: commands/shortcuts.ts).
import { memo, useCallback, useRef } from 'react'
import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import type { Suggestion } from '../../../shared/suggest/types'
import { VirtualList, type RowTabIndex } from './VirtualList'

const ROW_HEIGHT = 34
const keyOfRow = (span: Span) => span.id

const SOURCE_TEXT: Record<Suggestion['source'], string> = { own: 'your labels', dictionary: 'dictionary', patterns: 'pattern', model: 'model' }

interface Props {
  suggestions: Span[]
  byKey: Map<string, Suggestion>
  labels: Label[]
  offsets: OffsetMap
  selectedKey: string | null
  onSelect(key: string): void
  onAcceptLabel(label: string): void
  onAcceptAll(): void
}

const SuggestionRow = memo(function SuggestionRow(props: { span: Span; source: string; color: string; offsets: OffsetMap; selected: boolean; tabIndex: RowTabIndex; onSelect(key: string): void }) {
  const { span, source, color, offsets, selected, tabIndex, onSelect } = props
  return (
    <button type="button" className={selected ? 'selected' : ''} aria-pressed={selected} tabIndex={tabIndex} onClick={() => onSelect(span.id)} data-testid="suggestion-item" data-label={span.label} data-start={span.start}>
      <span className="label-chip suggested" ref={(el) => el?.style.setProperty('--label-color', color)}>
        {span.label}
      </span>
      <span className="span-text">{offsets.sliceCodePoints(span.start, span.end)}</span>
      <span className="suggestion-source">{source}</span>
    </button>
  )
})

export function SuggestionList({ suggestions, byKey, labels, offsets, selectedKey, onSelect, onAcceptLabel, onAcceptAll }: Props) {
  const colors = new Map(labels.map((label) => [label.name, label.color]))
  const counts = new Map<string, number>()
  for (const s of suggestions) counts.set(s.label, (counts.get(s.label) ?? 0) + 1)
  const latest = useRef(onSelect)
  latest.current = onSelect
  const select = useCallback((key: string) => latest.current(key), [])
  return (
    <section className="suggestion-list" aria-label="Suggestions">
      <h2>
        Suggestions <span className="count" data-testid="suggestion-count">{suggestions.length}</span>
      </h2>
      {suggestions.length === 0 ? (
        <p className="empty">No suggestions. Label a name and its other occurrences are proposed here.</p>
      ) : (
        <div className="suggestion-actions">
          <button type="button" onClick={onAcceptAll} aria-keyshortcuts="Control+Alt+Enter">
            Accept all
          </button>
          {[...counts].map(([label, count]) => (
            <button key={label} type="button" onClick={() => onAcceptLabel(label)} data-testid={`accept-label-${label}`}>
              Accept {count} {label}
            </button>
          ))}
        </div>
      )}
      <VirtualList
        ordered
        items={suggestions}
        rowHeight={ROW_HEIGHT}
        keyOf={keyOfRow}
        revealKey={selectedKey}
        renderRow={(span, tabIndex) => (
          <SuggestionRow
            span={span}
            source={SOURCE_TEXT[byKey.get(span.id)?.source ?? 'own']}
            color={colors.get(span.label) ?? '#888'}
            offsets={offsets}
            selected={span.id === selectedKey}
            tabIndex={tabIndex}
            onSelect={select}
          />
        )}
      />
    </section>
  )
}
