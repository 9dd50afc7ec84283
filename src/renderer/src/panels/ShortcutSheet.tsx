import { useEffect, useRef } from 'react'
import { VIEWS } from '../app/views'
import { FIND_BAR_KEYS, PROJECT_COMMANDS, TEXT_NAVIGATION, type Shortcut } from '../commands/shortcuts'

export function ShortcutSheet({
  shortcuts,
  onClose,
  navigation = [...TEXT_NAVIGATION, ...FIND_BAR_KEYS]
}: {
  shortcuts: Shortcut[]
  onClose(): void
  /** Keys a view's widgets handle themselves (the editor's text and find bar by default). */
  navigation?: { keys: string; title: string }[]
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    ref.current?.showModal()
  }, [])
  return (
    <dialog ref={ref} className="shortcut-sheet" aria-label="Keyboard shortcuts" onClose={onClose}>
      <h2>Keyboard shortcuts</h2>
      <table>
        <tbody>
          {shortcuts.map((shortcut) => (
            <tr key={shortcut.id}>
              <td>
                <kbd>{shortcut.keys}</kbd>
              </td>
              <td>{shortcut.title}</td>
            </tr>
          ))}
          {VIEWS.length > 1 &&
            VIEWS.map((view) => (
              <tr key={view.id}>
                <td>
                  <kbd>{view.keys}</kbd>
                </td>
                <td>Go to the {view.title} view</td>
              </tr>
            ))}
          {PROJECT_COMMANDS.map((command) => (
            <tr key={command.id}>
              <td>
                <kbd>{command.keys}</kbd>
              </td>
              <td>{command.title}</td>
            </tr>
          ))}
          {navigation.map((item) => (
            <tr key={item.keys}>
              <td>
                <kbd>{item.keys}</kbd>
              </td>
              <td>{item.title}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}
