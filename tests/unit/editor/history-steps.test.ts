// An action outside the layer (a suggestion rejected) is one step of the editor's undo history:
// undone and redone in turn with the span edits, and never a change of the layer to save.
import { describe, expect, it } from 'vitest'
import { applyEdit, recordStep, redo, sameAnnotationState, startHistory, stepToRedo, stepToUndo, undo } from '../../../src/renderer/src/editor/span-history'

describe('outside steps in the undo history', () => {
  it('are undone and redone in turn with the edits', () => {
    const calls: string[] = []
    const step = { undo: () => calls.push('unreject'), redo: () => calls.push('reject') }
    const span = { id: 's1', start: 0, end: 5, label: 'actor' }
    let history = applyEdit(startHistory({ spans: [], relations: [], tags: {} }), { spans: [span], relations: [], tags: {} })
    const edited = history.current
    history = recordStep(history, step)
    // the layer is as it was: nothing to save
    expect(sameAnnotationState(edited, history.current)).toBe(true)

    // Ctrl+Z: first the rejection, then the span
    expect(stepToUndo(history)).toBe(step)
    history = undo(history)
    expect(history.current.spans).toEqual([span])
    expect(stepToUndo(history)).toBeUndefined()
    history = undo(history)
    expect(history.current.spans).toEqual([])

    // Ctrl+Shift+Z: the span, then the rejection again
    expect(stepToRedo(history)).toBeUndefined()
    history = redo(history)
    expect(history.current.spans).toEqual([span])
    expect(stepToRedo(history)).toBe(step)
    history = redo(history)
    expect(stepToUndo(history)).toBe(step)
    expect(calls).toEqual([])

    // a new edit after the step does not carry it: undoing that edit runs no outside action
    history = applyEdit(history, { ...history.current, spans: [] })
    expect(stepToUndo(history)).toBeUndefined()
  })
})
