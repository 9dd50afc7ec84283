// The find bar labels what it finds: Alt+a label's key turns the current match into a span,
// Alt+Shift+key every match, undone as one step.
import { expect, test } from '../helpers/fixtures'
import { listedSpans } from '../helpers/workbench'

const TEXT = 'Army chief speaks\n\nZamir said the army is ready. Critics asked Zamir’s office, and Zamir replied: "Zamir".\n'

test('a label key in the find bar labels the current match, or every match as one undo step', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'army.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Army chief speaks')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Control+f')
  await page.getByTestId('find-input').fill('zamir')
  await expect(page.getByTestId('find-count')).toHaveText('1 of 4')

  // the current match becomes an actor and the find bar moves on; the query is untouched
  await page.keyboard.press('Alt+1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Zamir'])
  await expect(page.getByTestId('find-count')).toHaveText('2 of 4')
  await expect(page.getByTestId('find-input')).toHaveValue('zamir')
  // still in the Annotate view: Alt+1 belonged to the find bar
  await expect(page.getByTestId('document-text')).toBeVisible()

  // every match: the rest are made, possessive and quotes snapped off, none twice
  await page.keyboard.press('Alt+Shift+1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Zamir', 'actor: Zamir', 'actor: Zamir', 'actor: Zamir'])
  await expect(page.getByRole('status').filter({ hasText: 'Labelled 3 of 4 matches as actor.' })).toBeVisible()

  // one undo takes the three back
  await page.keyboard.press('Escape')
  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Control+z')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Zamir'])
})
