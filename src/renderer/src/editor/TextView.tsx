// The document text with its spans painted over it. Mouse selections snap to words (Alt turns
// snapping off) and become the pending selection that a label key turns into a span; a click
// on painted text selects the innermost span there, clicking again cycles outwards.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Label, Relation, RelationType, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import { snapToWords, trimSelection } from '../../../shared/words'
import { HighlightPainter } from './highlight-painter'
import { SUGGESTION_SCOPE, suggestionStyles } from './suggestion-styles'
import { SpanMarkLayer, type SpanMark } from './SpanMarkLayer'
import { hasDetails, overlappingSpanIds, wantsTag, type LabelTagMode } from './span-marks'
import { RelationLayer, type ArrowGeometry } from './RelationLayer'
import { TextLayout } from './text-layout'

/** Asks the view to scroll a code point offset into view; a new object each time it is asked. */
export interface ScrollRequest {
  offset: number
}

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
  relations: Relation[]
  relationTypes: RelationType[]
  selectedRelationId: string | null
  /** The span a relation is being drawn from (relation mode), if any. */
  linkSourceId: string | null
  /** Find-in-document matches, UTF-16 offsets, and the index of the current one. */
  find: { matches: { start: number; end: number }[]; current: number }
  scrollTo: ScrollRequest | null
  /** Which spans carry a label tag at their start (spans with a note or attributes always get a dot). */
  labelTags: LabelTagMode
  onSelectSpan(id: string | null): void
  onSelectRelation(id: string): void
  onPendingSelection(selection: PendingSelection | null): void
  /** Names this text's highlights apart from another text's on the same page (e.g. review lanes). */
  scope?: string
  /** Words for screen readers: what the text is and what keys do here. */
  description?: string
  /** Suggested spans (ids: their suggestion keys), drawn apart from the spans, and the selected one. */
  suggestions?: Span[]
  selectedSuggestionId?: string | null
}

const NO_SUGGESTIONS: Span[] = []

/** One stylesheet per painter: its rules are replaced whenever its labels change. */
function adoptSheet(): CSSStyleSheet {
  const sheet = new CSSStyleSheet()
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return sheet
}

