// An inverted index of the words of every document, so that project search reads only the
// documents that can match instead of all of them. It narrows, never decides: a document is a
// candidate when it has words that a match of the query would need (e.g. for "ship pri", a
// word ending in "ship" and a word starting with "pri"), and the search then looks for the
// query in each candidate's text exactly as a full scan does, so the hits are the same.
//
// Why not minisearch or flexsearch: both rank documents by relevance over whole words or
// prefixes, while project search finds every occurrence of any substring; what they would add
// is scoring we do not use, at several times the memory (a JS object or array per posting):
// 100,000 documents hold ~25 million (word, document) pairs. Here each word's documents are
// one byte array of delta-encoded varints (~1 byte a pair), ~30 MiB at that size.
//
// Derived data: built from the document files (in the background, in slices), kept up to date
// as documents are added or removed (the listing index tells), cached in .spanwise/cache.
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/** What a word is for the index: letters, digits and marks (the query is split the same way). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
const CACHE_FORMAT = 1

/** One word's documents: ordinals, ascending, as varint deltas. */
class Postings {
  bytes: Uint8Array
  length = 0
  last = -1
  count = 0

  constructor(bytes = new Uint8Array(8), length = 0, last = -1, count = 0) {
    this.bytes = bytes
    this.length = length
    this.last = last
    this.count = count
  }

  add(ordinal: number): void {
    if (this.length + 5 > this.bytes.length) {
      const grown = new Uint8Array(Math.max(16, this.bytes.length * 2))
      grown.set(this.bytes.subarray(0, this.length))
      this.bytes = grown
    }
    let delta = ordinal - this.last
    this.last = ordinal
    this.count++
    while (delta >= 0x80) {
      this.bytes[this.length++] = (delta & 0x7f) | 0x80
      delta >>>= 7
    }
    this.bytes[this.length++] = delta
  }

  /** Calls `visit` with each ordinal, ascending. */
  forEach(visit: (ordinal: number) => void): void {
    let ordinal = -1
    let delta = 0
    let shift = 0
    for (let i = 0; i < this.length; i++) {
      const byte = this.bytes[i]!
      delta |= (byte & 0x7f) << shift
      if (byte & 0x80) {
        shift += 7
        continue
      }
      ordinal += delta
      visit(ordinal)
      delta = 0
      shift = 0
    }
  }

  /** Marks each ordinal in `into`. */
  markInto(into: Uint8Array): void {
    this.forEach((ordinal) => (into[ordinal] = 1))
  }
}

export class TextIndex {
  private readonly ids: string[] = []
  private readonly ordinals = new Map<string, number>()
  private readonly terms = new Map<string, Postings>()
  /** Documents whose lower-cased text differs in length (e.g. 'İ'): searched case-sensitively, always candidates. */
  private readonly always = new Set<string>()
  /** Changed since the cache was written. */
  dirty = false

  get size(): number {
    return this.ordinals.size
  }

  has(id: string): boolean {
    return this.ordinals.has(id)
  }

  /** Every indexed document id. */
  documentIds(): IterableIterator<string> {
    return this.ordinals.keys()
  }

  add(id: string, text: string): void {
    if (this.ordinals.has(id)) this.remove(id)
    const ordinal = this.ids.length
    this.ids.push(id)
    this.ordinals.set(id, ordinal)
    const lower = text.toLocaleLowerCase()
    if (lower.length !== text.length) this.always.add(id)
    const seen = new Set<string>()
    for (const [word] of lower.matchAll(WORD)) {
      if (seen.has(word)) continue
      seen.add(word)
      let postings = this.terms.get(word)
      if (!postings) this.terms.set(word, (postings = new Postings()))
      postings.add(ordinal)
    }
    this.dirty = true
  }

  /** Forgets a document (its ordinal stays in the postings, pointing nowhere, until the index is rebuilt). */
  remove(id: string): void {
    this.ordinals.delete(id)
    this.always.delete(id)
    this.dirty = true
  }

