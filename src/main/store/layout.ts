// Where each piece of a project lives on disk. One project is one folder; every file has a
// single writer (the project owner for project.json and documents, each annotator for their
// own annotation folder), so a folder can be shared between teammates without conflicts.
import path from 'node:path'

export const PROJECT_FILE = 'project.json'

export function projectFile(folder: string): string {
  return path.join(folder, PROJECT_FILE)
}

export function documentsDir(folder: string): string {
  return path.join(folder, 'documents')
}

// (one path.join per file name: an import or export makes one per file, tens of thousands)
export function documentFile(folder: string, id: string): string {
  return path.join(folder, 'documents', `${id}.json`)
}

export function annotationsDir(folder: string, annotator?: string): string {
  const dir = path.join(folder, 'annotations')
  return annotator === undefined ? dir : path.join(dir, annotator)
}

export function layerFile(folder: string, annotator: string, documentId: string): string {
  return path.join(folder, 'annotations', annotator, `${documentId}.json`)
}

/** `abc.json` → `abc`; skips the writer's temporary files and anything else. */
export function idFromFileName(name: string): string | null {
  const match = /^([0-9a-f]{8,64})\.json$/.exec(name)
  return match ? match[1]! : null
}
