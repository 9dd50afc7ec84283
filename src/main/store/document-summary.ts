// What the document list shows of one document, built by one function from small "facts" read
// out of its files once: the document's title and length, and per annotator the layer's status
// and span counts per label. The facts are what the listing index (listing-index.ts) keeps and
// caches on disk; the summary is rebuilt from them on every listing, so a label rename or
// deletion (one step of the label log in project.json) changes every summary without reading
// a single layer again.
import type { AnnotationLayer, DocumentRecord, DocumentStatus, DocumentSummary, DocumentTags, ProjectConfig } from '../../shared/model'
import { hasTags } from '../../shared/tags'
import { codePointLength } from '../../shared/offsets'

/** DocumentSummary's fields of a document file: imported title (when renamed), file name, import order. */
export type ListedFields = Pick<DocumentSummary, 'importedTitle' | 'fileName' | 'importedAt' | 'importIndex'>

export function listedFields(record: DocumentRecord): ListedFields {
  const listed: ListedFields = {}
  if (record.renamed) listed.importedTitle = record.renamed.importedTitle
  if (typeof record.meta.source === 'string') listed.fileName = record.meta.source
  if (typeof record.importedAt === 'string') listed.importedAt = record.importedAt
  if (typeof record.importIndex === 'number') listed.importIndex = record.importIndex
  return listed
}

/** What a summary needs of a document file. (A field the list shows is added here and in `documentFacts`.) */
export interface DocumentFacts {
  title: string
  /** In code points. */
  length: number
  listed: ListedFields
}

/** Span counts per label, sorted by label. */
export type LabelCounts = [label: string, spans: number][]

/** What a summary needs of a layer file, as written (before the label log is followed). */
export interface LayerFacts {
  status: DocumentStatus
  counts: LabelCounts
  /** The label revision the file was written against. */
  revision: number
  /** Spans the file has set aside for deleted labels, per label log step. */
  retired: [revision: number, counts: LabelCounts][]
  /** The document tags, as written. */
  tags?: DocumentTags
}

export interface FileProblem {
  /** The path inside the project. */
  file: string
  message: string
}

export function documentFacts(record: DocumentRecord): DocumentFacts {
  return { title: record.title, length: codePointLength(record.text), listed: listedFields(record) }
}

function countLabels(spans: { label: string }[]): LabelCounts {
  const counts = new Map<string, number>()
  for (const span of spans) counts.set(span.label, (counts.get(span.label) ?? 0) + 1)
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

export function layerFacts(layer: AnnotationLayer): LayerFacts {
  return {
    status: layer.status,
    counts: countLabels(layer.spans),
    revision: layer.labelRevision ?? 0,
    retired: (layer.retired ?? []).map((set) => [set.revision, countLabels(set.spans)]),
    ...(hasTags(layer.tags) ? { tags: layer.tags } : {})
  }
}

/**
 * Whether the layer's tags need the label log's tag steps since it was written (a tag group or
 * option renamed or deleted): such a layer is read whole for its row, as rare as the change.
 */
export function tagsBehind(facts: LayerFacts, config: ProjectConfig): boolean {
  const to = config.labelRevision ?? 0
  if (facts.revision >= to) return false
  return (config.labelLog ?? []).some(
    (step) =>
      step.revision > facts.revision &&
      step.revision <= to &&
      Boolean(step.tagGroupRenames?.length || step.tagRenames?.length || step.tagDeletions?.length || step.undoes !== undefined)
  )
}

/**
 * Whether the counts are enough to follow the label log for this layer. A span id that is both
 * in the layer and in a retired set (a layer saved by a process behind the log) would be counted
 * once by `followLabelLog` when an undo brings it back; such a rare layer is read whole instead.
 */
export function countsSuffice(layer: AnnotationLayer): boolean {
  if (!layer.retired?.length) return true
  const present = new Set(layer.spans.map((span) => span.id))
  const retired = new Set<string>()
  for (const set of layer.retired) {
    for (const span of set.spans) {
      if (present.has(span.id) || retired.has(span.id)) return false
      retired.add(span.id)
    }
  }
  return true
}

function addCounts(into: Map<string, number>, counts: Iterable<[string, number]>): void {
  for (const [label, n] of counts) into.set(label, (into.get(label) ?? 0) + n)
}

/**
 * The status, span count and labels a layer shows under the project's current label set: the
 * label log's steps since the layer's revision replayed on the counts, exactly as
 * `followLabelLog` replays them on the spans (deletions, then renames, then an undo's return).
 */
export function followedCounts(facts: LayerFacts, config: ProjectConfig): { spanCount: number; labels: string[] } {
  const to = config.labelRevision ?? 0
  if (facts.revision >= to) {
    // up to date (nearly every layer): the counts are sorted by label and never zero
    let spanCount = 0
    for (const [, n] of facts.counts) spanCount += n
    return { spanCount, labels: facts.counts.map(([label]) => label) }
  }
  let counts = new Map(facts.counts)
  {
    const retired = new Map(facts.retired.map(([revision, set]) => [revision, new Map(set)]))
    for (const step of config.labelLog ?? []) {
      if (step.revision <= facts.revision || step.revision > to) continue
      const out = step.deletions.filter((label) => counts.has(label))
      if (out.length > 0) {
        const set = retired.get(step.revision) ?? new Map<string, number>()
        for (const label of out) {
          addCounts(set, [[label, counts.get(label)!]])
          counts.delete(label)
        }
        retired.set(step.revision, set)
      }
      if (step.renames.length > 0) {
        const renamed = new Map(step.renames.map((rename) => [rename.from, rename.to]))
        const next = new Map<string, number>()
        for (const [label, n] of counts) addCounts(next, [[renamed.get(label) ?? label, n]])
        counts = next
      }
      if (step.undoes !== undefined && retired.has(step.undoes)) {
        addCounts(counts, retired.get(step.undoes)!)
        retired.delete(step.undoes)
      }
    }
  }
  let spanCount = 0
  for (const n of counts.values()) spanCount += n
  return { spanCount, labels: [...counts.keys()].filter((label) => counts.get(label)! > 0).sort() }
}

/** One row of the document list. */
export function buildSummary(
  id: string,
  document: DocumentFacts | FileProblem,
  layer: LayerFacts | FileProblem | null,
  annotators: string[],
  config: ProjectConfig
): DocumentSummary {
  if ('message' in document) {
    return { id, title: id, length: 0, status: 'todo', spanCount: 0, labels: [], annotators, error: document }
  }
  if (layer !== null && 'message' in layer) {
    return { id, title: document.title, length: 0, status: 'todo', spanCount: 0, labels: [], annotators, error: layer }
  }
  const shown = layer === null ? { spanCount: 0, labels: [] } : followedCounts(layer, config)
  const tags = layer?.tags && !tagsBehind(layer, config) ? { tags: layer.tags } : {}
  return { id, title: document.title, ...document.listed, length: document.length, status: layer?.status ?? 'todo', ...shown, ...tags, annotators }
}

// the default locale's collator, as String.localeCompare uses, made once: localeCompare makes
// one per call, which costs seconds over 100,000 titles
const collator = new Intl.Collator()

/** The list's order: by title, then id. */
export function compareSummaries(a: DocumentSummary, b: DocumentSummary): number {
  return collator.compare(a.title, b.title) || collator.compare(a.id, b.id)
}
