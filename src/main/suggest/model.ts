// The offline model: compromise (an English NLP library that runs in Node with no network and
// no download: its lexicon ships inside the package). It finds people, organisations, places,
// numbers, money and percentages; the project's mapping (suggest/settings.json) says which label
// each type suggests. Chosen over wink-nlp with wink-eng-lite-web-model, which is ten times faster
// but whose light model finds no people, organisations or places (docs/suggestions.md, measured).
// The text is read a paragraph at a time, yielding to the event loop between paragraphs, so a
// long document never holds up the server's other requests. compromise counts UTF-16 units; its
// offsets become code points through OffsetMap only.
import { OffsetMap } from '../../shared/offsets'
import { trimSelection } from '../../shared/words'
import type { ModelType, Suggestion, SuggestSettings } from '../../shared/suggest/types'

type Nlp = typeof import('compromise').default
let loading: Promise<Nlp> | null = null

/** compromise loads with the first model suggestion, not with the app. */
function loadNlp(): Promise<Nlp> {
  loading ??= import('compromise').then((module) => module.default)
  return loading
}

/** What the model found, before any mapping: a type and a UTF-16 range. */
export interface ModelEntity {
  type: ModelType
  start: number
  end: number
}

interface CompromiseMatch {
  offset: { start: number; length: number }
}

const METHODS: [ModelType, (doc: ReturnType<Nlp>) => { json(options: { offset: true }): CompromiseMatch[] }][] = [
  ['person', (doc) => doc.people()],
  ['organization', (doc) => doc.organizations()],
  ['place', (doc) => doc.places()],
  ['money', (doc) => doc.money()],
  ['percent', (doc) => doc.percentages()],
  ['value', (doc) => doc.numbers()]
]

// entity conventions keep surrounding punctuation out ("Doha." is the place "Doha")
const EDGE_PUNCTUATION_END = /[\s.,;:!?…"'“”‘’»)\]]+$/u
const EDGE_PUNCTUATION_START = /^[\s"'“‘«(\[]+/u

/** Paragraphs of a text (UTF-16 start offsets), split at blank lines or, in long ones, at line breaks. */
function paragraphs(text: string): { start: number; text: string }[] {
  const parts: { start: number; text: string }[] = []
  const pattern = /[^\n]+(?:\n(?!\n)[^\n]+)*/g
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length <= 5000) parts.push({ start: match.index, text: match[0] })
    else {
      // a page-long paragraph is read a line at a time
      const lines = /[^\n]+/g
      for (let line = lines.exec(match[0]); line; line = lines.exec(match[0])) parts.push({ start: match.index + line.index, text: line[0] })
    }
  }
  return parts
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** The model's entities in a text (UTF-16 ranges, punctuation at their edges trimmed). */
export async function modelEntities(text: string, types: ReadonlySet<ModelType>): Promise<ModelEntity[]> {
  if (types.size === 0) return []
  const nlp = await loadNlp()
  const entities: ModelEntity[] = []
  let since = performance.now()
  for (const paragraph of paragraphs(text)) {
    const doc = nlp(paragraph.text)
    for (const [type, find] of METHODS) {
      if (!types.has(type)) continue
      for (const match of find(doc).json({ offset: true })) {
        let start = paragraph.start + match.offset.start
        let end = start + match.offset.length
        const found = text.slice(start, end)
        end -= EDGE_PUNCTUATION_END.exec(found)?.[0].length ?? 0
        start += EDGE_PUNCTUATION_START.exec(found)?.[0].length ?? 0
        const trimmed = trimSelection(text, start, end)
        if (trimmed) entities.push({ type, ...trimmed })
      }
    }
    // a slice of about 20 ms at most between turns of the event loop
    if (performance.now() - since > 20) {
      await yieldToEventLoop()
      since = performance.now()
    }
  }
  return entities
}

/** The model's suggestions for a text under the project's mapping (code point offsets). */
export function mapEntities(text: string, entities: ModelEntity[], mapping: SuggestSettings['modelMapping'], labels: readonly string[]): Suggestion[] {
  const offsets = new OffsetMap(text)
  const suggestions: Suggestion[] = []
  for (const entity of entities) {
    const label = mapping[entity.type]
    if (!label || !labels.includes(label)) continue
    suggestions.push({ start: offsets.toCodePoint(entity.start), end: offsets.toCodePoint(entity.end), label, source: 'model' })
  }
  return suggestions
}

/** Model types the mapping sends to one of the labels. */
export function mappedTypes(mapping: SuggestSettings['modelMapping'], labels: readonly string[]): Set<ModelType> {
  return new Set((Object.entries(mapping) as [ModelType, string | null][]).filter(([, label]) => label && labels.includes(label)).map(([type]) => type))
}
