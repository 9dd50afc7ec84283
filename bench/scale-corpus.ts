// A generated project of N documents for the scale benchmark, written straight into the project
// layout (documents/<id>.json, annotations/bench/<id>.json) rather than through `spanwise import`,
// which would take most of an hour at 100,000 documents. Each document has 400 words drawn from
// a 30,000-word vocabulary with Zipf's law (as words are in real text, so a search index meets
// rare and common words), and 50 spans in the `bench` layer.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { canonicalJson } from '../src/main/store/canonical-json'
import { ProjectStore } from '../src/main/store/project-store'
import { random } from './generate'

const VOCABULARY = 30_000
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ber', 'dan', 'gor', 'hel', 'jun', 'mar', 'pol', 'sen', 'tor', 'win']
const LABELS = ['actor', 'claim', 'figure']
export const BENCH_ANNOTATOR = 'bench'

/** The vocabulary, most frequent first: word r is drawn with probability ∝ 1/(r+1). */
export function vocabulary(): string[] {
  const words = new Set<string>(['the', 'council', 'said', 'mayor', 'bridge', 'million', 'report', 'harbour'])
  const next = random(3)
  while (words.size < VOCABULARY) {
    const parts = 2 + Math.floor(next() * 3)
    let word = ''
    for (let i = 0; i < parts; i++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)]
    words.add(word)
  }
  return [...words]
}

/** Draws word ranks by Zipf's law (the inverse of the harmonic CDF, tabulated). */
function zipf(size: number, next: () => number): () => number {
  const cdf = new Float64Array(size)
  let total = 0
  for (let r = 0; r < size; r++) cdf[r] = total += 1 / (r + 1)
  return () => {
    const target = next() * total
    let low = 0
    let high = size - 1
    while (low < high) {
      const mid = (low + high) >> 1
      if (cdf[mid]! < target) low = mid + 1
      else high = mid
    }
    return low
  }
}

/** Writes the project into `folder` unless a finished one is there (`.bench-complete`); returns its document ids. */
export async function generateScaleProject(folder: string, documents: number): Promise<void> {
  const marker = path.join(folder, '.bench-complete')
  if (existsSync(marker)) return
  await ProjectStore.open(folder, { create: true, name: `scale ${documents}` })
  mkdirSync(path.join(folder, 'annotations', BENCH_ANNOTATOR), { recursive: true })
  const words = vocabulary()
  const next = random(17)
  const rank = zipf(words.length, next)
  for (let d = 0; d < documents; d++) {
    const parts: string[] = []
    for (let w = 0; w < 400; w++) parts.push(words[rank()]!)
    const text = `Article ${d}\n\n${parts.join(' ')}.`
    const sha256 = createHash('sha256').update(text).digest('hex')
    const id = sha256.slice(0, 16)
    const at = new Date(Date.UTC(2026, 0, 1) + d * 1000).toISOString()
    writeFileSync(path.join(folder, 'documents', `${id}.json`), canonicalJson({ version: 1, id, title: `Article ${d}`, text, meta: { n: d }, sha256, importedAt: at }))
    const spans = []
    for (let s = 0; s < 50; s++) {
      const start = Math.floor(next() * (text.length - 20))
      spans.push({ id: `s${s}`, start, end: start + 1 + Math.floor(next() * 15), label: LABELS[s % 3]! })
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end)
    const layer = { version: 1, documentId: id, annotator: BENCH_ANNOTATOR, status: d % 3 === 0 ? 'done' : 'in_progress', spans, relations: [], documentSha256: sha256, updatedAt: at }
    writeFileSync(path.join(folder, 'annotations', BENCH_ANNOTATOR, `${id}.json`), canonicalJson(layer))
  }
  writeFileSync(marker, `${documents}\n`)
}
