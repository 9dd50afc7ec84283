// Each suggestion source on a real project folder: the analyst's own labels across documents,
// dictionaries imported as text and CSV, patterns, the model under an edited mapping; rejections
// that stay; and python3 slicing every suggestion's code point offsets.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandlers } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { ProjectStore } from '../../../src/main/store/project-store'
import { suggestForDocument, suggestProject } from '../../../src/main/suggest/suggest-service'
import { mapEntities, type ModelEntity } from '../../../src/main/suggest/model'
import { parseDictionary } from '../../../src/main/suggest/dictionaries'
import type { Suggestion } from '../../../src/shared/suggest/types'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ARTICLE_A = '👍🏽 Prime Minister Benjamin Netanyahu said Hamas holds 48 hostages. Netanyahu’s office in 東京 and حماس replied.'
const ARTICLE_B = 'Netanyahu met Hamas in Cairo 🎉. Netanyahus is not a name; NETANYAHU shouted. 41,200 Palestinians died.'

let store: ProjectStore
let ids: string[]

/** Code point offsets of the first `needle` in `text` (what Python's str.find gives). */
function at(text: string, needle: string): { start: number; end: number } {
  const index = text.indexOf(needle)
  const start = [...text.slice(0, index)].length
  return { start, end: start + [...needle].length }
}

function textsOf(text: string, suggestions: Suggestion[]): string[] {
  const points = [...text]
  return suggestions.map((s) => `${points.slice(s.start, s.end).join('')}:${s.label}:${s.source}`)
}

/** python3 slices each document's text at each suggestion's offsets and must get `expected`. */
function pythonSlices(records: { text: string; suggestions: { start: number; end: number; expected: string }[] }[]): void {
  const script = `
import json, sys
for record in json.load(open(sys.argv[1], encoding="utf-8")):
    for s in record["suggestions"]:
        got = record["text"][s["start"]:s["end"]]
        if got != s["expected"]:
            print("MISMATCH", repr(got), repr(s["expected"])); sys.exit(1)
print("OK")
`
  const file = path.join(store.folder, 'slices.json')
  writeFileSync(file, JSON.stringify(records))
  const result = spawnSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })
  expect(result.stdout.trim()).toBe('OK')
}

beforeEach(async () => {
  const dir = await tempDir()
  store = await ProjectStore.open(path.join(dir, 'project'), { create: true })
  const { ids: made } = await store.addDocuments([
    { text: ARTICLE_A, title: 'A', meta: {} },
    { text: ARTICLE_B, title: 'B', meta: {} }
  ])
  ids = made
})
afterAll(removeTempDirs)

describe('own labels', () => {
  it('proposes the other occurrences of a labelled text, in this document and across the project', async () => {
    await store.saveLayer(ids[0]!, 'ana', { spans: [{ id: 's1', label: 'actor', ...at(ARTICLE_A, 'Netanyahu') }] })
    const inA = await suggestForDocument(store, 'ana', ids[0]!, ['own'])
    // the labelled one is offered too: the editor hides what a span covers
    expect(textsOf(ARTICLE_A, inA.suggestions)).toEqual(['Netanyahu:actor:own', 'Netanyahu:actor:own'])
    const inB = await suggestForDocument(store, 'ana', ids[1]!, ['own'])
    // whole words and exact case: not "Netanyahus", not "NETANYAHU"
    expect(textsOf(ARTICLE_B, inB.suggestions)).toEqual(['Netanyahu:actor:own'])
    // code point offsets, past the emoji: python3 slices each one back to the name
    pythonSlices([
      { text: ARTICLE_A, suggestions: inA.suggestions.map((s) => ({ ...s, expected: 'Netanyahu' })) },
      { text: ARTICLE_B, suggestions: inB.suggestions.map((s) => ({ ...s, expected: 'Netanyahu' })) }
    ])
    // another annotator's labels are theirs alone
    expect((await suggestForDocument(store, 'ben', ids[1]!, ['own'])).suggestions).toEqual([])
  })
})

