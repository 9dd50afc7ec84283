// The application menu. Annotation commands are forwarded to the renderer, which owns them.
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

export function installMenu(window: BrowserWindow): void {
  const send = (command: string) => () => window.webContents.send('desktop:menu-command', command)
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: send('import-files') },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: send('import-folder') },
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
