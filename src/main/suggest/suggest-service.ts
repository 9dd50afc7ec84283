// Suggestions for one document (the editor) or every document (`spanwise suggest`, the
// benchmark), from the sources asked for, less what the annotator rejected for that document.
import { randomUUID } from 'node:crypto'
import { SUGGESTION_SOURCES, suggestionKey, visibleSuggestions, type Suggestion, type SuggestionSourceId } from '../../shared/suggest/types'
import type { DocumentRecord } from '../../shared/model'
import type { FileVersion } from '../../shared/api/contract'
import { DamagedFileError } from '../store/errors'
import { WriteBatch } from '../store/json-file'
import type { ProjectStore } from '../store/project-store'
import { editSuggestionFile, readSuggestionFile } from './rejections'
import { readSuggestSettings } from './settings-store'
import { dictionarySource } from './sources/dictionary'
import { modelSource } from './sources/model'
import { ownLabelSource } from './sources/own-labels'
import { patternSource } from './sources/patterns'
import type { DocumentSuggester, SuggestionSource } from './sources/source'

export const SOURCES: Record<SuggestionSourceId, SuggestionSource> = {
  own: ownLabelSource,
  dictionary: dictionarySource,
  patterns: patternSource,
  model: modelSource
}

/** Prepares the chosen sources once (lexicon, matchers, patterns) for any number of documents. */
export async function prepareSources(store: ProjectStore, annotator: string, sources: readonly SuggestionSourceId[] = SUGGESTION_SOURCES): Promise<DocumentSuggester> {
  const config = await store.freshSettings()
  const context = { store, annotator, labels: config.labels.map((l) => l.name), settings: readSuggestSettings(store.folder).settings }
  const suggesters = await Promise.all(sources.map((id) => SOURCES[id].prepare(context)))
  return async (document) => (await Promise.all(suggesters.map((suggest) => suggest(document)))).flat()
}

export interface DocumentSuggestions {
  /** Every suggestion but the rejected ones; the editor hides those its live spans cover. */
  suggestions: Suggestion[]
  /** The version of the annotator's suggestion file, which a rejection states. */
  version: FileVersion
}

/** The suggestions of the chosen sources for one document, with those a CLI run stored for review. */
export async function suggestForDocument(store: ProjectStore, annotator: string, documentId: string, sources: readonly SuggestionSourceId[]): Promise<DocumentSuggestions> {
  const document = await store.getDocument(documentId)
  const suggest = await prepareSources(store, annotator, sources)
  const { file, version } = readSuggestionFile(store.folder, annotator, documentId)
  const rejected = new Set(file.rejected.map(suggestionKey))
  const stored = file.stored.filter((s) => sources.includes(s.source))
  const all = [...(await suggest(document)), ...stored].filter((s) => !rejected.has(suggestionKey(s)))
  const seen = new Set<string>()
  const suggestions = all.filter((s) => {
    const key = suggestionKey(s)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return { suggestions, version }
}

export interface ProjectRun {
  documents: number
  /** Suggestions (or spans, with accept) per label. */
  labels: Record<string, number>
  /** Documents left out: damaged files. */
  skipped: { documentId: string; reason: string }[]
}

/**
 * Suggests for every document as `annotator`: stores the suggestions in their suggestion files
 * for review in the editor, or with `accept` adds them to their layers as spans. Either way, a
 * suggestion that was rejected, or that a span of the layer covers, is left out.
 */
export async function suggestProject(
  store: ProjectStore,
  annotator: string,
  options: { sources: readonly SuggestionSourceId[]; accept: boolean; onDocument?: (done: number, total: number) => void }
): Promise<ProjectRun> {
  const suggest = await prepareSources(store, annotator, options.sources)
  const ids = await store.documentIds()
  const run: ProjectRun = { documents: 0, labels: {}, skipped: [] }
  // thousands of small writes are made durable together at the end, as an import's are
  const batch = new WriteBatch()
  let done = 0
  for (const id of ids) {
    try {
      const document: DocumentRecord = await store.getDocument(id)
      const { layer } = await store.readLayer(id, annotator)
      const { file } = readSuggestionFile(store.folder, annotator, id)
      const shown = visibleSuggestions(await suggest(document), layer.spans, new Set(file.rejected.map(suggestionKey)))
      if (options.accept) {
        if (shown.length > 0) {
          const spans = [...layer.spans, ...shown.map((s) => ({ id: `s${randomUUID().replaceAll('-', '').slice(0, 16)}`, start: s.start, end: s.end, label: s.label }))]
          await store.saveLayer(id, annotator, { spans }, { batch })
        }
      } else if (shown.length > 0 || file.stored.length > 0) {
        await editSuggestionFile(store.folder, annotator, id, undefined, (current) => ({ ...current, stored: shown }), batch)
      }
      for (const s of shown) run.labels[s.label] = (run.labels[s.label] ?? 0) + 1
      run.documents++
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      run.skipped.push({ documentId: id, reason: error.message })
    }
    options.onDocument?.(++done, ids.length)
  }
  await batch.flush()
  return run
}
