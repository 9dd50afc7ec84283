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

/** IPC is answered only for our own window's top frame showing exactly our own renderer page. */
export function isTrustedSender(
  window: { webContents: WebContents },
  sender: WebContents,
  frame: { url: string } | null | undefined,
  rendererUrl: string
): boolean {
  if (sender !== window.webContents || !frame || frame !== sender.mainFrame) return false
  try {
    const actual = new URL(frame.url)
    const expected = new URL(rendererUrl)
    return actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
  } catch {
    return false
  }
}
