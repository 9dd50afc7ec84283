// The Review view on the renderer bench's document: the same 200,000-character text with three
// annotators' layers made from its 2,000 spans (one as generated; one relabels every tenth span
// and trims the end of another tenth; one leaves out every tenth and relabels another tenth).
//   open review   Alt+2 pressed in the editor until the review text is laid out, every unit is
//                 held by the painter (those near the viewport in the highlights) and a frame
//                 has been rendered after that.
//   next conflict N pressed until the next open conflict is selected (painted, its versions and
//                 lanes shown) and a frame has been rendered.
// Medians only, nothing asserted; printed beside the editor's own figures.
import path from 'node:path'
import type { Browser } from '@playwright/test'
import { spanwiseRecordLine } from '../../src/main/formats/spanwise-jsonl'
import { importSources } from '../../src/main/importing/import-files'
import { ProjectStore } from '../../src/main/store/project-store'
import type { AnnotationLayer, Span } from '../../src/shared/model'
import { OffsetMap } from '../../src/shared/offsets'
import { emptyGold, isOpenConflict, reviewUnits } from '../../src/shared/review'
import type { Corpus } from './corpus'
import { ANNOTATOR, evaluate, openPage, serveProject, type Timed, type Variant } from './renderer-bench'

const REVIEW_ANNOTATORS = ['ana', 'ben', 'cy'] as const

/** Three annotators' versions of the corpus spans, deterministic, disagreeing on about one in five. */
export function reviewLayers(corpus: Corpus): Record<(typeof REVIEW_ANNOTATORS)[number], Span[]> {
  const relabel = (label: string) => (label === 'actor' ? 'claim' : label === 'claim' ? 'figure' : 'actor')
  const ana = corpus.spans.map((s) => ({ ...s }))
  const ben = corpus.spans.map((s, i) => (i % 10 === 3 ? { ...s, label: relabel(s.label) } : i % 10 === 7 && s.end - s.start > 2 ? { ...s, end: s.end - 1 } : { ...s }))
  const cy = corpus.spans.flatMap((s, i) => (i % 10 === 5 ? [] : i % 10 === 8 ? [{ ...s, label: relabel(s.label) }] : [{ ...s }]))
  return { ana, ben, cy }
}

async function createReviewProject(folder: string, corpus: Corpus): Promise<number> {
  const store = await ProjectStore.open(folder, { create: true, name: 'review bench' })
  const offsets = new OffsetMap(corpus.text)
  const layers = reviewLayers(corpus)
  const lines = REVIEW_ANNOTATORS.map((annotator) =>
    spanwiseRecordLine({
      id: 'harbour',
      title: 'Harbour expansion',
      text: corpus.text,
      meta: {},
      annotator,
      status: 'done',
      spans: layers[annotator].map((s) => ({ ...s, text: offsets.sliceCodePoints(s.start, s.end) }))
    })
  )
  const report = await importSources(store, [{ name: 'review.jsonl', bytes: Buffer.from(lines.join('')) }], { annotator: ANNOTATOR })
  if (report.rejected.length > 0) throw new Error(`review bench project import failed: ${JSON.stringify(report.rejected)}`)
  // the units the view must paint, by the same shared function it uses
  const asLayers: AnnotationLayer[] = REVIEW_ANNOTATORS.map((annotator) => ({ version: 1, documentId: 'x', annotator, status: 'done', spans: layers[annotator], relations: [], updatedAt: null }))
  const units = reviewUnits(asLayers, emptyGold('x'))
  console.log(`  review: ${units.length.toLocaleString('en')} units, ${units.filter(isOpenConflict).length} open conflicts, 3 annotators`)
  return units.length
}

export interface ReviewFigures {
  open: number[]
  nextConflict: number[]
}

export async function reviewBench(browser: Browser, corpus: Corpus, work: string, options: { openRuns: number; conflictReps: number }): Promise<ReviewFigures> {
  const folder = path.join(work, 'review')
  const units = await createReviewProject(folder, corpus)
  const server = await serveProject(folder)
  const lines = corpus.text.split('\n').length
  // the page first opens in the editor (nothing of the reviewer's own to paint), then Alt+2
  const variant: Variant = { key: 'review', title: 'Review', url: server.url, text: '.document-text', config: { open: 'spanwise', lines, spans: 0 } }
  const figures: ReviewFigures = { open: [], nextConflict: [] }
  const reviewPainted = `(() => {
    const text = document.querySelector('.review-text .document-text')
    return !!text && window.__bench.lineCount('.review-text .document-text') === ${lines} && Number(text.dataset.spans) === ${units} && window.__bench.labelRanges('sw-label-') > 0
  })()`
  try {
    for (let run = 0; run <= options.openRuns; run++) {
      const { page, close } = await openPage(browser, variant)
      try {
        await evaluate(page, 'window.__bench.open', 'Review bench: editor open')
        await page.evaluate('window.__bench.frames(3)')
        // (not awaited here: it settles after the key press)
        await page.evaluate(`(() => { window.__bench.pending = window.__bench.when(() => ${reviewPainted}) })()`)
        await page.keyboard.press('Alt+2')
        const opened = await evaluate<Timed & { t0: number }>(page, 'window.__bench.pending.then((r) => ({ ...r, t0: window.__bench.keydown }))', 'Review: open')
        // the first load warms the caches and is not counted
        if (run > 0) figures.open.push(opened.painted - opened.t0)
        if (run < options.openRuns) continue
        await page.locator('.review-text .document-text').focus()
        await page.waitForTimeout(300)
        for (let i = 0; i < options.conflictReps; i++) {
          await page.evaluate(`(() => {
            const B = window.__bench
            const before = document.querySelector('[data-testid=versions]')?.dataset.unit ?? null
            B.pending = B.when(() => {
              const shown = document.querySelector('[data-testid=versions]')
              return !!shown && shown.dataset.unit !== before && document.querySelectorAll('[data-testid=lane] .line').length > 0
            })
          })()`)
          await page.evaluate('window.__bench.frames(2)')
          await page.waitForTimeout((i * 7.3) % (1000 / 60))
          await page.keyboard.press('n')
          const timed = await evaluate<Timed & { t0: number }>(page, 'window.__bench.pending.then((r) => ({ ...r, t0: window.__bench.keydown }))', 'Review: next conflict')
          figures.nextConflict.push(timed.painted - timed.t0)
        }
      } finally {
        await close()
      }
    }
    return figures
  } finally {
    await server.stop()
  }
}
