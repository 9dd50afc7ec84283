// The edge between a side panel and the text: drag it (or focus it and press ← →) to resize
// the panel, click its button (or Enter) to collapse or bring the panel back. A separator in the
// ARIA sense, so assistive technology reads the panel's width.
import { useRef } from 'react'

interface Props {
  side: 'left' | 'right'
  width: number
  collapsed: boolean
  label: string
  onResize(width: number): void
  onToggle(): void
}

const KEY_STEP = 16

export function PanelEdge({ side, width, collapsed, label, onResize, onToggle }: Props) {
  const drag = useRef<{ x: number; width: number } | null>(null)
  // dragging towards the text widens a left panel and narrows a right one
  const direction = side === 'left' ? 1 : -1
  // the separator and the button are siblings: a control inside another cannot be told apart
  // by assistive technology (axe: nested-interactive)
  return (
    <div className={`panel-edge ${side}${collapsed ? ' collapsed' : ''}`}>
      <div
        className="panel-edge-handle"
        role="separator"
        aria-orientation="vertical"
        aria-label={`${label} panel edge`}
        aria-valuenow={collapsed ? 0 : width}
        tabIndex={0}
        data-testid={`panel-edge-${side}`}
        onPointerDown={(event) => {
          if (collapsed) return
          drag.current = { x: event.clientX, width }
          event.currentTarget.setPointerCapture(event.pointerId)
        }}
        onPointerMove={(event) => {
          if (drag.current) onResize(drag.current.width + direction * (event.clientX - drag.current.x))
        }}
        onPointerUp={() => (drag.current = null)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onToggle()
          else if (!collapsed && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
            onResize(width + direction * (event.key === 'ArrowRight' ? KEY_STEP : -KEY_STEP))
          } else return
          event.preventDefault()
          event.stopPropagation()
        }}
      />
      {/* for the mouse: the keyboard toggles the panel with Enter on the separator */}
      <button type="button" tabIndex={-1} aria-label={`${collapsed ? 'Show' : 'Hide'} the ${label} panel`} aria-expanded={!collapsed} onClick={onToggle}>
        {(side === 'left') === collapsed ? '›' : '‹'}
      </button>
    </div>
  )
}
