// The files picked in a browser or dropped on the window, with the path inside a dropped or
// picked folder; they are uploaded one by one as they are (never read whole into the page).
// A small file a dialog sends inside a request (a suggestion dictionary) goes as base64.
import type { Upload } from '../../../shared/api/contract'

export interface PickedFile {
  file: File
  /** Relative path inside a folder, when there is one. */
  path?: string
}

export function pickedFile(file: File, relativePath?: string): PickedFile {
  const path = relativePath ?? (file.webkitRelativePath || undefined)
  return path ? { file, path } : { file }
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
export async function droppedFiles(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null)
  if (entries.length === 0) return [...transfer.files].map((file) => pickedFile(file))
  const files = (await Promise.all(entries.map((entry) => entryFiles(entry, '')))).flat()
  return files.map(({ file, path }) => pickedFile(file, path))
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

/** A small file as a request carries it whole (dictionaries: a few hundred kilobytes at most). */
export async function fileToUpload(file: File): Promise<Upload> {
  return { name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) }
}
