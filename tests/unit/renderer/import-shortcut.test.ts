// Escape while an import runs cancels it, and the shortcut sheet says so: the key is declared in
// the registry like every other command, before Escape's other use (clearing the selection).
import { describe, expect, it } from 'vitest'
import { buildShortcuts, type ShortcutActions } from '../../../src/renderer/src/commands/shortcuts'

const escape = { key: 'Escape', code: 'Escape', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false } as KeyboardEvent

function editorKeys(importing: boolean) {
  const calls: string[] = []
  const actions = new Proxy({ labels: [], tagKeys: [], importing } as unknown as ShortcutActions, {
    get: (target, property: string) => (property in target ? target[property as keyof ShortcutActions] : () => calls.push(property))
  })
  const shortcuts = buildShortcuts(actions)
  /** What a key press does: the first shortcut that owns it, as the view's key handler picks. */
  const press = (event: KeyboardEvent) => {
    shortcuts.find((s) => s.matches(event))?.run(event)
    return calls.splice(0)
  }
  return { shortcuts, press }
}

describe('Escape and a running import', () => {
  it('cancels the import while one runs, before any other use of the key', () => {
    const { shortcuts, press } = editorKeys(true)
    expect(press(escape)).toEqual(['cancelImport'])
    expect(shortcuts.find((s) => s.id === 'cancel-import')?.first).toBe(true)
  })

  it('clears the selection when no import runs', () => {
    expect(editorKeys(false).press(escape)).toEqual(['clearSelection'])
  })

  it('is on the shortcut sheet either way', () => {
    for (const importing of [true, false]) {
      const entry = editorKeys(importing).shortcuts.find((s) => s.id === 'cancel-import')
      expect(entry).toMatchObject({ keys: 'Escape', title: 'While importing: cancel the import (the project stays as it was)' })
    }
  })
})
