import { useState } from 'react'

/** Shows whose layer is open; the name can be changed (it is validated by the backend). */
export function AnnotatorField({ annotator, onChange, onError }: { annotator: string; onChange(name: string): Promise<unknown>; onError(message: string): void }) {
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(annotator)
  if (!editing) {
    return (
      <button type="button" className="annotator" onClick={() => (setValue(annotator), setEditing(true))} data-testid="annotator">
        Annotator: <strong>{annotator}</strong>
      </button>
    )
  }
  return (
    <form
      className="annotator"
      onSubmit={(event) => {
        event.preventDefault()
        onChange(value.trim()).then(
          () => setEditing(false),
          (error: Error) => onError(error.message)
        )
      }}
    >
      <label>
        Annotator <input value={value} onChange={(event) => setValue(event.target.value)} autoFocus onKeyDown={(e) => e.key === 'Escape' && setEditing(false)} />
      </label>
      <button type="submit">Switch</button>
    </form>
  )
}
