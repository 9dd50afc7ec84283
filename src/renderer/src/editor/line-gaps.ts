// Room between lines for what is drawn there: span underlines in their lanes below a line's text,
// relation arcs and their labels above it. Each line (a paragraph) gets a taller line height only
// where it needs one, through a CSS variable (`--line-room`, class `roomy`, see styles.css), as
// the text's own height (`--glyph-height`) plus that room twice: half the extra
// leading lands above each of its rows, half below, so every wrapped row gets the room too.
// Setting a variable reads no layout, so a long document pays only for the lines it changes.
import { roomForLanes } from './span-lanes'
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
   * The half leading a line needs. Its lanes hang below each row; its arcs rise above each row,
   * into the leading of the row above, below that row's lanes: so the two halves together hold
   * lanes and arcs, and each half need not hold both. The first row has the line above for its
   * arcs: after a blank line, that whole line; after text, only its half leading, so there the
   * arcs' room comes from this line alone.
   */
  private roomOf(line: number): number {
    const lanes = this.rooms.lanes.get(line) ?? 0
    const arcs = this.rooms.arcs.get(line) ?? 0
    if (arcs === 0) return lanes
    if (line === 0 || !this.layout.isBlank(line - 1)) return Math.max(lanes, arcs)
    const blank = Number.parseFloat(getComputedStyle(this.layout.lineElement(line - 1)!).lineHeight) || 0
    // every row with spans has at least one lane under it
    return Math.max(lanes, Math.ceil((Math.max(lanes, roomForLanes(1)) + arcs) / 2), Math.ceil(arcs - blank))
  }

  /**
   * Sets the room (pixels, above and below the text alike) one kind of drawing needs per line,
   * replacing what that kind asked for before. Returns whether any line's height changed.
   */
  setRoom(kind: RoomKind, rooms: Map<number, number>): boolean {
    const before = this.rooms[kind]
    this.rooms[kind] = rooms
    let changed = false
    for (const line of new Set([...before.keys(), ...rooms.keys()])) {
      const room = this.roomOf(line)
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
