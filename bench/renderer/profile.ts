// Where Spanwise's renderer time goes, from a Chromium trace: `npx tsx bench/renderer/profile.ts`
// (after `npx electron-vite build`). Traces one page load of the 2,000-span document and one
// label hotkey, and sums the main thread's time by trace event (events nest: a FunctionCall
// includes the style and layout work it forces; "Paint" and friends run in the frame after).
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { generateCorpus } from './corpus'
import { createProject, evaluate, openPage, pressActorKey, selectPhrase, serveProject, type Timed, type Variant } from './renderer-bench'

const NAMES = ['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'ParseHTML', 'EvaluateScript', 'v8.compile', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER']

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string }
}

async function traced(browser: Browser, page: Page, work: () => Promise<void>): Promise<Map<string, number>> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] })
  await work()
  const buffer = await browser.stopTracing()
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const totals = new Map<string, number>()
  for (const e of events) {
    if (!main || e.pid !== main.pid || e.tid !== main.tid || e.ph !== 'X' || !NAMES.includes(e.name)) continue
    totals.set(e.name, (totals.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
  }
  return totals
}

const print = (title: string, totals: Map<string, number>) =>
  console.log(`${title}\n${[...totals].sort((a, b) => b[1] - a[1]).map(([name, ms]) => `  ${name.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms`).join('\n')}`)

const corpus = generateCorpus()
const work = await mkdtemp(path.join(os.tmpdir(), 'spanwise-renderer-profile-'))
await createProject(path.join(work, 'spans'), corpus, true)
const server = await serveProject(path.join(work, 'spans'))
const browser = await chromium.launch({
  executablePath: process.env.SPANWISE_BENCH_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
try {
  const lines = corpus.text.split('\n').length
  const variant: Variant = { key: 'spanwise', title: 'Spanwise', url: server.url, text: '.document-text', config: { open: 'spanwise', lines, spans: corpus.spans.length } }
  const { page, close } = await openPage(browser, variant)
  await evaluate(page, 'window.__bench.open', 'open')
  const open = await traced(browser, page, async () => {
    await page.reload()
    console.log(`open painted at ${((await evaluate<Timed>(page, 'window.__bench.open', 'open')).painted).toFixed(1)} ms (traced)`)
  })
  print('page load until spans painted, main thread:', open)
  for (let i = 0; i < 3; i++) {
    await selectPhrase(page, corpus.markers[i]!)
    await page.waitForTimeout(200)
    const hotkey = await traced(browser, page, async () => {
      const t = await pressActorKey(page, 'hotkey')
      console.log(`\nhotkey ${i + 1}: highlight set after ${(t.detected - t.t0).toFixed(1)} ms, painted after ${(t.painted - t.t0).toFixed(1)} ms (traced)`)
    })
    print('hotkey until new span painted, main thread:', hotkey)
  }
  await close()
} finally {
  await browser.close()
  await server.stop()
  await rm(work, { recursive: true, force: true })
}
