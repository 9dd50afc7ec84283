import { useEffect, useRef } from 'react'
import { findBarLabelKey } from '../commands/shortcuts'

interface Props {
  query: string
  count: number
  current: number
  onQuery(query: string): void
  onStep(step: 1 | -1): void
  onClose(): void
  labels: { name: string; hotkey: string }[]
  /** Turn the current match (or every match) into a span of this label. */
  onLabel(label: string, all: boolean): void
}

/**
 * Find in the open document: match count, Enter / Shift+Enter for next / previous, Escape closes;
 * Alt+a label's key labels the current match, Alt+Shift+key every match.
 */
export function FindBar({ query, count, current, onQuery, onStep, onClose, labels, onLabel }: Props) {
  const input = useRef<HTMLInputElement>(null)
  useEffect(() => input.current?.select(), [])
  return (
    <div className="find-bar" role="search" aria-label="Find in document">
      <input
        ref={input}
        type="search"
        placeholder="Find in document"
        value={query}
        data-testid="find-input"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          const labelling = findBarLabelKey(event.nativeEvent, labels)
          if (labelling) {
            // the key is the find bar's: not a character for the query, not the view switch
            event.preventDefault()
            event.stopPropagation()
            if (count > 0) onLabel(labelling.label, labelling.all)
          } else if (event.key === 'Enter') {
            event.preventDefault()
            onStep(event.shiftKey ? -1 : 1)
          } else if (event.key === 'Escape') onClose()
        }}
      />
      <span className="find-count" data-testid="find-count" aria-live="polite">
        {query ? (count === 0 ? 'No matches' : `${current + 1} of ${count}`) : ''}
      </span>
      <button type="button" onClick={() => onStep(-1)} disabled={count === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" onClick={() => onStep(1)} disabled={count === 0} aria-label="Next match">
        ↓
      </button>
      <button type="button" onClick={onClose} aria-label="Close find">
        ×
      </button>
    </div>
  )
}
