// The dispatcher both transports use: the project channels (project.open, create, recent...)
// are the workspace's, every other channel goes to the open project's handlers, after checking
// that the request names that project (if it names one; see Workspace.projectFor).
import { existsSync, type Dirent } from 'node:fs'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import type { z } from 'zod'
import { channels, WORKSPACE_CHANNELS, type Channels, type FolderListing, type WorkspaceChannel, type WorkspaceState } from '../../shared/api/contract'
import { defaultProjectFolder } from '../demo/demo-project'
import { LABEL_TEMPLATES } from '../projects/label-templates'
import { FolderAccessError } from '../projects/project-root'
import type { Workspace } from '../projects/workspace'
import { projectFile } from '../store/layout'
import { isChannel, toApiError, type Dispatch } from './handlers'

type WorkspaceHandlers = {
  [C in WorkspaceChannel]: (input: z.output<Channels[C]['input']>) => Promise<Channels[C]['result']>
}

/** At most this many folders are listed at once (a root with thousands is not browsed by eye). */
const MAX_LISTED = 1000

function isWorkspaceChannel(channel: string): channel is WorkspaceChannel {
  return (WORKSPACE_CHANNELS as readonly string[]).includes(channel)
}

function state(workspace: Workspace): WorkspaceState {
  const { access } = workspace
  return {
    project: workspace.current?.ref ?? null,
    folders: access.kind,
    root: access.root,
    defaultParent: access.kind === 'any' ? path.dirname(defaultProjectFolder()) : '',
    templates: LABEL_TEMPLATES.map(({ id, title }) => ({ id, title })),
    notice: workspace.notice
  }
}

/** The folders inside one folder under the root, for the browser's Open and New dialogs. */
async function browse(workspace: Workspace, clientFolder: string): Promise<FolderListing> {
  const { access } = workspace
  if (access.kind !== 'root') throw new FolderAccessError('folders are browsed only in a browser served with `spanwise serve --root DIR`; the desktop app uses the system dialog')
  const folder = access.resolve(clientFolder)
  const shown = access.show(folder) ?? ''
  const entries: Dirent[] = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new FolderAccessError(`"${shown || '.'}" cannot be listed: ${error.code === 'ENOENT' ? 'it does not exist' : error.message}`)
  })
  const listed = entries
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || entry.isSymbolicLink()))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      // a link is listed only when it leads to a folder inside the root
      const child = access.show(path.join(folder, entry.name))
      if (child === null || (entry.isSymbolicLink() && !existsSync(path.join(folder, entry.name, '.')))) return []
      return [{ name: entry.name, folder: child, project: existsSync(projectFile(path.join(folder, entry.name))) }]
    })
    .slice(0, MAX_LISTED)
  return { folder: shown, parent: shown === '' ? null : path.posix.dirname(shown) === '.' ? '' : path.posix.dirname(shown), entries: listed }
}

function workspaceHandlers(workspace: Workspace): WorkspaceHandlers {
  const { access } = workspace
  return {
    'project.current': async () => state(workspace),
    'project.recent': () => workspace.recent(),
    'project.open': ({ folder }) => workspace.open(access.resolve(folder)),
    'project.create': ({ parent, name, template, copyFrom }) =>
      workspace.create(access.resolve(parent), name, copyFrom !== undefined ? { copyFrom: access.resolve(copyFrom) } : { template: template! }),
    'project.close': async () => {
      // a server of one project would have nothing to show after it
      if (access.kind === 'none') access.resolve('')
      await workspace.close()
      return null
    },
    'project.browse': ({ folder }) => browse(workspace, folder),
    'project.forget': async ({ folder }) => {
      await workspace.recents?.forget(access.resolve(folder))
      return workspace.recent()
    }
  }
}

/** The project a request names (RequestContext.project), if it names one; dispatch validates the rest. */
function requestedProject(context: unknown): string | undefined {
  const project = (context as { project?: unknown } | undefined)?.project
  return typeof project === 'string' ? project : undefined
}

export function createWorkspaceDispatch(workspace: Workspace): Dispatch {
  const handlers = workspaceHandlers(workspace)
  return async (channel, input, context) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'not_found', message: `unknown channel "${channel}"` } }
    try {
      if (isWorkspaceChannel(channel)) {
        const parsed = channels[channel].input.parse(input ?? {})
        const handler = handlers[channel] as (input: unknown) => Promise<unknown>
        return { ok: true, value: await handler(parsed) }
      }
      return await workspace.projectFor(requestedProject(context)).dispatch(channel, input, context)
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  }
}
