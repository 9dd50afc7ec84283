// The offline model (../model.ts) under the project's mapping of its types to labels. What it
// finds in a document is remembered (a document's text never changes: its id is its hash), so
// a document opened again, or a mapping edited, costs no second reading.
import type { ModelType } from '../../../shared/suggest/types'
import { mapEntities, mappedTypes, modelEntities, type ModelEntity } from '../model'
import type { SuggestionSource } from './source'

const REMEMBERED = 500
const found = new Map<string, { types: string; entities: ModelEntity[] }>()

async function entitiesOf(documentId: string, text: string, types: Set<ModelType>): Promise<ModelEntity[]> {
  const key = [...types].sort().join(',')
  const known = found.get(documentId)
  if (known?.types === key) return known.entities
  const entities = await modelEntities(text, types)
  found.delete(documentId)
  found.set(documentId, { types: key, entities })
  if (found.size > REMEMBERED) found.delete(found.keys().next().value!)
  return entities
}

export const modelSource: SuggestionSource = {
  id: 'model',
  async prepare({ settings, labels }) {
    const types = mappedTypes(settings.modelMapping, labels)
    return async (document) => {
      if (types.size === 0) return []
      return mapEntities(document.text, await entitiesOf(document.id, document.text, types), settings.modelMapping, labels)
    }
  }
}
