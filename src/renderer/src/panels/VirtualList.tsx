// A list that renders only the rows in view. A side list with thousands of rows (a long
// document's spans, a large project's documents) would otherwise make every frame walk
// thousands of boxes: with 2,000 span rows in the DOM, the frame that shows a new span took
// 25 ms instead of about 10. Rows have one fixed height, so nothing needs measuring.
// Keyboard: the list is one Tab stop (rows out of view do not exist, so Tab could not reach
// them); arrows, Page Up/Down, Home and End move between rows, Enter or Space activates one.
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import { useCallback, useEffect, useRef, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react'

/** The tabIndex for a row's focusable element: only the list's current row is a Tab stop. */
export type RowTabIndex = 0 | -1

interface Props<T> {
  items: readonly T[]
  /** Row height in pixels (the stylesheet reads it as --row-height). */
  rowHeight: number
  /** A stable function (not made anew each render): the list's layout is cached by it. */
  keyOf(item: T): string
  renderRow(item: T, tabIndex: RowTabIndex): ReactNode
  /** The row scrolled into view (and made current) when it changes or first appears: the selection. */
  revealKey?: string | null
  ordered?: boolean
}

export function VirtualList<T>({ items, rowHeight, keyOf, renderRow, revealKey = null, ordered = false }: Props<T>) {
  const scrollerRef = useRef<HTMLDivElement>(null)
  // the current row is remembered by key, so it stays the same row when rows come and go above it
  const [currentKey, setCurrentKey] = useState<string | null>(null)
  const focusPending = useRef(false)
  const indexOf = (key: string | null) => (key === null ? -1 : items.findIndex((item) => keyOf(item) === key))
  const currentIndex = Math.max(0, indexOf(currentKey))
  // the current row always exists, even scrolled out of view, so the list keeps its Tab stop
  // and a focused row is never unmounted under the keyboard
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      if (currentIndex < range.count && !indexes.includes(currentIndex)) indexes.push(currentIndex)
      return indexes.sort((a, b) => a - b)
    },
    [currentIndex]
  )
  const getItemKey = useCallback((index: number) => keyOf(items[index]!), [items, keyOf])
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    getItemKey,
    rangeExtractor,
    overscan: 6
  })

  const revealIndex = indexOf(revealKey)
  const revealFound = revealIndex >= 0
  useEffect(() => {
    if (!revealFound) return
    virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
    setCurrentKey(revealKey)
    // only when the selection changes or first appears (a deferred list catches up), not on
    // every edit of the list
  }, [revealKey, revealFound])

  // when the list's height changes (the details panel above it appears or grows), the selected
  // row is kept in view: `auto` scrolls only if it is not
  const viewportHeight = virtualizer.scrollRect?.height ?? 0
  useEffect(() => {
    if (revealFound && viewportHeight > 0) virtualizer.scrollToIndex(revealIndex, { align: 'auto' })
    // only on a change of height
  }, [viewportHeight])

  // a row moved to with the keyboard exists only after the list scrolled to it and rendered
  useEffect(() => {
    if (!focusPending.current) return
    const row = scrollerRef.current?.querySelector<HTMLElement>(`li[aria-posinset="${currentIndex + 1}"] [tabindex]`)
    if (row) {
      focusPending.current = false
      row.focus({ preventScroll: true })
    }
  })

  function onKeyDown(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1)
    const moves: Record<string, number> = {
      ArrowDown: currentIndex + 1,
      ArrowUp: currentIndex - 1,
      PageDown: currentIndex + page,
      PageUp: currentIndex - page,
      Home: 0,
      End: items.length - 1
    }
    const target = moves[event.key]
    if (target === undefined || event.altKey || event.ctrlKey || event.metaKey || items.length === 0) return
    event.preventDefault()
    const next = Math.max(0, Math.min(items.length - 1, target))
    focusPending.current = true
    setCurrentKey(keyOf(items[next]!))
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  // a row focused by mouse or by Tab becomes the current one
  function onFocus(event: FocusEvent): void {
    const position = (event.target as HTMLElement).closest('li')?.getAttribute('aria-posinset')
    const item = position ? items[Number(position) - 1] : undefined
    if (item !== undefined) setCurrentKey(keyOf(item))
  }

  const List = ordered ? 'ol' : 'ul'
  return (
    <div ref={scrollerRef} className="virtual-list" style={{ '--row-height': `${rowHeight}px` } as CSSProperties} onKeyDown={onKeyDown} onFocus={onFocus}>
      <List style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          // only some rows exist, so each says where it stands for assistive technology
          <li key={row.key} aria-setsize={items.length} aria-posinset={row.index + 1} style={{ transform: `translateY(${row.start}px)` }}>
            {renderRow(items[row.index]!, row.index === currentIndex ? 0 : -1)}
          </li>
        ))}
      </List>
    </div>
  )
}
