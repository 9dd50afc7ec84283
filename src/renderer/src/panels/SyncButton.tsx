// The top bar's Sync button; its shortcut is declared with the other commands (shortcuts.ts).
export function SyncButton({ syncing, onSync }: { syncing: boolean; onSync(): void }) {
  return (
    <button type="button" onClick={onSync} disabled={syncing} aria-busy={syncing} aria-keyshortcuts="Control+Shift+P" title="Sync with your team through git (Ctrl+Shift+P)" data-testid="sync">
      {syncing ? 'Syncing…' : 'Sync'}
    </button>
  )
}
