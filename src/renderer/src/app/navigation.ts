// Moving between views with a purpose: a view can send the user to another one with what to
// show there (e.g. from an agreement score to the review of the disagreements behind it).
import { createContext, useContext } from 'react'
import type { ViewId } from './views'

/** Where to go and what to show there; each view reads its own part. */
export interface Route {
  view: ViewId
  /** A document to open, when the target view shows documents. */
  documentId?: string
  /** What a review should be narrowed to (set by the agreement view). */
  focus?: ReviewFocus
}

/** The disagreements behind one agreement number: who, which labels, which documents. */
export interface ReviewFocus {
  annotators?: string[]
  labels?: string[]
  documentIds?: string[]
  /** Words for the user: what the focus came from, e.g. "alice vs bob, actor". */
  description?: string
}

export const NavigationContext = createContext<(route: Route) => void>(() => undefined)

export function useNavigate(): (route: Route) => void {
  return useContext(NavigationContext)
}
