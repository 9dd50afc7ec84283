// Electron's security baseline, in one place: isolated sandboxed renderer without Node, no
// navigation, no new windows, no permissions, and the same CSP as browser mode.
import { session, shell, type WebContents, type WebPreferences } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared-security'

export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false
  }
}

function openIfWeb(url: string): void {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'https:' || parsed.protocol === 'http:') void shell.openExternal(parsed.toString())
  } catch {
    // not a URL: nothing to open
  }
}

export function hardenSession(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openIfWeb(url)
    return { action: 'deny' }
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}

/** IPC is answered only for our own window's top frame showing our own renderer. */
export function isTrustedSender(window: { webContents: WebContents }, sender: WebContents, frameUrl: string | undefined): boolean {
  if (sender !== window.webContents || !frameUrl) return false
  const devServer = process.env.ELECTRON_RENDERER_URL
  if (devServer) return frameUrl.startsWith(devServer)
  return frameUrl.startsWith('file://') && frameUrl.includes('/renderer/index.html')
}
