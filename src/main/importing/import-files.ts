// Imports files into a project. Each file (or brat pair) is parsed, checked and staged batch by
// batch (a big JSONL, CSV or Label Studio file streams in with flat memory); a bad file is
// rejected by name and line and what it staged is dropped, while the good files go on. Then
// everything staged is committed at once, all or nothing (staged-import.ts). Progress is
// reported as it goes, and a cancel (AbortSignal) at any point leaves the project as it was.
import type { ImportIssue, ImportProgress, ImportReport } from '../../shared/api/contract'
import { codePointLength } from '../../shared/offsets'
import { annotatorNameProblem, labelNameProblem } from '../../shared/valid-names'
import { AttributeFit } from '../formats/attribute-fit'
import { checkAttributeName, checkAttributeValue, checkRelationType, noteFromInput } from '../formats/incoming'
import { readerByName, readerForFile, readers, supportedExtensions } from '../formats/registry'
import type { FormatReader, ParsedDocument, ParsedSpan, ReadOptions, SourceFile, StreamSource } from '../formats/types'
import { checkAnnotator } from '../store/annotator'
import type { ProjectStore } from '../store/project-store'
import { nameLayersByPath, type AnnotatorFromPath } from './annotator-from-path'
import { ImportError } from './errors'
import { keepHeapSmall } from './heap-guard'
import { ImportReportBuilder } from './import-report'
import { MAX_DOCUMENT_CODE_POINTS, MAX_IMPORT_FILE_BYTES } from './limits'
import { ImportCancelled, throwIfCancelled } from './read-lines'
import { StagedImport } from './staged-import'
import { tagGroupsMet } from './import-tags'

export { newSpanId } from './staged-import'

/** A file to import: read whole (in memory), or streamed from disk when it is big. */
export type ImportSource = SourceFile | StreamSource

const isStreamed = (file: ImportSource): file is StreamSource => 'path' in file
const sizeOf = (file: ImportSource) => (isStreamed(file) ? file.size : file.bytes.length)

/** Progress and cancel of one import. */
export interface ImportControl {
  signal?: AbortSignal
  /** Called as the import goes (at most every PROGRESS_INTERVAL_MS, and at each phase). */
  onProgress?: (progress: ImportProgress) => void
}

const PROGRESS_INTERVAL_MS = 100

export interface ImportOptions extends ReadOptions {
  /** Layer that receives imported spans when the file names no annotator. */
  annotator: string
  /** Force a format instead of choosing by file name. */
  format?: string
  /** Name each file's layer by its path (doccano's <username>.jsonl, brat folders per annotator). */
  annotatorFromPath?: AnnotatorFromPath
}

/** One unit of parsing: a single file, or files a reader takes together (brat's X.txt + X.ann). */
interface ParseUnit {
  files: ImportSource[]
  reader: FormatReader | undefined
  grouped: boolean
}

/**
 * Lets multi-file readers claim their groups first (only the forced reader when --format is
 * given); every other file is parsed alone by the reader its name (or --format) chooses.
 */
function planUnits(files: ImportSource[], options: ImportOptions): ParseUnit[] {
  const forced = options.format ? readerByName(options.format) : undefined
  if (options.format && !forced) {
    return files.map((file) => ({ files: [file], reader: undefined, grouped: false }))
  }
  const units: ParseUnit[] = []
  const claimed = new Set<ImportSource>()
  // (groups are of small files, read whole)
  const inMemory = files.filter((file): file is SourceFile => !isStreamed(file))
  for (const reader of forced ? [forced] : readers) {
    if (!reader.group || !reader.readGroup) continue
    for (const group of reader.group(inMemory.filter((file) => !claimed.has(file)))) {
      group.forEach((file) => claimed.add(file))
      units.push({ files: group, reader, grouped: true })
    }
  }
  for (const file of files) {
    if (!claimed.has(file)) units.push({ files: [file], reader: forced ?? readerForFile(file.name), grouped: false })
  }
  // parse (and report) in the order the files were given
  const order = new Map(files.map((file, index) => [file, index]))
  const position = (unit: ParseUnit) => Math.min(...unit.files.map((file) => order.get(file)!))
  return units.sort((a, b) => position(a) - position(b))
}