  /**
   * The indexed documents that can contain `query` (as a full scan compares: lower-cased), or
   * null when the words cannot narrow it (a query of punctuation only).
   */
  candidates(query: string): Set<string> | null {
    const needle = query.toLocaleLowerCase()
    const words = [...needle.matchAll(WORD)]
    if (words.length === 0) return null
    let marked: Uint8Array | null = null
    for (const match of words) {
      const word = match[0]
      const atStart = match.index === 0
      const atEnd = match.index + word.length === needle.length
      // inside the query a word is whole; at its ends it may be part of a longer word
      const fits = (term: string) =>
        atStart && atEnd ? term.includes(word) : atStart ? term.endsWith(word) : atEnd ? term.startsWith(word) : term === word
      const lists: Postings[] = []
      if (!atStart && !atEnd) {
        const postings = this.terms.get(word)
        if (postings) lists.push(postings)
      } else {
        for (const [term, postings] of this.terms) if (fits(term)) lists.push(postings)
      }
      // a fragment in most words ("e") narrows nothing: not worth decoding every list
      if (lists.reduce((sum, postings) => sum + postings.count, 0) > 4 * this.ids.length) continue
      const these = new Uint8Array(this.ids.length)
      for (const postings of lists) postings.markInto(these)
      if (marked) for (let i = 0; i < marked.length; i++) marked[i] = marked[i]! & these[i]!
      else marked = these
    }
    if (marked === null) return null
    const found = new Set<string>(this.always)
    for (let ordinal = 0; ordinal < marked.length; ordinal++) {
      if (!marked[ordinal]) continue
      const id = this.ids[ordinal]!
      if (this.ordinals.get(id) === ordinal) found.add(id)
    }
    return found
  }

  /** Writes the index to `file` (a temporary file renamed over: never half a file). */
  save(file: string): void {
    // ordinals of removed documents are dropped: the saved index is compact
    const live = [...this.ordinals.entries()].sort((a, b) => a[1] - b[1])
    const renumber = new Int32Array(this.ids.length).fill(-1)
    live.forEach(([, ordinal], index) => (renumber[ordinal] = index))
    const terms: [string, number, number, number][] = []
    const chunks: Uint8Array[] = []
    const compacting = live.length !== this.ids.length
    for (const [term, postings] of this.terms) {
      let kept = postings
      if (compacting) {
        kept = new Postings()
        postings.forEach((ordinal) => renumber[ordinal]! >= 0 && kept.add(renumber[ordinal]!))
      }
      if (kept.count === 0) continue
      terms.push([term, kept.length, kept.last, kept.count])
      chunks.push(kept.bytes.subarray(0, kept.length))
    }
    const header = Buffer.from(JSON.stringify({ format: CACHE_FORMAT, ids: live.map(([id]) => id), always: [...this.always], terms }))
    const size = Buffer.alloc(4)
    size.writeUInt32LE(header.length)
    mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, Buffer.concat([size, header, ...chunks]))
    renameSync(temporary, file)
    this.dirty = false
  }

  /** An index read from `file`, or null when there is none or it cannot be used (then it is rebuilt). */
  static load(file: string): TextIndex | null {
    try {
      const bytes = readFileSync(file)
      const headerLength = bytes.readUInt32LE(0)
      const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as {
        format: number
        ids: string[]
        always: string[]
        terms: [string, number, number, number][]
      }
      if (header.format !== CACHE_FORMAT) return null
      const index = new TextIndex()
      header.ids.forEach((id, ordinal) => {
        index.ids.push(id)
        index.ordinals.set(id, ordinal)
      })
      header.always.forEach((id) => index.always.add(id))
      let at = 4 + headerLength
      for (const [term, length, last, count] of header.terms) {
        // a copy per word: a view would keep the whole file's buffer alive through any one word
        index.terms.set(term, new Postings(bytes.slice(at, at + length), length, last, count))
        at += length
      }
      return index
    } catch {
      return null
    }
  }
}
