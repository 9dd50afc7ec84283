// A long document: spans far down are painted once they scroll into view, and a new span there
// is painted and saved like anywhere else.
import { expect, test, type Page } from '@playwright/test'
import { dragAcross, listedSpans, startWorkbench, type RunningWorkbench } from '../helpers/workbench'

const LINES = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the committee reviewed item ${i} and noted ${i * 3} objections.`)
const TEXT = ['Long minutes of the committee', '', ...LINES].join('\n')

function span(quote: string, label: string): [number, number, string] {
  const start = TEXT.indexOf(quote)
  return [start, start + quote.length, label]
}

let workbench: RunningWorkbench
test.beforeEach(async () => {
  workbench = await startWorkbench()
})
test.afterEach(async () => {
  await workbench.stop()
})

/** The texts of the label highlight ranges registered right now. */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('sw-label-'))
      .flatMap(([, h]) => [...h].map((r) => (r as StaticRange).startContainer.textContent!.slice(r.startOffset, r.endOffset)))
  )
}

test('spans far down a long document are painted when scrolled to, and new ones are too', async ({ page }) => {
  const record = { text: TEXT, label: [span('item 2 ', 'figure'), span('item 398', 'figure'), span('1194 objections', 'claim')] }
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'minutes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${JSON.stringify(record)}\n`) }])
  await expect(page.getByTestId('span-item')).toHaveCount(3)
  await expect.poll(() => paintedTexts(page)).toContain('item 2 ')

  // choosing the last span in the side panel scrolls there and paints it
  await page.getByTestId('span-item').filter({ hasText: '1194 objections' }).click()
  await expect.poll(() => paintedTexts(page)).toEqual(expect.arrayContaining(['item 398', '1194 objections']))

  await dragAcross(page, 'Paragraph 397')
  await page.keyboard.press('1')
  await expect.poll(() => paintedTexts(page)).toContain('Paragraph 397')
  await page.reload()
  await expect.poll(() => listedSpans(page)).toContain('actor: Paragraph 397')
})
