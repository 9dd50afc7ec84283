// Gathers the files named on a command line or picked in a dialog, expanding folders.
import { open, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ImportIssue } from '../../shared/api/contract'
import { readerByName, readerForFile } from '../formats/registry'
import type { SourceFile, StreamSource } from '../formats/types'
import { MAX_IMPORT_FILE_BYTES } from './limits'

const BRAT_CONFIG_FILES = new Set(['annotation.conf', 'visual.conf', 'tools.conf', 'kb_shortcuts.conf', 'acl.conf'])

export interface CollectedFiles {
  /** Small files read whole, and big record files (JSONL, CSV/TSV, Label Studio JSON) to stream from disk. */
  files: (SourceFile | StreamSource)[]
  rejected: ImportIssue[]
}

async function readCapped(file: string, size: number): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const bytes = new Uint8Array(size)
    const { bytesRead } = await handle.read(bytes, 0, size, 0)
    return bytes.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * A file on disk (`file`), named `name` in reports, as an import reads it: whole when small, from
 * disk in batches when it is a big dataset its format can stream, else rejected as too big.
 */
export async function importSource(name: string, file: string, size: number, format?: string): Promise<SourceFile | StreamSource | ImportIssue> {
  const reader = format ? readerByName(format) : readerForFile(name)
  if (size <= MAX_IMPORT_FILE_BYTES) return { name, bytes: await readCapped(file, size) }
  if (reader?.stream) return { name, path: file, size }
  return { file: name, message: `file is ${(size / 1048576).toFixed(1)} MiB, over the ${MAX_IMPORT_FILE_BYTES / 1048576} MiB import limit` }
}

/**
 * Reads each named file, and every importable file inside each named folder (hidden files
 * skipped). A file over the size limit streams when its format can (a dataset of records);
 * any other is rejected by name without being read whole.
 */
export async function collectFiles(paths: string[], options: { anyExtension?: boolean; format?: string } = {}): Promise<CollectedFiles> {
  const files: CollectedFiles['files'] = []
  const rejected: ImportIssue[] = []

  async function visit(target: string, named: boolean): Promise<void> {
    const info = await stat(target).catch((error: NodeJS.ErrnoException) => {
      rejected.push({ file: target, message: error.code === 'ENOENT' ? 'no such file or folder' : error.message })
      return null
    })
    if (!info) return
    if (info.isDirectory()) {
      const entries = (await readdir(target)).filter((name) => !name.startsWith('.')).sort()
      for (const entry of entries) await visit(path.join(target, entry), false)
      return
    }
    if (!info.isFile()) return
    // brat collections ship their configuration next to the documents: not documents themselves
    if (!named && BRAT_CONFIG_FILES.has(path.basename(target))) return
    if (!options.anyExtension && !readerForFile(target)) {
      rejected.push({ file: target, message: `unsupported file type "${path.extname(target) || '(none)'}"` })
      return
    }
    const source = await importSource(target, target, info.size, options.format)
    if ('message' in source) rejected.push(source)
    else files.push(source)
  }

  for (const target of paths) await visit(path.resolve(target), true)
  return { files, rejected }
}
