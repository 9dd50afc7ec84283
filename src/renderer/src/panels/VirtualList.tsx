// A list that renders only the rows in view. A side list with thousands of rows (a long
// document's spans, a large project's documents) would otherwise make every frame walk
// thousands of boxes: with 2,000 span rows in the DOM, the frame that shows a new span took
// 25 ms instead of about 10. Rows have one fixed height, so nothing needs measuring.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react'

interface Props<T> {
  items: readonly T[]
  /** Row height in pixels (the stylesheet reads it as --row-height). */
  rowHeight: number
  keyOf(item: T): string
  renderRow(item: T): ReactNode
  /** Scrolled into view when it changes (the selected row). */
  revealIndex?: number
  ordered?: boolean
}

export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, revealIndex = -1, ordered = false }: Props<T>) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => keyOf(items[index]!),
    overscan: 6
  })

  useEffect(() => {
    if (revealIndex >= 0 && revealIndex < items.length) virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
  }, [revealIndex, items.length, virtualizer])

  const List = ordered ? 'ol' : 'ul'
  return (
    <div ref={scrollerRef} className="virtual-list" style={{ '--row-height': `${rowHeight}px` } as CSSProperties}>
      <List style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          // only some rows exist, so each says where it stands for assistive technology
          <li key={row.key} aria-setsize={items.length} aria-posinset={row.index + 1} style={{ transform: `translateY(${row.start}px)` }}>
            {renderRow(items[row.index]!)}
          </li>
        ))}
      </List>
    </div>
  )
}
