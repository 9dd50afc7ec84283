// `npm run bench -- --only renderer`: the editor in Chromium, side by side in one browser run with
// the same text and spans in @recogito/text-annotator (the peer), each against the same text
// with no spans (the floor):
//   open       page load of the built renderer served by `spanwise serve` (navigation start)
//              until the text is laid out and all 2,000 spans are in the label highlights and a
//              frame has been produced after that; the floor until the text lines are in the DOM.
//   new span   label hotkey ("1") pressed over a mouse-selected word until the new span is in its
//              highlight and a frame has been produced (the peer has no hotkey: addAnnotation()
//              called in the page until its highlight is painted). Split into the wait for the
//              display to ask for that frame and the page's own work. Each action waits a
//              different fraction of a frame first, so keys land all over the display's cycle.
//   scroll     the text scrolled 400 px per frame for 60 frames: frame-to-frame times.
// Medians and ratios only: machines are noisy, nothing is asserted.
// Needs the renderer built (`npx electron-vite build`, output in out/renderer).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type Page } from '@playwright/test'
import { build } from 'esbuild'
import { spanwiseRecordLine } from '../../src/main/formats/spanwise-jsonl'
import { importSources } from '../../src/main/importing/import-files'
import { ProjectStore } from '../../src/main/store/project-store'
import { OffsetMap } from '../../src/shared/offsets'
import { generateCorpus, type Corpus } from './corpus'
import { reviewBench } from './review-bench'

const here = import.meta.dirname
export const repoRoot = path.resolve(here, '../..')
export const ANNOTATOR = 'bench'
const VIEWPORT = { width: 1280, height: 800 }
const SCROLL_STEPS = 60
const SCROLL_STEP_PX = 400
const FRAME_60HZ = 1000 / 60
const TIMEOUT_MS = 30_000

export interface RendererBenchOptions {
  /** Page loads per variant (medians are over these). */
  openRuns: number
  /** New spans created per variant. */
  hotkeyReps: number
}

// ---------------------------------------------------------------- projects and servers

export async function createProject(folder: string, corpus: Corpus, withSpans: boolean): Promise<void> {
  const store = await ProjectStore.open(folder, { create: true, name: withSpans ? 'renderer bench' : 'renderer bench (floor)' })
  const offsets = new OffsetMap(corpus.text)
  const spans = withSpans ? corpus.spans.map((s) => ({ ...s, text: offsets.sliceCodePoints(s.start, s.end) })) : []
  const line = spanwiseRecordLine({ id: 'harbour', title: 'Harbour expansion', text: corpus.text, meta: {}, annotator: ANNOTATOR, status: 'in_progress', spans })
  const report = await importSources(store, [{ name: 'bench.jsonl', bytes: Buffer.from(line) }], { annotator: ANNOTATOR })
  if (report.rejected.length > 0 || report.added.length !== 1) throw new Error(`bench project import failed: ${JSON.stringify(report)}`)
}

interface Server {
  url: string
  stop(): Promise<void>
}

