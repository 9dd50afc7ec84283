// The desktop shell: opens the project, creates the window and wires IPC, menus and dialogs.
// Everything else lives in plain Node modules shared with the CLI and the HTTP server.
import { app, BrowserWindow, dialog } from 'electron'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Session } from '../api/session'
import { defaultProjectFolder, openOrCreateDemo } from '../demo/demo-project'
import { defaultAnnotator } from '../store/annotator'
import { acquireAppLock } from '../store/app-lock'
import { watchProject } from '../store/project-watcher'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { hardenSession, secureWebPreferences } from './security'

const here = path.dirname(fileURLToPath(import.meta.url))

function projectFolderFromArgs(argv: string[]): string {
  const index = argv.indexOf('--project')
  return index >= 0 && argv[index + 1] ? path.resolve(argv[index + 1]!) : defaultProjectFolder()
}

async function createWindow(): Promise<void> {
  const annotator = defaultAnnotator()
  const store = await openOrCreateDemo(projectFolderFromArgs(process.argv), annotator)
  // one app per folder: a second window on it is refused (the message names the first one)
  const lock = acquireAppLock(store.folder, 'Spanwise desktop app')
  app.on('will-quit', () => lock.release())
  for (const notice of store.notices) process.stderr.write(`spanwise: ${notice}\n`)
  const session = new Session(store, annotator)

  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: `Spanwise — ${store.settings.name}`,
    show: false,
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs'))
  })
  const devServer = process.env.ELECTRON_RENDERER_URL
  const rendererFile = path.join(here, '../renderer/index.html')
  const rendererUrl = devServer ?? pathToFileURL(rendererFile).href
  hardenSession(window.webContents)
  registerIpc(window, session, rendererUrl)
  installMenu(window)
  // what other processes (the CLI, a teammate's pull) change in the folder reaches the window
  const feed = watchProject(store)
  feed.subscribe((notice) => window.webContents.send('desktop:project-changes', notice))
  window.on('closed', () => void feed.close())
  window.once('ready-to-show', () => window.show())

  if (devServer) await window.loadURL(devServer)
  else await window.loadFile(rendererFile)
}

app.enableSandbox()
app.whenReady().then(createWindow).catch((error: Error) => {
  process.stderr.write(`spanwise: ${error.message}\n`)
  dialog.showErrorBox('Spanwise cannot open the project', error.message)
  app.exit(1)
})
app.on('window-all-closed', () => app.quit())
