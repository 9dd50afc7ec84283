// The Annotate view's header at the window widths people use (1024, 1280, 1920 px): the project
// actions stay one block (the ? button never wraps alone onto a row of its own), at 1280 px and up
// the top bar is one row, and a document's title is shown whole when it fits, else on a row of
// its own before its buttons (cut only when longer than that row), never hidden behind a panel.
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'

const LONG = 'Prime Minister says ceasefire talks in Cairo will resume next week despite objections from coalition partners'
const SHORT = 'Council approves budget'

type Box = { top: number; left: number; right: number; bottom: number }
const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { top: Math.round(r.top), left: Math.round(r.left), right: Math.round(r.right), bottom: Math.round(r.bottom) }
  })
const tops = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)))

async function openTitle(page: Page, title: string) {
  await page.getByTestId('document-item').filter({ hasText: title }).click()
  await expect(page.getByTestId('document-title')).toHaveText(title)
}

test('the header at 1024, 1280 and 1920 px: actions together, one top row from 1280, titles shown whole when they fit', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([
    { name: 'talks.txt', mimeType: 'text/plain', buffer: Buffer.from(`${LONG}\n\nNegotiators met again on Sunday.\n`) },
    { name: 'budget.txt', mimeType: 'text/plain', buffer: Buffer.from(`${SHORT}\n\nThe council approved the budget.\n`) }
  ])
  await expect(page.getByTestId('document-item')).toHaveCount(2)
  const actions = page.getByRole('group', { name: 'Project actions' })
  const help = actions.getByRole('button', { name: 'Keyboard shortcuts' })

  for (const width of [1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: 760 })
    await test.step(`${width} px`, async () => {
      // every project action on one row, the ? button with them, inside the window
      await expect.poll(async () => new Set(await tops(page, '.topbar-actions > button')).size).toBe(1)
      const helpBox = await help.evaluate((el) => el.getBoundingClientRect().right)
      expect(helpBox).toBeLessThanOrEqual(width)
      const heading = await box(page, '.topbar h1')
      const actionsBox = await box(page, '.topbar-actions')
      // from 1280 px the whole top bar is one row: the actions beside the name
      if (width >= 1280) expect(Math.abs(actionsBox.top + actionsBox.bottom - heading.top - heading.bottom)).toBeLessThanOrEqual(4)

      const editor = await box(page, 'section.editor')
      // a short title whole; from 1280 px its buttons on the same row (at 1024 px the text column is narrow)
      await openTitle(page, SHORT)
      expect(await page.getByTestId('document-title').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
      const shortTitle = await box(page, '.doc-heading')
      const markDone = await box(page, '.editor-actions button')
      if (width >= 1280) expect(Math.abs(markDone.top + markDone.bottom - shortTitle.top - shortTitle.bottom)).toBeLessThanOrEqual(12)

      // a long one: a row of its own (the whole of it where the row is long enough), the buttons below it,
      // every button inside the editor (none under the span panel)
      await openTitle(page, LONG)
      const title = page.getByTestId('document-title')
      const titleBox = await box(page, '.doc-heading')
      const header = await page.locator('.editor-header').evaluate((el) => {
        const style = getComputedStyle(el)
        return el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      })
      const cut = await title.evaluate((el) => el.scrollWidth > el.clientWidth)
      if (cut) expect(titleBox.right - titleBox.left).toBeGreaterThanOrEqual(header - 2)
      await expect(title).toHaveAttribute('title', new RegExp(LONG))
      for (const button of await page.locator('.editor-actions button').all()) {
        const b = await button.evaluate((el) => el.getBoundingClientRect().right)
        expect(b).toBeLessThanOrEqual(editor.right)
      }
      const actionsRow = await box(page, '.editor-actions')
      if (cut) expect(actionsRow.top).toBeGreaterThanOrEqual(titleBox.bottom - 2)
    })
  }
})