/** `spanwise serve` on a project, the way tests/helpers/workbench.ts starts it. */
export async function serveProject(project: string): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['bin/spanwise.mjs', 'serve', '--project', project, '--annotator', ANNOTATOR], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()))
    child.once('exit', (code) => reject(new Error(`spanwise serve exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
  }
}

/** The peer library from node_modules, bundled for the browser as a script defining `RecogitoJS`. */
async function bundlePeer(): Promise<{ js: string; css: string }> {
  const result = await build({
    stdin: { contents: "export * from '@recogito/text-annotator'", resolveDir: repoRoot, loader: 'js' },
    bundle: true,
    format: 'iife',
    globalName: 'RecogitoJS',
    minify: true,
    // one of its dependencies reads process.env.NODE_ENV, as bundlers are expected to replace
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir: 'peer-bundle',
    write: false,
    logLevel: 'silent'
  })
  const text = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? ''
  return { js: text('.js'), css: text('.css') }
}

/** The peer's page, its library (bundled from node_modules) and its data, on loopback. */
async function servePeer(corpus: Corpus): Promise<Server> {
  const lib = await bundlePeer()
  // the peer counts UTF-16 units of its text nodes: the text without its line breaks
  const offsets = new OffsetMap(corpus.text)
  const breaksBefore = new Int32Array(corpus.text.length + 1)
  for (let i = 0; i < corpus.text.length; i++) breaksBefore[i + 1] = breaksBefore[i]! + (corpus.text[i] === '\n' ? 1 : 0)
  const flatOffset = (codePoint: number) => {
    const utf16 = offsets.toUtf16(codePoint)
    return utf16 - breaksBefore[utf16]!
  }
  const flat = corpus.text.replaceAll('\n', '')
  const markers = corpus.markers.map((marker) => {
    const utf16 = corpus.text.indexOf(marker)
    const start = utf16 - breaksBefore[utf16]!
    return { start, end: start + marker.length }
  })
  const data = JSON.stringify({
    text: corpus.text,
    flat,
    markers,
    spans: corpus.spans.map((s) => ({ id: s.id, label: s.label, start: flatOffset(s.start), end: flatOffset(s.end) }))
  })
  const files: Record<string, () => [string, string | Buffer]> = {
    '/': () => ['text/html', readFileSync(path.join(here, 'peer/index.html'))],
    '/peer.js': () => ['text/javascript', readFileSync(path.join(here, 'peer/peer.js'))],
    '/lib/text-annotator.js': () => ['text/javascript', lib.js],
    '/lib/text-annotator.css': () => ['text/css', lib.css],
    '/data.json': () => ['application/json', data]
  }
  const server = http.createServer((request, response) => {
    const file = files[new URL(request.url ?? '/', 'http://x').pathname]
    if (!file) return void response.writeHead(404).end()
    const [type, body] = file()
    response.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    stop: () => new Promise((resolve) => server.close(() => resolve()))
  }
}

// ---------------------------------------------------------------- measuring in the page

export interface Variant {
  key: string
  title: string
  url: string
  /** Selector of the element holding the text lines. */
  text: string
  config: { open: 'spanwise' | 'peer'; lines: number; spans: number; renderer?: string }
}

export interface Timed {
  /** The condition held (highlights set, elements inserted). */
  detected: number
  /** The time stamp of the frame that shows it (when the display asked for that frame). */
  frameStart: number
  /** The frame showing it was rendered on the main thread (rAF, then a task posted from it). */
  painted: number
  /** The frame after it started (the second rAF). */
  nextFrame: number
}

const probeSource = readFileSync(path.join(here, 'probe.js'), 'utf8')

export async function evaluate<T>(page: Page, expression: string, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      const state = await page
        .evaluate(`({ lines: window.__bench.lineCount('.document-text') || window.__bench.lineCount('.peer-text'), labelRanges: window.__bench.labelRanges('sw-label-'), highlights: CSS.highlights.size })`)
        .catch(() => null)
      reject(new Error(`${what}: nothing painted within ${TIMEOUT_MS / 1000} s (page state ${JSON.stringify(state)})`))
    }, TIMEOUT_MS)
  })
  try {
    return await Promise.race([page.evaluate(expression) as Promise<T>, timeout])
  } finally {
    clearTimeout(timer)
  }
}

export async function openPage(browser: Browser, variant: Variant): Promise<{ page: Page; close(): Promise<void> }> {
  // a fresh context per page load: no HTTP cache, no storage, for every side alike
  const context = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  page.on('pageerror', (error) => console.error(`  [${variant.key}] page error: ${error.message}`))
  await page.addInitScript({ content: `${probeSource}\n;window.__bench.setup(${JSON.stringify(variant.config)})` })
  await page.goto(variant.url)
  return { page, close: () => context.close() }
}

interface OpenResult {
  open: number
  /** Spanwise only: when documents.get had answered, when the lines were in the DOM, when the highlights were set. */
  fetched?: number
  lines?: number
  highlights?: number
  scroll: number[]
}

async function measureOpen(browser: Browser, variant: Variant): Promise<OpenResult> {
  const { page, close } = await openPage(browser, variant)
  try {
    const open = await evaluate<Timed>(page, 'window.__bench.open', `${variant.title}: open`)
    const marks = (await page.evaluate(
      `({ lines: window.__bench.marks.lines, fetched: performance.getEntriesByType('resource').find((e) => e.name.includes('documents.get'))?.responseEnd })`
    )) as { lines?: Timed; fetched?: number }
    await page.waitForTimeout(300)
    const scroll = (await page.evaluate(`window.__bench.scrollFrames(${JSON.stringify(variant.text)}, ${SCROLL_STEPS}, ${SCROLL_STEP_PX})`)) as number[]
    return { open: open.painted, fetched: marks.fetched, lines: marks.lines?.detected, highlights: open.detected, scroll }
  } finally {
    await close()
  }
}

interface NewSpanResult {
  /** keydown (or the addAnnotation call) until the change reached the highlights / the DOM. */
  detected: number[]
  /** … until the display asked for the frame that shows it. */
  frameStart: number[]
  /** … until a frame showing it had been rendered. */
  painted: number[]
  /** … until the frame after that started (two requestAnimationFrames). */
  nextFrame: number[]
}

/** Selects a phrase of the Spanwise text with a mouse drag, as an analyst does. */
export async function selectPhrase(page: Page, phrase: string): Promise<void> {
  const points = (await page.evaluate(`window.__bench.phrasePoints('.document-text', ${JSON.stringify(phrase)})`)) as {
    start: { x: number; y: number }
    end: { x: number; y: number }
  }
  await page.evaluate('window.__bench.frames(3)')
  await page.mouse.move(points.start.x, points.start.y)
  await page.mouse.down()
  await page.mouse.move(points.end.x, points.end.y, { steps: 4 })
  await page.mouse.up()
}

/** Presses the actor label key over the selection; resolves once the new span is painted. */
export async function pressActorKey(page: Page, what: string): Promise<Timed & { t0: number }> {
  await page.evaluate(
    `(() => { const B = window.__bench; const base = B.labelRanges('sw-label-actor-'); B.pending = B.when(() => B.labelRanges('sw-label-actor-') === base + 1) })()`
  )
  await page.keyboard.press('1')
  return evaluate<Timed & { t0: number }>(page, 'window.__bench.pending.then((r) => ({ ...r, t0: window.__bench.keydown }))', what)
}

/**
 * A wait before the i-th action, spread over one 60 Hz frame: each action follows a wait for
 * frames, so without it every key would land at the same point of the display's cycle, early
 * in it, and every variant would wait most of a frame for the next. People press keys at any
 * moment; the same spread is used for every variant.
 */
const framePhase = (i: number) => ((i * 7.3) % FRAME_60HZ)

async function measureSpanwiseHotkey(browser: Browser, variant: Variant, markers: string[], reps: number): Promise<NewSpanResult> {
  const { page, close } = await openPage(browser, variant)
  const result: NewSpanResult = { detected: [], frameStart: [], painted: [], nextFrame: [] }
  try {
    await evaluate(page, 'window.__bench.open', `${variant.title}: open`)
    for (let i = 0; i < reps; i++) {
      await selectPhrase(page, markers[i % markers.length]!)
      // let the pending selection settle (and the previous span's save finish)
      await page.waitForTimeout(150)
      await page.evaluate('window.__bench.frames(2)')
      await page.waitForTimeout(framePhase(i))
      const timed = await pressActorKey(page, `${variant.title}: new span`)
      result.detected.push(timed.detected - timed.t0)
      result.frameStart.push(timed.frameStart - timed.t0)
      result.painted.push(timed.painted - timed.t0)
      result.nextFrame.push(timed.nextFrame - timed.t0)
    }
    await page.waitForTimeout(300)
    return result
  } finally {
    await close()
  }
}

async function measurePeerAdd(browser: Browser, variant: Variant, markers: number, reps: number): Promise<NewSpanResult> {
  const { page, close } = await openPage(browser, variant)
  const result: NewSpanResult = { detected: [], frameStart: [], painted: [], nextFrame: [] }
  try {
    await evaluate(page, 'window.__bench.open', `${variant.title}: open`)
    const corpusMarkers = (await page.evaluate(`fetch('data.json').then((r) => r.json()).then((d) => d.markers.length)`)) as number
    for (let i = 0; i < reps; i++) {
      const marker = i % Math.min(markers, corpusMarkers)
      const word = `mark${String(marker).padStart(2, '0')}q`
      await page.evaluate(`window.__bench.scrollToPhrase('.peer-text', ${JSON.stringify(word)})`)
      // its scroll handler redraws after a 10 ms debounce: let that finish first
      await page.waitForTimeout(150)
      await page.evaluate('window.__bench.frames(2)')
      await page.waitForTimeout(framePhase(i))
      const timed = await evaluate<Timed & { t0: number }>(page, `window.__peerAdd(${marker})`, `${variant.title}: new annotation`)
      result.detected.push(timed.detected - timed.t0)
      result.frameStart.push(timed.frameStart - timed.t0)
      result.painted.push(timed.painted - timed.t0)
      result.nextFrame.push(timed.nextFrame - timed.t0)
    }
    return result
  } finally {
    await close()
  }
}

// ---------------------------------------------------------------- statistics and report

const sorted = (xs: number[]) => [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
function quantile(xs: number[], q: number): number {
  const s = sorted(xs)
  if (s.length === 0) return Number.NaN
  const at = (s.length - 1) * q
  const lo = Math.floor(at)
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo)
}
const median = (xs: number[]) => quantile(xs, 0.5)
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–')
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : '–')

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n')
}

export async function rendererBench(options: RendererBenchOptions): Promise<void> {
  if (!existsSync(path.join(repoRoot, 'out/renderer/index.html'))) {
    throw new Error('renderer benchmark: out/renderer is missing; build it first with `npx electron-vite build`')
  }
  const corpus = generateCorpus()
  const codePoints = new OffsetMap(corpus.text).codePointLength
  const lines = corpus.text.split('\n').length
  const work = await mkdtemp(path.join(os.tmpdir(), 'spanwise-renderer-bench-'))
  const servers: Server[] = []
  let browser: Browser | undefined
  try {
    await createProject(path.join(work, 'spans'), corpus, true)
    await createProject(path.join(work, 'floor'), corpus, false)
    const [spansServer, floorServer, peerServer] = await Promise.all([
      serveProject(path.join(work, 'spans')),
      serveProject(path.join(work, 'floor')),
      servePeer(corpus)
    ])
    servers.push(spansServer!, floorServer!, peerServer!)

    browser = await chromium.launch({
      executablePath: process.env.SPANWISE_BENCH_CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
    })
    console.log(
      `\n# renderer: ${codePoints.toLocaleString('en')}-character document (${lines} lines), ${corpus.spans.length.toLocaleString('en')} spans; Chromium ${browser.version()} headless, ${VIEWPORT.width}x${VIEWPORT.height}`
    )
    console.log(`  open: median of ${options.openRuns} page loads; new span: median of ${options.hotkeyReps}; scroll: ${SCROLL_STEPS} frames x ${SCROLL_STEP_PX} px per page load`)

    const spanwise: Variant = { key: 'spanwise', title: 'Spanwise', url: spansServer!.url, text: '.document-text', config: { open: 'spanwise', lines, spans: corpus.spans.length } }
    const spanwiseFloor: Variant = { ...spanwise, key: 'spanwise-floor', title: 'Spanwise floor', url: floorServer!.url, config: { ...spanwise.config, spans: 0 } }

    // the peer gets Spanwise's text column size, so both lay out the same lines
    const column = await (async () => {
      const { page, close } = await openPage(browser!, spanwiseFloor)
      try {
        await evaluate(page, 'window.__bench.open', 'Spanwise floor: open')
        return (await page.evaluate(`(() => { const r = document.querySelector('.document-text').getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) } })()`)) as { w: number; h: number }
      } finally {
        await close()
      }
    })()
    const peerUrl = (query: string) => `${peerServer!.url}?w=${column.w}&h=${column.h}${query}`
    const peer: Variant = { key: 'peer', title: 'peer (default: SPANS)', url: peerUrl(''), text: '.peer-text', config: { open: 'peer', lines, spans: corpus.spans.length } }
    const peerFloor: Variant = { ...peer, key: 'peer-floor', title: 'peer floor', url: peerUrl('&floor=1'), config: { ...peer.config, spans: 0 } }
    // (its CSS_HIGHLIGHTS renderer is not measured: in 4.1.1 it throws "Failed to construct
    // 'Highlight'" on annotations loaded by offsets, as their selectors carry no Range)
    const variants = [spanwise, spanwiseFloor, peer, peerFloor]

    // one discarded load each (disk and code caches), then the runs in rotating order
    for (const variant of variants) await measureOpen(browser, variant)
    const opens = new Map<string, OpenResult[]>(variants.map((v) => [v.key, []]))
    for (let run = 0; run < options.openRuns; run++) {
      for (let i = 0; i < variants.length; i++) {
        const variant = variants[(i + run) % variants.length]!
        opens.get(variant.key)!.push(await measureOpen(browser, variant))
      }
    }

    // new spans last: they change the projects
    const adds = new Map<string, NewSpanResult>()
    adds.set('spanwise', await measureSpanwiseHotkey(browser, spanwise, corpus.markers, options.hotkeyReps))
    adds.set('spanwise-floor', await measureSpanwiseHotkey(browser, spanwiseFloor, corpus.markers, options.hotkeyReps))
    for (const variant of [peer, peerFloor]) adds.set(variant.key, await measurePeerAdd(browser, variant, corpus.markers.length, options.hotkeyReps))

    // ---- report
    const openOf = (key: string) => median(opens.get(key)!.map((r) => r.open))
    const scrollOf = (key: string, q: number) => quantile(opens.get(key)!.flatMap((r) => r.scroll), q)
    const addOf = (key: string, q = 0.5) => quantile(adds.get(key)!.painted, q)
    const columns = ['spanwise', 'spanwise-floor', 'peer', 'peer-floor']
    const rows: string[][] = [
      ['', 'Spanwise', 'floor', 'vs floor', 'peer', 'its floor', 'vs its floor', 'Spanwise/peer'],
      ['open until painted', ...metricRow(openOf)],
      ['new span painted, median', ...metricRow((k) => addOf(k))],
      ['new span painted, p95', ...metricRow((k) => addOf(k, 0.95))],
      ['scroll frame, median', ...metricRow((k) => scrollOf(k, 0.5))],
      ['scroll frame, p95', ...metricRow((k) => scrollOf(k, 0.95))],
      ['scroll frame, max', ...metricRow((k) => scrollOf(k, 1))]
    ]
    function metricRow(of: (key: string) => number): string[] {
      const [sw, swFloor, p, pFloor] = columns.map(of) as [number, number, number, number]
      return [ms(sw), ms(swFloor), ratio(sw, swFloor), ms(p), ms(pFloor), ratio(p, pFloor), ratio(sw, p)]
    }
    console.log(table(rows))
    console.log('  (peer: @recogito/text-annotator with its default renderer, SPANS (positioned <span> elements for the visible')
    console.log('   annotations); it has no label hotkey, so its "new span" is addAnnotation() called in the page; below 1x is ahead)')

    const sw = opens.get('spanwise')!
    console.log(
      `  Spanwise open, where the time goes (medians, ms since navigation): documents.get answered ${ms(median(sw.map((r) => r.fetched ?? Number.NaN)))}, ` +
        `lines in DOM ${ms(median(sw.map((r) => r.lines ?? Number.NaN)))}, highlights set ${ms(median(sw.map((r) => r.highlights ?? Number.NaN)))}, painted ${ms(openOf('spanwise'))}; ` +
        `floor: answered ${ms(median(opens.get('spanwise-floor')!.map((r) => r.fetched ?? Number.NaN)))}, lines ${ms(median(opens.get('spanwise-floor')!.map((r) => r.lines ?? Number.NaN)))}`
    )
    // split each new span's time into waiting for the display's next frame and the page's own
    // work (handling the key, then rendering that frame), which is what a faster app can shrink
    const split = (key: string) => {
      const r = adds.get(key)!
      const waits = r.painted.map((_, i) => Math.max(0, r.frameStart[i]! - r.detected[i]!))
      return { detected: median(r.detected), wait: median(waits), painted: median(r.painted), work: median(r.painted.map((p, i) => p - waits[i]!)) }
    }
    const splitText = (key: string) => {
      const t = split(key)
      return `${ms(t.detected)} / ${ms(t.wait)} / ${ms(t.painted)} (work ${ms(t.work)})`
    }
    console.log(
      `  new span, medians of keydown to: change made / waiting for the display's frame / frame rendered (the page's work, without the wait):\n` +
        `    Spanwise ${splitText('spanwise')}; floor ${splitText('spanwise-floor')}; peer ${splitText('peer')}`
    )

    const bestPeer = (of: (k: string) => number) => of('peer')
    const openRatio = openOf('spanwise') / openOf('spanwise-floor')
    const target = (ok: boolean) => (ok ? 'met' : 'MISSED')
    console.log('targets:')
    console.log(`  open within 3x the floor:               ${target(openRatio <= 3)} (${openRatio.toFixed(2)}x)`)
    // the target as the issue states it: from the key press to the frame that shows the span
    // rendered, under one 60 Hz frame (the split says how much of it was the page's own work)
    const own = split('spanwise')
    console.log(
      `  new span painted < 16 ms (median):      ${target(own.painted < 16)} (${ms(own.painted)} from key to frame rendered: ${ms(own.wait)} waiting for the display, ` +
        `${ms(own.work)} of the page's work; floor ${ms(split('spanwise-floor').painted)})`
    )
    console.log(`  ahead of the peer, open:                ${target(openOf('spanwise') < bestPeer(openOf))} (${ms(openOf('spanwise'))} vs ${ms(bestPeer(openOf))})`)
    console.log(`  ahead of the peer, new span:            ${target(addOf('spanwise') < bestPeer((k) => addOf(k)))} (${ms(addOf('spanwise'))} vs ${ms(bestPeer((k) => addOf(k)))})`)
    // scroll frames come at the display's rate, so the best possible p95 is one frame for
    // everybody: no slower than the peer, within a millisecond of timer noise
    const swScroll = scrollOf('spanwise', 0.95)
    const peerScroll = bestPeer((k) => scrollOf(k, 0.95))
    console.log(`  scroll p95 no slower than the peer:     ${target(swScroll <= peerScroll + 1)} (${ms(swScroll)} vs ${ms(peerScroll)})`)

    // the Review view on the same document, with three annotators' layers
    console.log('\n# review: the same document with three annotators\' layers (bench/renderer/review-bench.ts)')
    const review = await reviewBench(browser, corpus, work, { openRuns: options.openRuns, conflictReps: Math.min(options.hotkeyReps, 30) })
    console.log(
      table([
        ['', 'Review', 'editor, same text'],
        ['open until painted, median', ms(median(review.open)), ms(openOf('spanwise'))],
        ['next conflict shown, median', ms(median(review.nextConflict)), `${ms(addOf('spanwise'))} (new span)`],
        ['next conflict shown, p95', ms(quantile(review.nextConflict, 0.95)), `${ms(addOf('spanwise', 0.95))} (new span)`]
      ])
    )
    console.log('  (review open: from Alt+2 in the editor to the frame with every unit held by the painter; editor open: from navigation.')
    console.log('   next conflict: from N to the frame showing the unit selected, its versions and four lanes; beside it the editor\'s new span)')
  } finally {
    await browser?.close()
    await Promise.all(servers.map((s) => s.stop()))
    await rm(work, { recursive: true, force: true })
  }
}
