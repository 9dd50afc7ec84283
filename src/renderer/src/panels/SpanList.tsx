import { memo, useCallback, useDeferredValue, useRef } from 'react'
import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import { VirtualList, type RowTabIndex } from './VirtualList'

const SPAN_ROW_HEIGHT = 34
const spanKey = (span: Span) => span.id

interface Props {
  spans: Span[]
  labels: Label[]
  offsets: OffsetMap
  selectedId: string | null
  onSelect(id: string): void
}

interface RowProps {
  span: Span
  color: string
  offsets: OffsetMap
  selected: boolean
  tabIndex: RowTabIndex
  onSelect(id: string): void
}

// rows re-render only when their own span changes, so an edit in a long document stays cheap
const SpanRow = memo(function SpanRow({ span, color, offsets, selected, tabIndex, onSelect }: RowProps) {
  return (
    <button
      type="button"
      className={selected ? 'selected' : ''}
      aria-pressed={selected}
      tabIndex={tabIndex}
      onClick={() => onSelect(span.id)}
      data-testid="span-item"
      data-label={span.label}
      data-span-id={span.id}
    >
      <span className="label-chip" ref={(el) => el?.style.setProperty('--label-color', color)}>
        {span.label}
      </span>
      <span className="span-text">{offsets.sliceCodePoints(span.start, span.end)}</span>
    </button>
  )
})

/** The document's spans in text order; choosing one selects it and scrolls the text to it. */
export function SpanList({ spans: latestSpans, labels, offsets, selectedId, onSelect }: Props) {
  // the list follows the text at low priority: the text and its highlights paint first
  const spans = useDeferredValue(latestSpans, [])
  const colors = new Map(labels.map((label) => [label.name, label.color]))
  const latest = useRef(onSelect)
  latest.current = onSelect
  const select = useCallback((id: string) => latest.current(id), [])
  return (
    <section className="span-list" aria-label="Spans">
      <h2>
        Spans <span className="count">{spans.length}</span>
      </h2>
      {spans.length === 0 && <p className="empty">Select text and press a label key to add a span.</p>}
      <VirtualList
        ordered
        items={spans}
        rowHeight={SPAN_ROW_HEIGHT}
        keyOf={spanKey}
        revealKey={selectedId}
        renderRow={(span, tabIndex) => (
          <SpanRow span={span} color={colors.get(span.label) ?? '#888'} offsets={offsets} selected={span.id === selectedId} tabIndex={tabIndex} onSelect={select} />
        )}
      />
    </section>
  )
}
