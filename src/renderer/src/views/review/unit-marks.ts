// How the review text marks each unit once, by what it needs: the editor's highlight painter
// paints "spans" whose label is the unit's mark, in the mark's colour. Incomplete units (some
// annotators marked nothing) look different from disagreeing ones (INCEpTION #2621).
import type { Label, Span } from '../../../../shared/model'
import { isOpenConflict, presentMembers, type ReviewUnit } from '../../../../shared/review'

export type UnitMark = 'agreeing' | 'conflict' | 'incomplete' | 'resolved' | 'rejected'

export const MARK_TEXT: Record<UnitMark, string> = {
  agreeing: 'Agreeing, not yet in gold',
  conflict: 'Conflict',
  incomplete: 'Incomplete (some annotators marked nothing)',
  resolved: 'Resolved into gold',
  rejected: 'Rejected (resolved with nothing)'
}

/** The painter's "labels": one colour per mark (hotkeys unused: marks are not typed). */
export const MARK_LABELS: Label[] = [
  { name: 'agreeing', color: '#2e9e5b', hotkey: '', attributes: [] },
  { name: 'conflict', color: '#d0342c', hotkey: '', attributes: [] },
  { name: 'incomplete', color: '#b8860b', hotkey: '', attributes: [] },
  { name: 'resolved', color: '#2f5fd0', hotkey: '', attributes: [] },
  { name: 'rejected', color: '#8a8f99', hotkey: '', attributes: [] }
]

export function markOf(unit: ReviewUnit): UnitMark {
  if (unit.resolution?.kind === 'rejected') return 'rejected'
  if (unit.resolution) return 'resolved'
  if (unit.state === 'unanimous') return 'agreeing'
  return unit.state === 'one_sided' ? 'incomplete' : 'conflict'
}

/** Units as the spans the painter paints: one per unit, keyed by the unit. */
export function unitSpans(units: ReviewUnit[]): Span[] {
  return units.map((unit) => ({ id: unit.key, start: unit.start, end: unit.end, label: markOf(unit) }))
}

/**
 * The units a focus from the agreement view asks for: those its annotators disagree on (the
 * layers were already narrowed to them), involving one of its labels when it names labels.
 * Decided units stay, so the user sees what they resolved.
 */
export function unitsInFocus(units: ReviewUnit[], focus: { labels?: string[] } | undefined): ReviewUnit[] {
  if (!focus) return units
  const labels = focus.labels && focus.labels.length > 0 ? new Set(focus.labels) : null
  return units.filter(
    (unit) =>
      unit.state !== 'unanimous' &&
      unit.state !== 'gold_only' &&
      (!labels || presentMembers(unit).some(({ span }) => labels.has(span.label)))
  )
}

/** The next (or previous) open conflict after the selected unit in text order, wrapping around. */
export function nextOpenConflict(units: ReviewUnit[], selectedKey: string | null, backwards: boolean): ReviewUnit | null {
  const from = units.findIndex((unit) => unit.key === selectedKey)
  const step = backwards ? -1 : 1
  const start = from < 0 ? (backwards ? units.length : -1) : from
  for (let i = 1; i <= units.length; i++) {
    const unit = units[(start + step * i + units.length * 2) % units.length]!
    if (isOpenConflict(unit)) return unit
  }
  return null
}
