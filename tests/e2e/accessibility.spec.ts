// Accessibility held by a test: axe-core (WCAG 2.0 A and AA, WCAG 2.1 AA) runs on every view and
// dialog of the workbench, with real data (a team project: three annotators' layers, relations,
// attributes, a gold layer, a renamed and a damaged document), in the light and the dark theme,
// and fails on any violation. A new view or dialog is one more `screen(...)` line below.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { ANNOTATOR_HEADER } from '../../src/shared/api/wire'
import { expect, test } from '../helpers/fixtures'
import { repoRoot, startWorkbench, type RunningWorkbench } from '../helpers/workbench'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa']
const THEMES = ['light', 'dark'] as const

const HARBOUR = [
  'Harbour master Ana Lindqvist said cargo volumes rose 12 percent in March.',
  'The mayor called the figures optimistic on Monday.',
  'Critics said the port authority had ignored the cost of dredging.'
].join('\n')
const GRAIN = 'Grain prices fall for a third month\n\nTraders blamed the harvest and the strong currency.\n'
const WATER = 'Thursday, November 21, 2024\n\nWater study finds lead in schools\n\nThe study tested 120 schools in the district.\n'

// ---- the project every screen is shown with ----

let team: RunningWorkbench
/** A project with no documents yet: what a new user sees first. */
let empty: RunningWorkbench
/** `spanwise serve --root` with no project open: the start page, with a project under the root. */
let rooted: RunningWorkbench
let folder: string

async function api<T>(channel: string, input: unknown, annotator = 'tester'): Promise<T> {
  const response = await fetch(`${team.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [ANNOTATOR_HEADER]: encodeURIComponent(annotator) },
    body: JSON.stringify(input)
  })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${channel}: ${body.error!.message}`)
  return body.value
}

const at = (quote: string, label: string, id: string, attributes?: Record<string, string | number>) => {
  const start = HARBOUR.indexOf(quote)
  return { id, start, end: start + quote.length, label, ...(attributes ? { attributes } : {}) }
}

/** tester, alice and bob annotate the harbour article (alike and not); gold is merged where they agree. */
async function seedProject(): Promise<void> {
  const files = [
    { name: 'harbour.txt', base64: Buffer.from(HARBOUR).toString('base64') },
    { name: 'grain.md', base64: Buffer.from(GRAIN).toString('base64') },
    { name: 'wire/water-0412.txt', base64: Buffer.from(WATER).toString('base64') }
  ]
  await api('documents.import', { files })
  const documents = await api<{ id: string; title: string }[]>('documents.list', {})
  const id = (start: string) => documents.find((d) => d.title.startsWith(start))!.id
  const layers: Record<string, ReturnType<typeof at>[]> = {
    tester: [at('Ana Lindqvist', 'actor', 't1', { type: 'person' }), at('cargo volumes rose 12 percent', 'claim', 't2', { stance: 'neutral' }), at('12 percent', 'figure', 't3', { value: 12, unit: 'percent' }), at('The mayor', 'actor', 't4')],
    alice: [at('Ana Lindqvist', 'actor', 'a1'), at('12 percent', 'figure', 'a2'), at('The mayor', 'actor', 'a3'), at('optimistic', 'claim', 'a4')],
    bob: [at('Ana Lindqvist', 'actor', 'b1'), at('rose 12 percent', 'figure', 'b2'), at('The mayor', 'claim', 'b3')]
  }
  for (const [annotator, spans] of Object.entries(layers)) {
    const relations = annotator === 'tester' ? [{ id: 'r1', type: 'attributed_to', from: 't2', to: 't1' }, { id: 'r2', type: 'quantifies', from: 't3', to: 't2' }] : []
    await api('annotations.save', { documentId: id('Harbour'), baseVersion: 'absent', spans, relations, status: annotator === 'bob' ? 'done' : 'in_progress' }, annotator)
  }
  await api('annotations.save', { documentId: id('Grain'), baseVersion: 'absent', spans: [], status: 'done' })
  await api('review.merge', { strategy: 'unanimous' })
  const water = await api<{ documentVersion: string }>('documents.get', { id: id('Water') })
  await api('documents.rename', { id: id('Water'), baseVersion: water.documentVersion, title: 'Lead in school water' })
  // a damaged file costs only its document: the list names it
  await writeFile(path.join(folder, 'documents', 'ffffffffffffffff.json'), '{"text": "cut off by a full dis')
}

