// Paints spans with the CSS Custom Highlight API: one Highlight per label, plus one for the
// selected span, each a set of ranges. Thousands of spans cost no DOM nodes at all.
// Highlight names live in one registry per page (CSS.highlights), so each painter has a scope:
// the main text paints under "sw", a second text on the same page (a review lane) under its own.
import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import type { TextLayout } from './text-layout'

export const SELECTED_HIGHLIGHT = 'sw-selected'
export const CARET_HIGHLIGHT = 'sw-caret'
export const FIND_HIGHLIGHT = 'sw-find'
export const FIND_CURRENT_HIGHLIGHT = 'sw-find-current'
export const LINK_SOURCE_HIGHLIGHT = 'sw-link-source'

/**
 * Lines per highlight chunk. Chromium repaints every range of a Highlight that changes, so each
 * label's spans are split into Highlights of a few dozen lines: a new span repaints its chunk,
 * not the whole document.
 */
export const LINES_PER_CHUNK = 24

export function highlightName(label: string, chunk: number, scope = 'sw'): string {
  return `${scope}-label-${label}-${chunk}`
}

/** The names of one painter's single-range highlights (selection, caret, find, link source). */
function markNames(scope: string) {
  const rename = (name: string) => (scope === 'sw' ? name : name.replace(/^sw-/, `${scope}-`))
  return {
    selected: rename(SELECTED_HIGHLIGHT),
    caret: rename(CARET_HIGHLIGHT),
    find: rename(FIND_HIGHLIGHT),
    findCurrent: rename(FIND_CURRENT_HIGHLIGHT),
    linkSource: rename(LINK_SOURCE_HIGHLIGHT)
  }
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/**
 * Stylesheet rules for the label set: a translucent fill per label (overlapping spans stack their
 * colours); each span's own extent is drawn as a bracket in its lane (SpanLaneLayer).
 */
export function highlightStyles(labels: Label[], chunks: number, scope = 'sw'): string {
  const { selected, caret, find, findCurrent, linkSource } = markNames(scope)
  const rules = labels.map((label) => {
    const [r, g, b] = hexToRgb(label.color)
    const names = Array.from({ length: chunks }, (_, chunk) => `::highlight(${highlightName(label.name, chunk, scope)})`).join(', ')
    return `${names} { background-color: rgb(${r} ${g} ${b} / 0.28); }`
  })
  rules.push(`::highlight(${selected}) { background-color: rgb(255 214 0 / 0.55); color: #000; }`)
  rules.push(`::highlight(${find}) { background-color: rgb(255 150 0 / 0.35); }`)
  rules.push(`::highlight(${findCurrent}) { background-color: rgb(255 120 0 / 0.8); color: #000; }`)
  rules.push(`::highlight(${linkSource}) { background-color: rgb(122 79 208 / 0.45); text-decoration: underline wavy rgb(122 79 208) 2px; }`)
  // a collapsed selection is invisible in read-only text, so the keyboard caret is painted
  rules.push(`::highlight(${caret}) { background-color: rgb(26 86 255 / 0.35); text-decoration: underline rgb(26 86 255) 3px; }`)
  return rules.join('\n')
}

interface PaintedSpan {
  key: string
  label: string
  start: number
  end: number
  range: StaticRange
  firstLine: number
  lastLine: number
  /** Whether its range is in its Highlight now (only spans near the viewport are). */
  shown: boolean
}

/** Lines assumed visible before the first visibility report arrives. */
const INITIAL_VISIBLE_LINES = 80

export class HighlightPainter {
  /** One Highlight per label and chunk of lines, registered once, then changed range by range. */
  private readonly highlights = new Map<string, Highlight>()
  private readonly painted = new Map<string, PaintedSpan>()
  private layout: TextLayout | null = null
  private labels: Label[] = []
  private chunks = 1
  /**
   * Lines in or near the viewport. Chromium re-examines every registered range whenever any
   * highlight changes, so only spans near the viewport are registered: an edit costs the same
   * in a long document as in a short one.
   */
  private visibleLines: Set<number> | null = null

  private readonly names: ReturnType<typeof markNames>

  constructor(
    private readonly sheet: CSSStyleSheet,
    private readonly scope = 'sw',
    /** The stylesheet's rules: spans' by default; suggestions are drawn apart (suggestion-styles.ts). */
    private readonly styles: typeof highlightStyles = highlightStyles
  ) {
    this.names = markNames(scope)
  }

  setLabels(labels: Label[]): void {
    this.labels = labels
    this.sheet.replaceSync(this.styles(labels, this.chunks, this.scope))
  }

  private highlightFor(key: string): Highlight {
    let highlight = this.highlights.get(key)
    if (!highlight) {
      highlight = new Highlight()
      this.highlights.set(key, highlight)
      CSS.highlights.set(key, highlight)
    }
    return highlight
  }

  /**
   * Brings the painted spans in line with `spans`, touching only the ones that changed: an edit
   * adds or removes one range instead of rebuilding thousands, so a new span paints at once.
   */
  paint(layout: TextLayout, offsets: OffsetMap, spans: Span[], selectedId: string | null): void {
    if (layout !== this.layout) {
      // a new text: everything painted belonged to the old one
      for (const highlight of this.highlights.values()) highlight.clear()
      this.painted.clear()
      this.layout = layout
      this.visibleLines = new Set(Array.from({ length: Math.min(INITIAL_VISIBLE_LINES, layout.lineCount) }, (_, i) => i))
      const chunks = Math.max(1, Math.ceil(layout.lineCount / LINES_PER_CHUNK))
      if (chunks > this.chunks) {
        this.chunks = chunks
        this.setLabels(this.labels)
      }
    }
    const current = new Set<string>()
    let selected: StaticRange | null = null
    for (const span of spans) {
      current.add(span.id)
      let painted = this.painted.get(span.id)
      if (!painted || painted.label !== span.label || painted.start !== span.start || painted.end !== span.end) {
        if (painted?.shown) this.highlights.get(painted.key)?.delete(painted.range)
        const start = offsets.toUtf16(span.start)
        const end = offsets.toUtf16(span.end)
        const firstLine = layout.lineIndexAt(start)
        const key = highlightName(span.label, Math.floor(firstLine / LINES_PER_CHUNK), this.scope)
        painted = { key, label: span.label, start: span.start, end: span.end, range: layout.rangeOf(start, end), firstLine, lastLine: layout.lineIndexAt(end), shown: false }
        this.painted.set(span.id, painted)
        this.show(painted)
      }
      if (span.id === selectedId) selected = painted.range
    }
    for (const [id, painted] of this.painted) {
      if (current.has(id)) continue
      if (painted.shown) this.highlights.get(painted.key)?.delete(painted.range)
      this.painted.delete(id)
    }
    if (selected) {
      const highlight = new Highlight(selected)
      highlight.priority = 10
      CSS.highlights.set(this.names.selected, highlight)
    } else CSS.highlights.delete(this.names.selected)
  }

  private isNearViewport(span: PaintedSpan): boolean {
    const visible = this.visibleLines
    if (!visible) return true
    for (let line = span.firstLine; line <= span.lastLine; line++) if (visible.has(line)) return true
    return false
  }

  /** Registers or unregisters a span's range as it comes near the viewport or leaves it. */
  private show(span: PaintedSpan): void {
    const near = this.isNearViewport(span)
    if (near === span.shown) return
    span.shown = near
    if (near) this.highlightFor(span.key).add(span.range)
    else this.highlights.get(span.key)?.delete(span.range)
  }

  /** The text view reports which lines are in or near the viewport (as they scroll). */
  setVisibleLines(lines: Set<number>): void {
    this.visibleLines = lines
    for (const span of this.painted.values()) this.show(span)
  }

  /** How many spans the painter holds (painted when near the viewport). */
  get spanCount(): number {
    return this.painted.size
  }

  /** Marks the character after a keyboard caret (UTF-16 offset), or clears the mark. */
  paintCaret(layout: TextLayout | null, caret: number | null): void {
    if (!layout || caret === null) {
      CSS.highlights.delete(this.names.caret)
      return
    }
    const end = Math.min(layout.text.length, caret + (/[\ud800-\udbff]/.test(layout.text[caret] ?? '') ? 2 : 1))
    const start = end === caret ? Math.max(0, caret - 1) : caret
    CSS.highlights.set(this.names.caret, new Highlight(layout.rangeOf(start, end)))
  }

  /** Find-in-document matches (UTF-16 ranges), the current one stronger. */
  paintFind(layout: TextLayout, matches: { start: number; end: number }[], current: number): void {
    if (matches.length === 0) {
      CSS.highlights.delete(this.names.find)
      CSS.highlights.delete(this.names.findCurrent)
      return
    }
    const all = new Highlight(...matches.map((m) => layout.rangeOf(m.start, m.end)))
    all.priority = 5
    CSS.highlights.set(this.names.find, all)
    const here = matches[current]
    if (here) {
      const highlight = new Highlight(layout.rangeOf(here.start, here.end))
      highlight.priority = 6
      CSS.highlights.set(this.names.findCurrent, highlight)
    } else CSS.highlights.delete(this.names.findCurrent)
  }

  /** The span a relation is being drawn from, while choosing its target. */
  paintLinkSource(layout: TextLayout, range: { start: number; end: number } | null): void {
    if (!range) CSS.highlights.delete(this.names.linkSource)
    else {
      const highlight = new Highlight(layout.rangeOf(range.start, range.end))
      highlight.priority = 8
      CSS.highlights.set(this.names.linkSource, highlight)
    }
  }

  destroy(): void {
    for (const name of Object.values(this.names)) CSS.highlights.delete(name)
    for (const key of this.highlights.keys()) CSS.highlights.delete(key)
    this.highlights.clear()
    this.painted.clear()
    this.layout = null
  }
}
