// Messages are toasts: information leaves by itself, an error stays until dismissed and is an
// alert for screen readers, and neither moves the layout.
import { expect, test } from '../helpers/fixtures'
import { clickOn, dragAcross, exportFromUi } from '../helpers/workbench'

const TEXT = 'Port talks\n\nThe port will reopen, officials said, with 48 jobs and 3 ships.\n'

test('toasts float: information goes away by itself, errors stay until read, the layout never moves', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'port.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Port talks')
  const heading = page.locator('.doc-heading')
  const top = async () => (await heading.boundingBox())!.y

  const before = await top()
  await exportFromUi(page)
  const info = page.getByTestId('toasts').getByRole('status').filter({ hasText: 'Export download started' })
  await expect(info).toBeVisible()
  expect(await top()).toBe(before)
  await expect(info).toBeHidden({ timeout: 15_000 })

  // an error: two figures cannot be linked (no relation type goes from figure to figure)
  await dragAcross(page, '48 jobs')
  await page.keyboard.press('3')
  await dragAcross(page, '3 ships')
  await page.keyboard.press('3')
  await clickOn(page, '48 jobs')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('r')
  await clickOn(page, 'ships')
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('No relation type goes from figure to figure')
  expect(await top()).toBe(before)
  await page.waitForTimeout(7000)
  await expect(alert).toBeVisible()
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toHaveCount(0)
})
