// Labels in words, not colour alone: a tag at the start of nested spans (by default) or of every
// span, a dot on spans with a note or attributes, and relation arrows that can be hidden.
import { expect, test } from '../helpers/fixtures'
import { clickOn, dragAcross } from '../helpers/workbench'

const TEXT = 'Premier speaks\n\nIsraeli Prime Minister Benjamin Netanyahu said the talks failed. Critics disagreed.\n'

test('label tags on nested spans, a dot for notes, and relations hidden by key', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.evaluate(() => localStorage.removeItem('spanwise.view'))
  await page.getByTestId('file-input').setInputFiles([{ name: 'premier.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Premier speaks')
  const tags = page.getByTestId('span-tag')

  await dragAcross(page, 'Israeli Prime Minister Benjamin Netanyahu')
  await page.keyboard.press('1')
  await dragAcross(page, 'the talks failed')
  await page.keyboard.press('2')
  // nothing nested yet: no tags by default
  await expect(tags).toHaveCount(0)
  await dragAcross(page, 'Benjamin Netanyahu')
  await page.keyboard.press('1')
  // the outer and the inner actor are both tagged, each at its own start
  await expect(tags).toHaveText(['actor', 'actor'])
  const [outer, inner] = await Promise.all([tags.nth(0).boundingBox(), tags.nth(1).boundingBox()])
  expect(inner!.x).toBeGreaterThan(outer!.x + 50)

  // every span tagged, then none; the setting is kept across a reload
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Control+Shift+L')
  await expect(tags).toHaveText(['actor', 'actor', 'claim'])
  await page.reload()
  await expect(tags).toHaveText(['actor', 'actor', 'claim'])
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Control+Shift+L')
  await expect(tags).toHaveCount(0)

  // a note gives its span a dot
  await clickOn(page, 'talks failed')
  await page.getByTestId('span-note').fill('hedged: "said"')
  await page.getByTestId('span-note').blur()
  await expect(page.getByTestId('span-details-mark')).toHaveCount(1)

  // relations: drawn, hidden with the key, shown again
  await clickOn(page, 'talks failed')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('r')
  await clickOn(page, 'Prime Minister')
  await expect(page.getByTestId('relation-arrow')).toHaveCount(1)
  await page.keyboard.press('Control+Shift+H')
  await expect(page.getByTestId('relation-arrow')).toHaveCount(0)
  await expect(page.getByTestId('hide-relations')).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Control+Shift+H')
  await expect(page.getByTestId('relation-arrow')).toHaveCount(1)
})
