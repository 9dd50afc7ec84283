// The Undo and Redo buttons of an editing view (Annotate, Review): the same keys as the view's
// shortcuts (Ctrl+Z, Ctrl+Shift+Z), named for assistive technology.
export function UndoRedoButtons({ undo, redo, canUndo, canRedo }: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean }) {
  return (
    <>
      <button type="button" onClick={undo} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button type="button" onClick={redo} disabled={!canRedo} aria-keyshortcuts="Control+Shift+Z">
        Redo
      </button>
    </>
  )
}
