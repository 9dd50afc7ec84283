// Small marks drawn over the text, inside the scrolling area: a label tag above a span's first
// character and a dot after a span that has a note or attributes. Presentational only (the side
// panel lists the same facts for screen readers), and it never takes a click.
import { contrastRatio } from '../../../shared/contrast'

/** Black or white, whichever reads better on the label's colour. */
function inkOn(color: string): string {
  return contrastRatio('#000000', color) >= contrastRatio('#ffffff', color) ? '#000' : '#fff'
}

export interface SpanMark {
  id: string
  kind: 'tag' | 'details'
  text: string
  color: string
  x: number
  y: number
}

export function SpanMarkLayer({ marks }: { marks: SpanMark[] }) {
  if (marks.length === 0) return null
  return (
    <div className="span-mark-layer" aria-hidden="true">
      {marks.map((mark) => (
        <span
          key={`${mark.kind}:${mark.id}`}
          className={`span-mark span-mark-${mark.kind}`}
          data-span-id={mark.id}
          data-testid={mark.kind === 'tag' ? 'span-tag' : 'span-details-mark'}
          style={{ left: mark.x, top: mark.y, ['--mark-color' as string]: mark.color, ['--mark-ink' as string]: inkOn(mark.color) }}
        >
          {mark.text}
        </span>
      ))}
    </div>
  )
}
