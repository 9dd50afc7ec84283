// Document titles in the list and the editor: the file name under each title, the list sorted by
// title, import order or status (kept after a reload), a document renamed by key (F2) and by mouse,
// the new title kept after a reload and carried by the export, and a rename made over a title
// that changed in another tab refused, not written over.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test } from '../helpers/fixtures'
import { dragAcross, exportFromUi, type RunningWorkbench } from '../helpers/workbench'

// imported in this order; their titles sort otherwise, and their statuses will differ again
const FILES = [
  { name: 'wire-0412.txt', text: 'Thursday, November 21, 2024\n\nWater study finds lead in schools\n\nThe study tested 120 schools.\n' },
  { name: 'desk-a.txt', text: 'Grain prices fall for a third month\n\nTraders blamed the harvest.\n' },
  { name: 'desk-b.txt', text: 'Harbour bridge approved\n\nThe council voted 7 to 2 on Monday.\n' }
]
const TITLES = ['Water study finds lead in schools', 'Grain prices fall for a third month', 'Harbour bridge approved']

const rowTitles = (page: Page) => page.getByTestId('document-item').locator('.doc-title').allTextContents()
const row = (page: Page, title: string) => page.getByTestId('document-item').filter({ has: page.locator('.doc-title', { hasText: title }) })

async function importFiles(page: Page, workbench: RunningWorkbench): Promise<void> {
  await page.goto(workbench.url)
  await expect(page.getByText('No documents yet')).toBeVisible()
  await page.getByTestId('file-input').setInputFiles(FILES.map((file) => ({ name: file.name, mimeType: 'text/plain', buffer: Buffer.from(file.text) })))
  await expect(page.getByTestId('document-item')).toHaveCount(3)
}

test('the list shows file names and sorts by title, import order and status, kept after a reload', async ({ page, workbench }) => {
  await importFiles(page, workbench)
  // every row: its title (the headline, not the date line) and, under it, the file it came from
  for (const [k, file] of FILES.entries()) {
    await expect(row(page, TITLES[k]!).getByTestId('document-file')).toHaveText(file.name)
  }

  await expect(page.getByTestId('document-order')).toHaveValue('title')
  await expect.poll(() => rowTitles(page)).toEqual(['Grain prices fall for a third month', 'Harbour bridge approved', 'Water study finds lead in schools'])

  // the sort control is a Tab stop like any field; the keyboard chooses the order
  await page.getByTestId('document-order').focus()
  await page.getByTestId('document-order').selectOption('import')
  await expect.poll(() => rowTitles(page)).toEqual(TITLES)

  // statuses: the harbour document begun (a span), the water study done, the grain one not begun
  await row(page, 'Harbour bridge approved').click()
  await expect(page.getByTestId('document-title')).toHaveText('Harbour bridge approved')
  await dragAcross(page, 'council')
  await page.keyboard.press('1')
  await expect(row(page, 'Harbour bridge approved')).toContainText('In progress')
  await row(page, 'Water study finds lead in schools').click()
  await expect(page.getByTestId('document-title')).toHaveText('Water study finds lead in schools')
  await page.getByRole('button', { name: /Mark done/ }).click()
  await expect(row(page, 'Water study finds lead in schools')).toContainText('Done')

  await page.getByTestId('document-order').selectOption('status')
  await expect.poll(() => rowTitles(page)).toEqual(['Harbour bridge approved', 'Grain prices fall for a third month', 'Water study finds lead in schools'])
  // ] walks the list in the order shown
  await row(page, 'Harbour bridge approved').click()
  await page.keyboard.press(']')
  await expect(page.getByTestId('document-title')).toHaveText('Grain prices fall for a third month')

  // the order is the user's preference: a reload keeps it
  await page.reload()
  await expect(page.getByTestId('document-order')).toHaveValue('status')
  await expect.poll(() => rowTitles(page)).toEqual(['Harbour bridge approved', 'Grain prices fall for a third month', 'Water study finds lead in schools'])
})

