// An import's report, built document by document as the import stages them (a streamed import
// never holds all its documents): a line per document (new, or already in the project), and what
// each annotator layer received: spans written and the documents they went to, and documents
// left as they were because the layer already had spans there (spans never overwrite a layer's
// work), counted alike for new documents and ones already present. The lists name the first
// REPORT_LIST_LIMIT documents each; `totals` counts them all.
import type { ImportReport, ImportIssue, LayerImport } from '../../shared/api/contract'

export const REPORT_LIST_LIMIT = 1000

type Entry = ImportReport['added'][number]

export class ImportReportBuilder {
  private readonly layers = new Map<string, LayerImport>()
  private readonly added: Entry[] = []
  private readonly duplicates: Entry[] = []
  private addedCount = 0
  private duplicateCount = 0
  /** Documents met so far, and the listed entry of each (spans of its other layers add up there). */
  private readonly seen = new Set<string>()
  private readonly listed = new Map<string, Entry>()
  private readonly layersSeen = new Set<string>()

  /**
   * One staged document: `spans` written into its layer (`annotator`), `added` when this import
   * added the document. The layers of several annotators (a Prodigy record, a Label Studio
   * annotation each) add up in one entry; the same text again in the same layer is listed
   * again, as a duplicate.
   */
  add(document: { id: string; title: string; file: string; annotator: string; spans: number; parsedSpans: number; added: boolean }): void {
    const { id, annotator, spans } = document
    const layer = this.layers.get(annotator) ?? { annotator, spans: 0, documents: 0, kept: 0 }
    this.layers.set(annotator, layer)
    layer.spans += spans
    if (spans > 0) layer.documents++
    else if (document.parsedSpans > 0) layer.kept++

    const layerKey = `${annotator}/${id}`
    const repeated = this.layersSeen.has(layerKey)
    this.layersSeen.add(layerKey)
    if (this.seen.has(id) && !repeated) {
      const entry = this.listed.get(id)
      if (entry) entry.spans += spans
      return
    }
    const entry: Entry = { id, title: document.title, file: document.file, spans }
    const isNew = document.added && !this.seen.has(id)
    this.seen.add(id)
    const list = isNew ? this.added : this.duplicates
    if (isNew) this.addedCount++
    else this.duplicateCount++
    if (list.length < REPORT_LIST_LIMIT) {
      list.push(entry)
      this.listed.set(id, entry)
    } else this.listed.delete(id)
  }

  /** A layer found changed by someone else when the import came to write it: left as it was. */
  keptAtCommit(annotator: string, spans: number): void {
    const layer = this.layers.get(annotator)
    if (!layer || spans === 0) return
    layer.spans -= spans
    layer.documents--
    layer.kept++
  }

  report(rejected: ImportIssue[]): ImportReport {
    const cut = this.addedCount > this.added.length || this.duplicateCount > this.duplicates.length
    return {
      added: this.added,
      duplicates: this.duplicates.map(({ spans, ...duplicate }) => (spans ? { ...duplicate, spans } : duplicate)),
      rejected,
      layers: [...this.layers.values()].sort((a, b) => a.annotator.localeCompare(b.annotator)),
      ...(cut ? { totals: { added: this.addedCount, duplicates: this.duplicateCount } } : {})
    }
  }
}
