// The document text with its spans painted over it. Mouse selections snap to words (Alt turns
// snapping off) and become the pending selection that a label key turns into a span; a click
// on painted text selects the innermost span there, clicking again cycles outwards. Every span
// also gets its own bracket in a lane below the text (nested spans stay distinguishable), and
// relations run as arcs in the gaps between lines; lines grow where these need room.
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { Label, Relation, RelationType, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import { snapToWords, trimSelection } from '../../../shared/words'
import { HighlightPainter } from './highlight-painter'
import { SUGGESTION_SCOPE, suggestionStyles } from './suggestion-styles'
import { SpanMarkLayer, type SpanMark } from './SpanMarkLayer'
import { hasDetails, overlappingSpanIds, wantsTag, type LabelTagMode } from './span-marks'
import { RelationLayer, type DrawnArc } from './RelationLayer'
import { SpanLaneLayer } from './SpanLaneLayer'
import { arcShape, planArcs, roomForLevels, type ArcRequest } from './arc-layout'
import { LineGaps } from './line-gaps'
import { SpanGeometryCache } from './span-geometry'
import { assignSpanLanes, lanesPerLine, roomForLanes, spanBars, type SpanBar } from './span-lanes'
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

/** The width of a relation label (11px, semibold, as styles.css draws it), cached by text. */
const labelWidths = new Map<string, number>()
let measuringContext: CanvasRenderingContext2D | null = null
function labelWidth(text: string): number {
  let width = labelWidths.get(text)
  if (width === undefined) {
    measuringContext ??= document.createElement('canvas').getContext('2d')
    if (measuringContext) measuringContext.font = `600 11px ${getComputedStyle(document.documentElement).fontFamily}`
    width = Math.ceil(measuringContext?.measureText(text).width ?? text.length * 7) + 2
    labelWidths.set(text, width)
  }
  return width
}

/**
 * The height of the text's own box (ascent and descent, not the line's leading) in em of its font,
 * measured once per text on a probe before the text goes in, so it costs no layout of the text.
 */
function measureGlyphHeight(scroller: HTMLElement, container: HTMLElement): void {
  const probe = document.createElement('span')
  probe.textContent = 'Ag'
  container.replaceChildren(probe)
  const height = probe.getBoundingClientRect().height
  const size = Number.parseFloat(getComputedStyle(probe).fontSize)
  if (height > 0 && size > 0) scroller.style.setProperty('--glyph-height', `${(height / size).toFixed(3)}em`)
}

/** How long the lines near the viewport stay put before their marks are placed (ms). */
const NEAR_SETTLE_MS = 50
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
  const [arrows, setArrows] = useState<{ list: DrawnArc[]; width: number; height: number }>({ list: [], width: 0, height: 0 })
  const [layoutVersion, setLayoutVersion] = useState(0)
  const [marks, setMarks] = useState<SpanMark[]>([])
  const [bars, setBars] = useState<SpanBar[]>([])
  // each span's lane below the text, by id (span-lanes.ts), and the room lines get for lanes and arcs
  const lanesRef = useRef<Map<string, number>>(new Map())
  const gapsRef = useRef<LineGaps | null>(null)
  const geometryRef = useRef(new SpanGeometryCache())
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
    measureGlyphHeight(scrollerRef.current!, containerRef.current!)
    const layout = new TextLayout(containerRef.current!, text)
    layoutRef.current = layout
    gapsRef.current = new LineGaps(layout)
    // tell the painter which lines are in or near the viewport, as the text scrolls
    const near = new Set<number>()
    let nearTimer: ReturnType<typeof setTimeout> | undefined
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
        // brackets and tags follow once scrolling pauses: the highlights above keep up with every
        // frame, the marks (DOM, measured) would cost the scroll its frame rate
        clearTimeout(nearTimer)
        nearTimer = setTimeout(() => setNearVersion((v) => v + 1), NEAR_SETTLE_MS)
      },
      { root: scrollerRef.current, rootMargin: '100% 0px' }
    )
    for (const element of layout.lineElements()) observer.observe(element)
    return () => {
      observer.disconnect()
      clearTimeout(nearTimer)
      layoutRef.current = null
      gapsRef.current = null
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
    const layout = layoutRef.current
    painterRef.current.paint(layout, offsets, spans, selectedId)
    // for tests and benchmarks: how many spans the painter holds for this text
    scrollerRef.current!.dataset.spans = String(painterRef.current.spanCount)
  }, [offsets, spans, selectedId, text])

  // lanes: arithmetic over offsets only (no layout read); lines with nested spans get the room
  useLayoutEffect(() => {
    const layout = layoutRef.current
    if (!layout) return
    const lanes = assignSpanLanes(spans)
    lanesRef.current = lanes
    const perLine = lanesPerLine(spans, lanes, (offset) => layout.lineIndexAt(offsets.toUtf16(offset)))
    gapsRef.current?.setRoom('lanes', new Map([...perLine].map(([line, count]) => [line, roomForLanes(count)])))
  }, [offsets, spans, text])

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

  // relation arcs (arc-layout.ts): measure the spans' first boxes, plan levels per row, give each
  // row's line the room its levels take, then measure the rows again where lines grew
  useLayoutEffect(() => {
    const layout = layoutRef.current
    const scroller = scrollerRef.current
    const gaps = gapsRef.current
    if (!layout || !scroller || !gaps) return
    // no relations, no layout queries: editing spans in a long document stays cheap
    if (relations.length === 0) {
      gaps.setRoom('arcs', new Map())
      setArrows((current) => (current.list.length === 0 ? current : { list: [], width: 0, height: 0 }))
      return
    }
    const origin = () => {
      const box = scroller.getBoundingClientRect()
      return { left: box.left - scroller.scrollLeft, top: box.top - scroller.scrollTop }
    }
    const byId = new Map(spans.map((span) => [span.id, span]))
    const firstBoxOf = (span: Span) => layout.liveRangeOf(offsets.toUtf16(span.start), offsets.toUtf16(span.end)).getClientRects()[0]
    let at = origin()
    const boxes = new Map<string, { left: number; width: number; top: number; height: number; line: number }>()
    for (const relation of relations) {
      for (const id of [relation.from, relation.to]) {
        const span = byId.get(id)
        const rect = span && !boxes.has(id) ? firstBoxOf(span) : undefined
        if (span && rect) boxes.set(id, { left: rect.left - at.left, width: rect.width, top: rect.top - at.top, height: rect.height, line: layout.lineIndexAt(offsets.toUtf16(span.start)) })
      }
    }
    // visual rows: boxes whose tops lie within half a text height of each other
    const rowOf = new Map<string, number>()
    const rowLine: number[] = []
    let rowTop = Number.NEGATIVE_INFINITY
    for (const [id, box] of [...boxes].sort((a, b) => a[1].top - b[1].top)) {
      if (box.top > rowTop + box.height / 2) {
        rowTop = box.top
        rowLine.push(box.line)
      }
      rowOf.set(id, rowLine.length - 1)
    }
    const requests: ArcRequest[] = []
    const drawn: Relation[] = []
    for (const relation of relations) {
      const from = boxes.get(relation.from)
      const to = boxes.get(relation.to)
      if (!from || !to) continue
      drawn.push(relation)
      requests.push({
        id: relation.id,
        from: { span: relation.from, row: rowOf.get(relation.from)!, left: from.left, width: from.width },
        to: { span: relation.to, row: rowOf.get(relation.to)!, left: to.left, width: to.width },
        labelWidth: labelWidth(relation.type)
      })
    }
    const column = containerRef.current!.getBoundingClientRect()
    const plan = planArcs(requests, { columnLeft: column.left - at.left, columnRight: column.right - at.left })
    const rooms = new Map<number, number>()
    for (const [row, levels] of plan.levelsPerRow) rooms.set(rowLine[row]!, Math.max(rooms.get(rowLine[row]!) ?? 0, roomForLevels(levels)))
    if (gaps.setRoom('arcs', rooms)) {
      // lines grew: the rows moved down (their boxes' left and width are unchanged)
      at = origin()
      for (const [id, box] of boxes) {
        const rect = firstBoxOf(byId.get(id)!)
        if (rect) box.top = rect.top - at.top
      }
    }
    const rowTops: number[] = []
    for (const [id, row] of rowOf) rowTops[row] = Math.min(rowTops[row] ?? Number.POSITIVE_INFINITY, boxes.get(id)!.top)
    const gutterLeft = containerRef.current!.getBoundingClientRect().right - at.left
    const list = plan.arcs.map((arc, i) => ({ relation: drawn[i]!, ...arcShape(arc, (row) => rowTops[row]!, gutterLeft) }))
    setArrows({ list, width: scroller.scrollWidth, height: scroller.scrollHeight })
  }, [relations, spans, offsets, text, layoutVersion])

  // each span's bracket in its lane, label tags and detail dots, for the spans near the viewport
  useLayoutEffect(() => {
    const layout = layoutRef.current
    const scroller = scrollerRef.current
    if (!layout || !scroller) return
    const near = spans.filter((span) => {
      const first = layout.lineIndexAt(offsets.toUtf16(span.start))
      const last = layout.lineIndexAt(offsets.toUtf16(span.end))
      for (let line = first; line <= last; line++) if (nearLinesRef.current.has(line)) return true
      return false
    })
    if (near.length === 0) {
      setMarks((current) => (current.length === 0 ? current : []))
      setBars((current) => (current.length === 0 ? current : []))
      return
    }
    const overlapping = labelTags === 'nested' ? overlappingSpanIds(spans) : new Set<string>()
    const geometry = geometryRef.current
    geometry.validate([layout, layoutVersion, gapsRef.current?.version])
    let origin: { left: number; top: number } | null = null
    const measure = (start: number, end: number) => {
      if (!origin) {
        const box = scroller.getBoundingClientRect()
        origin = { left: box.left - scroller.scrollLeft, top: box.top - scroller.scrollTop }
      }
      const at = origin
      const rects = [...layout.liveRangeOf(start, end).getClientRects()].filter((rect) => rect.width > 0)
      if (rects.length === 0) return null
      const boxes = rects.map((rect) => ({ left: rect.left - at.left, right: rect.right - at.left, top: rect.top - at.top, bottom: rect.bottom - at.top }))
      return { boxes, rtl: getComputedStyle(layout.lineElementAt(start)).direction === 'rtl' }
    }
    const colors = new Map(labels.map((label) => [label.name, label.color]))
    const list: SpanMark[] = []
    const barList: SpanBar[] = []
    for (const span of near) {
      const start = offsets.toUtf16(span.start)
      const end = offsets.toUtf16(span.end)
      const measured = geometry.get(start, end, () => measure(start, end))
      if (!measured) continue
      const first = measured.boxes[0]!
      const last = measured.boxes[measured.boxes.length - 1]!
      const color = colors.get(span.label) ?? '#5f6caf'
      barList.push(...spanBars({ id: span.id, lane: lanesRef.current.get(span.id) ?? 0, color }, measured.boxes.map((box) => ({ ...box, rtl: measured.rtl }))))
      if (wantsTag(labelTags, span, overlapping)) list.push({ id: span.id, kind: 'tag', text: span.label, color, x: first.left, y: first.top })
      if (hasDetails(span)) list.push({ id: span.id, kind: 'details', text: '●', color, x: last.right, y: last.top })
    }
    setMarks(list)
    setBars(barList)
  }, [spans, offsets, text, labels, labelTags, layoutVersion, nearVersion, arrows])

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
      arcs={arrows.list}
      width={arrows.width}
      height={arrows.height}
      relationTypes={relationTypes}
      selectedId={selectedRelationId}
      onSelect={(id) => callbacks.current.onSelectRelation(id)}
    />
    <SpanLaneLayer bars={bars} selectedId={selectedId} />
    <SpanMarkLayer marks={marks} />
    <div ref={containerRef} className="lines" />
    </div>
  )
}
