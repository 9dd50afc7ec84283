// IPC wiring: every API channel goes through the shared dispatcher after a sender check.
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { channelNames, type ApiResponse } from '../../shared/api/contract'
import { requestScope, toApiError } from '../api/handlers'
import type { Session } from '../api/session'
import { createWorkspaceDispatch } from '../api/workspace-dispatch'
import type { Workspace } from '../projects/workspace'
import { z } from 'zod'
import { annotatorNameSchema, STATUSES } from '../../shared/model'
import { exportToFile } from '../exporting/export-to-file'
import { exportProjectToFolder, isFolderFormat, streamWriter, type StreamExportFormat } from '../exporting/export-project'
import type { ExportSelection } from '../exporting/export-records'
import { collectFiles } from '../importing/collect-files'
import { importSources } from '../importing/import-files'
import { supportedExtensions } from '../formats/registry'
import { isTrustedSender } from './security'

const exportRequestSchema = z.object({
  format: z.string(),
  statuses: z.array(z.enum(STATUSES)),
  annotator: z.union([z.literal(''), z.literal('*'), annotatorNameSchema]),
  layer: z.literal('gold').optional()
})

const untrusted = { ok: false, error: { code: 'invalid_input', message: 'request from an untrusted frame' } } as const

/** The open project's session, if the window's request names it (RequestContext.project). */
function sessionFor(workspace: Workspace, context: unknown): Session {
  const project = (context as { project?: unknown } | undefined)?.project
  return workspace.projectFor(typeof project === 'string' ? project : undefined).session
}

export function registerIpc(window: BrowserWindow, workspace: Workspace, rendererUrl: string): void {
  const dispatch = createWorkspaceDispatch(workspace)
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(window, event.sender, event.senderFrame, rendererUrl)

  for (const channel of channelNames) {
    // the window's annotator comes beside the input (RequestContext), validated by dispatch
    ipcMain.handle(`api:${channel}`, (event, input: unknown, context: unknown) => (trusted(event) ? dispatch(channel, input, context) : untrusted))
  }

  // New and Open project: the system's folder dialog; the page then opens or creates by path
  ipcMain.handle('desktop:choose-folder', async (event, purpose: unknown): Promise<ApiResponse<string | null>> => {
    if (!trusted(event)) return untrusted
    const picked = await dialog.showOpenDialog(window, {
      title: purpose === 'parent' ? 'Where to make the new project' : 'Open a project folder',
      properties: ['openDirectory', 'createDirectory']
    })
    return { ok: true, value: picked.canceled ? null : (picked.filePaths[0] ?? null) }
  })

  ipcMain.handle('desktop:import-dialog', async (event, folders?: boolean, context?: unknown): Promise<ApiResponse<unknown>> => {
    if (!trusted(event)) return untrusted
    const picked = await dialog.showOpenDialog(window, {
      title: folders ? 'Import folders' : 'Import documents',
      properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      filters: folders ? [] : [{ name: 'Documents', extensions: supportedExtensions().map((ext) => ext.slice(1)) }]
    })
    if (picked.canceled) return { ok: true, value: null }
    try {
      const session = sessionFor(workspace, context)
      const { annotator } = await requestScope(session, context)
      const { files, rejected } = await collectFiles(picked.filePaths)
      return { ok: true, value: await importSources(session.store, files, { annotator }, rejected) }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  })

  ipcMain.handle('desktop:export-dialog', async (event, raw: unknown, context?: unknown): Promise<ApiResponse<unknown>> => {
    if (!trusted(event)) return untrusted
    try {
      const session = sessionFor(workspace, context)
      const request = exportRequestSchema.parse(raw)
      const selection: ExportSelection = {
        annotator: request.annotator === '*' ? { all: true } : request.annotator || (await requestScope(session, context)).annotator,
        ...(request.statuses.length ? { statuses: request.statuses } : {}),
        ...(request.layer ? { layer: request.layer } : {})
      }
      if (isFolderFormat(request.format)) {
        const picked = await dialog.showOpenDialog(window, { title: `Export ${request.format} into a folder`, properties: ['openDirectory', 'createDirectory'] })
        if (picked.canceled || !picked.filePaths[0]) return { ok: true, value: null }
        const summary = await exportProjectToFolder(session.store, request.format, selection, picked.filePaths[0])
        return { ok: true, value: { file: picked.filePaths[0], records: summary.records, damaged: summary.damaged } }
      }
      const writer = streamWriter(request.format)
      const picked = await dialog.showSaveDialog(window, { title: 'Export annotations', defaultPath: `${session.store.settings.name}.${writer.extension}` })
      if (picked.canceled || !picked.filePath) return { ok: true, value: null }
      const summary = await exportToFile(session.store, request.format as StreamExportFormat, selection, picked.filePath)
      return { ok: true, value: { file: picked.filePath, records: summary.records, damaged: summary.damaged } }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  })
}
