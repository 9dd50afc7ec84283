import type { Label } from '../../shared/model'

/** Colours for labels beyond the defaults: distinct hues with 3:1 contrast against both themes' pages. */
export const PALETTE = ['#8e5bd6', '#d1495b', '#00999a', '#b08900', '#5f6caf', '#c05299', '#4d8b31', '#cf6a22', '#3b8ea5']

export function colorForNewLabel(index: number): string {
  return PALETTE[index % PALETTE.length]!
}

/** The first digit or letter no label uses yet as its hotkey. */
export function freeHotkey(labels: Label[]): string {
  const used = new Set(labels.map((label) => label.hotkey))
  // r and e are the editor's own keys (relation mode, attributes)
  const candidates = '1234567890qwtyuiopasdfghjklzxcvbnm'
  return [...candidates].find((key) => !used.has(key)) ?? '0'
}
