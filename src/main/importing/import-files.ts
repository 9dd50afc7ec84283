// Imports parsed files into a project: every file is parsed first, then everything that parsed
// is written in one go (documents, then their spans), so a bad file never leaves half its
// content behind and the good files still land.
import type { ImportIssue, ImportReport } from '../../shared/api/contract'
import { emptyLayer, type AnnotationLayer } from '../../shared/model'
import type { Relation, Span } from '../../shared/model'
import { codePointLength } from '../../shared/offsets'
import { annotatorNameProblem, labelNameProblem } from '../../shared/valid-names'
import { AttributeFit } from '../formats/attribute-fit'
import { checkAttributeName, checkAttributeValue, checkRelationType, noteFromInput } from '../formats/incoming'
import { readerByName, readerForFile, readers, supportedExtensions } from '../formats/registry'
import type { FormatReader, ParsedDocument, ParsedSpan, ReadOptions, SourceFile } from '../formats/types'
import { checkAnnotator } from '../store/annotator'
import { ImportJournal } from '../store/import-journal'
import { WriteBatch } from '../store/json-file'
import { contentHash, type ProjectStore } from '../store/project-store'
import { nameLayersByPath, type AnnotatorFromPath } from './annotator-from-path'
import { ImportError } from './errors'
import { documentEntries, tallyLayers } from './import-report'
import { MAX_DOCUMENT_CODE_POINTS } from './limits'
import { resolveTags, tagGroupsMet } from './import-tags'
import { hasTags } from '../../shared/tags'

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
  files: SourceFile[]
  reader: FormatReader | undefined
  grouped: boolean
}

/**
 * Lets multi-file readers claim their groups first (only the forced reader when --format is
 * given); every other file is parsed alone by the reader its name (or --format) chooses.
 */
