import type { Relation, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'

interface Props {
  relations: Relation[]
  spans: Span[]
  offsets: OffsetMap
  selectedId: string | null
  onSelect(id: string): void
}

/** The document's relations, "source → type → target"; choosing one selects it (Delete removes it). */
export function RelationList({ relations, spans, offsets, selectedId, onSelect }: Props) {
  const byId = new Map(spans.map((span) => [span.id, span]))
  const quote = (id: string) => {
    const span = byId.get(id)
    return span ? offsets.sliceCodePoints(span.start, span.end) : '?'
  }
  return (
    <section className="relation-list" aria-label="Relations">
      <h2>
        Relations <span className="count">{relations.length}</span>
      </h2>
      {relations.length === 0 && <p className="empty">Select a span and press R to link it to another.</p>}
      <ol>
        {relations.map((relation) => (
          <li key={relation.id}>
            <button
              type="button"
              className={relation.id === selectedId ? 'selected' : ''}
              aria-pressed={relation.id === selectedId}
              onClick={() => onSelect(relation.id)}
              data-testid="relation-item"
            >
              <span className="span-text">{quote(relation.from)}</span>
              <span className="relation-type">→ {relation.type} →</span>
              <span className="span-text">{quote(relation.to)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
