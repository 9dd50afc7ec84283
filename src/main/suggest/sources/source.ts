// The common interface of suggestion sources: each prepares once per run (a lexicon, a matcher,
// compiled patterns), then suggests for one document at a time, in code point offsets.
import type { DocumentRecord } from '../../../shared/model'
import type { Suggestion, SuggestionSourceId, SuggestSettings } from '../../../shared/suggest/types'
import type { ProjectStore } from '../../store/project-store'

export interface SourceContext {
  store: ProjectStore
  annotator: string
  /** The project's label names: nothing is suggested with another label. */
  labels: string[]
  settings: SuggestSettings
}

export type DocumentSuggester = (document: DocumentRecord) => Promise<Suggestion[]>

export interface SuggestionSource {
  id: SuggestionSourceId
  prepare(context: SourceContext): Promise<DocumentSuggester>
}
