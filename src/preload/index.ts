// The only bridge between the page and the main process: one named function per API channel
// (never the raw ipcRenderer), plus the desktop-only dialogs.
import { contextBridge, ipcRenderer } from 'electron'
import { channelNames } from '../shared/api/contract'
import type { DesktopBridge } from './api'

const api = Object.fromEntries(
  channelNames.map((channel) => [channel, (input: unknown, context?: unknown) => ipcRenderer.invoke(`api:${channel}`, input, context)])
)

const bridge: DesktopBridge = {
  api: api as DesktopBridge['api'],
  importWithDialog: (folders, context) => ipcRenderer.invoke('desktop:import-dialog', folders === true, context),
  exportWithDialog: (request, context) => ipcRenderer.invoke('desktop:export-dialog', request, context),
  chooseFolder: (purpose) => ipcRenderer.invoke('desktop:choose-folder', purpose),
  onMenuCommand: (listener: (command: string, argument?: string) => void) => {
    const handler = (_event: unknown, command: string, argument?: string) => listener(command, argument)
    ipcRenderer.on('desktop:menu-command', handler)
    return () => void ipcRenderer.removeListener('desktop:menu-command', handler)
  },
  onProjectChanges: (listener) => {
    const handler = (_event: unknown, notice: Parameters<typeof listener>[0]) => listener(notice)
    ipcRenderer.on('desktop:project-changes', handler)
    return () => void ipcRenderer.removeListener('desktop:project-changes', handler)
  }
}

contextBridge.exposeInMainWorld('spanwiseDesktop', bridge)
