import { useEffect, useRef } from 'react'

interface Props {
  query: string
  count: number
  current: number
  onQuery(query: string): void
  onStep(step: 1 | -1): void
  onClose(): void
}

/** Find in the open document: match count, Enter / Shift+Enter for next / previous, Escape closes. */
export function FindBar({ query, count, current, onQuery, onStep, onClose }: Props) {
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
          if (event.key === 'Enter') {
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
