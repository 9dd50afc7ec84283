import { importStateText, type ImportState } from './use-import'

/** A running import: what it is doing, how far it has got, and Cancel (also its key, from the shortcut registry). */
export function ImportProgressToast({ state, onCancel, cancelKeys }: { state: ImportState; onCancel(): void; cancelKeys: string | undefined }) {
  const { text, value } = importStateText(state)
  return (
    <div className="toast" role="status" data-testid="import-progress">
      {text}
      {value === null ? <progress aria-label="Import progress" /> : <progress aria-label="Import progress" max={1} value={value} />}
      <button type="button" onClick={onCancel} aria-keyshortcuts={cancelKeys} title={`Cancel the import${cancelKeys ? ` (${cancelKeys})` : ''}: the project stays as it was`}>
        Cancel
      </button>
    </div>
  )
}
