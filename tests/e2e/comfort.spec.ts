// Reading comfort, kept per user: side panels that collapse and resize (usable at 1280×720), a
// readable measure on wide screens, text size by key, and a light / dark / system theme.
import { expect, test } from '../helpers/fixtures'

const LONG_LINE = 'The committee reviewed the harbour repairs, the ferry timetable and the budget for the coming winter season in detail. '.repeat(4)
const TEXT = `Harbour committee\n\n${LONG_LINE}\n`

test('panels collapse and resize, text size and theme are kept, lines keep a readable measure', async ({ page, workbench }) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(workbench.url)
  await page.evaluate(() => localStorage.removeItem('spanwise.view'))
  await page.getByTestId('file-input').setInputFiles([{ name: 'harbour.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Harbour committee')
  const text = page.getByTestId('document-text')
  const width = async () => (await text.boundingBox())!.width

  // collapse the documents panel by key: the text gains its width; the edge brings it back
  const before = await width()
  await text.focus()
  await page.keyboard.press('Control+b')
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeHidden()
  expect(await width()).toBeGreaterThan(before + 200)
  await page.getByRole('button', { name: 'Show the documents panel' }).click()
  await expect(page.getByRole('navigation', { name: 'Documents' })).toBeVisible()

  // drag the span panel's edge 100 px towards the text: the panel widens by 100
  const panel = page.locator('.sidebar.right')
  const panelWidth = (await panel.boundingBox())!.width
  const edge = (await page.getByTestId('panel-edge-right').boundingBox())!
  await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
  await page.mouse.down()
  await page.mouse.move(edge.x + edge.width / 2 - 100, edge.y + edge.height / 2, { steps: 5 })
  await page.mouse.up()
  await expect.poll(async () => Math.round((await panel.boundingBox())!.width - panelWidth)).toBe(100)

  // text size by key, kept across a reload
  const size = () => text.evaluate((element) => getComputedStyle(element).fontSize)
  expect(await size()).toBe('16px')
  await text.focus()
  await page.keyboard.press('Control+=')
  await page.keyboard.press('Control+=')
  await expect.poll(size).toBe('18px')
  // a theme of one's own
  await page.getByTestId('theme').selectOption('dark')
  await page.reload()
  await expect.poll(size).toBe('18px')
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark')
  await expect(page.getByTestId('theme')).toHaveValue('dark')

  // on a wide screen a line stops at a readable measure, far short of the text column's width
  await page.setViewportSize({ width: 1920, height: 1080 })
  const line = text.locator('.line').nth(2)
  // in characters of this font: the line's width over the width of "0" (what CSS calls 1ch)
  const measure = await line.evaluate((element) => {
    const probe = document.createElement('span')
    probe.textContent = '0'.repeat(100)
    probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden'
    element.append(probe)
    const ch = probe.getBoundingClientRect().width / 100
    probe.remove()
    return element.getBoundingClientRect().width / ch
  })
  expect(measure).toBeLessThanOrEqual(76)
  expect((await line.boundingBox())!.width).toBeLessThan((await width()) - 300)
})
