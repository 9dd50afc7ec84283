// Undo and redo for one document's annotations. Each edit (create, delete, relabel, resize,
// attributes, relations, document tags) stores the state before it, so undo is a swap and never needs to know
// which edit it is undoing. An action outside the layer (a suggestion rejected) is a step of its
// own: the same annotations, carrying how to undo and redo it.
import type { DocumentTags, Relation, Span } from '../../../shared/model'

export interface Annotations {
  spans: Span[]
  relations: Relation[]
  tags: DocumentTags
  /** Set on the state an action outside the layer left (a suggestion rejected): undo and redo run it back and forth. */
  step?: HistoryStep
}

/** An action outside the layer, undone and redone in the same history as the edits. */
export interface HistoryStep {
  undo(): void
  redo(): void
}

export interface AnnotationHistory {
  current: Annotations
  past: Annotations[]
  future: Annotations[]
}

const LIMIT = 500

export function startHistory(current: Annotations): AnnotationHistory {
  return { current, past: [], future: [] }
}

/** An edit of the annotations (an outside step the state came from stays behind it). */
export function applyEdit(history: AnnotationHistory, next: Annotations): AnnotationHistory {
  const { step: _previous, ...annotations } = next
  return push(history, annotations)
}

function push(history: AnnotationHistory, next: Annotations): AnnotationHistory {
  return { current: next, past: [...history.past.slice(-LIMIT + 1), history.current], future: [] }
}

export function undo(history: AnnotationHistory): AnnotationHistory {
  const previous = history.past.at(-1)
  if (!previous) return history
  return { current: previous, past: history.past.slice(0, -1), future: [history.current, ...history.future] }
}

export function redo(history: AnnotationHistory): AnnotationHistory {
  const next = history.future[0]
  if (!next) return history
  return { current: next, past: [...history.past, history.current], future: history.future.slice(1) }
}

/** An outside action as one step: the annotations as they are, with the action's undo and redo. */
export function recordStep(history: AnnotationHistory, step: HistoryStep): AnnotationHistory {
  const { spans, relations, tags } = history.current
  return push(history, { spans, relations, tags, step })
}

/** The step an undo would take back (set when it is an outside action). */
export function stepToUndo(history: AnnotationHistory): HistoryStep | undefined {
  return history.past.length > 0 ? history.current.step : undefined
}

/** The step a redo would do again (set when it is an outside action). */
export function stepToRedo(history: AnnotationHistory): HistoryStep | undefined {
  return history.future[0]?.step
}

/** Whether two states hold the very same annotations (an outside action changes none: nothing to save). */
export function sameAnnotationState(a: Annotations, b: Annotations): boolean {
  return a.spans === b.spans && a.relations === b.relations && a.tags === b.tags
}
