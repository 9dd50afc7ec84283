// Working without a mouse: reach the text with Tab, move and select with the keyboard, make,
// walk, resize and relabel spans, mark the document done and read the shortcut sheet.
import { expect, test } from '../helpers/fixtures'
import { listedSpans } from '../helpers/workbench'

const TEXT = 'Budget vote delayed\n\nFinance minister Rosa Ekman said the deficit reached 4.2 percent.\n'


test('keyboard only: caret by word, Shift to select, label key, Tab through spans, resize by a word', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'budget.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Budget vote delayed')

  // Tab through the controls until the text has focus
  for (let i = 0; i < 40; i++) {
    if (await page.locator('.document-text').evaluate((el) => el === document.activeElement)) break
    await page.keyboard.press('Tab')
  }
  await expect(page.locator('.document-text')).toBeFocused()

  // caret to the start of "Finance": first arrow places the caret, Down moves two lines
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Home')
  // skip "Finance minister ", then select "Rosa Ekman" word by word
  await page.keyboard.press('Control+ArrowRight')
  await page.keyboard.press('Control+ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Rosa Ekman'])

  // a second span on the number
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+ArrowRight')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Control+Shift+ArrowRight')
  await page.keyboard.press('3')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Rosa Ekman', 'figure: 4.2'])

  // Tab walks the spans; Alt+→ extends the selected one by a word; 2 relabels
  await page.keyboard.press('Escape')
  await page.keyboard.press('Tab')
  await expect(page.locator('[data-testid=span-item].selected')).toContainText('Rosa Ekman')
  await page.keyboard.press('Tab')
  await expect(page.locator('[data-testid=span-item].selected')).toContainText('4.2')
  await page.keyboard.press('Alt+ArrowRight')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Rosa Ekman', 'figure: 4.2 percent'])
  await page.keyboard.press('Alt+Shift+ArrowLeft')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Rosa Ekman', 'figure: reached 4.2 percent'])
  await page.keyboard.press('Alt+Shift+ArrowRight')
  await page.keyboard.press('2')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Rosa Ekman', 'claim: 4.2 percent'])

  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('progress')).toContainText('1 / 1 done')

  // the shortcut sheet lists the bindings
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toContainText('Undo')
  await expect(sheet).toContainText('Select text from the caret')
  await expect(sheet).toContainText('In the document or span list: move between rows')
  await expect(sheet.getByRole('row', { name: /While importing: cancel the import/ })).toContainText('Escape')
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
})
