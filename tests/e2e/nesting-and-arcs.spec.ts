// Every span visible, and relations that never cover text: a span nested in another of the same
// label gets its own bracket (a shorter one, nearer the text), clicks cycle through the spans
// under the pointer, and relation arcs run in the gaps between lines, with labels that never
// overlap and one head per arrow, at three window widths.
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { clickOn, dragAcross, listedSpans, type RunningWorkbench } from '../helpers/workbench'

const PREMIER = 'Premier speaks\n\nIsraeli Prime Minister Benjamin Netanyahu said the talks failed. Critics disagreed.\n'

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom

/** The painted brackets of the spans, by span id, in page coordinates. */
function laneBoxes(page: Page): Promise<{ id: string; lane: number; selected: boolean; box: Box }[]> {
  return page.getByTestId('span-lane').evaluateAll((bars) =>
    bars.map((bar) => {
      const { left, top, right, bottom } = bar.getBoundingClientRect()
      return { id: bar.getAttribute('data-span-id')!, lane: Number(bar.getAttribute('data-lane')), selected: bar.classList.contains('selected'), box: { left, top, right, bottom } }
    })
  )
}

test('a span nested in another of the same label gets its own bracket, and clicks cycle through both', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'premier.txt', mimeType: 'text/plain', buffer: Buffer.from(PREMIER) }])
  await expect(page.locator('.doc-heading')).toHaveText('Premier speaks')
  await dragAcross(page, 'Israeli Prime Minister Benjamin Netanyahu')
  await page.keyboard.press('1')
  await dragAcross(page, 'Benjamin Netanyahu')
  await page.keyboard.press('1')
  await dragAcross(page, 'Netanyahu said the talks failed')
  await page.keyboard.press('2')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Israeli Prime Minister Benjamin Netanyahu', 'actor: Benjamin Netanyahu', 'claim: Netanyahu said the talks failed'])

  await expect(page.getByTestId('span-lane')).toHaveCount(3)
  if (process.env.SHOT) await page.screenshot({ path: '/tmp/nested.png' })
  const bars = await laneBoxes(page)
  const textBox = await page.evaluate(() => {
    const line = [...document.querySelectorAll('.document-text .line')].find((l) => l.textContent!.startsWith('Israeli'))!
    const range = document.createRange()
    range.selectNodeContents(line)
    const { left, top, right, bottom } = range.getClientRects()[0]!
    return { left, top, right, bottom }
  })
  const byLane = [...bars].sort((a, b) => a.lane - b.lane)
  // the inner actor runs nearest the text, the crossing claim in a lane of its own, the outer actor below both
  const [inner, claim, outer] = byLane.map((bar) => bar.box) as [Box, Box, Box]
  expect(byLane.map((bar) => bar.lane)).toEqual([0, 1, 2])
  expect(outer.right - outer.left).toBeGreaterThan(inner.right - inner.left + 100)
  expect(outer.bottom).toBeGreaterThan(inner.bottom + 3)
  expect(claim.right).toBeGreaterThan(outer.right + 50)
  // the outer bracket starts where "Israeli" starts, the inner one where "Benjamin" does; both end together
  expect(Math.abs(outer.left - textBox.left)).toBeLessThan(1)
  expect(inner.left).toBeGreaterThan(outer.left + 100)
  expect(Math.abs(inner.right - outer.right)).toBeLessThan(1)
  // every bracket hangs below the text: it rises at most a few pixels into the text's box
  for (const bar of bars) expect(bar.box.top).toBeGreaterThan(textBox.bottom - 4)

  // a click on "Benjamin" selects the innermost span there, the next click the outer one, then round again
  const selectedText = () => page.locator('[data-testid=span-item].selected .span-text').textContent()
  const selectedBar = async () => (await laneBoxes(page)).filter((bar) => bar.selected).map((bar) => bar.lane)
  await clickOn(page, 'Benjamin')
  await expect.poll(selectedText).toBe('Benjamin Netanyahu')
  await expect.poll(selectedBar).toEqual([0])
  await clickOn(page, 'Benjamin')
  await expect.poll(selectedText).toBe('Israeli Prime Minister Benjamin Netanyahu')
  await expect.poll(selectedBar).toEqual([2])
  await clickOn(page, 'Benjamin')
  await expect.poll(selectedText).toBe('Benjamin Netanyahu')
})

