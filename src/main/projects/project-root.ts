// Which folders a workbench may open or create projects in. The desktop app may use any folder
// the user picks in the native dialog; a browser (`spanwise serve --root DIR`) only folders
// under DIR, never the whole disk: the page is reachable by whoever holds the URL's token, so
// every path it sends is checked here before anything is read or made.
//
// A browser names folders relative to the root ('' is the root itself). A path is refused when
// it is absolute, has a `..` part, or leads outside the root through a symbolic link: the
// deepest part of it that exists is resolved with realpath and must still be under the root.
import { realpathSync } from 'node:fs'
import path from 'node:path'
import { StoreError } from '../store/errors'

/** A folder a client named, refused (the message says why, and which root applies). */
export class FolderAccessError extends StoreError {
  constructor(message: string) {
    super('invalid_input', message)
  }
}

export interface FolderAccess {
  /** 'root': folders under one root (browser); 'any': any folder (desktop); 'none': no switching. */
  readonly kind: 'root' | 'any' | 'none'
  /** The root folder ('root' only). */
  readonly root: string | null
  /** The absolute folder a client path stands for; throws FolderAccessError when it may not be used. */
  resolve(clientPath: string): string
  /** How a client names an absolute folder (relative to the root), or null when it may not see it. */
  show(folder: string): string | null
}

const MAX_PATH = 1024

function isInside(folder: string, root: string): boolean {
  return folder === root || folder.startsWith(root.endsWith(path.sep) ? root : root + path.sep)
}

/** The real path of `folder`'s deepest existing part, with the parts that do not exist yet after it. */
function realpathOfExisting(folder: string): string {
  const missing: string[] = []
  let current = folder
  for (;;) {
    try {
      return path.join(realpathSync(current), ...missing.reverse())
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error
      const parent = path.dirname(current)
      if (parent === current) return folder
      missing.push(path.basename(current))
      current = parent
    }
  }
}

/** Folders under one root, named relative to it. */
export class ProjectRoot implements FolderAccess {
  readonly kind = 'root'
  /** The root's real path (symbolic links resolved once, at start). */
  readonly folder: string

  get root(): string {
    return this.folder
  }

  constructor(root: string) {
    try {
      this.folder = realpathSync(path.resolve(root))
    } catch {
      throw new FolderAccessError(`the projects root ${path.resolve(root)} does not exist: create it first`)
    }
  }

  resolve(clientPath: string): string {
    if (typeof clientPath !== 'string' || clientPath.length > MAX_PATH || clientPath.includes('\0')) {
      throw new FolderAccessError('not a folder name')
    }
    const where = `the projects folder ${this.folder} (\`spanwise serve --root\`)`
    if (path.isAbsolute(clientPath) || path.win32.isAbsolute(clientPath)) {
      throw new FolderAccessError(`"${clientPath}": name folders relative to ${where}, not as absolute paths`)
    }
    const parts = clientPath.split(/[\\/]+/).filter((part) => part !== '' && part !== '.')
    if (parts.includes('..')) throw new FolderAccessError(`"${clientPath}": ".." is not allowed; folders must stay inside ${where}`)
    const real = realpathOfExisting(path.join(this.folder, ...parts))
    if (!isInside(real, this.folder)) throw new FolderAccessError(`"${clientPath}" leads outside ${where} (through a symbolic link)`)
    return real
  }

  show(folder: string): string | null {
    const real = realpathOfExisting(path.resolve(folder))
    if (!isInside(real, this.folder)) return null
    return path.relative(this.folder, real).split(path.sep).join('/')
  }
}

/** The desktop app: the user picks folders in the native dialog, so any absolute path. */
export const anyFolder: FolderAccess = {
  kind: 'any',
  root: null,
  resolve(clientPath) {
    if (typeof clientPath !== 'string' || !path.isAbsolute(clientPath) || clientPath.includes('\0')) {
      throw new FolderAccessError(`"${clientPath}" is not an absolute folder path`)
    }
    return path.resolve(clientPath)
  },
  show: (folder) => folder
}

/** A server started for one project (`spanwise serve` without --root): it switches to none. */
export const noFolders: FolderAccess = {
  kind: 'none',
  root: null,
  resolve() {
    throw new FolderAccessError('this workbench serves one project: start it with `spanwise serve --root DIR` to open and create projects under DIR')
  },
  show: () => null
}
