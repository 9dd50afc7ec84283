// Dictionaries: a list of names per label, stored as suggest/dictionaries/<label>.txt (one entry
// a line, UTF-8), so a teammate reads and diffs them like any text. Imported from plain text (one
// entry a line, for a label chosen at import) or CSV (`text,label` rows, a header optional).
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import Papa from 'papaparse'
import { PhraseMatcher } from '../../shared/suggest/phrases'
import { writeFileAtomicSync } from '../store/json-file'
import { StoreError } from '../store/errors'
import { dictionariesDir, dictionaryFile } from './layout'

export interface DictionaryEntry {
  text: string
  label: string
}

export interface DictionarySummary {
  label: string
  entries: number
}

/** Entries longer than this are not names. */
const MAX_ENTRY = 200

/** The labels that have a dictionary, and how many entries each holds. */
export function listDictionaries(folder: string): DictionarySummary[] {
  return dictionaryLabels(folder).map((label) => ({ label, entries: readDictionary(folder, label).length }))
}

function dictionaryLabels(folder: string): string[] {
  try {
    return readdirSync(dictionariesDir(folder))
      .filter((name) => name.endsWith('.txt') && !name.startsWith('.'))
      .map((name) => name.slice(0, -'.txt'.length))
      .sort()
  } catch {
    return []
  }
}

export function readDictionary(folder: string, label: string): string[] {
  try {
    return readFileSync(dictionaryFile(folder, label), 'utf8')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'))
  } catch {
    return []
  }
}

/**
 * Reads an uploaded list: CSV (`.csv`: text,label rows) or plain text (one entry a line, all of
 * `label`). Errors name the file and line.
 */
export function parseDictionary(name: string, content: string, label: string | undefined, knownLabels: string[]): DictionaryEntry[] {
  const entries: DictionaryEntry[] = []
  const check = (text: string, entryLabel: string, line: number) => {
    if (!knownLabels.includes(entryLabel)) throw new StoreError('invalid_input', `${name}, line ${line}: unknown label "${entryLabel}" (the project's labels: ${knownLabels.join(', ')})`)
    if (text.length > MAX_ENTRY) throw new StoreError('invalid_input', `${name}, line ${line}: an entry longer than ${MAX_ENTRY} characters`)
    if (/[\r\n]/.test(text)) throw new StoreError('invalid_input', `${name}, line ${line}: an entry holds a line break`)
  }
  if (/\.csv$/i.test(name)) {
    const parsed = Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
    if (parsed.errors[0]) throw new StoreError('invalid_input', `${name}, line ${parsed.errors[0].row === undefined ? '?' : parsed.errors[0].row + 1}: ${parsed.errors[0].message}`)
    parsed.data.forEach((row, index) => {
      const [text = '', rowLabel = ''] = row.map((cell) => cell.trim())
      if (index === 0 && text.toLowerCase() === 'text' && rowLabel.toLowerCase() === 'label') return
      if (row.length < 2 || text === '') throw new StoreError('invalid_input', `${name}, line ${index + 1}: expected "text,label"`)
      check(text, rowLabel, index + 1)
      entries.push({ text, label: rowLabel })
    })
    return entries
  }
  if (!label) throw new StoreError('invalid_input', `${name}: a plain list needs a label (or import a CSV file of text,label rows)`)
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const text = raw.trim()
      if (text === '' || text.startsWith('#')) return
      check(text, label, index + 1)
      entries.push({ text, label })
    })
  return entries
}

/** Adds entries to the labels' dictionaries (each entry once); returns how many were new per label. */
export function addToDictionaries(folder: string, entries: DictionaryEntry[]): Record<string, number> {
  const byLabel = new Map<string, string[]>()
  for (const entry of entries) {
    const list = byLabel.get(entry.label)
    if (list) list.push(entry.text)
    else byLabel.set(entry.label, [entry.text])
  }
  const added: Record<string, number> = {}
  mkdirSync(dictionariesDir(folder), { recursive: true })
  for (const [label, texts] of byLabel) {
    const existing = readDictionary(folder, label)
    const known = new Set(existing)
    const fresh = [...new Set(texts)].filter((text) => !known.has(text))
    added[label] = fresh.length
    if (fresh.length > 0) writeFileAtomicSync(dictionaryFile(folder, label), [...existing, ...fresh].join('\n') + '\n')
  }
  return added
}

let cached: { key: string; matcher: PhraseMatcher } | null = null

/** One matcher over every dictionary of the project's labels, rebuilt when a dictionary file changes. */
export function dictionaryMatcher(folder: string, labels: string[]): PhraseMatcher {
  const present = dictionaryLabels(folder).filter((label) => labels.includes(label))
  const key = [folder, ...present.map((label) => {
    const info = statSync(dictionaryFile(folder, label), { throwIfNoEntry: false })
    return `${label}:${info?.mtimeMs}:${info?.size}`
  })].join('|')
  if (cached?.key === key) return cached.matcher
  const matcher = new PhraseMatcher()
  for (const label of present) for (const entry of readDictionary(folder, label)) matcher.add(entry, label)
  cached = { key, matcher }
  return matcher
}