// An article whose paragraphs wrap at every width, with relations inside one row, between rows of
// one paragraph, across paragraphs, nested arcs, and two arrows onto one target.
const ARTICLE = [
  'Ceasefire talks stall',
  '',
  'Israeli Prime Minister Benjamin Netanyahu said on Thursday that the talks in Cairo had failed, while the mediators from Qatar and Egypt insisted that a draft agreement covering 41,200 displaced families was still on the table and that a further round would begin next week.',
  '',
  'Opposition leader Yair Lapid called the statement reckless and said the government had walked away from a deal that 16,700 relatives of hostages had asked for, adding that the cabinet would have to answer for it in the Knesset.',
  'Officials in Washington said the aid corridor would reopen within 12 days and that 41,200 families would be counted again.'
].join('\n')

const SPANS: [string, string, string][] = [
  ['a1', 'Israeli Prime Minister Benjamin Netanyahu', 'actor'],
  ['a2', 'Benjamin Netanyahu', 'actor'],
  ['c1', 'the talks in Cairo had failed', 'claim'],
  ['a3', 'the mediators from Qatar and Egypt', 'actor'],
  ['c2', 'a draft agreement covering 41,200 displaced families was still on the table', 'claim'],
  ['f1', '41,200 displaced families', 'figure'],
  ['a4', 'Opposition leader Yair Lapid', 'actor'],
  ['c3', 'the government had walked away from a deal', 'claim'],
  ['f2', '16,700 relatives of hostages', 'figure'],
  ['a5', 'Officials in Washington', 'actor'],
  ['c4', 'the aid corridor would reopen within 12 days', 'claim'],
  ['f3', '12 days', 'figure']
]
const RELATIONS: [string, string, string][] = [
  ['c1', 'attributed_to', 'a2'],
  ['c1', 'attributed_to', 'a1'],
  ['c2', 'attributed_to', 'a3'],
  ['f1', 'quantifies', 'c2'],
  ['f1', 'quantifies', 'a3'],
  ['c3', 'attributed_to', 'a4'],
  ['f2', 'quantifies', 'c3'],
  ['f2', 'quantifies', 'a4'],
  ['c4', 'attributed_to', 'a5'],
  ['f3', 'quantifies', 'c4'],
  // across paragraphs: Lapid answers Netanyahu's claim
  ['c3', 'attributed_to', 'a1']
]

