// Spans are walked in the order of the text, whatever order they were made in: the span list,
// Tab and Shift+Tab; in relation mode Tab stops only at spans a relation can link to.
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { clickOn, dragAcross, listedSpans } from '../helpers/workbench'

const TEXT = 'Port talks\n\nMayor Ilse Brandt said the port will reopen. Trump said the deal adds 3 ships. Critics said 48 jobs go.\n'

const selected = (page: Page) => page.locator('[data-testid=span-item].selected .span-text').textContent()

test('the span list and Tab follow the text, and relation mode visits only possible targets', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Port talks')
  // made out of order: the last sentence's figure first, then the claim, then the actors
  await dragAcross(page, '48 jobs')
  await page.keyboard.press('3')
  await dragAcross(page, 'the deal adds 3 ships')
  await page.keyboard.press('2')
  await dragAcross(page, 'Trump')
  await page.keyboard.press('1')
  await dragAcross(page, 'Mayor Ilse Brandt')
  await page.keyboard.press('1')
  // in text order at once, no reload needed
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Mayor Ilse Brandt', 'actor: Trump', 'claim: the deal adds 3 ships', 'figure: 48 jobs'])

  // Tab from "Trump" goes to the claim right after it, then the figure; Shift+Tab walks back
  await clickOn(page, 'Trump')
  await expect.poll(() => selected(page)).toBe('Trump')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Tab')
  await expect.poll(() => selected(page)).toBe('the deal adds 3 ships')
  await page.keyboard.press('Tab')
  await expect.poll(() => selected(page)).toBe('48 jobs')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await expect.poll(() => selected(page)).toBe('Trump')

  // relation mode from the claim (attributed_to: claim → actor): Tab stops at actors only
  await clickOn(page, 'deal adds')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('r')
  await page.keyboard.press('Tab')
  await expect.poll(() => selected(page)).toBe('Mayor Ilse Brandt')
  await page.keyboard.press('Tab')
  await expect.poll(() => selected(page)).toBe('Trump')
  await page.keyboard.press('Tab')
  await expect.poll(() => selected(page)).toBe('Mayor Ilse Brandt')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('relation-item')).toHaveText(['the deal adds 3 ships→ attributed_to →Mayor Ilse Brandt'])
  await expect(page.getByRole('alert')).toHaveCount(0)
})
