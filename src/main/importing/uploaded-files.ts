// Files a browser uploads for an import (browser mode): each request body is streamed to a
// temporary file, never held in memory whatever its size, and imported from disk like a file
// named on the command line (streamed when it is a big dataset). Uploads not imported within
// an hour are removed.
import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

const FORGET_AFTER_MS = 60 * 60 * 1000

interface Upload {
  file: string
  size: number
  timer: NodeJS.Timeout
}

const uploads = new Map<string, Upload>()
let folder: Promise<string> | null = null

/** Streams `body` to a temporary file; returns the upload's id for `documents.importUploads`. */
export async function receiveUpload(body: Readable): Promise<{ id: string; size: number }> {
  folder ??= mkdtemp(path.join(os.tmpdir(), 'spanwise-uploads-'))
  const id = randomBytes(12).toString('hex')
  const file = path.join(await folder, id)
  let size = 0
  body.on('data', (chunk: Buffer) => (size += chunk.length))
  try {
    await pipeline(body, createWriteStream(file, { flags: 'wx' }))
  } catch (error) {
    await rm(file, { force: true })
    throw error
  }
  const timer = setTimeout(() => void discardUpload(id), FORGET_AFTER_MS)
  timer.unref()
  uploads.set(id, { file, size, timer })
  return { id, size }
}

/** The file an upload was written to, or undefined when there is no such upload (any more). */
export function uploadedFile(id: string): { file: string; size: number } | undefined {
  const upload = uploads.get(id)
  return upload && { file: upload.file, size: upload.size }
}

export async function discardUpload(id: string): Promise<void> {
  const upload = uploads.get(id)
  if (!upload) return
  uploads.delete(id)
  clearTimeout(upload.timer)
  await rm(upload.file, { force: true })
}
