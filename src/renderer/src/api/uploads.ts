// Turns files picked in a browser or dropped on the window into uploads for `documents.import`.
import type { Upload } from '../../../shared/api/contract'

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

export async function fileToUpload(file: File, relativePath?: string): Promise<Upload> {
  const path = relativePath ?? (file.webkitRelativePath || undefined)
  return { name: file.name, ...(path ? { path } : {}), base64: toBase64(new Uint8Array(await file.arrayBuffer())) }
}

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject))
}

async function entryFiles(entry: FileSystemEntry, prefix: string): Promise<{ file: File; path: string }[]> {
  if (entry.name.startsWith('.')) return []
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject))
    return [{ file, path: `${prefix}${entry.name}` }]
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader()
  const found: { file: File; path: string }[] = []
  // readEntries returns the folder in batches until it returns an empty one
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) found.push(...(await entryFiles(child, `${prefix}${entry.name}/`)))
  }
  return found
}

/** Files and whole folders dropped on the window. */
export async function droppedUploads(transfer: DataTransfer): Promise<Upload[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null)
  if (entries.length === 0) return Promise.all([...transfer.files].map((file) => fileToUpload(file)))
  const files = (await Promise.all(entries.map((entry) => entryFiles(entry, '')))).flat()
  return Promise.all(files.map(({ file, path }) => fileToUpload(file, path)))
}
