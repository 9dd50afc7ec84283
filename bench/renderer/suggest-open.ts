// Suggestions in the editor on a 200,000-character document: the labelled sample corpus's
// articles run together into one text, the analyst's layer holding the gold spans of its first
// tenth (as if they had labelled that far), so every source has something to propose in the rest.
// Each page load is timed from navigation (medians of --open-runs loads, the first not counted):
//   open          the text laid out, the analyst's spans in the highlights, a frame rendered (the
//                 renderer bench's own measure), with suggestions answered as none (Playwright
//                 route: the suggestion channel is the only difference) and with them on;
//   suggestions   the first suggestions (own labels, dictionary, patterns) held by the suggestion
//                 painter and a frame rendered; then the model's too.
import { mkdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { spanwiseRecordLine } from '../../src/main/formats/spanwise-jsonl'
import { importSources } from '../../src/main/importing/import-files'
import { ProjectStore } from '../../src/main/store/project-store'
import { labelledArticles, sampleDictionary } from '../suggest-corpus'
import { ANNOTATOR, serveProject, type Timed } from './renderer-bench'

const probeSource = readFileSync(path.join(import.meta.dirname, 'probe.js'), 'utf8')

async function createProject(folder: string): Promise<{ lines: number; spans: number; characters: number }> {
  let text = ''
  const spans: { id: string; start: number; end: number; label: string; text: string }[] = []
  let offset = 0
  for (const article of labelledArticles(400, 21, [12, 20])) {
    if (offset > 200_000) break
    for (const span of article.spans) spans.push({ id: `g${spans.length}`, start: offset + span.start, end: offset + span.end, label: span.label, text: [...article.text].slice(span.start, span.end).join('') })
    text += article.text + '\n'
    offset += [...article.text].length + 1
  }
  const labelled = spans.filter((s) => s.end < offset / 10)
  const store = await ProjectStore.open(folder, { create: true, name: 'suggestions bench' })
  const line = spanwiseRecordLine({ id: 'news', title: 'News digest', text, meta: {}, annotator: ANNOTATOR, status: 'in_progress', spans: labelled })
  const report = await importSources(store, [{ name: 'news.jsonl', bytes: Buffer.from(line) }], { annotator: ANNOTATOR })
  if (report.rejected.length > 0) throw new Error(`suggest bench import failed: ${JSON.stringify(report.rejected)}`)
  mkdirSync(path.join(folder, 'suggest', 'dictionaries'), { recursive: true })
  await writeFile(path.join(folder, 'suggest', 'dictionaries', 'actor.txt'), sampleDictionary().join('\n') + '\n')
  return { lines: text.split('\n').length, spans: labelled.length, characters: offset }
}

interface Load {
  open: number
  quick?: number
  all?: number
  count?: number
  /** The quick sources' answer arrived. */
  answered?: number
}

async function load(page: Page, url: string, config: { lines: number; spans: number }, suggestions: boolean): Promise<Load> {
  await page.addInitScript({ content: `${probeSource}\n;window.__bench.setup(${JSON.stringify({ open: 'spanwise', ...config })})` })
  await page.addInitScript({
    content: `(() => {
      const B = window.__bench
      const painted = () => Number(document.querySelector('.document-text')?.dataset.suggestions ?? 0)
      B.suggestionsQuick = B.when(() => painted() > 0)
      // both answers in (quick sources, then the model), painted
      B.suggestionsAll = B.when(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('suggestions.document') && e.responseEnd > 0).length >= 2)
        .then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ painted: performance.now(), count: painted() })))))
    })()`
  })
  if (!suggestions) await page.route('**/api/suggestions.document', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ ok: true, value: { suggestions: [], version: 'absent' } }) }))
  await page.goto(url)
  const open = (await page.evaluate('window.__bench.open')) as Timed
  if (!suggestions) return { open: open.painted }
  const quick = (await page.evaluate('window.__bench.suggestionsQuick')) as Timed
  const all = (await page.evaluate('window.__bench.suggestionsAll')) as { painted: number; count: number }
  const answered = (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.name.includes('suggestions.document')).map((e) => e.responseEnd)`)) as number[]
  return { open: open.painted, quick: quick.painted, all: all.painted, count: all.count, answered: answered[0]! }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!

export async function suggestOpenBench(options: { openRuns: number; dir: string }): Promise<void> {
  const work = await mkdtemp(path.join(options.dir, 'spanwise-suggest-open-'))
  const folder = path.join(work, 'project')
  const config = await createProject(folder)
  const server = await serveProject(folder)
  const browser = await chromium.launch({
    executablePath: process.env.SPANWISE_BENCH_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  try {
    const off: Load[] = []
    const on: Load[] = []
    for (let run = 0; run <= options.openRuns; run++) {
      for (const suggestions of run % 2 === 0 ? [false, true] : [true, false]) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
        try {
          const result = await load(await context.newPage(), server.url, config, suggestions)
          // the first loads warm the server's caches (the model's reading of the text among them): not counted
          if (run > 0) (suggestions ? on : off).push(result)
        } finally {
          await context.close()
        }
      }
    }
    const ms = (x: number) => `${Math.round(x).toLocaleString('en')} ms`
    console.log(`\n# suggestions in the editor: ${config.characters.toLocaleString('en')}-character document, ${config.spans} spans labelled in its first tenth; Chromium ${browser.version()}; medians of ${options.openRuns} loads after a warm-up`)
    console.log(`  open (text and spans painted), suggestions answered as none  ${ms(median(off.map((r) => r.open)))}`)
    console.log(`  open (text and spans painted), suggestions on                 ${ms(median(on.map((r) => r.open)))}`)
    console.log(`  first suggestions answered by the server                      ${ms(median(on.map((r) => r.answered!)))}`)
    console.log(`  first suggestions painted (own labels, dictionary, patterns)  ${ms(median(on.map((r) => r.quick!)))}`)
    console.log(`  the model's too (${median(on.map((r) => r.count!)).toLocaleString('en')} suggestions shown in all)`.padEnd(64) + ms(median(on.map((r) => r.all!))))
    console.log('  (from navigation start; the model\'s reading of this text is remembered by the server after the first load)')
  } finally {
    await browser.close()
    await server.stop()
    await rm(work, { recursive: true, force: true })
  }
}
