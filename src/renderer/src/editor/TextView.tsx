// The document text with its spans painted over it. Mouse selections snap to words (Alt turns
// snapping off) and become the pending selection that a label key turns into a span; a click
// on painted text selects the innermost span there, clicking again cycles outwards.
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import { snapToWords, trimSelection } from '../../../shared/words'
import { HighlightPainter } from './highlight-painter'
import { TextLayout } from './text-layout'

export interface PendingSelection {
  /** Code point offsets. */
  start: number
  end: number
}

interface Props {
  text: string
  offsets: OffsetMap
  spans: Span[]
  labels: Label[]
  selectedId: string | null
  scrollToId: string | null
  onSelectSpan(id: string | null): void
  onPendingSelection(selection: PendingSelection | null): void
}

const sheet = new CSSStyleSheet()
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]

export function TextView(props: Props) {
  const { text, offsets, spans, labels, selectedId, scrollToId } = props
  const containerRef = useRef<HTMLDivElement>(null)
  const layoutRef = useRef<TextLayout | null>(null)
  const painterRef = useRef<HighlightPainter>(new HighlightPainter(sheet))
  const callbacks = useRef(props)
  callbacks.current = props

  useLayoutEffect(() => {
    layoutRef.current = new TextLayout(containerRef.current!, text)
    return () => {
      layoutRef.current = null
    }
  }, [text])

  useEffect(() => painterRef.current.setLabels(labels), [labels])

  useLayoutEffect(() => {
    if (layoutRef.current) painterRef.current.paint(layoutRef.current, offsets, spans, selectedId)
  }, [offsets, spans, selectedId, text])

  useEffect(() => () => painterRef.current.destroy(), [])

  useEffect(() => {
    const span = spans.find((s) => s.id === scrollToId)
    if (span && layoutRef.current) {
      layoutRef.current.lineElementAt(offsets.toUtf16(span.start)).scrollIntoView({ block: 'center' })
    }
    // only when asked to scroll, not on every edit
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollToId])

  function onMouseUp(event: React.MouseEvent): void {
    const layout = layoutRef.current
    const selection = window.getSelection()
    if (!layout || !selection || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    const anchor = layout.offsetOf(range.startContainer, range.startOffset)
    const focus = layout.offsetOf(range.endContainer, range.endOffset)
    if (anchor === null || focus === null) return

    if (anchor === focus) {
      callbacks.current.onPendingSelection(null)
      selectSpanAt(anchor)
      return
    }
    const snapped = event.altKey ? trimSelection(text, anchor, focus) : snapToWords(text, anchor, focus)
    if (!snapped) {
      callbacks.current.onPendingSelection(null)
      return
    }
    // show the snapped extent, so what gets labelled is what the user sees selected
    selection.removeAllRanges()
    selection.addRange(layout.liveRangeOf(snapped.start, snapped.end))
    callbacks.current.onPendingSelection({ start: offsets.toCodePoint(snapped.start), end: offsets.toCodePoint(snapped.end) })
    callbacks.current.onSelectSpan(null)
  }

  function selectSpanAt(utf16: number): void {
    const at = offsets.toCodePoint(utf16)
    const here = spans
      .filter((span) => span.start <= at && at < span.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start))
    if (here.length === 0) {
      callbacks.current.onSelectSpan(null)
      return
    }
    const current = here.findIndex((span) => span.id === callbacks.current.selectedId)
    callbacks.current.onSelectSpan(here[(current + 1) % here.length]!.id)
  }

  return (
    <div
      ref={containerRef}
      className="document-text"
      role="document"
      aria-label="Document text. Select text, then press a label key."
      tabIndex={0}
      onMouseUp={onMouseUp}
      data-testid="document-text"
    />
  )
}
