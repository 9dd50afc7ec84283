// Compares full agreement reports of generated projects with a saved copy, to 1e-9: speed work
// must not move a number. `save` writes the reports (run it on the code before a change),
// `check` computes them again and lists every difference. Three projects: three raters with
// every fifth document missing one, two raters, and three raters plus a "gold" rater that has
// only some documents. Besides, the shared alignment itself (review shows its units): alignUnits
// and matchSpans (each rule) of the three-rater project, every unit and pair by span ids.
//   npx tsx bench/agreement-compare.ts save|check FILE [DOCUMENTS]
import { readFileSync, writeFileSync } from 'node:fs'
import { buildReport, type AgreementDocument } from '../src/main/agreement/build-report'
import type { AgreementReport } from '../src/shared/agreement/report'
import { alignUnits, matchSpans, type AlignableSpan } from '../src/shared/alignment'
import { SPAN_RULES } from '../src/main/agreement/span-f1'
import { generateTeamLayers } from './generate'

const [mode, file, documentsArg] = process.argv.slice(2)
const documents = Number(documentsArg ?? 600)
const LABELS = ['actor', 'claim', 'figure']

function project(raters: string[], drop: (i: number) => string | null): AgreementDocument[] {
  return [...generateTeamLayers(documents, 50, raters)].map(({ record, layers }, i) => {
    const gone = drop(i)
    if (gone) delete layers[gone]
    return { documentId: record.id, title: record.title, text: record.text, layers }
  })
}

function reports(): Record<string, unknown> {
  const run = (raters: string[], docs: AgreementDocument[]) => {
    const { createdAt: _createdAt, ...report }: AgreementReport = buildReport(docs, {
      raters,
      labels: LABELS,
      spanwiseVersion: 'compare',
      filters: { status: null, includeGold: false }
    })
    return JSON.parse(JSON.stringify(report)) as unknown
  }
  const three = ['ana', 'ben', 'chloe']
  const four = ['ana', 'ben', 'chloe', 'gold']
  const ids = (spans: readonly AlignableSpan[]) => spans.map((s) => s.id)
  const alignment = project(three, () => null).map(({ layers }) => ({
    units: alignUnits(three.map((annotator) => ({ annotator, spans: layers[annotator]! }))).map((u) => [u.key, u.start, u.end, u.state]),
    matches: Object.values(SPAN_RULES).map((rule) => {
      const { pairs, onlyA, onlyB } = matchSpans(layers.ana!, layers.ben!, rule)
      return [pairs.map(([x, y]) => `${x.id}-${y.id}`), ids(onlyA), ids(onlyB)]
    })
  }))
  return {
    alignment,
    three: run(three, project(three, (i) => (i % 5 === 4 ? three[i % 3]! : null))),
    two: run(['ana', 'ben'], project(['ana', 'ben'], () => null)),
    four: run(four, project(four, (i) => (i % 3 === 0 ? null : 'gold')))
  }
}

/** Every path where a and b differ (numbers by more than 1e-9). */
function differences(a: unknown, b: unknown, at: string, out: string[]): void {
  if (out.length > 20) return
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9) out.push(`${at}: ${a} vs ${b}`)
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    for (const key of keys) differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`, out)
  } else if (a !== b) out.push(`${at}: ${JSON.stringify(a)?.slice(0, 200)} vs ${JSON.stringify(b)?.slice(0, 200)}`)
}

if (mode === 'save') {
  writeFileSync(file!, JSON.stringify(reports()))
  console.log(`saved ${file}`)
} else if (mode === 'check') {
  const out: string[] = []
  differences(JSON.parse(readFileSync(file!, 'utf8')), reports(), '', out)
  if (out.length) {
    console.log(out.join('\n'))
    process.exit(1)
  }
  console.log(`identical to 1e-9: ${file}`)
} else throw new Error('usage: agreement-compare.ts save|check FILE [DOCUMENTS]')
