// Locates the app's own files (built renderer, bundled resources) from wherever the code runs:
// sources through tsx, the electron-vite bundle in out/main, or a packaged app.
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'spanwise') return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('cannot find the Spanwise installation folder')
    dir = parent
  }
}

export const appRoot = findAppRoot()
export const rendererDir = path.join(appRoot, 'out', 'renderer')
export const resourcesDir = path.join(appRoot, 'resources')

/**
 * The app's own per-user folder (recent projects), the same one Electron's
 * `app.getPath('userData')` names for the app "spanwise", so the desktop app, `spanwise serve`
 * and the CLI share it. `SPANWISE_USER_DATA` points elsewhere (tests, portable installs).
 */
export function userDataDir(): string {
  if (process.env.SPANWISE_USER_DATA) return path.resolve(process.env.SPANWISE_USER_DATA)
  const home = os.homedir()
  const appData =
    process.platform === 'win32'
      ? (process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'))
  return path.join(appData, 'spanwise')
}
