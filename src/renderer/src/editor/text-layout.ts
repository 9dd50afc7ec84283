// Lays a document's text out as one block per line (each with dir="auto", so Arabic and Hebrew
// lines run right to left) and maps between DOM positions and UTF-16 offsets of the text.
// Text goes in through text nodes only: document text is never parsed as HTML.

interface Line {
  start: number
  end: number
  element: HTMLElement
  textNode: Text | null
}

export class TextLayout {
  private readonly lines: Line[] = []

  constructor(
    readonly container: HTMLElement,
    readonly text: string
  ) {
    const fragment = document.createDocumentFragment()
    const lineBreak = /\r\n|\r|\n/g
    let start = 0
    for (;;) {
      const match = lineBreak.exec(text)
      const end = match ? match.index : text.length
      const element = document.createElement('div')
      element.className = 'line'
      element.dir = 'auto'
      element.dataset.start = String(start)
      element.dataset.line = String(this.lines.length)
      let textNode: Text | null = null
      if (end > start) {
        textNode = document.createTextNode(text.slice(start, end))
        element.append(textNode)
      } else {
        element.append(document.createElement('br'))
      }
      fragment.append(element)
      this.lines.push({ start, end, element, textNode })
      if (!match) break
      start = match.index + match[0].length
    }
    container.replaceChildren(fragment)
  }

  get lineCount(): number {
    return this.lines.length
  }

  /** Index of the line holding a UTF-16 offset (an offset in a line break belongs to the line before). */
  lineIndexAt(offset: number): number {
    let lo = 0
    let hi = this.lines.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.lines[mid]!.start <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /** The DOM position of a UTF-16 offset. */
  positionOf(offset: number): { node: Node; offset: number } {
    const line = this.lines[this.lineIndexAt(offset)]!
    if (!line.textNode) return { node: line.element, offset: 0 }
    return { node: line.textNode, offset: Math.min(offset, line.end) - line.start }
  }

  /** A static range over [start, end) in UTF-16 offsets, for painting highlights. */
  rangeOf(start: number, end: number): StaticRange {
    const from = this.positionOf(start)
    const to = this.positionOf(end)
    return new StaticRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset })
  }

  liveRangeOf(start: number, end: number): Range {
    const range = document.createRange()
    const from = this.positionOf(start)
    const to = this.positionOf(end)
    range.setStart(from.node, from.offset)
    range.setEnd(to.node, to.offset)
    return range
  }

  /** The UTF-16 offset of a DOM position inside the container, or null if it is outside. */
  offsetOf(node: Node, offset: number): number | null {
    if (node === this.container) {
      if (offset >= this.lines.length) return this.text.length
      return this.lines[offset]!.start
    }
    const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>('.line')
    if (!element || !this.container.contains(element)) return null
    const line = this.lines[this.lineIndexAt(Number(element.dataset.start))]!
    if (node.nodeType === Node.TEXT_NODE) return line.start + Math.min(offset, line.end - line.start)
    return offset === 0 ? line.start : line.end
  }

  lineElements(): HTMLElement[] {
    return this.lines.map((line) => line.element)
  }

  /** Whether a line holds no text (a blank line between paragraphs). */
  isBlank(index: number): boolean {
    return this.lines[index]?.textNode === null
  }

  lineElement(index: number): HTMLElement | undefined {
    return this.lines[index]?.element
  }

  lineElementAt(offset: number): HTMLElement {
    return this.lines[this.lineIndexAt(offset)]!.element
  }
}
