// The suggestion channels of the API contract (the rest of the contract is in ../api/handlers.ts).
import type { z } from 'zod'
import type { Channels, SuggestSettingsInfo } from '../../shared/api/contract'
import { SUGGESTION_SOURCES, type SuggestSettings } from '../../shared/suggest/types'
import { compilePattern } from '../../shared/suggest/patterns'
import type { RequestScope } from '../api/session'
import { StoreError } from '../store/errors'
import type { ProjectStore } from '../store/project-store'
import { addToDictionaries, listDictionaries, parseDictionary, type DictionaryEntry } from './dictionaries'
import { editSuggestionFile, withRejected, withoutRejected } from './rejections'
import { readSuggestSettings, saveSuggestSettings } from './settings-store'
import { suggestForDocument } from './suggest-service'

type SuggestChannel = 'suggestions.document' | 'suggestions.reject' | 'suggest.settings' | 'suggest.saveSettings' | 'suggest.importDictionary'
type Handlers = { [C in SuggestChannel]: (input: z.output<Channels[C]['input']>, scope: RequestScope) => Promise<Channels[C]['result']> }

function settingsInfo(store: ProjectStore): SuggestSettingsInfo {
  const { settings, version } = readSuggestSettings(store.folder)
  return { settings, version, dictionaries: listDictionaries(store.folder) }
}

/** Settings must name the project's labels, and every pattern must compile. */
async function checkSettings(store: ProjectStore, settings: SuggestSettings): Promise<void> {
  const labels = (await store.freshSettings()).labels.map((l) => l.name)
  settings.patterns.forEach((pattern, index) => {
    if (!labels.includes(pattern.label)) throw new StoreError('invalid_input', `pattern ${index + 1}: unknown label "${pattern.label}"`)
    try {
      compilePattern(pattern)
    } catch (error) {
      throw new StoreError('invalid_input', `pattern ${index + 1} (${pattern.pattern}): ${(error as Error).message}`)
    }
  })
  for (const [type, label] of Object.entries(settings.modelMapping)) {
    if (label && !labels.includes(label)) throw new StoreError('invalid_input', `model type ${type}: unknown label "${label}"`)
  }
}

export function suggestHandlers(store: ProjectStore): Handlers {
  return {
    'suggestions.document': ({ documentId, sources }, { annotator }) => suggestForDocument(store, annotator, documentId, sources ?? SUGGESTION_SOURCES),
    'suggestions.reject': async ({ documentId, baseVersion, suggestions, undo }, { annotator }) => {
      if (!(await store.hasDocument(documentId))) throw new StoreError('not_found', `no document ${documentId} in this project`)
      const edit = undo ? withoutRejected : withRejected
      const { version } = await editSuggestionFile(store.folder, annotator, documentId, baseVersion, (file) => edit(file, suggestions))
      return { version }
    },
    'suggest.settings': async () => settingsInfo(store),
    'suggest.saveSettings': async ({ baseVersion, settings }) => {
      await checkSettings(store, settings)
      await saveSuggestSettings(store.folder, baseVersion, settings)
      return settingsInfo(store)
    },
    'suggest.importDictionary': async ({ files, label }) => {
      const labels = (await store.freshSettings()).labels.map((l) => l.name)
      // every file is read before anything is written: one bad line keeps every list as it was
      const entries: DictionaryEntry[] = files.flatMap((file) =>
        parseDictionary(file.path || file.name, Buffer.from(file.base64, 'base64').toString('utf8'), label, labels)
      )
      const added = addToDictionaries(store.folder, entries)
      return { ...settingsInfo(store), added }

    }
  }
}
