// Room between lines for what is drawn there: span underlines in their lanes below a line's text,
// relation arcs and their labels above it. Each line (a paragraph) gets a taller line height only
// where it needs one, through a CSS variable (`--line-room`, class `roomy`, see styles.css), as
// the text's own height (`--glyph-height`) plus that room twice: half the extra
// leading lands above each of its rows, half below, so every wrapped row gets the room too.
// Setting a variable reads no layout, so a long document pays only for the lines it changes.
import type { TextLayout } from './text-layout'

export type RoomKind = 'lanes' | 'arcs'

export class LineGaps {
  private readonly rooms: Record<RoomKind, Map<number, number>> = { lanes: new Map(), arcs: new Map() }
  /** Counts the changes of line heights: anything measured before a change has moved. */
  version = 0
  /** The room each line has now, in pixels (lines with none are left out). */
  private readonly applied = new Map<number, number>()

  constructor(private readonly layout: TextLayout) {}

  /**
   * Sets the room (pixels, above and below the text alike) one kind of drawing needs per line,
   * replacing what that kind asked for before. Returns whether any line's height changed.
   */
  setRoom(kind: RoomKind, rooms: Map<number, number>): boolean {
    const before = this.rooms[kind]
    this.rooms[kind] = rooms
    let changed = false
    for (const line of new Set([...before.keys(), ...rooms.keys()])) {
      const room = Math.max(this.rooms.lanes.get(line) ?? 0, this.rooms.arcs.get(line) ?? 0)
      if ((this.applied.get(line) ?? 0) === room) continue
      const element = this.layout.lineElement(line)
      if (!element) continue
      if (room > 0) {
        element.style.setProperty('--line-room', `${room}px`)
        element.classList.add('roomy')
        this.applied.set(line, room)
      } else {
        element.style.removeProperty('--line-room')
        element.classList.remove('roomy')
        this.applied.delete(line)
      }
      changed = true
    }
    if (changed) this.version++
    return changed
  }
}
