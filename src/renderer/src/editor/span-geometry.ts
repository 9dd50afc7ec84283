// The boxes of spans' text, measured once and kept while the layout stands: scrolling brings spans
// near the viewport and takes them away, and only the spans new there are measured (a range's
// client rects cost a layout query each). Boxes are relative to the scrolling area's content, so
// they hold however far it is scrolled.

export interface SpanGeometry {
  /** One box per piece of the span's text (a row, or a run of one direction), in text order. */
  boxes: { left: number; right: number; top: number; bottom: number }[]
  /** Whether the span's line runs right to left. */
  rtl: boolean
}

export class SpanGeometryCache {
  private readonly boxes = new Map<string, SpanGeometry | null>()
  private epoch: readonly unknown[] = []

  /** Forgets every box when anything that moves text has changed (any element of `epoch`). */
  validate(epoch: readonly unknown[]): void {
    if (epoch.length === this.epoch.length && epoch.every((value, i) => value === this.epoch[i])) return
    this.boxes.clear()
    this.epoch = epoch
  }

  /** The geometry of the text from `start` to `end` (UTF-16 offsets), measured if not known. */
  get(start: number, end: number, measure: () => SpanGeometry | null): SpanGeometry | null {
    const key = `${start}:${end}`
    let geometry = this.boxes.get(key)
    if (geometry === undefined) {
      geometry = measure()
      this.boxes.set(key, geometry)
    }
    return geometry
  }
}
