// Suggestions in the editor, driven by the keyboard: label one actor, and its other occurrences
// are proposed (drawn dashed, not spans) and accepted by key; a rejected suggestion stays gone
// after a reload, and Ctrl+Z brings it back like any edit (Ctrl+Shift+Z rejects it again). The project's suggestion settings leave only the analyst's own labels on, so
// what is proposed is exactly what the test expects.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { expect, test } from '../helpers/fixtures'
import type { Page } from '@playwright/test'
import { dragAcross, listedSpans, type RunningWorkbench } from '../helpers/workbench'

const NETANYAHU = 'Cabinet meets\n\n😀 Netanyahu spoke first. Later Netanyahu’s office said Netanyahu would travel; Netanyahus is not him.\n'
const HAMAS = 'Talks resume\n\nHamas said 👍🏽 the talks go on. A Hamas official and Hamas leaders met in Doha.\n'

async function ownLabelsOnly(project: string): Promise<void> {
  await mkdir(path.join(project, 'suggest'), { recursive: true })
  await writeFile(path.join(project, 'suggest', 'settings.json'), JSON.stringify({ version: 1, patterns: [], modelMapping: {} }))
}

/** Opens the Hamas article and labels its first "Hamas": the two others are suggested; returns their starts. */
async function labelHamasOnce(page: Page, workbench: RunningWorkbench): Promise<(string | null)[]> {
  await ownLabelsOnly(workbench.project)
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'talks.txt', mimeType: 'text/plain', buffer: Buffer.from(HAMAS) }])
  await expect(page.locator('.doc-heading')).toHaveText('Talks resume')
  await dragAcross(page, 'Hamas')
  await page.keyboard.press('1')
  await expect(page.getByTestId('suggestion-count')).toHaveText('2')
  return page.getByTestId('suggestion-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-start')))
}

test('label one actor and accept its other occurrences by keyboard', async ({ page, workbench }) => {
  await ownLabelsOnly(workbench.project)
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'cabinet.txt', mimeType: 'text/plain', buffer: Buffer.from(NETANYAHU) }])
  await expect(page.locator('.doc-heading')).toHaveText('Cabinet meets')
  await expect(page.getByTestId('suggestion-count')).toHaveText('0')

  await dragAcross(page, 'Netanyahu')
  await page.keyboard.press('1')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Netanyahu'])
  // the two other whole-word occurrences are proposed, not made: not "Netanyahus"
  await expect(page.getByTestId('suggestion-count')).toHaveText('2')
  await expect(page.getByTestId('suggestion-item')).toHaveText([/actor\s*Netanyahu\s*your labels/, /actor\s*Netanyahu\s*your labels/])
  // drawn by their own painter, apart from the span
  await expect(page.getByTestId('document-text')).toHaveAttribute('data-suggestions', '2')
  await expect(page.getByTestId('document-text')).toHaveAttribute('data-spans', '1')

  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Alt+ArrowDown')
  await expect(page.getByTestId('suggestion-item').first()).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Alt+Enter')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Netanyahu', 'actor: Netanyahu'])
  // the next suggestion is selected: Alt+Enter again takes it
  await expect(page.getByTestId('suggestion-item').first()).toHaveAttribute('aria-pressed', 'true')
  await page.keyboard.press('Alt+Enter')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Netanyahu', 'actor: Netanyahu', 'actor: Netanyahu'])
  await expect(page.getByTestId('suggestion-count')).toHaveText('0')

  // accepted suggestions are real spans in the layer on disk, at code point offsets
  const layerDir = path.join(workbench.project, 'annotations', workbench.annotator)
  await expect
    .poll(async () => {
      const files = (await readdir(layerDir)).filter((f) => f.endsWith('.json'))
      const layer = JSON.parse(await readFile(path.join(layerDir, files[0]!), 'utf8')) as { spans: { start: number; end: number }[] }
      return layer.spans.map((s) => [...NETANYAHU].slice(s.start, s.end).join(''))
    })
    .toEqual(['Netanyahu', 'Netanyahu', 'Netanyahu'])

  // one undo takes an accepted suggestion back: it is a suggestion again
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('suggestion-count')).toHaveText('1')
})

test('a rejected suggestion stays gone after a reload', async ({ page, workbench }) => {
  const starts = await labelHamasOnce(page, workbench)

  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('Alt+Delete')
  await expect(page.getByTestId('suggestion-count')).toHaveText('1')
  await expect(page.getByTestId('suggestion-item')).toHaveAttribute('data-start', starts[1]!)
  // the rejection is in the annotator's own suggestion file
  const rejections = path.join(workbench.project, 'annotations', workbench.annotator, 'suggestions')
  await expect.poll(async () => (await readdir(rejections).catch(() => [])).length).toBe(1)

  await page.reload()
  await expect(page.locator('.doc-heading')).toHaveText('Talks resume')
  await expect(page.getByTestId('suggestion-count')).toHaveText('1')
  await expect(page.getByTestId('suggestion-item')).toHaveAttribute('data-start', starts[1]!)
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Hamas'])
})

