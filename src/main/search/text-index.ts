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
// as documents are added or removed (the listing index tells), cached in .spanwise/cache. The
// cache is one binary file read in one go: the ids and words as two strings, each word's
// postings a view into the file's bytes (no copy, no JSON), so a restart is ready in
// milliseconds rather than the seconds that parsing 25 million postings would take.
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import path from 'node:path'

/** What a word is for the index: letters, digits and marks (the query is split the same way). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu
/** The cache file's first bytes ("SWSI") and its format: another format is rebuilt. */
const MAGIC = 0x49535753
const CACHE_FORMAT = 5
const HEADER_BYTES = 40

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
    // (a list loaded from the cache is a view of the file's bytes, exactly full: the first
    // addition copies it, so the file's bytes are never written to)
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
    let ordinal = -1
    let delta = 0
    let shift = 0
    const bytes = this.bytes
    for (let i = 0; i < this.length; i++) {
      const byte = bytes[i]!
      delta |= (byte & 0x7f) << shift
      if (byte & 0x80) {
        shift += 7
        continue
      }
      ordinal += delta
      into[ordinal] = 1
      delta = 0
      shift = 0
    }
  }
}

/** Where the words that a query word fits are, in a list of words joined by newlines ("\nw1\nw2\n"). */
function patternOf(word: string, atStart: boolean, atEnd: boolean): string {
  // inside the query a word is whole; at its ends it may be part of a longer word
  return atStart && atEnd ? word : atStart ? `${word}\n` : atEnd ? `\n${word}` : `\n${word}\n`
}

export class TextIndex {
  /** Each ordinal's document id (an ordinal whose document was removed keeps it, pointing nowhere). */
  private ids: string[] = []
  /**
   * The cache's documents (ordinals below `baseOrder.length`) are found by a binary search of
   * their ids in id order (no hash table of 100,000 ids to build at every start); those added
   * since, in `added`. A removed document's ordinal is `dead`.
   */
  private baseOrder = new Int32Array(0)
  private readonly added = new Map<string, number>()
  private dead = new Uint8Array(64)
  private live = 0
  /**
   * The words as loaded from the cache, never changed: one string ("\nw1\nw2\n", searched with
   * indexOf, not one string per word), where each starts, and each one's postings as
   * [offset, length, count] in the file's postings, read when a query needs them (the file is
   * kept open: replaced by a later save, it is still the one these tables describe). Ordinals
   * added since are in `terms`.
   */
  private baseWords = '\n'
  private baseStarts = new Uint32Array(0)
  private baseTable = new Uint32Array(0)
  private baseFile: { fd: number; postingsAt: number; postingsLength: number } | null = null
  /** Postings of the documents added since the cache was read (all of them when there was none). */
  private readonly terms = new Map<string, Postings>()
  /** Documents (ordinals) whose lower-cased text differs in length (e.g. 'İ'): searched case-sensitively, always candidates. */
  private readonly always = new Set<number>()
  /** The live ordinals sorted by id (the order a search reads documents in), for ordinals below `orderedUpTo`. */
  private order = new Int32Array(0)
  private orderedUpTo = 0
  /** A document was removed since `order` was made (it is filtered out at the next use). */
  private orderHasDead = false
  /** Changed since the cache was written. */
  dirty = false
  /** The stat of the documents' folder when this index last held exactly its documents ('' if unknown). */
  folderStamp = ''

  get size(): number {
    return this.live
  }

  /** Ordinals handed out so far (the length of a `match` marking). */
  get ordinalCount(): number {
    return this.ids.length
  }

  has(id: string): boolean {
    return this.ordinalOf(id) !== undefined
  }

  /** The ordinal of `id`, when it is indexed. */
  ordinalOf(id: string): number | undefined {
    const added = this.added.get(id)
    if (added !== undefined) return added
    let low = 0
    let high = this.baseOrder.length
    while (low < high) {
      const mid = (low + high) >>> 1
      if (this.ids[this.baseOrder[mid]!]! < id) low = mid + 1
      else high = mid
    }
    const ordinal = this.baseOrder[low]
    return ordinal !== undefined && this.ids[ordinal] === id && !this.dead[ordinal] ? ordinal : undefined
  }

  isLive(ordinal: number): boolean {
    return ordinal < this.ids.length && !this.dead[ordinal]
  }

  idAt(ordinal: number): string {
    return this.ids[ordinal]!
  }