export function TextView(props: Props) {
  const { text, offsets, spans, labels, selectedId, relations, relationTypes, selectedRelationId, linkSourceId, find, scrollTo, labelTags } = props
  const containerRef = useRef<HTMLDivElement>(null)
  const scrollerRef = useRef<HTMLDivElement>(null)
  const [arrows, setArrows] = useState<{ list: ArrowGeometry[]; width: number; height: number }>({ list: [], width: 0, height: 0 })
  const [layoutVersion, setLayoutVersion] = useState(0)
  const [marks, setMarks] = useState<SpanMark[]>([])
  // lines in or near the viewport: marks are placed for their spans only
  const nearLinesRef = useRef<Set<number>>(new Set())
  const [nearVersion, setNearVersion] = useState(0)
  const layoutRef = useRef<TextLayout | null>(null)
  const [{ sheet, painter }] = useState(() => {
    const sheet = adoptSheet()
    return { sheet, painter: new HighlightPainter(sheet, props.scope) }
  })
  const painterRef = useRef(painter)
  // suggestions have a painter (and stylesheet) of their own: drawn apart, never mixed with spans
  const [{ suggestionSheet, suggestionPainter }] = useState(() => {
    const suggestionSheet = adoptSheet()
    return { suggestionSheet, suggestionPainter: new HighlightPainter(suggestionSheet, props.scope ? `${props.scope}s` : SUGGESTION_SCOPE, suggestionStyles) }
  })
  const suggestions = props.suggestions ?? NO_SUGGESTIONS
  const selectedSuggestionId = props.selectedSuggestionId ?? null
  const caretRef = useRef<number | null>(null)
  const callbacks = useRef(props)
  callbacks.current = props

  useLayoutEffect(() => {
    caretRef.current = null
    // another document opens at its top, never where the previous one was scrolled to (a
    // requested position, e.g. a search hit, is scrolled to after this)
    scrollerRef.current!.scrollTop = 0
    const layout = new TextLayout(containerRef.current!, text)
    layoutRef.current = layout
    // tell the painter which lines are in or near the viewport, as the text scrolls
    const near = new Set<number>()
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const line = Number((entry.target as HTMLElement).dataset.line)
          if (entry.isIntersecting) near.add(line)
          else near.delete(line)
        }
        painterRef.current.setVisibleLines(new Set(near))
        suggestionPainter.setVisibleLines(new Set(near))
        nearLinesRef.current = new Set(near)
        setNearVersion((v) => v + 1)
      },
      { root: scrollerRef.current, rootMargin: '100% 0px' }
    )
    for (const element of layout.lineElements()) observer.observe(element)
    return () => {
      observer.disconnect()
      layoutRef.current = null
    }
  }, [text])

  useEffect(() => {
    painterRef.current.setLabels(labels)
    suggestionPainter.setLabels(labels)
  }, [labels])

  useLayoutEffect(() => {
    if (!layoutRef.current) return
    suggestionPainter.paint(layoutRef.current, offsets, suggestions, selectedSuggestionId)
    scrollerRef.current!.dataset.suggestions = String(suggestionPainter.spanCount)
  }, [offsets, suggestions, selectedSuggestionId, text])

  useLayoutEffect(() => {
    if (!layoutRef.current) return
    painterRef.current.paint(layoutRef.current, offsets, spans, selectedId)
    // for tests and benchmarks: how many spans the painter holds for this text
    scrollerRef.current!.dataset.spans = String(painterRef.current.spanCount)
  }, [offsets, spans, selectedId, text])

  useEffect(
    () => () => {
      painter.destroy()
      suggestionPainter.destroy()
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet && adopted !== suggestionSheet)
    },
    []
  )

  useEffect(() => {
    if (scrollTo && layoutRef.current) {
      layoutRef.current.lineElementAt(offsets.toUtf16(scrollTo.offset)).scrollIntoView({ block: 'center' })
    }
  }, [scrollTo, offsets])

  useLayoutEffect(() => {
    if (layoutRef.current) painterRef.current.paintFind(layoutRef.current, find.matches, find.current)
  }, [find, text])

  useLayoutEffect(() => {
    const layout = layoutRef.current
    const source = spans.find((span) => span.id === linkSourceId)
    if (layout) painterRef.current.paintLinkSource(layout, source ? { start: offsets.toUtf16(source.start), end: offsets.toUtf16(source.end) } : null)
  }, [linkSourceId, spans, offsets, text])

  // arrows follow the text's layout: recomputed when the relations or the box size change
  useEffect(() => {
    const observer = new ResizeObserver(() => setLayoutVersion((v) => v + 1))
    observer.observe(containerRef.current!)
    return () => observer.disconnect()
  }, [])

  useLayoutEffect(() => {
    const layout = layoutRef.current
    const scroller = scrollerRef.current
    if (!layout || !scroller) return
    // no relations, no layout queries: editing spans in a long document stays cheap
    if (relations.length === 0) {
      setArrows((current) => (current.list.length === 0 ? current : { list: [], width: 0, height: 0 }))
      return
    }
    const box = scroller.getBoundingClientRect()
    const origin = { left: box.left - scroller.scrollLeft, top: box.top - scroller.scrollTop }
    const byId = new Map(spans.map((span) => [span.id, span]))
    const anchor = (span: Span) => {
      const rect = layout.liveRangeOf(offsets.toUtf16(span.start), offsets.toUtf16(span.end)).getClientRects()[0]
      return rect ? { x: rect.left - origin.left + rect.width / 2, y: rect.top - origin.top + 2 } : null
    }
    const list: ArrowGeometry[] = []
    relations.forEach((relation, index) => {
      const from = byId.get(relation.from)
      const to = byId.get(relation.to)
      const a = from && anchor(from)
      const b = to && anchor(to)
      if (a && b) list.push({ relation, from: a, to: b, lift: 16 + (index % 3) * 7 + Math.min(40, Math.abs(a.y - b.y) / 4) })
    })
    setArrows({ list, width: scroller.scrollWidth, height: scroller.scrollHeight })
  }, [relations, spans, offsets, text, layoutVersion])
  // label tags and detail dots for the spans near the viewport; no layout queries when none is due
  useLayoutEffect(() => {
    const layout = layoutRef.current
    const scroller = scrollerRef.current
    if (!layout || !scroller) return
    const overlapping = labelTags === 'nested' ? overlappingSpanIds(spans) : new Set<string>()
    const due = spans.filter((span) => wantsTag(labelTags, span, overlapping) || hasDetails(span))
    const near = due.filter((span) => nearLinesRef.current.has(layout.lineIndexAt(offsets.toUtf16(span.start))))
    if (near.length === 0) {
      setMarks((current) => (current.length === 0 ? current : []))
      return
    }
    const box = scroller.getBoundingClientRect()
    const origin = { left: box.left - scroller.scrollLeft, top: box.top - scroller.scrollTop }
    const colors = new Map(labels.map((label) => [label.name, label.color]))
    const list: SpanMark[] = []
    for (const span of near) {
      const rects = layout.liveRangeOf(offsets.toUtf16(span.start), offsets.toUtf16(span.end)).getClientRects()
      const first = rects[0]
      const last = rects[rects.length - 1]
      if (!first || !last) continue
      const color = colors.get(span.label) ?? '#5f6caf'
      if (wantsTag(labelTags, span, overlapping)) list.push({ id: span.id, kind: 'tag', text: span.label, color, x: first.left - origin.left, y: first.top - origin.top })
      if (hasDetails(span)) list.push({ id: span.id, kind: 'details', text: '●', color, x: last.right - origin.left, y: last.top - origin.top })
    }
    setMarks(list)
  }, [spans, offsets, text, labels, labelTags, layoutVersion, nearVersion])

  function onMouseUp(event: React.MouseEvent): void {
    const layout = layoutRef.current
    const selection = window.getSelection()
    if (!layout || !selection || selection.rangeCount === 0) return
    const range = selection.getRangeAt(0)
    const anchor = layout.offsetOf(range.startContainer, range.startOffset)
    const focus = layout.offsetOf(range.endContainer, range.endOffset)
    if (anchor === null || focus === null) return

    caretRef.current = focus
    // the caret is marked only where nothing is selected: a selection shows itself
    painterRef.current.paintCaret(layout, anchor === focus ? focus : null)
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

  // Keyboard selection: arrows move a caret (Ctrl: by word, Up/Down: by line, Home/End: to the
  // line's ends) and Shift extends the selection. Selection.modify moves visually, so it is
  // right in right-to-left lines too.
  function onKeyDown(event: React.KeyboardEvent): void {
    const layout = layoutRef.current
    const selection = window.getSelection()
    const moves: Record<string, [string, string]> = {
      ArrowLeft: ['left', event.ctrlKey ? 'word' : 'character'],
      ArrowRight: ['right', event.ctrlKey ? 'word' : 'character'],
      ArrowUp: ['backward', 'line'],
      ArrowDown: ['forward', 'line'],
      Home: ['backward', 'lineboundary'],
      End: ['forward', 'lineboundary']
    }
    const move = moves[event.key]
    if (!layout || !selection || !move || event.altKey || event.metaKey) return
    event.preventDefault()
    const inside = selection.rangeCount > 0 && containerRef.current!.contains(selection.focusNode)
    if (!inside) {
      // the caret comes back where it was (the first key press places it at the start)
      const at = layout.positionOf(caretRef.current ?? 0)
      selection.setBaseAndExtent(at.node, at.offset, at.node, at.offset)
    }
    if (inside || caretRef.current !== null) selection.modify(event.shiftKey ? 'extend' : 'move', move[0], move[1])
    const anchor = layout.offsetOf(selection.anchorNode!, selection.anchorOffset)
    const focus = layout.offsetOf(selection.focusNode!, selection.focusOffset)
    if (anchor === null || focus === null) return
    caretRef.current = focus
    painterRef.current.paintCaret(layout, anchor === focus ? focus : null)
    layout.lineElementAt(focus).scrollIntoView({ block: 'nearest' })
    const trimmed = anchor === focus ? null : trimSelection(text, anchor, focus)
    callbacks.current.onPendingSelection(trimmed && { start: offsets.toCodePoint(trimmed.start), end: offsets.toCodePoint(trimmed.end) })
    if (trimmed) callbacks.current.onSelectSpan(null)
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
      ref={scrollerRef}
      className="document-text"
      role="document"
      aria-label={props.description ?? 'Document text. Select text, then press a label key.'}
      tabIndex={0}
      onMouseUp={onMouseUp}
      onKeyDown={onKeyDown}
      onBlur={() => painterRef.current.paintCaret(null, null)}
      onFocus={() => caretRef.current !== null && painterRef.current.paintCaret(layoutRef.current, caretRef.current)}
      data-testid="document-text"
    >
    <RelationLayer
      arrows={arrows.list}
      width={arrows.width}
      height={arrows.height}
      relationTypes={relationTypes}
      selectedId={selectedRelationId}
      onSelect={(id) => callbacks.current.onSelectRelation(id)}
    />
    <SpanMarkLayer marks={marks} />
    <div ref={containerRef} className="lines" />
    </div>
  )
}