test('patterns are tried in the test box, saved, and suggest; a dictionary imported from a file suggests too', async ({ page, workbench }) => {
  await ownLabelsOnly(workbench.project)
  await page.goto(workbench.url)
  await page.getByTestId('file-input').setInputFiles([{ name: 'talks.txt', mimeType: 'text/plain', buffer: Buffer.from(HAMAS + 'They hold 48 hostages and 148 hostages.\n') }])
  await expect(page.locator('.doc-heading')).toHaveText('Talks resume')
  await expect(page.getByTestId('suggestion-count')).toHaveText('0')

  await page.keyboard.press('Control+Shift+K')
  const dialog = page.getByTestId('suggest-settings')
  await expect(dialog).toBeVisible()
  await dialog.getByRole('button', { name: 'Add a pattern' }).click()
  await dialog.getByLabel('Label of pattern 1').selectOption('figure')
  await dialog.getByLabel('Pattern 1', { exact: true }).fill('{number} hostages')
  await dialog.getByTestId('pattern-test-text').fill('Hamas holds 48 hostages, and 1,200 hostages more.')
  await expect(dialog.getByTestId('pattern-matches').locator('mark')).toHaveText(['48 hostages', '1,200 hostages'])
  // a pattern that does not compile says why, and cannot be saved
  await dialog.getByLabel('Kind of pattern 1').selectOption('regex')
  await dialog.getByLabel('Pattern 1', { exact: true }).fill('(\\d+ hostages')
  await expect(dialog.getByRole('alert')).toContainText('Unterminated group')
  await expect(dialog.getByRole('button', { name: 'Save patterns and model labels' })).toBeDisabled()
  await dialog.getByLabel('Pattern 1', { exact: true }).fill('\\d+ hostages')
  await dialog.getByRole('button', { name: 'Save patterns and model labels' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Suggestion settings saved.')

  await dialog.getByLabel('Label of a plain list').selectOption('actor')
  await dialog.getByTestId('dictionary-input').setInputFiles([{ name: 'actors.txt', mimeType: 'text/plain', buffer: Buffer.from('Doha\nHamas\n') }])
  await expect(dialog.getByTestId('dictionaries')).toHaveText('actor: 2 entries')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // 3 × Hamas and Doha from the dictionary, "48 hostages" and "148 hostages" from the pattern
  await expect(page.getByTestId('suggestion-count')).toHaveText('6')
  await expect(page.locator('[data-testid=suggestion-item][data-label=figure] .span-text')).toHaveText(['48 hostages', '148 hostages'])
  const settings = JSON.parse(await readFile(path.join(workbench.project, 'suggest', 'settings.json'), 'utf8')) as { patterns: unknown[] }
  expect(settings.patterns).toEqual([{ kind: 'regex', label: 'figure', pattern: '\\d+ hostages' }])
  expect(await readFile(path.join(workbench.project, 'suggest', 'dictionaries', 'actor.txt'), 'utf8')).toBe('Doha\nHamas\n')
})

test('Ctrl+Z takes a rejection back like any edit, in turn with the edits; Ctrl+Shift+Z rejects again', async ({ page, workbench }) => {
  const starts = await labelHamasOnce(page, workbench)
  const suggestionFile = async () => {
    const folder = path.join(workbench.project, 'annotations', workbench.annotator, 'suggestions')
    const [file] = await readdir(folder).catch(() => [] as string[])
    return file ? (JSON.parse(await readFile(path.join(folder, file), 'utf8')) as { rejected: unknown[] }).rejected.length : 0
  }

  await page.getByTestId('document-text').focus()
  await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('Alt+Delete')
  await expect(page.getByTestId('suggestion-count')).toHaveText('1')
  await expect.poll(suggestionFile).toBe(1)

  // undo: the suggestion is back, selected, and no longer rejected on disk; the span stays
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('suggestion-count')).toHaveText('2')
  await expect(page.getByTestId('suggestion-item').first()).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('suggestion-item').first()).toHaveAttribute('data-start', starts[0]!)
  await expect.poll(suggestionFile).toBe(0)
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Hamas'])
  // the undo before it takes the span back, as usual
  await page.keyboard.press('Control+z')
  await expect.poll(() => listedSpans(page)).toEqual([])
  // redo: the span, then the rejection again
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => listedSpans(page)).toEqual(['actor: Hamas'])
  await expect(page.getByTestId('suggestion-count')).toHaveText('2')
  await page.keyboard.press('Control+Shift+z')
  await expect(page.getByTestId('suggestion-count')).toHaveText('1')
  await expect(page.getByTestId('suggestion-item')).toHaveAttribute('data-start', starts[1]!)
  await expect.poll(suggestionFile).toBe(1)

  // undone again and reloaded: both suggestions are proposed (nothing rejected on disk)
  await page.keyboard.press('Control+z')
  await expect.poll(suggestionFile).toBe(0)
  await page.reload()
  await expect(page.locator('.doc-heading')).toHaveText('Talks resume')
  await expect(page.getByTestId('suggestion-count')).toHaveText('2')
})
