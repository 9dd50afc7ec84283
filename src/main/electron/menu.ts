// The application menu. Commands are forwarded to the renderer, which owns them (their keys are
// declared in src/renderer/src/commands/shortcuts.ts; the accelerators here only show them).
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { RecentProject } from '../../shared/api/contract'

/** `recent`: the recent projects for File › Open Recent (the menu is built again when they change). */
export function installMenu(window: BrowserWindow, recent: RecentProject[] = []): void {
  const send = (command: string, argument?: string) => () => window.webContents.send('desktop:menu-command', command, argument)
  const openRecent: MenuItemConstructorOptions[] = recent.length
    ? recent.map((project) => ({
        label: project.missing ? `${project.name} (missing)` : project.name,
        sublabel: project.folder,
        enabled: !project.missing && !project.open,
        click: send('open-recent', project.folder)
      }))
    : [{ label: 'No recent projects', enabled: false }]
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Alt+N', click: send('project-new'), registerAccelerator: false },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: send('project-open'), registerAccelerator: false },
        { label: 'Open Recent', submenu: openRecent },
        { label: 'Switch Project…', accelerator: 'CmdOrCtrl+Alt+O', click: send('project-switch'), registerAccelerator: false },
        { label: 'Close Project', accelerator: 'CmdOrCtrl+Alt+W', click: send('project-close'), registerAccelerator: false },
        { type: 'separator' },
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+I', click: send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Alt+I', click: send('import-folder') },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { label: 'Sync with Team', accelerator: 'CmdOrCtrl+Shift+P', click: send('sync'), registerAccelerator: false },
        { type: 'separator' },
        { role: 'quit' }
      ]
    },
    {
      label: 'Edit',
      submenu: [
        // undo/redo act on annotations, not on text fields, so the renderer handles them
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo'), registerAccelerator: false },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: send('redo'), registerAccelerator: false },
        { type: 'separator' },
        { role: 'copy' },
        { role: 'selectAll' }
      ]
    },
    {
      label: 'Go',
      submenu: [
        { label: 'Next Document', accelerator: ']', click: send('next-document'), registerAccelerator: false },
        { label: 'Previous Document', accelerator: '[', click: send('previous-document'), registerAccelerator: false },
        { label: 'Mark Document Done', accelerator: 'CmdOrCtrl+Enter', click: send('toggle-done'), registerAccelerator: false },
        { label: 'Rename Document…', accelerator: 'F2', click: send('rename-document'), registerAccelerator: false }
      ]
    },
    {
      label: 'View',
      submenu: [
        { label: 'Show or Hide Relations', accelerator: 'CmdOrCtrl+Shift+H', click: send('toggle-relations'), registerAccelerator: false },
        { label: 'Label Tags: Nested, All, Off', accelerator: 'CmdOrCtrl+Shift+L', click: send('cycle-label-tags'), registerAccelerator: false },
        // text size is the renderer's (kept per user), so the page itself is never zoomed
        { label: 'Larger Text', accelerator: 'CmdOrCtrl+=', click: send('text-larger'), registerAccelerator: false },
        { label: 'Smaller Text', accelerator: 'CmdOrCtrl+-', click: send('text-smaller'), registerAccelerator: false },
        { label: 'Usual Text Size', accelerator: 'CmdOrCtrl+0', click: send('text-reset'), registerAccelerator: false },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const])
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
