import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'

interface Props {
  spans: Span[]
  labels: Label[]
  offsets: OffsetMap
  selectedId: string | null
  onSelect(id: string): void
}

/** The document's spans in text order; choosing one selects it and scrolls the text to it. */
export function SpanList({ spans, labels, offsets, selectedId, onSelect }: Props) {
  const colors = new Map(labels.map((label) => [label.name, label.color]))
  return (
    <aside className="span-list" aria-label="Spans">
      <h2>
        Spans <span className="count">{spans.length}</span>
      </h2>
      {spans.length === 0 && <p className="empty">Select text and press a label key to add a span.</p>}
      <ol>
        {spans.map((span) => (
          <li key={span.id}>
            <button
              type="button"
              className={span.id === selectedId ? 'selected' : ''}
              aria-pressed={span.id === selectedId}
              onClick={() => onSelect(span.id)}
              data-testid="span-item"
              data-label={span.label}
            >
              <span className="label-chip" ref={(el) => el?.style.setProperty('--label-color', colors.get(span.label) ?? '#888')}>
                {span.label}
              </span>
              <span className="span-text">{offsets.sliceCodePoints(span.start, span.end)}</span>
            </button>
          </li>
        ))}
      </ol>
    </aside>
  )
}