describe('dictionaries', () => {
  it('imports plain lists and CSV, and finds the entries as whole words with the case rule', async () => {
    const handlers = createHandlers(new Session(store, 'ana'))
    const upload = (name: string, content: string) => ({ name, base64: Buffer.from(content).toString('base64') })
    const scope = { annotator: 'ana' }
    const imported = await handlers['suggest.importDictionary']({ files: [upload('actors.txt', 'Hamas\n# a comment\n\nحماس\n東京\nHamas\n')], label: 'actor' }, scope)
    expect(imported.added).toEqual({ actor: 3 })
    const csv = await handlers['suggest.importDictionary']({ files: [upload('more.csv', 'text,label\ncairo,actor\n"41,200 Palestinians",figure\n')] }, scope)
    expect(csv.added).toEqual({ actor: 1, figure: 1 })
    expect(csv.dictionaries).toEqual([{ label: 'actor', entries: 4 }, { label: 'figure', entries: 1 }])
    expect(await readFile(path.join(store.folder, 'suggest', 'dictionaries', 'actor.txt'), 'utf8')).toBe('Hamas\nحماس\n東京\ncairo\n')
    const a = await suggestForDocument(store, 'ana', ids[0]!, ['dictionary'])
    expect(textsOf(ARTICLE_A, a.suggestions)).toEqual(['Hamas:actor:dictionary', '東京:actor:dictionary', 'حماس:actor:dictionary'])
    const b = await suggestForDocument(store, 'ana', ids[1]!, ['dictionary'])
    // "cairo" in lower case matches "Cairo"
    expect(textsOf(ARTICLE_B, b.suggestions)).toEqual(['Hamas:actor:dictionary', 'Cairo:actor:dictionary', '41,200 Palestinians:figure:dictionary'])
    pythonSlices([
      { text: ARTICLE_A, suggestions: a.suggestions.map((s) => ({ ...s, expected: [...ARTICLE_A].slice(s.start, s.end).join('') })) },
      { text: ARTICLE_B, suggestions: b.suggestions.map((s, i) => ({ ...s, expected: ['Hamas', 'Cairo', '41,200 Palestinians'][i]! })) }
    ])
  })

  it('names the file and line of a bad entry, and writes nothing', () => {
    expect(() => parseDictionary('team.csv', 'Hamas,actor\nIDF,organisation\n', undefined, ['actor', 'figure'])).toThrow('team.csv, line 2: unknown label "organisation"')
    expect(() => parseDictionary('plain.txt', 'Hamas\n', undefined, ['actor'])).toThrow(/plain.txt: a plain list needs a label/)
  })
})

describe('patterns', () => {
  it('uses the project patterns, saved with the version they were read at', async () => {
    const handlers = createHandlers(new Session(store, 'ana'))
    const scope = { annotator: 'ana' }
    const info = await handlers['suggest.settings']({}, scope)
    expect(info.version).toBe('absent')
    const settings = { ...info.settings, patterns: [{ label: 'figure', kind: 'regex' as const, pattern: '\\d[\\d,]* (?:hostages|Palestinians)' }] }
    const saved = await handlers['suggest.saveSettings']({ baseVersion: info.version, settings }, scope)
    // a second save from the old version is a conflict, not an overwrite
    await expect(handlers['suggest.saveSettings']({ baseVersion: info.version, settings }, scope)).rejects.toMatchObject({ code: 'conflict' })
    await expect(handlers['suggest.saveSettings']({ baseVersion: saved.version, settings: { ...settings, patterns: [{ label: 'figure', kind: 'regex', pattern: '(' }] } }, scope)).rejects.toThrow(/pattern 1/)
    const a = await suggestForDocument(store, 'ana', ids[0]!, ['patterns'])
    const b = await suggestForDocument(store, 'ana', ids[1]!, ['patterns'])
    expect(textsOf(ARTICLE_A, a.suggestions)).toEqual(['48 hostages:figure:patterns'])
    expect(textsOf(ARTICLE_B, b.suggestions)).toEqual(['41,200 Palestinians:figure:patterns'])
    expect(a.suggestions[0]).toMatchObject(at(ARTICLE_A, '48 hostages'))
  })
})

