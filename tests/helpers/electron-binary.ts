// Finds the Electron binary without triggering electron's on-demand download (which
// `require('electron')` would attempt), so tests can skip cleanly where none is installed.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from './workbench'

export function installedElectronBinary(): string | null {
  const packageDir = path.join(repoRoot, 'node_modules', 'electron')
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const candidate = path.join(override, process.platform === 'win32' ? 'electron.exe' : 'electron')
    return existsSync(candidate) ? candidate : null
  }
  const pathFile = path.join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

export const NO_ELECTRON_MESSAGE =
  'No Electron binary installed (it cannot be downloaded on this machine; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). ' +
  'The desktop shell is tested where `npx install-electron` has run; browser mode covers the workbench here.'
