// Renaming a document from the Annotate view. The title is stored in the document's file (see
// ProjectStore.renameDocument), and a rename states the version of the file it was made from.
// A conflict is only a real one when the title changed from the one the user was editing: a
// rename elsewhere that the list already showed (the watcher refreshed it) is taken as the base
// and the rename is sent again; a title that changed under the user is never written over.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FileVersion } from '../../../../shared/api/contract'
import type { DocumentRecord } from '../../../../shared/model'
import { invoke, isConflict } from '../../api/client'

/** What the view shows the user (the Toasts' message). */
interface Message {
  text: string
  error: boolean
  undo?: () => void
}

interface Options {
  /** The open document and the version of its file when the editor read it. */
  documentId: string | null
  documentVersion: FileVersion | null
  onRenamed(record: DocumentRecord): void
  onMessage(message: Message): void
}

export interface DocumentRename {
  /** The document whose title is being edited, if one is. */
  renaming: string | null
  start(id: string): void
  cancel(): void
  /** Saves `title` (empty: the imported title back) over `seen`, the title the user started from. */
  commit(id: string, title: string, seen: string): Promise<void>
}

export function useDocumentRename({ documentId, documentVersion, onRenamed, onMessage }: Options): DocumentRename {
  const [renaming, setRenaming] = useState<string | null>(null)
  /** The version this tab last wrote or read of a document's file, newer than the editor's. */
  const known = useRef<{ id: string; version: FileVersion } | null>(null)
  useEffect(() => {
    known.current = null
  }, [documentVersion])
  // a title being edited belongs to its document: opening another ends the edit
  useEffect(() => {
    setRenaming((id) => (id === documentId ? id : null))
  }, [documentId])

  const send = useCallback(
    async (id: string, title: string | null, baseVersion: FileVersion) => {
      const result = await invoke('documents.rename', { id, baseVersion, title })
      known.current = { id, version: result.version }
      onRenamed(result.document)
      return result.document
    },
    [onRenamed]
  )

  const commit = useCallback(
    async (id: string, typed: string, seen: string): Promise<void> => {
      setRenaming(null)
      const title = typed.trim() === '' ? null : typed
      if (title === seen) return
      const base = known.current?.id === id ? known.current.version : id === documentId ? documentVersion : null
      try {
        let renamed: DocumentRecord
        try {
          if (base === null) throw new Error('the document is not open')
          renamed = await send(id, title, base)
        } catch (error) {
          if (!isConflict(error)) throw error
          const fresh = await invoke('documents.get', { id })
          known.current = { id, version: fresh.documentVersion }
          onRenamed(fresh.document)
          if (fresh.document.title !== seen) {
            onMessage({
              text: `“${seen}” was renamed elsewhere meanwhile, to “${fresh.document.title}”: your title was not saved. Press F2 to rename it again.`,
              error: true
            })
            return
          }
          renamed = await send(id, title, fresh.documentVersion)
        }
        const previous = seen
        onMessage({
          text: renamed.renamed ? `Renamed to “${renamed.title}”.` : `Title back to the imported one: “${renamed.title}”.`,
          error: false,
          undo: () => void commit(id, previous, renamed.title)
        })
      } catch (error) {
        onMessage({ text: `Not renamed: ${(error as Error).message}`, error: true })
      }
    },
    [documentId, documentVersion, send, onRenamed, onMessage]
  )

  const start = useCallback((id: string) => setRenaming(id), [])
  const cancel = useCallback(() => setRenaming(null), [])
  return { renaming, start, cancel, commit }
}