async function saveArticle(workbench: RunningWorkbench): Promise<void> {
  const api = async (channel: string, input: unknown) => {
    const response = await fetch(`${workbench.url}api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spanwise-annotator': workbench.annotator },
      body: JSON.stringify(input)
    })
    const body = (await response.json()) as { ok: boolean; value: never; error?: { message: string } }
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
    return body.value as { id: string; title: string }[] & { document: { text: string }; version: string }
  }
  const listed = await api('documents.list', {})
  const id = listed.find((doc) => doc.title === 'Ceasefire talks stall')!.id
  const { document, version } = await api('documents.get', { id })
  const spans = SPANS.map(([id, quote, label]) => {
    const at = document.text.indexOf(quote)
    const start = [...document.text.slice(0, at)].length
    return { id, start, end: start + [...quote].length, label }
  })
  const relations = RELATIONS.map(([from, type, to], i) => ({ id: `r${i}`, from, to, type }))
  await api('annotations.save', { documentId: id, baseVersion: version, spans, relations })
}

/** Where the arcs, their heads and labels are, and the text's glyph boxes (one per row). */
function measureArcs(page: Page) {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })
    const rows = [...document.querySelectorAll('.document-text .line')].flatMap((line) => {
      if (!line.firstChild || line.firstChild.nodeType !== Node.TEXT_NODE) return []
      const range = document.createRange()
      range.selectNodeContents(line)
      return [...range.getClientRects()].filter((r) => r.width > 0).map(box)
    })
    const svg = document.querySelector<SVGSVGElement>('.relation-layer')!
    const matrix = svg.getScreenCTM()!
    const arcPoints = [...document.querySelectorAll<SVGPathElement>('[data-testid=relation-arrow] .relation-line')].map((path) => {
      const length = path.getTotalLength()
      const points: { x: number; y: number }[] = []
      for (let at = 0; at <= length; at += 1) {
        const p = path.getPointAtLength(at).matrixTransform(matrix)
        points.push({ x: p.x, y: p.y })
      }
      return points
    })
    // the bars of the spans' brackets, less the edges that rise into their own text
    const bars = [...document.querySelectorAll('[data-testid=span-lane]')].map((bar) => {
      const r = bar.getBoundingClientRect()
      return { left: r.left, top: r.bottom - 3, right: r.right, bottom: r.bottom }
    })
    const heads = [...document.querySelectorAll('[data-testid=relation-head]')].map((head) => box(head.getBoundingClientRect()))
    const labels = [...document.querySelectorAll('[data-testid=relation-label]')].map((label) => box(label.getBoundingClientRect()))
    return { rows, bars, arcPoints, heads, labels }
  })
}

for (const width of [1280, 1440, 1920]) {
  test(`relation arcs run between the lines at ${width} px: no text covered, labels apart, one head per arrow`, async ({ page, workbench }) => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(workbench.url)
    await page.getByTestId('file-input').setInputFiles([{ name: 'ceasefire.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) }])
    await expect(page.locator('.doc-heading')).toHaveText('Ceasefire talks stall')
    await saveArticle(workbench)
    await page.reload()
    await page.getByRole('button', { name: /Ceasefire talks stall/ }).click()
    await expect(page.getByTestId('relation-arrow')).toHaveCount(RELATIONS.length)
    await page.waitForTimeout(200)

    if (process.env.SHOT) await page.screenshot({ path: `/tmp/arcs-${width}.png` })
    await expect(page.getByTestId('span-lane').first()).toBeVisible()
    const { rows, bars, arcPoints, heads, labels } = await measureArcs(page)
    // the paragraphs wrap, so arcs meet rows inside a paragraph as well as between paragraphs
    expect(rows.length).toBeGreaterThan(6)
    // no point of any arc lies in any row's text
    for (const [i, points] of arcPoints.entries()) {
      const inText = points.filter((p) => rows.some((row) => p.x > row.left && p.x < row.right && p.y > row.top + 0.5 && p.y < row.bottom - 0.5))
      expect(inText, `arc ${RELATIONS[i]!.join(' ')} crosses text`).toEqual([])
      // nor the underline of any span
      const onBars = points.filter((p) => bars.some((bar) => p.x > bar.left && p.x < bar.right && p.y > bar.top && p.y < bar.bottom))
      expect(onBars, `arc ${RELATIONS[i]!.join(' ')} crosses a span's bracket`).toEqual([])
    }
    // N arrows, N heads, none on another, none in the text
    expect(heads).toHaveLength(RELATIONS.length)
    for (const [i, head] of heads.entries()) {
      expect(rows.filter((row) => intersects(head, row)), `head ${i} on text`).toEqual([])
      for (const other of heads.slice(i + 1)) expect(intersects(head, other), `heads ${i} overlap`).toBe(false)
    }
    // labels: none on the text or a bracket, none on another label
    expect(labels).toHaveLength(RELATIONS.length)
    for (const [i, label] of labels.entries()) {
      expect(rows.filter((row) => intersects(label, row)), `label ${RELATIONS[i]!.join(' ')} on text`).toEqual([])
      expect(bars.filter((bar) => intersects(label, bar)), `label ${RELATIONS[i]!.join(' ')} on a bracket`).toEqual([])
      for (const [j, other] of labels.entries()) if (j > i) expect(intersects(label, other), `labels ${RELATIONS[i]!.join(' ')} and ${RELATIONS[j]!.join(' ')} overlap`).toBe(false)
    }
    // two arrows onto one target land at two points: "the talks in Cairo" is linked to both actors,
    // Yair Lapid is the target of two arrows
    const tips = heads.map((head) => `${Math.round(head.left)}:${Math.round(head.bottom)}`)
    expect(new Set(tips).size).toBe(RELATIONS.length)

    // an arc is still clicked to select it
    const onArc = await page.evaluate(() => {
      const path = document.querySelector<SVGPathElement>('[data-testid=relation-arrow][data-type=quantifies] .relation-line')!
      const p = path.getPointAtLength(path.getTotalLength() / 2).matrixTransform(path.getScreenCTM()!)
      return { x: p.x, y: p.y }
    })
    await page.mouse.click(onArc.x, onArc.y)
    await expect(page.locator('[data-testid=relation-item].selected')).toHaveCount(1)
  })
}
