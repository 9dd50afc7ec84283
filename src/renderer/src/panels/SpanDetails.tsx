// The selected span's attributes and note, edited with the keyboard: each field saves when it
// changes (lists) or when it is left or Enter is pressed (text, numbers, note).
import { useEffect, useState } from 'react'
import type { Attribute, Label, Span } from '../../../shared/model'

interface Props {
  span: Span
  label: Label | undefined
  text: string
  onChange(change: { attribute?: [string, string | number | undefined]; note?: string }): void
  /** Relation mode, where the text can draw relations. */
  onStartLink?(): void
  /** The panel's heading (the review edits a gold span with it). */
  title?: string
}

function FreeField({ attribute, value, onCommit }: { attribute: Attribute; value: string; onCommit(value: string): void }) {
  const [draft, setDraft] = useState(value)
  useEffect(() => setDraft(value), [value])
  return (
    <input
      type={attribute.type === 'number' ? 'number' : 'text'}
      step="any"
      value={draft}
      data-testid={`attribute-${attribute.name}`}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => draft !== value && onCommit(draft)}
      onKeyDown={(event) => event.key === 'Enter' && draft !== value && onCommit(draft)}
    />
  )
}

export function SpanDetails({ span, label, text, onChange, onStartLink, title = 'Selected span' }: Props) {
  const [note, setNote] = useState(span.note ?? '')
  useEffect(() => setNote(span.note ?? ''), [span.id, span.note])
  return (
    <section className="span-details" aria-label={title} data-testid="span-details">
      <h2>{title}</h2>
      <p className="quote">
        <span className="label-chip" ref={(el) => el?.style.setProperty('--label-color', label?.color ?? '#888')}>
          {span.label}
        </span>{' '}
        {text}
      </p>
      {label?.attributes.map((attribute) => {
        const value = span.attributes?.[attribute.name]
        return (
          <label key={attribute.name} className="field">
            <span>{attribute.name}</span>
            {attribute.type === 'enum' ? (
              <select
                value={value === undefined ? '' : String(value)}
                data-testid={`attribute-${attribute.name}`}
                onChange={(event) => onChange({ attribute: [attribute.name, event.target.value || undefined] })}
              >
                <option value="">—</option>
                {attribute.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <FreeField
                attribute={attribute}
                value={value === undefined ? '' : String(value)}
                onCommit={(draft) =>
                  onChange({
                    attribute: [attribute.name, draft === '' ? undefined : attribute.type === 'number' ? Number(draft) : draft]
                  })
                }
              />
            )}
          </label>
        )
      })}
      <label className="field">
        <span>Note</span>
        <textarea
          value={note}
          rows={3}
          data-testid="span-note"
          onChange={(event) => setNote(event.target.value)}
          onBlur={() => note !== (span.note ?? '') && onChange({ note })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && note !== (span.note ?? '')) onChange({ note })
          }}
        />
      </label>
      {onStartLink && (
        <button type="button" onClick={onStartLink} aria-keyshortcuts="R">
          Link to another span… <kbd>R</kbd>
        </button>
      )}
    </section>
  )
}