  /** Every indexed document id. */
  *documentIds(): Generator<string> {
    for (let ordinal = 0; ordinal < this.ids.length; ordinal++) if (!this.dead[ordinal]) yield this.ids[ordinal]!
  }

  add(id: string, text: string): void {
    this.remove(id)
    const ordinal = this.ids.length
    this.ids.push(id)
    this.added.set(id, ordinal)
    this.live++
    if (ordinal >= this.dead.length) {
      const grown = new Uint8Array(this.dead.length * 2)
      grown.set(this.dead)
      this.dead = grown
    }
    const lower = text.toLocaleLowerCase()
    if (lower.length !== text.length) this.always.add(ordinal)
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

  /** Forgets a document (its ordinal stays in the postings, pointing nowhere, until the index is saved). */
  remove(id: string): void {
    const ordinal = this.ordinalOf(id)
    if (ordinal === undefined) return
    this.dead[ordinal] = 1
    this.added.delete(id)
    this.always.delete(ordinal)
    this.live--
    this.orderHasDead = true
    this.dirty = true
  }

  /** The live ordinals sorted by document id: the previous order kept, only documents added since sorted and merged in. */
  inOrder(): Int32Array {
    if (this.orderedUpTo === this.ids.length && !this.orderHasDead) return this.order
    const live = (ordinal: number) => !this.dead[ordinal]
    const kept = this.orderHasDead ? this.order.filter(live) : this.order
    const added: number[] = []
    for (let ordinal = this.orderedUpTo; ordinal < this.ids.length; ordinal++) if (live(ordinal)) added.push(ordinal)
    added.sort((a, b) => compareIds(this.ids[a]!, this.ids[b]!))
    const merged = new Int32Array(kept.length + added.length)
    let i = 0
    let j = 0
    let k = 0
    while (i < kept.length || j < added.length) {
      if (j >= added.length || (i < kept.length && compareIds(this.ids[kept[i]!]!, this.ids[added[j]!]!) < 0)) merged[k++] = kept[i++]!
      else merged[k++] = added[j++]!
    }
    this.order = merged
    this.orderedUpTo = this.ids.length
    this.orderHasDead = false
    return merged
  }

  /**
   * The postings of every word that `word` fits (see `patternOf`): those added since the cache was
   * read, and the cache's words (read by `read`); `count`: the documents they list in all.
   */
  private postingsOf(word: string, atStart: boolean, atEnd: boolean): { count: number; read: () => Postings[] } {
    const lists: Postings[] = []
    const terms: number[] = []
    let count = 0
    const pattern = patternOf(word, atStart, atEnd)
    const skip = pattern.startsWith('\n') ? 1 : 0
    let previous = -1
    for (let at = this.baseWords.indexOf(pattern); at >= 0; at = this.baseWords.indexOf(pattern, at + 1)) {
      const term = lastAtOrBelow(this.baseStarts, at + skip)
      // ("\n" is no word's: a match never spans two words; one word may hold a fragment twice)
      if (term === previous) continue
      previous = term
      terms.push(term)
      count += this.baseTable[term * 3 + 2]!
    }
    if (!atStart && !atEnd) {
      const postings = this.terms.get(word)
      if (postings) lists.push(postings)
    } else {
      const fits = (term: string) => (atStart && atEnd ? term.includes(word) : atStart ? term.endsWith(word) : term.startsWith(word))
      for (const [term, postings] of this.terms) if (fits(term)) lists.push(postings)
    }
    for (const postings of lists) count += postings.count
    return { count, read: () => [...lists, ...terms.map((term) => this.basePostings(term))] }
  }

  /** A word of the cache's postings, read from the file (`all`: the whole of them, read already). */
  private basePostings(term: number, all?: Uint8Array<ArrayBuffer>): Postings {
    const [offset, length, count] = [this.baseTable[term * 3]!, this.baseTable[term * 3 + 1]!, this.baseTable[term * 3 + 2]!]
    if (all) return new Postings(all.subarray(offset, offset + length), length, -1, count)
    const bytes = new Uint8Array(length)
    const file = this.baseFile!
    if (readSync(file.fd, bytes, 0, length, file.postingsAt + offset) !== length) throw new Error('the search index cache was cut short')
    return new Postings(bytes, length, -1, count)
  }

  /**
   * Marks (by ordinal, 1) the documents that can contain `query` (as a full scan compares:
   * lower-cased); null when the words cannot narrow it (a query of punctuation only, or of
   * fragments found in most words). Ordinals of removed documents may be marked: read the
   * marks through `inOrder`.
   */
  match(query: string): Uint8Array | null {
    const needle = query.toLocaleLowerCase()
    const words = [...needle.matchAll(WORD)]
    if (words.length === 0) return null
    let marked: Uint8Array | null = null
    for (const match of words) {
      const word = match[0]
      const lists = this.postingsOf(word, match.index === 0, match.index + word.length === needle.length)
      // a fragment in most words ("e") narrows nothing: not worth reading every list
      if (lists.count > 4 * this.ids.length) continue
      const these = new Uint8Array(this.ids.length)
      for (const postings of lists.read()) postings.markInto(these)
      if (marked) for (let i = 0; i < marked.length; i++) marked[i] = marked[i]! & these[i]!
      else marked = these
    }
    if (marked === null) return null
    for (const ordinal of this.always) marked[ordinal] = 1
    return marked
  }

  /** The indexed documents that can contain `query`, sorted; null when the words cannot narrow it. */
  candidates(query: string): string[] | null {
    const marked = this.match(query)
    if (marked === null) return null
    return [...this.inOrder()].filter((ordinal) => marked[ordinal]).map((ordinal) => this.ids[ordinal]!)
  }

  /** Every word with its postings: the cache's and those added since joined (ordinals added since are all higher). */
  private *allPostings(): Generator<[string, Postings]> {
    const words = this.baseWords.slice(1, -1)
    const base = words === '' ? [] : words.split('\n')
    const file = this.baseFile
    const all = new Uint8Array(file?.postingsLength ?? 0)
    if (file && readSync(file.fd, all, 0, all.length, file.postingsAt) !== all.length) throw new Error('the search index cache was cut short')
    for (let term = 0; term < base.length; term++) {
      let postings = this.basePostings(term, all)
      const added = this.terms.get(base[term]!)
      if (added) {
        const joined = new Postings()
        postings.forEach((ordinal) => joined.add(ordinal))
        added.forEach((ordinal) => joined.add(ordinal))
        postings = joined
      }
      yield [base[term]!, postings]
    }
    const inBase = new Set(base)
    for (const [term, postings] of this.terms) if (!inBase.has(term)) yield [term, postings]
  }

  /** Writes the index to `file` (a temporary file renamed over: never half a file). */
  save(file: string): void {
    // ordinals of removed documents are dropped: the saved index is compact
    const order = this.inOrder()
    let ids = this.ids
    let renumber: Int32Array | null = null
    if (this.live !== this.ids.length) {
      renumber = new Int32Array(this.ids.length).fill(-1)
      ids = []
      for (let ordinal = 0; ordinal < this.ids.length; ordinal++) {
        if (this.dead[ordinal]) continue
        renumber[ordinal] = ids.length
        ids.push(this.ids[ordinal]!)
      }
    }
    const terms: string[] = []
    const starts: number[] = []
    const table: number[] = []
    const chunks: Uint8Array[] = []
    let wordsLength = 1
    let offset = 0
    for (const [term, postings] of this.allPostings()) {
      let kept = postings
      if (renumber) {
        kept = new Postings()
        postings.forEach((ordinal) => renumber[ordinal]! >= 0 && kept.add(renumber[ordinal]!))
      }
      if (kept.count === 0) continue
      terms.push(term)
      starts.push(wordsLength)
      wordsLength += term.length + 1
      table.push(offset, kept.length, kept.count)
      offset += kept.length
      chunks.push(kept.bytes.subarray(0, kept.length))
    }
    const stampBytes = Buffer.from(this.folderStamp)
    const idBytes = Buffer.from(ids.join('\n'))
    const wordBytes = Buffer.from(`\n${terms.join('\n')}\n`)
    const pad = Buffer.alloc((4 - ((stampBytes.length + idBytes.length + wordBytes.length) % 4)) % 4)
    const always = Uint32Array.from([...this.always], (ordinal) => renumber?.[ordinal] ?? ordinal)
    const sorted = Uint32Array.from(order, (ordinal) => renumber?.[ordinal] ?? ordinal)
    const header = Buffer.alloc(HEADER_BYTES)
    ;[MAGIC, CACHE_FORMAT, ids.length, terms.length, idBytes.length, wordBytes.length, always.length, offset, stampBytes.length].forEach((value, i) => header.writeUInt32LE(value, i * 4))
    mkdirSync(path.dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    const tables = [always, sorted, Uint32Array.from(starts), Uint32Array.from(table)].map(bytesOf)
    const directory = Buffer.concat([header, stampBytes, idBytes, wordBytes, pad, ...tables])
    // a checksum of what a start reads (the postings are read when a query needs them)
    directory.writeUInt32LE(crc32(directory.subarray(HEADER_BYTES)), 36)
    writeFileSync(temporary, Buffer.concat([directory, ...chunks]))
    renameSync(temporary, file)
    this.dirty = false
  }

  /**
   * An index read from `file`, or null when there is none or it cannot be used (then it is
   * rebuilt). Only its directory is read (ids, words, tables: ~3 MB at 100,000 documents); the
   * postings stay in the file (the disk cache) until a query reads its words'.
   */
  static load(file: string): TextIndex | null {
    let fd: number | null = null
    try {
      fd = openSync(file, 'r')
      const header = Buffer.alloc(HEADER_BYTES)
      if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES) return null
      const field = (i: number) => header.readUInt32LE(i * 4)
      if (field(0) !== MAGIC || field(1) !== CACHE_FORMAT) return null
      const [idCount, termCount, idLength, wordsLength, alwaysCount, postingsLength, stampLength] = [field(2), field(3), field(4), field(5), field(6), field(7), field(8)]
      const strings = stampLength + idLength + wordsLength
      const directoryLength = strings + ((4 - ((HEADER_BYTES + strings) % 4)) % 4) + 4 * (alwaysCount + idCount + 4 * termCount)
      if (fstatSync(fd).size !== HEADER_BYTES + directoryLength + postingsLength) return null
      const bytes = Buffer.alloc(directoryLength)
      if (readSync(fd, bytes, 0, directoryLength, HEADER_BYTES) !== directoryLength || crc32(bytes) !== field(9)) return null
      let at = 0
      const folderStamp = bytes.toString('utf8', at, at + stampLength)
      at += stampLength
      const ids = idCount === 0 ? [] : bytes.toString('utf8', at, at + idLength).split('\n')
      at += idLength
      const words = bytes.toString('utf8', at, at + wordsLength)
      at += wordsLength
      at += (4 - ((HEADER_BYTES + at) % 4)) % 4
      // the tables are copied out (a typed array's view must be 4-byte aligned in memory)
      const table = (count: number) => {
        const values = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * 4))
        at += count * 4
        return values
      }
      const always = table(alwaysCount)
      const sorted = table(idCount)
      const starts = table(termCount)
      const postings = table(termCount * 3)
      if (ids.length !== idCount || !words.startsWith('\n') || !words.endsWith('\n')) return null
      // (beyond the checksum, what keeps a wrong file from reading outside its arrays)
      if (sorted.some((ordinal) => ordinal >= idCount) || always.some((ordinal) => ordinal >= idCount)) return null
      for (let term = 0; term < termCount; term++) {
        if (postings[term * 3]! + postings[term * 3 + 1]! > postingsLength || starts[term]! >= words.length || (term > 0 && starts[term]! <= starts[term - 1]!)) return null
      }
      const index = new TextIndex()
      index.ids = ids
      index.folderStamp = folderStamp
      index.live = idCount
      index.dead = new Uint8Array(Math.max(64, idCount * 2))
      for (const ordinal of always) index.always.add(ordinal)
      index.baseOrder = Int32Array.from(sorted)
      index.order = index.baseOrder
      index.orderedUpTo = idCount
      index.baseWords = words
      index.baseStarts = starts
      index.baseTable = postings
      index.baseFile = { fd, postingsAt: HEADER_BYTES + directoryLength, postingsLength }
      fd = null
      return index
    } catch {
      return null
    } finally {
      if (fd !== null) closeSync(fd)
    }
  }
}

/** The index of the last value in `sorted` (ascending) at or below `value`. */
function lastAtOrBelow(sorted: Uint32Array, value: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (sorted[mid]! <= value) low = mid + 1
    else high = mid
  }
  return low - 1
}

/** The order `documentIds` sorts ids in (UTF-16 code units, as Array.prototype.sort does). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function bytesOf(values: Uint32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength)
}
