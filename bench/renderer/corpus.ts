// The renderer benchmark's document: a deterministic ~200,000-character news article (LF line
// breaks, paragraphs with emoji, CJK and Arabic words) and 2,000 spans over it (actor / claim /
// figure, some nested, some overlapping), in code point offsets as Spanwise stores them.
// Unique marker words ("mark00q"…) are where the hotkey benchmark creates its new spans.
import { random } from '../generate'

export interface CorpusSpan {
  id: string
  /** Code point offsets. */
  start: number
  end: number
  label: string
}

export interface Corpus {
  text: string
  spans: CorpusSpan[]
  /** Marker words, each once in the text, spread evenly through it. */
  markers: string[]
}

const WORDS = [
  'council', 'said', 'the', 'bridge', 'will', 'cost', 'million', 'euros', 'mayor', 'report', 'per', 'cent', 'Tuesday',
  'harbour', 'shipping', 'grain', 'prices', 'minister', 'agreed', 'with', 'unions', 'on', 'a', 'new', 'contract', 'that',
  'officials', 'expect', 'to', 'rise', 'by', 'in', 'spring', 'according', 'data', 'from', 'port', 'authority', 'and',
  '北京', '港口', 'مرحبا', 'الميناء', '👍🏽', '🚢', '2024', '3.5', 'of', 'its', 'budget'
]
const LABELS = ['actor', 'claim', 'figure']


export function generateCorpus(options: { codePoints?: number; spans?: number; markers?: number; seed?: number } = {}): Corpus {
  const targetLength = options.codePoints ?? 200_000
  const spanCount = options.spans ?? 2_000
  const markerCount = options.markers ?? 40
  const next = random(options.seed ?? 11)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!

  // words with their code point offsets, grouped by paragraph, so spans stay inside one paragraph
  const paragraphs: { start: number; end: number }[][] = []
  const parts: string[] = []
  let length = 0
  const push = (s: string) => {
    parts.push(s)
    length += [...s].length
  }
  push('Harbour expansion: what the council decided')
  push('\n\n')
  // paragraphs are ~700 code points, so markers go every (paragraph count / markers) paragraphs
  const paragraphEstimate = Math.round(targetLength / 700)
  const markerEvery = Math.max(1, Math.floor(paragraphEstimate / markerCount))
  const markers: string[] = []
  while (length < targetLength - 900) {
    const words: { start: number; end: number }[] = []
    const wordCount = 90 + Math.floor(next() * 60)
    const markerHere = paragraphs.length % markerEvery === markerEvery >> 1 && markers.length < markerCount
    const markerAt = markerHere ? Math.floor(wordCount / 2) : -1
    for (let w = 0; w < wordCount; w++) {
      if (w > 0) push(next() < 0.07 ? '. ' : next() < 0.05 ? ', ' : ' ')
      let word = w === markerAt ? `mark${String(markers.length).padStart(2, '0')}q` : pick(WORDS)
      if (w === markerAt) markers.push(word)
      if (w === 0) word = word[0]!.toUpperCase() + word.slice(1)
      words.push({ start: length, end: length + [...word].length })
      push(word)
    }
    push('.')
    paragraphs.push(words)
    // mostly blank lines between paragraphs, sometimes a single line break
    push(next() < 0.85 ? '\n\n' : '\n')
  }
  const text = parts.join('').trimEnd()

  const spans: CorpusSpan[] = []
  const seen = new Set<string>()
  const add = (start: number, end: number, label: string) => {
    const key = `${start}:${end}:${label}`
    if (start >= end || seen.has(key)) return false
    seen.add(key)
    spans.push({ id: `b${spans.length}`, start, end, label })
    return true
  }
  while (spans.length < spanCount) {
    const paragraph = pick(paragraphs)
    const kind = next()
    const label = LABELS[spans.length % 3]!
    const first = Math.floor(next() * (paragraph.length - 8))
    if (kind < 0.8 || spans.length === 0) {
      // a plain span of 1–4 words
      const last = first + Math.floor(next() * 4)
      add(paragraph[first]!.start, paragraph[last]!.end, label)
    } else if (kind < 0.92) {
      // nested: a span around a plain one, or inside it
      const outer = first + 5
      add(paragraph[first]!.start, paragraph[outer]!.end, label)
      add(paragraph[first + 1]!.start, paragraph[first + 2]!.end, LABELS[(spans.length + 1) % 3]!)
    } else {
      // overlapping: starts inside one span and ends after it
      add(paragraph[first]!.start, paragraph[first + 2]!.end, label)
      add(paragraph[first + 1]!.start, paragraph[first + 4]!.end, LABELS[(spans.length + 1) % 3]!)
    }
  }
  spans.length = spanCount
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  return { text, spans, markers }
}