/** The documents of one unit, in batches: one for a file read whole, many for a streamed one. */
async function* unitBatches(unit: ParseUnit, options: ImportOptions, control: ImportControl & { onBytes(bytes: number): void }): AsyncGenerator<ParsedDocument[]> {
  const { reader, files } = unit
  const first = files[0]!
  if (!reader) {
    throw new ImportError(
      first.name,
      options.format ? `unknown import format "${options.format}"; formats: ${readers.map((r) => r.name).join(', ')}` : `unsupported file type; Spanwise imports ${supportedExtensions().join(', ')}`
    )
  }
  if (isStreamed(first)) {
    if (!reader.stream) {
      throw new ImportError(first.name, `file is ${(first.size / 1048576).toFixed(1)} MiB, over the ${MAX_IMPORT_FILE_BYTES / 1048576} MiB import limit of ${reader.name} files`)
    }
    yield* reader.stream(first, options, control)
    return
  }
  const inMemory = files as SourceFile[]
  yield unit.grouped ? reader.readGroup!(inMemory, options) : reader.read(first as SourceFile, options)
  control.onBytes(inMemory.reduce((sum, file) => sum + file.bytes.length, 0))
}

function checkParsedDocument(doc: ParsedDocument): void {
  const length = codePointLength(doc.text)
  if (length > MAX_DOCUMENT_CODE_POINTS) {
    throw new ImportError(doc.file, `document "${doc.title}" has ${length} characters, over the ${MAX_DOCUMENT_CODE_POINTS} limit`)
  }
  for (const span of doc.spans) {
    if (!(Number.isInteger(span.start) && Number.isInteger(span.end)) || span.start < 0 || span.end > length || span.start >= span.end) {
      throw new ImportError(doc.file, `span [${span.start}, ${span.end}) "${span.label}" is out of range for a text of ${length} characters`, span.line)
    }
    // labels and annotators become project labels and folder names: check them before anything is stored
    const problem = labelNameProblem(span.label)
    if (problem !== null) throw new ImportError(doc.file, `label "${span.label}": ${problem}`, span.line)
    // readers check these where they read them; checked again so no reader can skip them
    // (most spans have neither, and are spared building the message prefix)
    if (span.attributes !== undefined || span.note !== undefined) checkSpanExtras(doc, span)
  }
  for (const relation of doc.relations ?? []) {
    const where = { file: doc.file, ...(relation.line !== undefined ? { line: relation.line } : {}) }
    checkRelationType(where, relation.type, 'relation')
    const inRange = (index: number) => Number.isInteger(index) && index >= 0 && index < doc.spans.length
    if (!inRange(relation.from) || !inRange(relation.to) || relation.from === relation.to) {
      throw new ImportError(doc.file, `relation "${relation.type}" does not link two different spans of its document`, relation.line)
    }
  }
  if (doc.annotator !== undefined && annotatorNameProblem(doc.annotator) !== null) {
    throw new ImportError(doc.file, `annotator "${doc.annotator}" is not a valid annotator name`)
  }
}

function checkSpanExtras(doc: ParsedDocument, span: ParsedSpan): void {
  const where = { file: doc.file, ...(span.line !== undefined ? { line: span.line } : {}) }
  const owner = `span "${span.label}" [${span.start}, ${span.end})`
  for (const [name, value] of Object.entries(span.attributes ?? {})) {
    checkAttributeName(where, name, owner)
    checkAttributeValue(where, name, value, owner)
  }
  noteFromInput(span.note, where, owner)
}

/** A failure to write staged files (a full disk): the import fails, no file is to blame. */
class StagingFailure extends Error {
  constructor(readonly failure: unknown) {
    super((failure as Error).message)
  }
}

/** What one unit read: its documents' report lines, labels and relation types, kept until the unit has parsed whole. */
interface UnitResult {
  entries: Parameters<ImportReportBuilder['add']>[0][]
  labels: Set<string>
  relationTypes: Set<string>
  /** Tag groups and options the unit's documents name ("group\u0000option" → chosen with another of its group). */
  tags: Map<string, boolean>
}

