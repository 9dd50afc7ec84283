// Arabic and Hebrew lines render right to left, and a span selected with the mouse inside an
// Arabic sentence exports exactly the text that was selected.
import { readFile } from 'node:fs/promises'
import { expect, test } from '../helpers/fixtures'
import { dragAcross, exportFromUi, listedSpans } from '../helpers/workbench'

const TEXT = [
  'Ministers meet on water rights',
  '',
  'قال وزير المياه إن الاتفاق سيوقع يوم الخميس في عمان.',
  'אמר הדובר כי השיחות יימשכו עד סוף החודש.',
  'The talks involve 3 countries.'
].join('\n')


test('right-to-left lines render RTL and a span inside Arabic exports exactly', async ({ page, workbench }) => {
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'water.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT) }])
  await expect(page.locator('.doc-heading')).toHaveText('Ministers meet on water rights')

  const directions = await page.locator('.document-text .line').evaluateAll((lines) => lines.map((line) => getComputedStyle(line).direction))
  expect(directions).toEqual(['ltr', 'ltr', 'rtl', 'rtl', 'ltr'])

  // select from inside "وزير" to inside "المياه": snapping gives both whole words
  await dragAcross(page, 'وزير المياه', 1, 9)
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: وزير المياه'])
  await dragAcross(page, 'הדובר')
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: وزير المياه', 'actor: הדובר'])

  const record = JSON.parse((await readFile(await exportFromUi(page, 'jsonl'), 'utf8')).trim())
  const exported = record.spans.map((span: { start: number; end: number }) => Array.from(record.text as string).slice(span.start, span.end).join(''))
  expect(exported).toEqual(['وزير المياه', 'הדובר'])
})
