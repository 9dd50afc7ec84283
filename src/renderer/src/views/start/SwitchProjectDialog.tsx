// The project switcher: the recent projects, and New, Open and Close.
import { useEffect, useId, useRef } from 'react'
import { keepKeysInDialog } from './dialog-keys'
import type { WorkspaceControls } from '../../app/use-workspace'
import { RecentProjectList } from './RecentProjectList'

interface Props {
  workspace: WorkspaceControls
  onNew(): void
  onOpen(): void
  onError(message: string): void
  onClose(): void
}

export function SwitchProjectDialog({ workspace, onNew, onOpen, onError, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => ref.current?.showModal(), [])
  const then = (action: () => void) => () => {
    ref.current?.close()
    action()
  }
  return (
    <dialog ref={ref} className="project-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onKeyDown={keepKeysInDialog} data-testid="switch-project-dialog">
      <h2 id={`${id}-title`}>Projects</h2>
      <RecentProjectList
        recent={workspace.recent}
        onOpen={(folder) => {
          ref.current?.close()
          workspace.open(folder).catch((error: Error) => onError(error.message))
        }}
        onForget={(folder) => workspace.forget(folder).catch((error: Error) => onError(error.message))}
      />
      <div className="dialog-actions">
        <button type="button" onClick={then(onNew)}>
          New project…
        </button>
        <button type="button" onClick={then(onOpen)}>
          Open project…
        </button>
        <button type="button" onClick={then(() => void workspace.close().catch((error: Error) => onError(error.message)))} disabled={workspace.state?.folders === 'none'}>
          Close project
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
