// Open project in a browser: the folders under the root (`spanwise serve --root`), walked down
// and up; a folder that holds a project opens. (The desktop app uses the system's dialog.)
import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { keepKeysInDialog } from './dialog-keys'
import type { FolderListing } from '../../../../shared/api/contract'
import { invoke } from '../../api/client'

interface Props {
  root: string | null
  onOpen(folder: string): Promise<void>
  onClose(): void
}

export function OpenProjectDialog({ root, onOpen, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  const [listing, setListing] = useState<FolderListing | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => ref.current?.showModal(), [])

  const browse = useCallback(async (folder: string) => {
    try {
      setListing(await invoke('project.browse', { folder }))
      setError(null)
    } catch (failure) {
      setError((failure as Error).message)
    }
  }, [])
  useEffect(() => void browse(''), [browse])

  const open = async (folder: string) => {
    try {
      await onOpen(folder)
      ref.current?.close()
    } catch (failure) {
      setError((failure as Error).message)
    }
  }

  return (
    <dialog ref={ref} className="project-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onKeyDown={keepKeysInDialog} data-testid="open-project-dialog">
      <h2 id={`${id}-title`}>Open project</h2>
      <p className="muted">
        In {root}
        {listing?.folder ? `/${listing.folder}` : ''}
      </p>
      {listing && (
        <ul className="folder-list" aria-label="Folders">
          {listing.parent !== null && (
            <li>
              <button type="button" onClick={() => void browse(listing.parent!)}>
                ↑ Up
              </button>
            </li>
          )}
          {listing.entries.map((entry) => (
            <li key={entry.folder}>
              {entry.project ? (
                <button type="button" onClick={() => void open(entry.folder)} data-testid="open-folder-project">
                  Open {entry.name}
                </button>
              ) : (
                <button type="button" onClick={() => void browse(entry.folder)} aria-label={`Folder ${entry.name}`}>
                  {entry.name}/
                </button>
              )}
            </li>
          ))}
          {listing.entries.length === 0 && <li className="muted">No folders here.</li>}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