function planUnits(files: SourceFile[], options: ImportOptions): ParseUnit[] {
  const forced = options.format ? readerByName(options.format) : undefined
  if (options.format && !forced) {
    return files.map((file) => ({ files: [file], reader: undefined, grouped: false }))
  }
  const units: ParseUnit[] = []
  const claimed = new Set<SourceFile>()
  for (const reader of forced ? [forced] : readers) {
    if (!reader.group || !reader.readGroup) continue
    for (const group of reader.group(files.filter((file) => !claimed.has(file)))) {
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

function parseUnit(unit: ParseUnit, options: ImportOptions): ParsedDocument[] {
  const { reader, files } = unit
  const first = files[0]!
  if (!reader) {
    throw new ImportError(
      first.name,
      options.format ? `unknown import format "${options.format}"; formats: ${readers.map((r) => r.name).join(', ')}` : `unsupported file type; Spanwise imports ${supportedExtensions().join(', ')}`
    )
  }
  const documents = unit.grouped ? reader.readGroup!(files, options) : reader.read(first, options)
  if (options.annotatorFromPath) nameLayersByPath(documents, options.annotatorFromPath)
  for (const doc of documents) checkParsedDocument(doc)
  return documents
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

// An id is the time, a counter and four random base-36 digits. An import makes one per span, so
// the time's digits are kept for the millisecond they stand for, and the random digits come
// from an integer (turning a random fraction into base 36 is several times slower).
let spanCounter = 0
let clockMs = -1
let clockDigits = ''
const RANDOM_RANGE = 36 ** 4

export function newSpanId(prefix = 's'): string {
  spanCounter = (spanCounter + 1) % 1_000_000
  const now = Date.now()
  if (now !== clockMs) {
    clockMs = now
    clockDigits = now.toString(36)
  }
  const random = Math.floor(Math.random() * RANDOM_RANGE).toString(36).padStart(4, '0')
  return `${prefix}${clockDigits}${spanCounter.toString(36)}${random}`
}

/** The spans and relations of a parsed document as a layer stores them, with new ids. */
function layerContent(doc: ParsedDocument): { spans: Span[]; relations: Relation[] } {
  const spans: Span[] = doc.spans.map((s) => {
    const span: Span = { id: newSpanId(), start: s.start, end: s.end, label: s.label }
    if (s.attributes && Object.keys(s.attributes).length > 0) span.attributes = s.attributes
    if (s.note) span.note = s.note
    return span
  })
  // relation endpoints are span indexes in the file: they follow the spans to their new ids
  const relations: Relation[] = (doc.relations ?? []).map((r) => ({ id: newSpanId('r'), type: r.type, from: spans[r.from]!.id, to: spans[r.to]!.id }))
  return { spans, relations }
}

/** Writes one imported document's spans (or status) into its layer; returns the spans written. */
async function writeLayer(
  store: ProjectStore,
  doc: ParsedDocument,
  id: string,
  annotator: string,
  known: { text: string; current?: AnnotationLayer; batch: WriteBatch }
): Promise<number> {
  const tags = resolveTags(doc.tags, store.settings.tagGroups)
  if (doc.spans.length > 0 || hasTags(tags)) {
    // spans and tags never overwrite work already in a layer: each lands only where the layer has none
    const layer = known.current ?? (await store.getLayer(id, annotator))
    const spansFit = doc.spans.length > 0 && layer.spans.length === 0
    const tagsFit = hasTags(tags) && !hasTags(layer.tags)
    if (!spansFit && !tagsFit) return 0
    const content = spansFit ? layerContent(doc) : { spans: undefined }
    // the file's status sets a layer only with its spans, or one nobody has touched
    const status = spansFit || layer.updatedAt === null ? (doc.status ?? 'in_progress') : layer.status
    await store.saveLayer(id, annotator, { ...content, ...(tagsFit ? { tags } : {}), status }, { ...known, current: layer })
    return content.spans?.length ?? 0
  }
  // a status from the file only sets a layer nobody has touched: re-importing never resets work
  if (doc.status && (known.current ?? (await store.getLayer(id, annotator))).updatedAt === null) {
    await store.saveLayer(id, annotator, { status: doc.status }, known)
  }
  return 0
}

export async function importSources(
  store: ProjectStore,
  files: SourceFile[],
  options: ImportOptions,
  alreadyRejected: ImportIssue[] = []
): Promise<ImportReport> {
  checkAnnotator(options.annotator)
  const rejected = [...alreadyRejected]
  const parsed: ParsedDocument[] = []
  // attribute values are fitted to the label definitions file by file (see attribute-fit.ts),
  // as they are on disk now (another process may have changed them)
  const fit = new AttributeFit((await store.freshSettings()).labels)
  for (const unit of planUnits(files, options)) {
    try {
      const documents = parseUnit(unit, options)
      fit.fitFile(documents)
      parsed.push(...documents)
    } catch (error) {
      // a bad file rejects its whole unit (for brat: both files of the pair)
      if (error instanceof ImportError) rejected.push(error.toIssue())
      else rejected.push({ file: unit.files.map((file) => file.name).join(' + '), message: (error as Error).message })
    }
  }

  if (parsed.length === 0) return { added: [], duplicates: [], rejected }
  // all or nothing from here: a journal lists what the run writes (see import-journal.ts)
  const hashes = parsed.map((doc) => contentHash(doc.text))
  const existing = new Set(await store.documentIds())
  const newIds = [...new Set(hashes.map((hash) => hash.slice(0, 16)))].filter((id) => !existing.has(id))
  const layerKeys = new Map<string, { annotator: string; documentId: string }>()
  parsed.forEach((doc, index) => {
    if (doc.spans.length === 0 && !doc.status && !doc.tags?.length) return
    const annotator = doc.annotator ?? options.annotator
    const documentId = hashes[index]!.slice(0, 16)
    layerKeys.set(`${annotator}/${documentId}`, { annotator, documentId })
  })
  const journal = ImportJournal.begin(store.folder, newIds, [...layerKeys.values()])
  try {
    const batch = new WriteBatch()
    const report = await applyImport(store, journal, batch, parsed, hashes, fit, options, rejected)
    // every file on disk before the journal goes: until then a crash rolls the run back
    await batch.flush()
    journal.commit()
    return report
  } catch (error) {
    journal.rollBack()
    store.forgetDocuments(newIds)
    await store.reloadSettings()
    throw error
  }
}

async function applyImport(
  store: ProjectStore,
  journal: ImportJournal,
  batch: WriteBatch,
  parsed: ParsedDocument[],
  hashes: string[],
  fit: AttributeFit,
  options: ImportOptions,
  rejected: ImportIssue[]
): Promise<ImportReport> {
  const labels = new Set<string>()
  for (const doc of parsed) for (const span of doc.spans) labels.add(span.label)
  await store.addLabels([...labels])
  await store.addAttributes(fit.additions())
  await store.addRelationTypes(parsed.flatMap((doc) => (doc.relations ?? []).map((relation) => relation.type)))
  await store.addTagGroups(tagGroupsMet(parsed, store.settings.tagGroups))
  journal.projectWritten()

  const { added, duplicates, ids } = await store.addDocuments(
    parsed.map((doc, index) => ({ ...doc, sha256: hashes[index]! })),
    { batch }
  )
  const addedIds = new Set(added.map((record) => record.id))
  const titles = new Map([...added, ...duplicates].map((record) => [record.id, record.title]))
  const report: ImportReport = { added: [], duplicates: [], rejected }
  // a new document has no layer yet, so its spans are written without reading anything back
  // (only its first occurrence in this import: a second copy of a text finds the first's layer)
  const written = new Set<string>()
  const layers: number[] = []
  for (const [index, doc] of parsed.entries()) {
    const id = ids[index]!
    const annotator = doc.annotator ?? options.annotator
    const fresh = addedIds.has(id) && !written.has(`${annotator}/${id}`)
    written.add(`${annotator}/${id}`)
    const known = fresh ? { text: doc.text, current: emptyLayer(id, annotator), batch } : { text: doc.text, batch }
    layers.push(await writeLayer(store, doc, id, annotator, known))
  }
  const entries = documentEntries({ parsed, ids, written: layers, addedIds, titles, fallback: options.annotator })
  report.added = entries.added
  report.duplicates = entries.duplicates
  report.layers = tallyLayers(parsed, layers, options.annotator)
  return report
}
