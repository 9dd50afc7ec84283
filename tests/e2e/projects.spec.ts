// Projects like a desktop app, in Chromium against one running `spanwise serve --root`: the
// start page, New project (template and copied labels), import into it, Open and switch between
// projects from the recent list and back, without restarting the server; a second tab left on
// the old project is told and writes nothing; the start page and dialogs pass axe.
import AxeBuilder from '@axe-core/playwright'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { dragAcross, startWorkbench, type RunningWorkbench } from '../helpers/workbench'

const LOCK = '.spanwise-app.lock'
let root: string
let workbench: RunningWorkbench

test.beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-root-'))
  workbench = await startWorkbench({ root })
})

test.afterEach(async () => {
  await workbench.stop()
  await rm(root, { recursive: true, force: true })
})

async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), what).toEqual([])
}

async function newProject(page: Page, name: string, labels: { template?: RegExp; copyFrom?: string } = {}): Promise<void> {
  const dialog = page.getByTestId('new-project-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId('new-project-name').fill(name)
  if (labels.template) await dialog.getByRole('radio', { name: labels.template }).check()
  if (labels.copyFrom) {
    await dialog.getByTestId('labels-copy').check()
    await dialog.getByTestId('copy-from').selectOption({ label: labels.copyFrom })
  }
  await dialog.getByTestId('create-project').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('project-button')).toHaveText(`Project: ${name}`)
}

async function switchTo(page: Page, name: string): Promise<void> {
  await page.getByTestId('project-button').click()
  const dialog = page.getByTestId('switch-project-dialog')
  await dialog.getByTestId('recent-project').filter({ hasText: name }).getByRole('button').first().click()
  await expect(page.getByTestId('project-button')).toHaveText(`Project: ${name}`)
}

/** The label names in a project's project.json, as the new project wrote them. */
const labelNames = async (name: string) => (JSON.parse(await readFile(path.join(root, name, 'project.json'), 'utf8')) as { labels: { name: string }[] }).labels.map((l) => l.name)

test('create a project, import, switch to another from the recent list and back, one server throughout', async ({ page }) => {
  await page.goto(workbench.url)
  // no project yet under the root: the start page
  await expect(page.getByTestId('start-page')).toBeVisible()
  await expect(page.getByText('No recent projects yet.')).toBeVisible()
  await expectAccessible(page, 'start page')

  await page.getByRole('button', { name: 'New project…' }).click()
  await expectAccessible(page, 'new project dialog')
  await newProject(page, 'Council')
  await expect(page.getByText('No documents yet')).toBeVisible()
  expect(existsSync(path.join(root, 'Council', 'project.json'))).toBe(true)
  expect(existsSync(path.join(root, 'Council', LOCK))).toBe(true)

  await page.getByTestId('file-input').setInputFiles([
    { name: 'budget.txt', mimeType: 'text/plain', buffer: Buffer.from('Council approves budget\n\nThe council approved a budget of 3 million on Monday.\n') }
  ])
  await expect(page.getByTestId('import-report')).toContainText('Imported 1 document')
  await expect(page.getByTestId('document-item')).toHaveCount(1)

  // a second project from the keyboard, with another template's labels
  await page.keyboard.press('Control+Alt+n')
  await newProject(page, 'Harbour', { template: /Named entities/ })
  await expect(page.getByText('No documents yet')).toBeVisible()
  expect(await labelNames('Harbour')).toEqual(['person', 'organisation', 'place', 'date', 'other'])
  // the old project's lock went with it
  expect(existsSync(path.join(root, 'Council', LOCK))).toBe(false)
  expect(existsSync(path.join(root, 'Harbour', LOCK))).toBe(true)

  // back to Council from the recent list: its document is there; and to Harbour and back again
  await page.keyboard.press('Control+Alt+o')
  await expect(page.getByTestId('switch-project-dialog').getByTestId('recent-project')).toHaveText([/Harbour.*open/, /Council/])
  await expectAccessible(page, 'project switcher')
  await page.keyboard.press('Escape')
  await switchTo(page, 'Council')
  await expect(page.getByTestId('document-item')).toHaveCount(1)
  await expect(page.getByTestId('document-item')).toContainText('Council approves budget')
  // its own labels, in the document's label bar
  await page.getByTestId('document-item').first().click()
  await expect(page.locator('.label-button').first()).toContainText('actor')
  await switchTo(page, 'Harbour')
  await expect(page.getByText('No documents yet')).toBeVisible()
  await switchTo(page, 'Council')
  await expect(page.getByTestId('document-item')).toHaveCount(1)

  // a project whose labels are copied from another
  await page.keyboard.press('Control+Alt+n')
  await newProject(page, 'Harbour 2', { copyFrom: 'Harbour (Harbour)' })
  expect(await labelNames('Harbour 2')).toEqual(await labelNames('Harbour'))

  // Open project: the folders under the root, each project openable
  await page.keyboard.press('Control+o')
  const open = page.getByTestId('open-project-dialog')
  await expect(open.getByTestId('open-folder-project')).toHaveText(['Open Council', 'Open Harbour', 'Open Harbour 2'])
  await expectAccessible(page, 'open project dialog')
  await open.getByRole('button', { name: 'Open Council' }).click()
  await expect(page.getByTestId('project-button')).toHaveText('Project: Council')
  await expect(page.getByTestId('document-item')).toHaveCount(1)

  // closing goes back to the start page, which lists the three projects, newest first
  await page.keyboard.press('Control+Alt+w')
  await expect(page.getByTestId('start-page')).toBeVisible()
  await expect(page.getByTestId('recent-project')).toHaveText([/Council/, /Harbour 2/, /Harbour/])
  expect((await readdir(root)).sort()).toEqual(['Council', 'Harbour', 'Harbour 2'])
  for (const name of ['Council', 'Harbour', 'Harbour 2']) expect(existsSync(path.join(root, name, LOCK))).toBe(false)
  await page.getByTestId('recent-project').filter({ hasText: 'Harbour 2' }).getByRole('button').click()
  await expect(page.getByTestId('project-button')).toHaveText('Project: Harbour 2')
})

