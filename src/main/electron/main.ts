// The desktop shell: opens the project, creates the window and wires IPC, menus and dialogs.
// Everything else lives in plain Node modules shared with the CLI and the HTTP server.
import { app, BrowserWindow, dialog } from 'electron'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { userDataDir } from '../app-paths'
import { defaultProjectFolder, openOrCreateDemo } from '../demo/demo-project'
import { anyFolder } from '../projects/project-root'
import { RECENT_PROJECTS_FILE, RecentProjects } from '../projects/recent-projects'
import { Workspace } from '../projects/workspace'
import { defaultAnnotator } from '../store/annotator'
import { registerIpc } from './ipc'
import { installMenu } from './menu'
import { hardenSession, secureWebPreferences } from './security'

const here = path.dirname(fileURLToPath(import.meta.url))

function projectFolderFromArgs(argv: string[]): string | null {
  const index = argv.indexOf('--project')
  return index >= 0 && argv[index + 1] ? path.resolve(argv[index + 1]!) : null
}

async function createWindow(): Promise<void> {
  const annotator = defaultAnnotator()
  const workspace = new Workspace({
    defaultAnnotator: annotator,
    access: anyFolder,
    // SPANWISE_USER_DATA (tests, portable installs) wins over Electron's own folder, as in the CLI
    recents: new RecentProjects(path.join(process.env.SPANWISE_USER_DATA ? userDataDir() : app.getPath('userData'), RECENT_PROJECTS_FILE)),
    // one app per folder: a second window on it is refused (the message names the first one)
    lockCommand: 'Spanwise desktop app'
  })
  const folder = projectFolderFromArgs(process.argv)
  // a folder given opens (the demo is made there if it is empty); else the last project, else the demo
  if (folder) await workspace.openStore(await openOrCreateDemo(folder, annotator))
  else await workspace.openMostRecent(() => openOrCreateDemo(defaultProjectFolder(), annotator))
  app.on('will-quit', () => void workspace.shutdown())
  for (const notice of workspace.current?.session.store.notices ?? []) process.stderr.write(`spanwise: ${notice}\n`)

  const titleFor = () => (workspace.current ? `Spanwise — ${workspace.current.ref.name}` : 'Spanwise')
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: titleFor(),
    show: false,
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs'))
  })
  const devServer = process.env.ELECTRON_RENDERER_URL
  const rendererFile = path.join(here, '../renderer/index.html')
  const rendererUrl = devServer ?? pathToFileURL(rendererFile).href
  hardenSession(window.webContents)
  registerIpc(window, workspace, rendererUrl)
  const refreshMenu = () => void workspace.recent().then((recent) => installMenu(window, recent))
  refreshMenu()
  // what other processes (the CLI, a teammate's pull) change in the open project reaches the
  // window; opening another project renames the window and its Open Recent menu
  const unsubscribe = workspace.subscribe((event) => {
    if (event.kind === 'changes') return window.webContents.send('desktop:project-changes', event.notice)
    window.setTitle(titleFor())
    refreshMenu()
  })
  window.on('closed', unsubscribe)
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
