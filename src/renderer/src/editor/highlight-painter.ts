// Paints spans with the CSS Custom Highlight API: one Highlight per label, plus one for the
// selected span, each a set of ranges. Thousands of spans cost no DOM nodes at all.
import type { Label, Span } from '../../../shared/model'
import type { OffsetMap } from '../../../shared/offsets'
import type { TextLayout } from './text-layout'

export const SELECTED_HIGHLIGHT = 'sw-selected'
export const CARET_HIGHLIGHT = 'sw-caret'
export const FIND_HIGHLIGHT = 'sw-find'
export const FIND_CURRENT_HIGHLIGHT = 'sw-find-current'
export const LINK_SOURCE_HIGHLIGHT = 'sw-link-source'

export function highlightName(label: string): string {
  return `sw-label-${label}`
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/** Stylesheet rules for the label set; overlapping spans stack their translucent colours. */
export function highlightStyles(labels: Label[]): string {
  const rules = labels.map((label, index) => {
    const [r, g, b] = hexToRgb(label.color)
    return `::highlight(${highlightName(label.name)}) { background-color: rgb(${r} ${g} ${b} / 0.28); text-decoration: underline rgb(${r} ${g} ${b}) ${2 + (index % 3)}px; text-underline-offset: ${3 + 2 * (index % 3)}px; }`
  })
  rules.push(`::highlight(${SELECTED_HIGHLIGHT}) { background-color: rgb(255 214 0 / 0.55); color: #000; }`)
  rules.push(`::highlight(${FIND_HIGHLIGHT}) { background-color: rgb(255 150 0 / 0.35); }`)
  rules.push(`::highlight(${FIND_CURRENT_HIGHLIGHT}) { background-color: rgb(255 120 0 / 0.8); color: #000; }`)
  rules.push(`::highlight(${LINK_SOURCE_HIGHLIGHT}) { background-color: rgb(122 79 208 / 0.45); text-decoration: underline wavy rgb(122 79 208) 2px; }`)
  // a collapsed selection is invisible in read-only text, so the keyboard caret is painted
  rules.push(`::highlight(${CARET_HIGHLIGHT}) { background-color: rgb(26 86 255 / 0.35); text-decoration: underline rgb(26 86 255) 3px; }`)
  return rules.join('\n')
}

export class HighlightPainter {
  private readonly names = new Set<string>()

  constructor(private readonly sheet: CSSStyleSheet) {}

  setLabels(labels: Label[]): void {
    this.sheet.replaceSync(highlightStyles(labels))
  }

  paint(layout: TextLayout, offsets: OffsetMap, spans: Span[], selectedId: string | null): void {
    const byLabel = new Map<string, StaticRange[]>()
    let selected: StaticRange | null = null
    for (const span of spans) {
      const range = layout.rangeOf(offsets.toUtf16(span.start), offsets.toUtf16(span.end))
      const list = byLabel.get(span.label)
      if (list) list.push(range)
      else byLabel.set(span.label, [range])
      if (span.id === selectedId) selected = range
    }
    for (const name of this.names) if (!byLabel.has(name.slice('sw-label-'.length))) CSS.highlights.delete(name)
    this.names.clear()
    for (const [label, ranges] of byLabel) {
      const name = highlightName(label)
      CSS.highlights.set(name, new Highlight(...ranges))
      this.names.add(name)
    }
    if (selected) {
      const highlight = new Highlight(selected)
      highlight.priority = 10
      CSS.highlights.set(SELECTED_HIGHLIGHT, highlight)
    } else CSS.highlights.delete(SELECTED_HIGHLIGHT)
  }

  /** Marks the character after a keyboard caret (UTF-16 offset), or clears the mark. */
  paintCaret(layout: TextLayout | null, caret: number | null): void {
    if (!layout || caret === null) {
      CSS.highlights.delete(CARET_HIGHLIGHT)
      return
    }
    const end = Math.min(layout.text.length, caret + (/[\ud800-\udbff]/.test(layout.text[caret] ?? '') ? 2 : 1))
    const start = end === caret ? Math.max(0, caret - 1) : caret
    CSS.highlights.set(CARET_HIGHLIGHT, new Highlight(layout.rangeOf(start, end)))
  }

  /** Find-in-document matches (UTF-16 ranges), the current one stronger. */
  paintFind(layout: TextLayout, matches: { start: number; end: number }[], current: number): void {
    if (matches.length === 0) {
      CSS.highlights.delete(FIND_HIGHLIGHT)
      CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT)
      return
    }
    const all = new Highlight(...matches.map((m) => layout.rangeOf(m.start, m.end)))
    all.priority = 5
    CSS.highlights.set(FIND_HIGHLIGHT, all)
    const here = matches[current]
    if (here) {
      const highlight = new Highlight(layout.rangeOf(here.start, here.end))
      highlight.priority = 6
      CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, highlight)
    } else CSS.highlights.delete(FIND_CURRENT_HIGHLIGHT)
  }

  /** The span a relation is being drawn from, while choosing its target. */
  paintLinkSource(layout: TextLayout, range: { start: number; end: number } | null): void {
    if (!range) CSS.highlights.delete(LINK_SOURCE_HIGHLIGHT)
    else {
      const highlight = new Highlight(layout.rangeOf(range.start, range.end))
      highlight.priority = 8
      CSS.highlights.set(LINK_SOURCE_HIGHLIGHT, highlight)
    }
  }

  destroy(): void {
    for (const name of [CARET_HIGHLIGHT, FIND_HIGHLIGHT, FIND_CURRENT_HIGHLIGHT, LINK_SOURCE_HIGHLIGHT]) CSS.highlights.delete(name)
    for (const name of this.names) CSS.highlights.delete(name)
    CSS.highlights.delete(SELECTED_HIGHLIGHT)
    this.names.clear()
  }
}