describe('the offline model', () => {
  it('maps the model types to the project labels, as the mapping says', () => {
    const text = '😀 Ann met Acme in Oslo: 5%'
    const utf16 = (needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length })
    const entities: ModelEntity[] = [
      { type: 'person', ...utf16('Ann') },
      { type: 'organization', ...utf16('Acme') },
      { type: 'place', ...utf16('Oslo') },
      { type: 'percent', ...utf16('5%') }
    ]
    const labels = ['actor', 'figure', 'org']
    const mapped = mapEntities(text, entities, { person: 'actor', organization: 'org', place: null, percent: 'figure' }, labels)
    expect(textsOf(text, mapped)).toEqual(['Ann:actor:model', 'Acme:org:model', '5%:figure:model'])
    // a type mapped to a label the project does not have suggests nothing
    expect(mapEntities(text, entities, { person: 'nobody' }, labels)).toEqual([])
  })

  it('finds people, organisations, places and figures in a news text, offsets in code points', async () => {
    const text = '🎉🎉 Prime Minister Benjamin Netanyahu spoke in Jerusalem. The United Nations said $2.5 billion was needed, about 60% more.'
    const [id] = (await store.addDocuments([{ text, title: 'model', meta: {} }])).ids
    const { suggestions } = await suggestForDocument(store, 'ana', id!, ['model'])
    const found = textsOf(text, suggestions)
    expect(found).toContain('Benjamin Netanyahu:actor:model')
    expect(found).toContain('Jerusalem:actor:model')
    expect(found).toContain('United Nations:actor:model')
    expect(found.some((f) => f.startsWith('$2.5') && f.endsWith(':figure:model'))).toBe(true)
    expect(found).toContain('60%:figure:model')
    // the mapping is the project's: with places mapped to nothing, Jerusalem is not suggested
    const handlers = createHandlers(new Session(store, 'ana'))
    const info = await handlers['suggest.settings']({}, { annotator: 'ana' })
    await handlers['suggest.saveSettings']({ baseVersion: info.version, settings: { ...info.settings, modelMapping: { ...info.settings.modelMapping, place: null } } }, { annotator: 'ana' })
    expect(textsOf(text, (await suggestForDocument(store, 'ana', id!, ['model'])).suggestions)).not.toContain('Jerusalem:actor:model')
    pythonSlices([{ text, suggestions: suggestions.map((s) => ({ ...s, expected: [...text].slice(s.start, s.end).join('') })) }])
    expect(suggestions.find((s) => s.start === at(text, 'Jerusalem').start)).toMatchObject(at(text, 'Jerusalem'))
    // (the model's first reading loads its lexicon: seconds on a busy machine)
  }, 120_000)
})

describe('rejections', () => {
  it('stay gone for that document and that annotator, and a stale rejection is a conflict', async () => {
    const handlers = createHandlers(new Session(store, 'ana'))
    const scope = { annotator: 'ana' }
    await store.saveLayer(ids[0]!, 'ana', { spans: [{ id: 's1', label: 'actor', ...at(ARTICLE_A, 'Hamas') }] })
    const before = await handlers['suggestions.document']({ documentId: ids[1]!, sources: ['own'] }, scope)
    expect(textsOf(ARTICLE_B, before.suggestions)).toEqual(['Hamas:actor:own'])
    const rejected = await handlers['suggestions.reject']({ documentId: ids[1]!, baseVersion: before.version, suggestions: [before.suggestions[0]!] }, scope)
    await expect(handlers['suggestions.reject']({ documentId: ids[1]!, baseVersion: before.version, suggestions: [before.suggestions[0]!] }, scope)).rejects.toMatchObject({ code: 'conflict' })
    const after = await handlers['suggestions.document']({ documentId: ids[1]!, sources: ['own'] }, scope)
    expect(after.suggestions).toEqual([])
    expect(after.version).toBe(rejected.version)
    // stored in the annotator's own folder, one file per document
    const file = JSON.parse(await readFile(path.join(store.folder, 'annotations', 'ana', 'suggestions', `${ids[1]}.json`), 'utf8'))
    expect(file.rejected).toEqual([{ ...at(ARTICLE_B, 'Hamas'), label: 'actor' }])
  })
})

describe('a project run', () => {
  it('stores suggestions for review, or adds them as spans with accept, leaving out what is rejected or covered', async () => {
    await store.saveLayer(ids[0]!, 'ana', { spans: [{ id: 's1', label: 'actor', ...at(ARTICLE_A, 'Netanyahu') }] })
    const stored = await suggestProject(store, 'ana', { sources: ['own', 'patterns'], accept: false })
    // actor: Netanyahu in A (the second one) and B; figure: the default pattern's "48 hostages", "41,200 Palestinians"
    expect(stored.labels).toEqual({ actor: 2, figure: 2 })
    // stored suggestions are no spans
    expect((await store.getLayer(ids[1]!, 'ana')).spans).toEqual([])
    const review = await suggestForDocument(store, 'ana', ids[1]!, ['own', 'patterns'])
    expect(textsOf(ARTICLE_B, review.suggestions)).toContain('Netanyahu:actor:own')
    const accepted = await suggestProject(store, 'ana', { sources: ['own', 'patterns'], accept: true })
    expect(accepted.labels).toEqual({ actor: 2, figure: 2 })
    const layerB = await store.getLayer(ids[1]!, 'ana')
    expect(textsOf(ARTICLE_B, layerB.spans.map((s) => ({ ...s, source: 'own' as const })))).toEqual(['Netanyahu:actor:own', '41,200 Palestinians:figure:own'])
    // a second run adds nothing: every suggestion is covered now
    expect((await suggestProject(store, 'ana', { sources: ['own', 'patterns'], accept: true })).labels).toEqual({})
  })
})
