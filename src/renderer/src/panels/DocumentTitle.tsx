// The open document's title in the editor header, renamed in place: F2, the Rename button or a
// double click turn it into a field; Enter (or leaving the field) saves, Escape keeps the old
// title, and an empty field puts back the title the import gave.
import { useRef } from 'react'

interface Props {
  title: string
  /** The title the import gave, when the document has been renamed since. */
  importedTitle?: string
  fileName?: string
  editing: boolean
  onStartEdit(): void
  onCancel(): void
  /** `seen`: the title the edit started from (a rename elsewhere meanwhile is a conflict). */
  onRename(title: string, seen: string): void
}

export function DocumentTitle({ title, importedTitle, fileName, editing, onStartEdit, onCancel, onRename }: Props) {
  const about = [title, importedTitle && `Imported as: ${importedTitle}`, fileName && `File: ${fileName}`].filter(Boolean).join('\n')
  if (editing) return <TitleField title={title} importedTitle={importedTitle} onCancel={onCancel} onRename={onRename} />
  return (
    <>
      <h2 className="doc-heading" title={about} onDoubleClick={onStartEdit} data-testid="document-title">
        {title}
      </h2>
      <button type="button" onClick={onStartEdit} aria-keyshortcuts="F2" title="Rename the document (F2)" data-testid="rename-document">
        Rename
      </button>
    </>
  )
}

function TitleField({ title, importedTitle, onCancel, onRename }: Pick<Props, 'title' | 'importedTitle' | 'onCancel' | 'onRename'>) {
  // the title the edit started from, whatever the list shows meanwhile
  const seen = useRef(title)
  // where the keyboard was (the text, a row of the list): it goes back there after the edit
  const focusBefore = useRef(document.activeElement)
  const done = useRef(false)
  const finish = (save: boolean, value: string) => {
    if (done.current) return
    done.current = true
    const back = focusBefore.current
    if (save) onRename(value, seen.current)
    else onCancel()
    setTimeout(() => {
      if (back instanceof HTMLElement && back.isConnected && back !== document.body) back.focus()
      else document.querySelector<HTMLElement>('[data-testid=rename-document]')?.focus()
    })
  }
  return (
    <form
      className="doc-heading rename-form"
      onSubmit={(event) => {
        event.preventDefault()
        finish(true, new FormData(event.currentTarget).get('title') as string)
      }}
    >
      <input
        name="title"
        aria-label="Document title"
        title={`Enter saves, Escape cancels; empty puts back the imported title${importedTitle ? ` (${importedTitle})` : ''}`}
        defaultValue={title}
        placeholder={importedTitle ?? title}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.preventDefault()
          event.stopPropagation()
          finish(false, '')
        }}
        onBlur={(event) => finish(true, event.currentTarget.value)}
        data-testid="document-title-input"
      />
    </form>
  )
}