test('a tab left on the old project is told, saves nothing into the new one, and can follow', async ({ page, context }) => {
  await page.goto(workbench.url)
  await page.getByRole('button', { name: 'New project…' }).click()
  await newProject(page, 'First')
  await page.getByTestId('file-input').setInputFiles([{ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('Mayor Lee said forty buses would run.\n') }])
  await expect(page.getByTestId('document-item')).toHaveCount(1)

  const other = await context.newPage()
  await other.goto(workbench.url)
  await expect(other.getByTestId('project-button')).toHaveText('Project: First')
  await other.getByTestId('document-item').first().click()
  await expect(other.locator('.document-text')).toContainText('Mayor Lee')

  // the first tab makes and opens another project
  await page.keyboard.press('Control+Alt+n')
  await newProject(page, 'Second')
  // the other tab hears of it at once
  await expect(other.getByTestId('stale-project')).toContainText('Project “Second” was opened in another tab or window. This tab still shows “First”')
  // an edit there is refused by the server: nothing lands in either project
  await dragAcross(other, 'Mayor Lee')
  await other.keyboard.press('1')
  // the span is made on the page, and its save is refused
  await expect(other.getByTestId('span-item')).toHaveCount(1)
  await expect(other.locator('.toast.error')).toContainText('Not saved: this page shows a project that is no longer open')
  await expect(other.getByTestId('stale-project')).toBeVisible()
  expect(await readdir(path.join(root, 'Second', 'annotations'))).toEqual([])
  expect(existsSync(path.join(root, 'First', 'annotations', 'tester'))).toBe(false)
  // and it can follow
  await other.getByRole('button', { name: 'Show the open project' }).click()
  await expect(other.getByTestId('stale-project')).toBeHidden()
  await expect(other.getByTestId('project-button')).toHaveText('Project: Second')
})

test('the root is enforced: a folder outside it cannot be opened or made from the page', async ({ page }) => {
  await page.goto(workbench.url)
  const outside = await page.evaluate(async () => {
    const call = async (channel: string, input: unknown) => (await fetch(`api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) })).json()
    return [await call('project.open', { folder: '/etc' }), await call('project.create', { parent: '..', name: 'escape', template: 'news' })]
  })
  expect(outside.map((answer: { error: { message: string } }) => answer.error.message)).toEqual([
    expect.stringMatching(/relative to the projects folder .* not as absolute paths/),
    expect.stringMatching(/".." is not allowed/)
  ])
  expect(existsSync(path.join(path.dirname(root), 'escape'))).toBe(false)
})
