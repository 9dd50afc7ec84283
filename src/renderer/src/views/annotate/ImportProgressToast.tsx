import { importStateText, type ImportState } from './use-import'

/** A running import: what it is doing, how far it has got, and Cancel (also Escape). */
export function ImportProgressToast({ state, onCancel }: { state: ImportState; onCancel(): void }) {
  const { text, value } = importStateText(state)
  return (
    <div className="toast" role="status" data-testid="import-progress">
      {text}
      {value === null ? <progress aria-label="Import progress" /> : <progress aria-label="Import progress" max={1} value={value} />}
      <button type="button" onClick={onCancel} aria-keyshortcuts="Escape" title="Cancel the import (Escape): the project stays as it was">
        Cancel
      </button>
    </div>
  )
}
