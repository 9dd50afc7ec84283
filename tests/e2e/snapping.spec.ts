// Spans made with the mouse follow entity conventions: a drag over "Netanyahu's" stores the
// name without the possessive, quotes and sentence punctuation stay out, figures stay whole;
// Alt keeps the exact characters.
import { expect, test } from '../helpers/fixtures'
import { dragAcross, listedSpans } from '../helpers/workbench'

const ARTICLE = 'Talks stall\n\nBenjamin Netanyahu\'s office said "Hamas" rejected it. Officials counted 41,200 dead.\n'

test('a drag snaps to whole tokens and leaves possessives, quotes and full stops out', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'talks.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) }])
  await expect(page.locator('.doc-heading')).toHaveText('Talks stall')

  await dragAcross(page, "Benjamin Netanyahu's")
  await page.keyboard.press('1')
  await dragAcross(page, '"Hamas"')
  await page.keyboard.press('1')
  // from inside "41,200" to the full stop after "dead"
  await dragAcross(page, '41,200 dead.', 2)
  await page.keyboard.press('3')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Benjamin Netanyahu', 'actor: Hamas', 'figure: 41,200 dead'])

  // Alt: exactly the characters dragged over
  await dragAcross(page, "Netanyahu's", 0, "Netanyahu's".length, { alt: true })
  await page.keyboard.press('2')
  await expect.poll(() => listedSpans(page)).toContain("claim: Netanyahu's")
})
