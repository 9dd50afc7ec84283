// An import writes many files (project.json for its new labels, one file per new document, one
// layer per document); the journal makes the run all or nothing. Before the first change, the
// import writes (durably) a journal listing everything it is about to write and what each file
// held before; it deletes the journal once the last file is written. So:
//   - an import that fails half way (a full disk, an unexpected error) rolls itself back from
//     its journal and reports the error;
//   - an import killed half way (kill -9, a crash, a power cut) leaves its journal behind, and
//     the next open of the project finds it and rolls the run back, with a message.
// A run cannot be completed instead: the files it was importing are not in the project folder.
// A journal of a process still running (the CLI importing beside the app) is left alone.
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { canonicalJson } from './canonical-json'
import { processIsAlive, writeFileAtomicSync } from './json-file'
import { documentFile, layerFile, projectFile } from './layout'

/** `.spanwise-import-<pid>-<random>.journal` in the project folder (ignored by git). */
const JOURNAL_FILE = /^\.spanwise-import-(\d+)-[0-9a-f]{8}\.journal$/
/** `.spanwise-import-<pid>-<random>.staging/`: what an import read before its commit (importing/staged-import.ts). */
export const STAGING_FOLDER = /^\.spanwise-import-(\d+)-[0-9a-f]{8}\.staging$/

export interface JournalContent {
  pid: number
  host: string
  startedAt: string
  /** project.json as it was before the run, and its hash after the run changed it (if it did). */
  projectBefore: string | null
  projectAfterSha256?: string
  /** Documents the run adds: none of them existed before it. */
  documents: string[]
  /** Layers the run writes into documents that existed, with what each held before (null: it did not exist). */
  layers: { annotator: string; documentId: string; before: string | null }[]
  /**
   * Layers the run writes into the documents it adds (none existed before), by annotator: a
   * gigabyte's import has hundreds of thousands, kept to one short line each annotator.
   * (Absent in journals written before it existed.)
   */
  newDocumentLayers?: Record<string, string[]>
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

function readIfExists(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Removes a file the run wrote; one it never got to write (or whose folder is not one) is fine. */
function removeIfThere(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error
  }
}

export class ImportJournal {
  private constructor(
    private readonly folder: string,
    readonly file: string,
    private readonly content: JournalContent
  ) {}

  /** Records, durably, what an import is about to write, before it writes anything. */
  static begin(folder: string, documents: string[], layers: { annotator: string; documentId: string }[]): ImportJournal {
    // a new document has no layer yet: spared reading thousands of files that are not there
    const fresh = new Set(documents)
    const existingLayers: JournalContent['layers'] = []
    const newDocumentLayers: Record<string, string[]> = {}
    for (const { annotator, documentId } of layers) {
      if (fresh.has(documentId)) (newDocumentLayers[annotator] ??= []).push(documentId)
      else existingLayers.push({ annotator, documentId, before: readIfExists(layerFile(folder, annotator, documentId)) })
    }
    const content: JournalContent = {
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      projectBefore: readIfExists(projectFile(folder)),
      documents,
      layers: existingLayers,
      newDocumentLayers
    }
    const file = path.join(folder, `.spanwise-import-${process.pid}-${randomBytes(4).toString('hex')}.journal`)
    const journal = new ImportJournal(folder, file, content)
    journal.save()
    return journal
  }

  /** Notes what project.json holds after the run changed it, so a rollback can tell a later edit by someone else. */
  projectWritten(): void {
    const now = readIfExists(projectFile(this.folder))
    if (now === null) return
    this.content.projectAfterSha256 = sha256(now)
    this.save()
  }

  /** The run finished: every file is written. */
  commit(): void {
    rmSync(this.file, { force: true })
  }

  /**
   * Puts back every file the run wrote: its layers as they were, its documents removed, and
   * project.json as it was, unless someone changed project.json since the run wrote it (then
   * that change is kept, labels the import added included). Safe to repeat after a crash.
   */
  rollBack(): { documents: number; layers: number; labels: boolean } {
    const { content, folder } = this
    for (const layer of content.layers) {
      const file = layerFile(folder, layer.annotator, layer.documentId)
      if (layer.before === null) removeIfThere(file)
      else writeFileAtomicSync(file, layer.before)
    }
    const newDocumentLayers = Object.entries(content.newDocumentLayers ?? {})
    for (const [annotator, ids] of newDocumentLayers) for (const id of ids) removeIfThere(layerFile(folder, annotator, id))
    for (const id of content.documents) removeIfThere(documentFile(folder, id))
    // an annotator folder the run made for its layers goes too (only if empty: rmdir says so)
    for (const annotator of new Set([...content.layers.map((layer) => layer.annotator), ...newDocumentLayers.map(([annotator]) => annotator)])) {
      try {
        rmdirSync(path.dirname(layerFile(folder, annotator, 'x')))
      } catch {
        // not empty, or not there: kept as it is
      }
    }
    let labels = false
    const now = readIfExists(projectFile(folder))
    if (content.projectBefore !== null && content.projectAfterSha256 !== undefined && now !== null && sha256(now) === content.projectAfterSha256) {
      writeFileAtomicSync(projectFile(folder), content.projectBefore)
      labels = true
    }
    rmSync(this.file, { force: true })
    return { documents: content.documents.length, layers: content.layers.length + newDocumentLayers.reduce((sum, [, ids]) => sum + ids.length, 0), labels }
  }

  private save(): void {
    writeFileAtomicSync(this.file, canonicalJson(this.content))
  }

  get startedBy(): string {
    return `process ${this.content.pid} on ${this.content.host}, started ${this.content.startedAt}`
  }

  /**
   * Rolls back the imports a dead process left half done in `folder`; returns one message per
   * run, for the user. A journal of a live process, or of another machine, is left alone.
   */
  static recover(folder: string): string[] {
    const messages: string[] = []
    const rolledBack = new Set<number>()
    for (const name of readdirSync(folder)) {
      const match = JOURNAL_FILE.exec(name)
      if (!match) continue
      const file = path.join(folder, name)
      let content: JournalContent
      try {
        content = JSON.parse(readFileSync(file, 'utf8')) as JournalContent
      } catch {
        // the journal's own write never finished (it is written atomically, so this is a
        // leftover of some other kind): the import had not started changing anything
        continue
      }
      if (content.host !== os.hostname()) {
        messages.push(`an import from ${content.host} (process ${content.pid}) may still be running in this folder (${file})`)
        continue
      }
      if (content.pid === process.pid || processIsAlive(content.pid)) continue
      const journal = new ImportJournal(folder, file, content)
      const undone = journal.rollBack()
      messages.push(
        `an import into this project was interrupted (${journal.startedBy}) and has been rolled back: ` +
          `${undone.documents} document(s) and ${undone.layers} layer(s) removed or put back` +
          `${undone.labels ? ', and the labels it had added' : ''}. Import those files again.`
      )
      rolledBack.add(content.pid)
    }
    for (const name of readdirSync(folder)) {
      // a staging folder whose process is gone: that import stopped before its commit, so
      // nothing of it reached the project (one whose commit was rolled back above goes quietly)
      const staging = STAGING_FOLDER.exec(name)
      const pid = Number(staging?.[1])
      if (!staging || pid === process.pid || processIsAlive(pid)) continue
      rmSync(path.join(folder, name), { recursive: true, force: true })
      if (!rolledBack.has(pid)) messages.push(`removed the files of an import that was stopped while reading (${name}); nothing of it had reached the project`)
    }
    return messages
  }
}