export async function importSources(
  store: ProjectStore,
  files: ImportSource[],
  options: ImportOptions,
  alreadyRejected: ImportIssue[] = [],
  control: ImportControl = {}
): Promise<ImportReport> {
  checkAnnotator(options.annotator)
  throwIfCancelled(control.signal)
  const rejected = [...alreadyRejected]
  // attribute values are fitted to the label definitions file by file (see attribute-fit.ts),
  // as they are on disk now (another process may have changed them)
  const fit = new AttributeFit((await store.freshSettings()).labels)
  const report = new ImportReportBuilder()
  const labels = new Set<string>()
  const relationTypes = new Set<string>()
  const tags = new Map<string, boolean>()
  const progress: ImportProgress = { phase: 'reading', bytesDone: 0, bytesTotal: files.reduce((sum, file) => sum + sizeOf(file), 0), documents: 0 }
  let lastReport = 0
  const tell = (force = false) => {
    const now = Date.now()
    if (!control.onProgress || (!force && now - lastReport < PROGRESS_INTERVAL_MS)) return
    lastReport = now
    control.onProgress({ ...progress })
  }
  const readControl = {
    ...(control.signal ? { signal: control.signal } : {}),
    onBytes: (bytes: number) => {
      progress.bytesDone += bytes
      tell()
    }
  }
  const staged = await StagedImport.begin(store)
  let parsedAny = false
  try {
    for (const unit of planUnits(files, options)) {
      throwIfCancelled(control.signal)
      progress.file = unit.files.map((file) => file.name).join(' + ')
      tell(true)
      const mark = fit.mark()
      const result: UnitResult = { entries: [], labels: new Set(), relationTypes: new Set(), tags: new Map() }
      let writing: Promise<void> = Promise.resolve()
      try {
        for await (const batch of unitBatches(unit, options, readControl)) {
          if (options.annotatorFromPath) nameLayersByPath(batch, options.annotatorFromPath)
          for (const doc of batch) {
            checkParsedDocument(doc)
            for (const span of doc.spans) result.labels.add(span.label)
            for (const relation of doc.relations ?? []) result.relationTypes.add(relation.type)
          }
          fit.fitFile(batch)
          for (const { group, option, multiple } of tagGroupsMet(batch, store.settings.tagGroups)) {
            const key = `${group}\u0000${option}`
            result.tags.set(key, multiple || (result.tags.get(key) ?? false))
          }
          // the previous batch's files are written while this one was parsed
          await writing
          const { staged: done, written } = await staged.stage(batch, options.annotator).catch((error: unknown) => {
            throw new StagingFailure(error)
          })
          writing = written.catch((error: unknown) => {
            throw new StagingFailure(error)
          })
          batch.forEach((doc, index) => {
            const { id, title, added, spans } = done[index]!
            result.entries.push({ id, title, file: doc.file, annotator: doc.annotator ?? options.annotator, spans, parsedSpans: doc.spans.length, added })
          })
          progress.documents += batch.length
          tell()
          keepHeapSmall()
        }
        await writing
        staged.endUnit()
        parsedAny = true
        for (const entry of result.entries) report.add(entry)
        result.labels.forEach((label) => labels.add(label))
        result.relationTypes.forEach((type) => relationTypes.add(type))
        result.tags.forEach((multiple, key) => tags.set(key, multiple || (tags.get(key) ?? false)))
      } catch (error) {
        await writing.catch(() => undefined)
        staged.abandonUnit()
        fit.reset(mark)
        progress.documents -= result.entries.length
        if (error instanceof ImportCancelled) throw error
        if (error instanceof StagingFailure) throw error.failure
        // a bad file rejects its whole unit (for brat: both files of the pair)
        if (error instanceof ImportError) rejected.push(error.toIssue())
        else rejected.push({ file: unit.files.map((file) => file.name).join(' + '), message: (error as Error).message })
      }
    }
    if (!parsedAny) return report.report(rejected)
    // all or nothing from here: see staged-import.ts
    Object.assign(progress, { phase: 'committing', documents: 0 })
    delete progress.file
    tell(true)
    const skipped = await staged.commit({
      ...(control.signal ? { signal: control.signal } : {}),
      addLabels: async () => {
        await store.addLabels([...labels])
        await store.addAttributes(fit.additions())
        await store.addRelationTypes([...relationTypes])
        await store.addTagGroups(
          [...tags].map(([key, multiple]) => {
            const [group, option] = key.split('\u0000') as [string, string]
            return { group, option, multiple }
          })
        )
      },
      onProgress: ({ documents, documentsTotal }) => {
        Object.assign(progress, { documents, documentsTotal })
        tell(documents === documentsTotal)
      }
    })
    for (const layer of skipped) report.keptAtCommit(layer.annotator, layer.spans)
    return report.report(rejected)
  } finally {
    await staged.discard()
  }
}
