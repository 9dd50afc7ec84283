// Finds known phrases (the analyst's labelled texts, a dictionary's entries) in a text, as whole
// tokens of Spanwise's tokenizer (../tokens.ts): "Netanyahu" is found in "Netanyahu's" and
// "Netanyahu😀" but never inside "Netanyahus"; in Chinese or Japanese, whose tokens are single
// characters, a phrase is found wherever its characters stand. Case: an entry with any capital
// letter matches only that exact case ("Hamas" never matches "hamas"); an entry written all in
// lower case matches any case ("ceasefire" matches "Ceasefire"). Where phrases overlap, the
// longest one starting first wins. Work is linear in the text's tokens, whatever the number of
// phrases (a trie of token sequences). Offsets are UTF-16 here; callers convert with OffsetMap.
import { tokenPattern } from '../tokens'

interface TrieNode {
  next: Map<string, TrieNode>
  label?: string
}

interface Token {
  text: string
  start: number
  end: number
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const pattern = tokenPattern()
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length })
  return tokens
}

/** A token's key in the trie: whether something (white space) stands between it and the one before matters. */
function key(tokens: Token[], index: number, first: number, lower: boolean): string {
  const token = tokens[index]!
  const text = lower ? token.text.toLowerCase() : token.text
  return index > first && token.start > tokens[index - 1]!.end ? ` ${text}` : text
}

export interface PhraseMatch {
  start: number
  end: number
  label: string
}

export class PhraseMatcher {
  private readonly exact: TrieNode = { next: new Map() }
  private readonly caseless: TrieNode = { next: new Map() }
  private count = 0

  /** Adds a phrase; the first label given for a phrase stays. Returns false for a phrase with no token. */
  add(phrase: string, label: string): boolean {
    const tokens = tokenize(phrase)
    if (tokens.length === 0) return false
    const lower = phrase === phrase.toLowerCase()
    let node = lower ? this.caseless : this.exact
    for (let i = 0; i < tokens.length; i++) {
      const k = key(tokens, i, 0, lower)
      let child = node.next.get(k)
      if (!child) node.next.set(k, (child = { next: new Map() }))
      node = child
    }
    if (node.label === undefined) {
      node.label = label
      this.count++
    }
    return true
  }

  get size(): number {
    return this.count
  }

  /** The longest phrase of `root` starting at token `first`: its last token's index and label. */
  private longestAt(root: TrieNode, tokens: Token[], first: number, lower: boolean): { last: number; label: string } | null {
    let node: TrieNode | undefined = root
    let found: { last: number; label: string } | null = null
    for (let i = first; i < tokens.length && node; i++) {
      node = node.next.get(key(tokens, i, first, lower))
      if (node?.label !== undefined) found = { last: i, label: node.label }
    }
    return found
  }

  /** Every occurrence, in text order, none overlapping another. */
  match(text: string): PhraseMatch[] {
    if (this.count === 0) return []
    const tokens = tokenize(text)
    const matches: PhraseMatch[] = []
    for (let i = 0; i < tokens.length; ) {
      const exact = this.longestAt(this.exact, tokens, i, false)
      const caseless = this.longestAt(this.caseless, tokens, i, true)
      const best = exact && (!caseless || exact.last >= caseless.last) ? exact : caseless
      if (!best) {
        i++
        continue
      }
      matches.push({ start: tokens[i]!.start, end: tokens[best.last]!.end, label: best.label })
      i = best.last + 1
    }
    return matches
  }
}

/** Token boundaries of a text (UTF-16): where tokens start and where they end. */
export function tokenBoundaries(text: string): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set<number>()
  const ends = new Set<number>()
  for (const token of tokenize(text)) {
    starts.add(token.start)
    ends.add(token.end)
  }
  return { starts, ends }
}
