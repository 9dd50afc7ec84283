import type { KeyboardEvent } from 'react'

/**
 * Keys pressed in a project dialog stay in it: the view behind listens on the window (Escape
 * clears its selection, letters apply labels) and must not act, nor stop Escape closing the dialog.
 */
export function keepKeysInDialog(event: KeyboardEvent): void {
  event.stopPropagation()
}