test('rename by F2 and by mouse: the list, the header, a reload and the export show the new title', async ({ page, workbench }) => {
  await importFiles(page, workbench)
  await page.getByTestId('document-order').selectOption('title')

  // F2 on a row of the list renames that document (opened for it)
  await row(page, 'Water study finds lead in schools').focus()
  await page.keyboard.press('F2')
  const field = page.getByTestId('document-title-input')
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('Water study finds lead in schools')
  await field.fill('Lead in school water')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('document-title')).toHaveText('Lead in school water')
  await expect(page.getByTestId('toasts')).toContainText('Renamed to “Lead in school water”')
  // focus went back to the row it came from, which now has the new title and the same file
  await expect(row(page, 'Lead in school water')).toBeFocused()
  await expect(row(page, 'Lead in school water').getByTestId('document-file')).toHaveText('wire-0412.txt')
  await expect.poll(() => rowTitles(page)).toEqual(['Grain prices fall for a third month', 'Harbour bridge approved', 'Lead in school water'])

  // Escape leaves the title as it was
  await page.keyboard.press('F2')
  await field.fill('Not this one')
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('document-title')).toHaveText('Lead in school water')

  // by mouse: the Rename button beside the title
  await row(page, 'Harbour bridge approved').click()
  await expect(page.getByTestId('document-title')).toHaveText('Harbour bridge approved')
  await page.getByTestId('rename-document').click()
  await field.fill('Council backs the bridge')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('document-title')).toHaveText('Council backs the bridge')
  await expect.poll(() => rowTitles(page)).toEqual(['Council backs the bridge', 'Grain prices fall for a third month', 'Lead in school water'])

  // kept in the project: a reload shows the new titles, each still over its own file
  await page.reload()
  await expect.poll(() => rowTitles(page)).toEqual(['Council backs the bridge', 'Grain prices fall for a third month', 'Lead in school water'])
  await expect(row(page, 'Council backs the bridge').getByTestId('document-file')).toHaveText('desk-b.txt')
  await row(page, 'Lead in school water').click()
  await expect(page.getByTestId('document-title')).toHaveText('Lead in school water')
  await expect(page.getByTestId('document-title')).toHaveAttribute('title', /Imported as: Water study finds lead in schools/)

  // the export carries the new titles, over the same texts
  const exported = (await readFile(await exportFromUi(page), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as { title: string; text: string })
  expect(exported.map((record) => record.title).sort()).toEqual(['Council backs the bridge', 'Grain prices fall for a third month', 'Lead in school water'])
  expect(exported.find((record) => record.title === 'Lead in school water')!.text).toBe(FILES[0]!.text)

  // the title is stored in the document's file, the text untouched
  const files = await import('node:fs/promises').then((fs) => fs.readdir(path.join(workbench.project, 'documents')))
  const records = await Promise.all(files.map(async (name) => JSON.parse(await readFile(path.join(workbench.project, 'documents', name), 'utf8')) as { title: string; text: string; renamed?: { importedTitle: string } }))
  expect(records.find((record) => record.title === 'Council backs the bridge')).toMatchObject({ text: FILES[2]!.text, renamed: { importedTitle: 'Harbour bridge approved' } })
})

test('a rename over a title another tab changed meanwhile is refused, not written over', async ({ page, workbench, context }) => {
  await importFiles(page, workbench)
  await row(page, 'Grain prices fall for a third month').click()
  await expect(page.getByTestId('document-title')).toHaveText('Grain prices fall for a third month')
  const other = await context.newPage()
  await other.goto(workbench.url)
  await row(other, 'Grain prices fall for a third month').click()
  await expect(other.getByTestId('document-title')).toHaveText('Grain prices fall for a third month')

  // this tab starts editing the title; meanwhile the other tab renames the document
  await page.getByTestId('rename-document').click()
  await other.getByTestId('rename-document').click()
  await other.getByTestId('document-title-input').fill('Grain slump continues')
  await other.keyboard.press('Enter')
  await expect(other.getByTestId('document-title')).toHaveText('Grain slump continues')

  // this tab's rename was made from the old title: refused, and the other tab's title stays
  await page.getByTestId('document-title-input').fill('Wheat prices down')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert')).toContainText('renamed elsewhere meanwhile, to “Grain slump continues”')
  await expect(page.getByTestId('document-title')).toHaveText('Grain slump continues')
  await other.reload()
  await expect(row(other, 'Grain slump continues')).toHaveCount(1)

  // renamed again from the title it now shows, it goes through (no stale version is kept)
  await page.getByTestId('rename-document').click()
  await page.getByTestId('document-title-input').fill('Wheat prices down')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('document-title')).toHaveText('Wheat prices down')
  await expect(row(other, 'Wheat prices down')).toHaveCount(1)
})
