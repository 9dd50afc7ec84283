// A long document: spans far down are painted once they scroll into view, and a new span there
// is painted and saved like anywhere else.
import { expect, test } from '../helpers/fixtures'
import { doccanoSpan, dragAcross, listedSpans, paintedTexts } from '../helpers/workbench'

const LINES = Array.from({ length: 400 }, (_, i) => `Paragraph ${i}: the committee reviewed item ${i} and noted ${i * 3} objections.`)
const TEXT = ['Long minutes of the committee', '', ...LINES].join('\n')

const span = (quote: string, label: string) => doccanoSpan(TEXT, quote, label)

test('spans far down a long document are painted when scrolled to, and new ones are too', async ({ page, workbench }) => {
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

test('hundreds of spans: the side list renders the rows in view and follows the selected span', async ({ page, workbench }) => {
  const record = { text: TEXT, label: LINES.map((_, i) => span(`item ${i} and`, 'figure')) }
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'minutes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${JSON.stringify(record)}\n`) }])
  const list = page.getByRole('region', { name: 'Spans' })
  await expect(list.locator('h2 .count')).toHaveText('400')
  await expect(page.getByTestId('span-item').first()).toContainText('item 0 and')
  // a window of rows, not 400 of them
  expect(await page.getByTestId('span-item').count()).toBeLessThan(60)

  // Shift+Tab from nothing selects the last span: its row is scrolled into view and marked
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Shift+Tab')
  const selected = page.locator('[data-testid="span-item"][aria-pressed="true"]')
  await expect(selected).toContainText('item 399 and')
  await expect(selected).toBeInViewport()
  await expect(selected.locator('xpath=..')).toHaveAttribute('aria-posinset', '400')
  await page.keyboard.press('Tab')
  await expect(selected).toContainText('item 0 and')
  await expect(selected).toBeInViewport()
})

test('the span list is one Tab stop walked with arrows, Home and End, and Enter selects the row', async ({ page, workbench }) => {
  const record = { text: TEXT, label: LINES.map((_, i) => span(`item ${i} and`, 'figure')) }
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'minutes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${JSON.stringify(record)}\n`) }])
  const rows = page.getByTestId('span-item')
  await expect(rows.first()).toContainText('item 0 and')
  await rows.first().focus()
  const focused = page.locator('[data-testid="span-item"]:focus')

  await page.keyboard.press('ArrowDown')
  await expect(focused).toContainText('item 1 and')
  await page.keyboard.press('End')
  await expect(focused).toContainText('item 399 and')
  await expect(focused).toBeInViewport()
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-testid="span-item"][aria-pressed="true"]')).toContainText('item 399 and')
  // the text follows: the chosen span is painted where the text scrolled to
  await expect.poll(() => paintedTexts(page)).toContain('item 399 and')
  await page.keyboard.press('Home')
  await expect(focused).toContainText('item 0 and')
  // scrolled far away with the wheel, the focused row stays (and stays focused)
  await page.locator('.span-list .virtual-list').evaluate((list) => (list.scrollTop = list.scrollHeight))
  await expect(rows.filter({ hasText: 'item 399 and' })).toBeVisible()
  await expect(focused).toContainText('item 0 and')

  // only one row is a Tab stop: Tab leaves the list
  await page.keyboard.press('Tab')
  await expect(page.locator('[data-testid="span-item"]:focus')).toHaveCount(0)
  await page.keyboard.press('Shift+Tab')
  await expect(focused).toContainText('item 0 and')
})

test('every document opens at its top, wherever the previous one was scrolled to', async ({ page, workbench }) => {
  const other = ['Short note on the budget', '', 'The council met briefly.', ...LINES.slice(0, 300)].join('\n')
  const minutes = { text: TEXT, label: [span('1194 objections', 'claim')] }
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([
    { name: 'a-minutes.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(`${JSON.stringify(minutes)}\n`) },
    { name: 'b-note.txt', mimeType: 'text/plain', buffer: Buffer.from(other) }
  ])
  await page.getByRole('button', { name: /Long minutes of the committee/ }).click()
  await expect(page.locator('.doc-heading')).toHaveText('Long minutes of the committee')
  const scroller = page.getByTestId('document-text')
  // Shift+Tab selects the last span, far down: the text scrolls there
  await scroller.focus()
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBeGreaterThan(1000)

  // to the other document with the key: it opens at its top, its first line in view
  await page.keyboard.press(']')
  await expect(page.locator('.doc-heading')).toHaveText('Short note on the budget')
  await expect(scroller.getByText('The council met briefly.')).toBeInViewport()
  await expect.poll(() => scroller.evaluate((element) => element.scrollTop)).toBe(0)
})