test.beforeAll(async () => {
  test.setTimeout(120_000)
  folder = path.join(await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-axe-')), 'team')
  // a git project, so that Sync has something to report (no remote: the work is committed here)
  execFileSync(process.execPath, ['bin/spanwise.mjs', 'init', '--git', '--project', folder, '--annotator', 'tester'], { cwd: repoRoot, stdio: 'pipe' })
  team = await startWorkbench({ project: folder, annotator: 'tester' })
  empty = await startWorkbench()
  const root = path.join(path.dirname(folder), 'root')
  execFileSync(process.execPath, ['bin/spanwise.mjs', 'init', '--project', path.join(root, 'Council'), '--annotator', 'tester'], { cwd: repoRoot, stdio: 'pipe' })
  rooted = await startWorkbench({ root })
  await seedProject()
})

test.afterAll(async () => {
  await team?.stop()
  await empty?.stop()
  await rooted?.stop()
  if (folder) await rm(path.dirname(folder), { recursive: true, force: true })
})

// ---- how a screen is reached ----

async function openAnnotate(page: Page, title = 'Harbour master'): Promise<void> {
  await page.goto(team.url)
  await page.getByTestId('document-item').filter({ hasText: title }).click()
  await expect(page.getByTestId('document-title')).toContainText(title)
  await expect(page.locator('.document-text')).toBeVisible()
}

async function openReview(page: Page): Promise<void> {
  await page.goto(team.url)
  // the view keys work once the project is open (the view tabs are shown)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+2')
  await expect(page.getByTestId('review-document').first()).toBeVisible()
  await page.getByTestId('review-document').first().click()
  await expect(page.locator('.review-text .document-text')).toContainText('Harbour master')
}

async function openAgreement(page: Page): Promise<void> {
  await page.goto(team.url)
  // the view keys work once the project is open (the view tabs are shown)
  await expect(page.getByRole('navigation', { name: 'Views' })).toBeVisible()
  await page.keyboard.press('Alt+3')
  await expect(page.getByTestId('agreement-report')).toBeVisible()
  await expect(page.getByTestId('agreement-status')).toHaveText('')
}

const dialog = (page: Page) => page.locator('dialog[open]')

interface Screen {
  name: string
  /** Brings the page to the screen, from a fresh page load. */
  open(page: Page): Promise<void>
  /** Undoes what reaching the screen changed in the team project, after the check. */
  cleanUp?(page: Page): Promise<void>
}

const SCREENS: Screen[] = []
const screen = (name: string, open: Screen['open'], cleanUp?: Screen['cleanUp']) => SCREENS.push({ name, open, ...(cleanUp ? { cleanUp } : {}) })

screen('start: a new project with no documents', async (page) => {
  await page.goto(empty.url)
  await expect(page.getByText('No documents yet')).toBeVisible()
})
screen('start page: no project open (serve --root)', async (page) => {
  await page.goto(rooted.url)
  await expect(page.getByTestId('start-page')).toBeVisible()
})
screen('dialog: new project', async (page) => {
  await page.goto(rooted.url)
  await page.getByRole('button', { name: 'New project…' }).click()
  await expect(page.getByTestId('new-project-dialog')).toBeVisible()
})
screen('dialog: open project (folders under the root)', async (page) => {
  await page.goto(rooted.url)
  await expect(page.getByTestId('start-page')).toBeVisible()
  await page.keyboard.press('Control+o')
  await expect(page.getByTestId('open-folder-project')).toHaveText('Open Council')
})
screen('dialog: switch project (recent projects)', async (page) => {
  await page.goto(team.url)
  await page.getByTestId('project-button').click()
  // a server of one project (no --root) lists no other
  await expect(page.getByTestId('switch-project-dialog')).toContainText('No recent projects yet.')
})
screen('Annotate: a document with spans and relations, a span selected', async (page) => {
  await openAnnotate(page)
  await expect(page.getByTestId('relation-item')).toHaveCount(2)
  await page.getByTestId('span-item').first().click()
  await expect(page.locator('.span-details')).toBeVisible()
})
screen('Annotate: relation mode', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('span-item').first().click()
  await page.locator('.document-text').focus()
  await page.keyboard.press('r')
  await expect(page.getByTestId('link-banner')).toBeVisible()
})
screen('Annotate: find bar with matches', async (page) => {
  await openAnnotate(page)
  await page.keyboard.press('Control+f')
  await page.keyboard.type('the')
  await expect(page.locator('.find-bar')).toContainText(/of \d+/)
})
screen('Annotate: project search results', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('project-search').fill('the')
  await page.getByTestId('project-search').press('Enter')
  await expect(page.getByTestId('search-hit').first()).toBeVisible()
})
screen('Annotate: renaming the document', async (page) => {
  await openAnnotate(page, 'Lead in school water')
  await page.getByTestId('rename-document').click()
  await expect(page.getByTestId('document-title-input')).toBeFocused()
})
screen('Annotate: a message with Undo', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('span-item').first().click()
  await page.locator('.document-text').focus()
  await page.keyboard.press('Control+f')
  await page.keyboard.type('said')
  await page.keyboard.press('Alt+Shift+2')
  await expect(page.getByTestId('message-undo')).toBeVisible()
}, async (page) => {
  // the toast may have left by itself while axe ran (a slow machine): undo from the keyboard
  await page.keyboard.press('Escape')
  await page.locator('.document-text').focus()
  await page.keyboard.press('Control+z')
  await expect(page.getByTestId('span-item')).toHaveCount(4)
})
screen('Annotate: an error message', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('annotator').click()
  await page.getByRole('textbox', { name: 'Annotator' }).fill('no spaces allowed')
  await page.getByRole('button', { name: 'Switch' }).click()
  await expect(page.getByRole('alert')).toBeVisible()
})
screen('Annotate: side panels collapsed', async (page) => {
  await openAnnotate(page)
  await page.keyboard.press('Control+b')
  await page.keyboard.press('Control+Alt+b')
  await expect(page.locator('.sidebar').first()).toBeHidden()
})
screen('Annotate: a damaged document', async (page) => {
  await page.goto(team.url)
  await page.getByTestId('document-item').filter({ hasText: 'ffffffffffffffff' }).click()
  await expect(page.getByTestId('document-error')).toBeVisible()
  await expect(page.locator('.editor [role=alert]')).toBeVisible()
})
screen('dialog: import report', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('file-input').setInputFiles([
    { name: 'new.txt', mimeType: 'text/plain', buffer: Buffer.from(`Ferry service resumes ${Date.now()}\n\nThe ferry runs again.\n`) },
    { name: 'again.md', mimeType: 'text/markdown', buffer: Buffer.from(GRAIN) },
    { name: 'broken.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from('{"text": "no end\n') }
  ])
  await expect(page.getByTestId('import-report')).toContainText('rejected')
})
screen('dialog: export', async (page) => {
  await openAnnotate(page)
  await page.getByRole('button', { name: 'Export…' }).click()
  await expect(dialog(page)).toBeVisible()
})
screen('dialog: statistics', async (page) => {
  await openAnnotate(page)
  await page.getByRole('button', { name: 'Statistics…' }).click()
  await expect(page.getByTestId('statistics-dialog').locator('svg').first()).toBeVisible()
})
screen('dialog: label editor', async (page) => {
  await openAnnotate(page)
  await page.getByRole('button', { name: 'Labels…' }).click()
  await expect(page.getByTestId('label-row').first()).toBeVisible()
})
screen('dialog: keyboard shortcuts', async (page) => {
  await openAnnotate(page)
  await page.keyboard.press('?')
  await expect(dialog(page)).toContainText('Keyboard shortcuts')
})
screen('Sync: its report', async (page) => {
  await openAnnotate(page)
  await page.getByTestId('sync').click()
  await expect(page.getByRole('status').filter({ hasText: /committed|no remote/i })).toBeVisible()
})
screen('Review: a unit selected, lanes and versions', async (page) => {
  await openReview(page)
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('n')
  await expect(page.getByTestId('versions')).toBeVisible()
  await expect(page.getByTestId('lanes')).toBeVisible()
})
screen('Review: auto-merge dialog', async (page) => {
  await openReview(page)
  await page.getByRole('button', { name: /Auto-merge/ }).click()
  await expect(page.getByTestId('merge-dialog')).toBeVisible()
})
screen('Review: the auto-merge report', async (page) => {
  await openReview(page)
  await page.getByRole('button', { name: /Auto-merge/ }).click()
  await page.getByTestId('merge-go').click()
  await expect(page.getByTestId('review-message')).toBeVisible()
})
screen('Review: my labels vs gold', async (page) => {
  await openReview(page)
  await page.getByTestId('open-feedback').click()
  await expect(page.getByTestId('feedback-counts')).toBeVisible()
})
screen('Review: keyboard shortcuts', async (page) => {
  await openReview(page)
  await page.locator('.review-text .document-text').focus()
  await page.keyboard.press('?')
  await expect(dialog(page)).toContainText('Keyboard shortcuts')
})
screen('Agreement: the report with its charts', async (page) => {
  await openAgreement(page)
  await expect(page.getByTestId('document-agreement')).toBeVisible()
})
screen('Agreement: keyboard shortcuts', async (page) => {
  await openAgreement(page)
  await page.keyboard.press('?')
  await expect(dialog(page)).toContainText('Keyboard shortcuts')
})

// ---- the check ----

/** One line per violation: what rule, how bad, and where (a few CSS paths). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((node) => `${node.target.join(' ')}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, ' ').slice(0, 160)}]` : ''}`).join('; ')}${v.nodes.length > 4 ? ` … ${v.nodes.length} in all` : ''}`
  )
}

for (const item of SCREENS) {
  test(`axe: ${item.name}`, async ({ page }) => {
    await item.open(page)
    // the same state in each theme: the page's theme switch is what the preference sets
    const found: string[] = []
    for (const theme of THEMES) {
      await page.evaluate((theme) => (document.documentElement.dataset.theme = theme), theme)
      found.push(...(await violations(page)).map((line) => `${theme}: ${line}`))
    }
    await item.cleanUp?.(page)
    expect(found).toEqual([])
  })
}
