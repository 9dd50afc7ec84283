// Every span's own underline, in its lane below the text (see span-lanes.ts), with bracket edges
// where it starts and ends: a span nested in another of the same label shows as a shorter bracket
// nearer the text. Drawn for the spans near the viewport only; presentational (the side panel
// lists the spans for screen readers) and it never takes a click.
import type { SpanBar } from './span-lanes'

export function SpanLaneLayer({ bars, selectedId }: { bars: SpanBar[]; selectedId: string | null }) {
  if (bars.length === 0) return null
  return (
    <div className="span-lane-layer" aria-hidden="true">
      {bars.map((bar) => (
        <span
          key={`${bar.spanId}:${bar.piece}`}
          className={`span-lane span-lane-${bar.style}${bar.spanId === selectedId ? ' selected' : ''}${bar.edgeLeft ? ' edge-left' : ''}${bar.edgeRight ? ' edge-right' : ''}`}
          data-testid="span-lane"
          data-span-id={bar.spanId}
          data-lane={bar.lane}
          style={{ left: bar.left, top: bar.top, width: bar.width, height: bar.height, ['--lane-color' as string]: bar.color }}
        />
      ))}
    </div>
  )
}
