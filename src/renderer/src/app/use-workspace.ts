// Which project this page shows, and the commands that change it: open, create, close. The
// workbench has one project open for all its tabs; when another tab or window opens another
// one, this page is told (`stale`) and offers to follow, never acting on the new project
// with the old one's state.
import { useCallback, useEffect, useState } from 'react'
import type { ChannelInput, RecentProject, WorkspaceState } from '../../../shared/api/contract'
import { invoke, onProjectChanged, setTabProject, switchingProject } from '../api/client'

export interface WorkspaceControls {
  state: WorkspaceState | null
  recent: RecentProject[]
  /** Why this page's project is no longer the open one, if it is not. */
  stale: string | null
  /** Reads what is open now and shows it (after a switch, or to follow another tab's). */
  reload(): Promise<void>
  open(folder: string): Promise<void>
  create(input: ChannelInput<'project.create'>): Promise<void>
  close(): Promise<void>
  forget(folder: string): Promise<void>
}

export function useWorkspace(onError: (message: string) => void): WorkspaceControls {
  const [state, setState] = useState<WorkspaceState | null>(null)
  const [recent, setRecent] = useState<RecentProject[]>([])
  const [stale, setStale] = useState<string | null>(null)

  const reload = useCallback(async () => {
    const [current, list] = await Promise.all([invoke('project.current', {}), invoke('project.recent', {})])
    setTabProject(current.project)
    setState(current)
    setRecent(list)
    setStale(null)
  }, [])

  useEffect(() => {
    reload().catch((error: Error) => onError(error.message))
  }, [reload, onError])

  useEffect(() => onProjectChanged(setStale), [])

  /** A switch this page asks for; the views then start again on the new project. */
  const switchWith = useCallback(
    async (task: () => Promise<unknown>) => {
      await switchingProject(async () => {
        await task()
        await reload()
      })
    },
    [reload]
  )

  const open = useCallback((folder: string) => switchWith(() => invoke('project.open', { folder })), [switchWith])
  const create = useCallback((input: ChannelInput<'project.create'>) => switchWith(() => invoke('project.create', input)), [switchWith])
  const close = useCallback(() => switchWith(() => invoke('project.close', {})), [switchWith])
  const forget = useCallback(async (folder: string) => setRecent(await invoke('project.forget', { folder })), [])

  return { state, recent, stale, reload, open, create, close, forget }
}
