// Locates the app's own files (built renderer, bundled resources) from wherever the code runs:
// sources through tsx, the electron-vite bundle in out/main, or a packaged app.
import { existsSync, readFileSync } from 'node:fs'
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
