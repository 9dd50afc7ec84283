// IPC wiring: every API channel goes through the shared dispatcher after a sender check.
import { createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { channelNames, type ApiResponse } from '../../shared/api/contract'
import { createDispatch, toApiError } from '../api/handlers'
import type { Session } from '../api/session'
import { exportProject, STREAM_EXPORT_FORMATS, type StreamExportFormat } from '../exporting/export-project'
import { collectFiles } from '../importing/collect-files'
import { importSources } from '../importing/import-files'
import { supportedExtensions } from '../formats/registry'
import { isTrustedSender } from './security'

const untrusted = { ok: false, error: { code: 'invalid_input', message: 'request from an untrusted frame' } } as const

export function registerIpc(window: BrowserWindow, session: Session): void {
  const dispatch = createDispatch(session)
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(window, event.sender, event.senderFrame?.url)

  for (const channel of channelNames) {
    ipcMain.handle(`api:${channel}`, (event, input: unknown) => (trusted(event) ? dispatch(channel, input) : untrusted))
  }

  ipcMain.handle('desktop:import-dialog', async (event, folders?: boolean): Promise<ApiResponse<unknown>> => {
    if (!trusted(event)) return untrusted
    const picked = await dialog.showOpenDialog(window, {
      title: folders ? 'Import folders' : 'Import documents',
      properties: folders ? ['openDirectory', 'multiSelections'] : ['openFile', 'multiSelections'],
      filters: folders ? [] : [{ name: 'Documents', extensions: supportedExtensions().map((ext) => ext.slice(1)) }]
    })
    if (picked.canceled) return { ok: true, value: null }
    try {
      const { files, rejected } = await collectFiles(picked.filePaths)
      return { ok: true, value: await importSources(session.store, files, { annotator: session.annotator }, rejected) }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  })

  ipcMain.handle('desktop:export-dialog', async (event, format: string): Promise<ApiResponse<unknown>> => {
    if (!trusted(event)) return untrusted
    if (!(STREAM_EXPORT_FORMATS as readonly string[]).includes(format)) {
      return { ok: false, error: { code: 'invalid_input', message: `unknown export format "${format}"` } }
    }
    const picked = await dialog.showSaveDialog(window, { title: 'Export annotations', defaultPath: `${session.store.settings.name}.${format}` })
    if (picked.canceled || !picked.filePath) return { ok: true, value: null }
    try {
      const out = createWriteStream(picked.filePath)
      const summary = await exportProject(session.store, format as StreamExportFormat, { annotator: session.annotator }, out)
      out.end()
      await finished(out)
      return { ok: true, value: { file: picked.filePath, records: summary.records } }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  })
}
