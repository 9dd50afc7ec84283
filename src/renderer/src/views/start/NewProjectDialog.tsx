// New project: a name, where to make it, and its labels (a template's, or another project's).
import { useEffect, useId, useRef, useState } from 'react'
import { keepKeysInDialog } from './dialog-keys'
import type { ChannelInput, RecentProject, WorkspaceState } from '../../../../shared/api/contract'
import { chooseFolderWithDesktopDialog } from '../../api/client'

interface Props {
  state: WorkspaceState
  recent: RecentProject[]
  onCreate(input: ChannelInput<'project.create'>): Promise<void>
  onClose(): void
}

export function NewProjectDialog({ state, recent, onCreate, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const copyable = recent.filter((project) => !project.missing)
  const [name, setName] = useState('')
  const [parent, setParent] = useState(state.defaultParent)
  const [labels, setLabels] = useState<string>(state.templates[0]?.id ?? 'news')
  const [copyFrom, setCopyFrom] = useState(copyable[0]?.folder ?? '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => ref.current?.showModal(), [])

  const submit = async () => {
    setBusy(true)
    setError(null)
    try {
      await onCreate({ name: name.trim(), parent, ...(labels === 'copy' ? { copyFrom } : { template: labels }) })
      ref.current?.close()
    } catch (failure) {
      setError((failure as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <dialog ref={ref} className="project-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onKeyDown={keepKeysInDialog} data-testid="new-project-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <h2 id={`${id}-title`}>New project</h2>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} autoFocus data-testid="new-project-name" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-parent`}>Make it in</label>
          <span className="location">
            <input id={`${id}-parent`} value={parent} onChange={(event) => setParent(event.target.value)} aria-describedby={`${id}-parent-hint`} data-testid="new-project-parent" />
            {state.folders === 'any' && (
              <button type="button" onClick={() => void chooseFolderWithDesktopDialog('parent').then((folder) => folder && setParent(folder))}>
                Choose…
              </button>
            )}
          </span>
          <span id={`${id}-parent-hint`} className="hint">
            {state.folders === 'root' ? `A folder under ${state.root}; leave it empty for that folder itself.` : 'The project gets a folder of its own, named after it, in this folder.'}
          </span>
        </div>
        <fieldset>
          <legend>Labels</legend>
          {state.templates.map((template) => (
            <label key={template.id}>
              <input type="radio" name="labels" value={template.id} checked={labels === template.id} onChange={() => setLabels(template.id)} />
              {template.title}
            </label>
          ))}
          <label>
            <input type="radio" name="labels" value="copy" checked={labels === 'copy'} disabled={copyable.length === 0} onChange={() => setLabels('copy')} data-testid="labels-copy" />
            The label set of another project
          </label>
          {labels === 'copy' && (
            <select aria-label="Project to copy the labels from" value={copyFrom} onChange={(event) => setCopyFrom(event.target.value)} data-testid="copy-from">
              {copyable.map((project) => (
                <option key={project.folder} value={project.folder}>
                  {project.name} ({project.folder || '.'})
                </option>
              ))}
            </select>
          )}
        </fieldset>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || name.trim() === ''} data-testid="create-project">
            Create project
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
