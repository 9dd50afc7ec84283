// The workbench's views, declared once: the shell's tabs, its keys and the shortcut sheet all
// read this list. Each view is a capability with its own state (views/<id>/); the shell only
// picks one.
export type ViewId = 'annotate' | 'review' | 'agreement'

export interface ViewEntry {
  id: ViewId
  title: string
  /** How the key is shown to people; the shell matches Alt + this digit. */
  keys: string
  digit: string
}

export const VIEWS: ViewEntry[] = [
  { id: 'annotate', title: 'Annotate', keys: 'Alt+1', digit: '1' },
  { id: 'review', title: 'Review', keys: 'Alt+2', digit: '2' },
  { id: 'agreement', title: 'Agreement', keys: 'Alt+3', digit: '3' }
]

/** The view an Alt+digit key press asks for, if any. */
export function viewForKey(event: KeyboardEvent): ViewId | null {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null
  // event.code, not event.key: Alt+digit types other characters on some keyboard layouts
  const digit = /^Digit(\d)$/.exec(event.code)?.[1]
  return VIEWS.find((view) => view.digit === digit)?.id ?? null
}
