#!/usr/bin/env node
// Regenerates the screenshots in docs/ from the demo project, in Debian's Chromium.
// Run after `npm run build`: node scripts/screenshots.mjs
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from '@playwright/test'
import { agreementDemoRecords } from './agreement-demo.mjs'

const root = path.resolve(import.meta.dirname, '..')
// nested spans: actors inside actors, a figure inside a claim, a claim crossing an actor
const NESTED = 'Ceasefire talks stall\n\nIsraeli Prime Minister Benjamin Netanyahu said on Thursday that the talks in Cairo had failed, while the mediators from Qatar and Egypt insisted that a draft agreement covering 41,200 displaced families was still on the table.\n\nOpposition leader Yair Lapid called the statement reckless.\n'
const NESTED_SPANS = [
  ['Israeli Prime Minister Benjamin Netanyahu', 'actor'],
  ['Benjamin Netanyahu', 'actor'],
  ['Netanyahu said on Thursday that the talks in Cairo had failed', 'claim'],
  ['the mediators from Qatar and Egypt', 'actor'],
  ['Qatar', 'actor'],
  ['Egypt', 'actor'],
  ['a draft agreement covering 41,200 displaced families was still on the table', 'claim'],
  ['41,200 displaced families', 'figure'],
  ['Opposition leader Yair Lapid', 'actor'],
  ['Yair Lapid', 'actor']
]
const RTL = 'Water talks: ministers meet\n\nقال وزير المياه إن الاتفاق سيوقع يوم الخميس في عمان.\nאמר הדובר כי השיחות יימשכו עד סוף החודש.\nThe talks involve three countries.\n'

const NEWS =
  'Ceasefire talks resume in Cairo\n\n' +
  'Prime Minister Benjamin Netanyahu said on Tuesday that Israel would send a delegation to Cairo, where Hamas and Egyptian mediators ' +
  'are discussing the release of 48 hostages. Netanyahu told reporters that the talks were “serious”.\n\n' +
  'The Health Ministry in Gaza said 41,200 Palestinians had been killed. The United Nations estimated that one million people had fled to Rafah, ' +
  'and that rebuilding would cost $18.5 billion. Hamas said Netanyahu was stalling; a Hamas official in Doha called the offer a step back.\n'

// two teammates' versions of the pre-annotated demo article: [quote, label]
const TEAMMATES = {
  maria: [
    ['The city council of Norhaven', 'actor'],
    ['repairs to the old harbour bridge will cost 48 million euros', 'claim'],
    ['48 million euros', 'figure'],
    ['Ilse Brandt', 'actor'],
    ['the bridge "remains safe for pedestrians"', 'claim'],
    ['12 tonnes', 'figure'],
    ['The opposition Green group', 'actor'],
    ['Tomas Wik', 'actor'],
    ['31,000 vehicles', 'figure']
  ],
  jonas: [
    ['city council of Norhaven', 'actor'],
    ['repairs to the old harbour bridge will cost 48 million euros', 'claim'],
    ['48 million euros', 'figure'],
    ['Mayor Ilse Brandt', 'actor'],
    ['remains safe for pedestrians', 'claim'],
    ['The opposition Green group', 'claim'],
    ['Tomas Wik', 'actor'],
    ['eight months', 'figure'],
    ['about 31,000 vehicles', 'figure'],
    ['a ferry shuttle', 'claim']
  ]
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(root, 'docs', name) })
  console.log(`wrote docs/${name}`)
}
/** Starts `spanwise serve` with these arguments; resolves to the server and the URL it prints. */
async function serve(args, env = process.env) {
  const server = spawn(process.execPath, ['bin/spanwise.mjs', 'serve', ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve))
  return { server, url }
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'spanwise-shots-'))
const { server, url } = await serve(['--annotator', 'analyst'], { ...process.env, SPANWISE_PROJECT: path.join(folder, 'Demo project') })
const browser = await chromium.launch({
  executablePath: process.env.SPANWISE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
// the annotator belongs to each request (x-spanwise-annotator), not to the server
let as = 'analyst'
const api = async (channel, input) => {
  const response = await fetch(`${url}api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-spanwise-annotator': as }, body: JSON.stringify(input) })
  const body = await response.json()
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`)
  return body.value
}
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 }, colorScheme: 'light' })
  await page.goto(url)
  await page.getByRole('button', { name: /Harbour bridge/ }).click()
  await page.getByTestId('span-item').nth(4).click()
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-workbench.png')

  // relations: the demo article's claims attributed to their actors
  await page.getByTestId('span-item').filter({ hasText: 'repairs to the old harbour' }).click()
  await page.keyboard.press('r')
  await page.getByTestId('span-item').filter({ hasText: 'The city council of Norhaven' }).click()
  await page.getByTestId('span-item').filter({ hasText: 'remains safe' }).click()
  await page.keyboard.press('r')
  await page.getByTestId('span-item').filter({ hasText: 'Mayor Ilse Brandt' }).click()
  await page.locator('[data-testid=span-item][data-label=figure]', { hasText: '48 million euros' }).click()
  await page.keyboard.press('r')
  await page.getByTestId('span-item').filter({ hasText: 'repairs to the old harbour' }).click()
  // at the smallest window the issue names: arcs run between the lines, one head per arrow
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.locator('[data-testid=relation-arrow]').first().scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-relations.png')
  await page.setViewportSize({ width: 1400, height: 800 })

  // the attribute panel of an actor
  await page.getByTestId('span-item').filter({ hasText: 'Mayor Ilse Brandt' }).click()
  await page.getByTestId('attribute-type').selectOption('person')
  await page.getByTestId('span-note').fill('Elected in 2021; speaks for the council.')
  await page.getByTestId('span-note').blur()
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-attributes.png')

  // nested spans, each its own bracket below the text, at 1280x720
  await page.getByTestId('file-input').setInputFiles([{ name: 'ceasefire.txt', mimeType: 'text/plain', buffer: Buffer.from(NESTED) }])
  await page.getByRole('button', { name: /Ceasefire talks stall/ }).waitFor()
  {
    const listed = await api('documents.list', {})
    const id = listed.find((doc) => doc.title === 'Ceasefire talks stall').id
    const { document, version } = await api('documents.get', { id })
    const spans = NESTED_SPANS.map(([quote, label], i) => {
      const start = [...document.text.slice(0, document.text.indexOf(quote))].length
      return { id: `n${i}`, start, end: start + [...quote].length, label }
    })
    await api('annotations.save', { documentId: id, baseVersion: version, spans })
  }
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.reload()
  await page.getByRole('button', { name: /Ceasefire talks stall/ }).click()
  await page.getByTestId('span-item').filter({ hasText: /^actorBenjamin Netanyahu$/ }).click()
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-nested.png')
  await page.setViewportSize({ width: 1400, height: 800 })

  // a right-to-left document
  await page.getByTestId('file-input').setInputFiles([{ name: 'rtl.txt', mimeType: 'text/plain', buffer: Buffer.from(RTL) }])
  await page.getByRole('button', { name: /Water talks/ }).click()
  for (const quote of ['وزير المياه', 'الاتفاق سيوقع يوم الخميس', 'הדובר', 'three countries']) {
    await page.evaluate((quote) => {
      const walker = document.createTreeWalker(document.querySelector('.document-text'), NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(quote)
        if (at >= 0) {
          window.getSelection().setBaseAndExtent(node, at, node, at + quote.length)
          document.querySelector('.document-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
          return
        }
      }
    }, quote)
    await page.keyboard.press(quote.includes('سيوقع') ? '2' : quote.includes('three') ? '3' : '1')
  }
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-rtl.png')

  // suggestions: an actor labelled once, its other occurrences and the model's and patterns' proposals drawn dashed
  await page.getByTestId('file-input').setInputFiles([{ name: 'talks.txt', mimeType: 'text/plain', buffer: Buffer.from(NEWS) }])
  await page.getByRole('button', { name: /Ceasefire talks resume/ }).click()
  await page.getByRole('button', { name: 'Dismiss import report' }).click()
  await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector('.document-text'), NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf('Hamas')
      if (at >= 0) {
        window.getSelection().setBaseAndExtent(node, at, node, at + 'Hamas'.length)
        document.querySelector('.document-text').dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
        return
      }
    }
  })
  await page.keyboard.press('1')
  // the model's suggestions arrive after the quick sources'
  await page.waitForFunction(() => Number(document.querySelector('.document-text')?.dataset.suggestions ?? 0) > 10, null, { timeout: 120_000 })
  await page.keyboard.press('Escape')
  await page.getByTestId('document-text').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Alt+ArrowDown')
  await page.keyboard.press('Alt+Enter')
  await page.waitForTimeout(400)
  await shot(page, 'screenshot-suggestions.png')

  // review: two teammates annotated the harbour article too, each a little differently
  as = 'analyst'
  const harbour = (await api('documents.list', {})).find((doc) => doc.title.startsWith('Harbour bridge'))
  const { document: article } = await api('documents.get', { id: harbour.id })
  const at = (quote, label, id) => {
    const start = [...article.text.slice(0, article.text.indexOf(quote))].length
    return { id, start, end: start + [...quote].length, label }
  }
  for (const [annotator, spans] of Object.entries(TEAMMATES)) {
    as = annotator
    const { version } = await api('documents.get', { id: harbour.id })
    await api('annotations.save', { documentId: harbour.id, baseVersion: version, spans: spans.map(([quote, label], i) => at(quote, label, `${annotator}${i}`)), status: 'done' })
  }
  as = 'analyst'
  await page.reload()
  await page.keyboard.press('Alt+2')
  await page.getByTestId('review-document').filter({ hasText: 'Harbour bridge' }).click()
  await page.locator('.review-text .document-text').focus()
  // the reviewer decides a few units, then looks at a conflict
  await page.keyboard.press('Tab')
  await page.keyboard.press('Shift+Digit1')
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  await page.keyboard.press('Shift+Digit2')
  await page.keyboard.press('n')
  await page.keyboard.press('n')
  await page.waitForTimeout(400)
  await shot(page, 'screenshot-review.png')

  // a teammate opens "my labels vs gold"
  await page.keyboard.press('m')
  await page.getByTestId('merge-strategy-agreeing').check()
  await page.getByTestId('merge-go').click()
  // this tab now works as jonas (the tab's annotator lives in its session storage)
  await page.evaluate(() => sessionStorage.setItem('spanwise.annotator', 'jonas'))
  await page.reload()
  await page.keyboard.press('Alt+2')
  await page.getByTestId('review-document').filter({ hasText: 'Harbour bridge' }).click()
  await page.keyboard.press('g')
  await page.getByTestId('feedback-item').first().waitFor()
  await page.waitForTimeout(300)
  await shot(page, 'screenshot-feedback.png')

  // document tags: the project's tag groups, the article tagged by key and by mouse, the list filtered by a tag
  as = 'analyst'
  const project = await api('project.info', {})
  await api('labels.change', {
    baseVersion: project.labelsVersion,
    labels: project.labels,
    tagGroups: [
      { name: 'topic', multiple: true, options: [{ name: 'infrastructure', color: '#2f7ed8', hotkey: 'q' }, { name: 'budget', color: '#c4741f', hotkey: 'w' }, { name: 'transport', color: '#2e9e5b', hotkey: 'y' }] },
      { name: 'source', multiple: false, options: [{ name: 'news agency', color: '#7a4fd0', hotkey: 'a' }, { name: 'newspaper', color: '#b0407a', hotkey: 's' }, { name: 'council statement', color: '#4a8a8a', hotkey: 'd' }] }
    ]
  })
  await page.evaluate(() => sessionStorage.setItem('spanwise.annotator', 'analyst'))
  await page.reload()
  await page.keyboard.press('Alt+1')
  await page.getByRole('button', { name: /Harbour bridge/ }).click()
  await page.keyboard.press('q')
  await page.keyboard.press('w')
  await page.getByTestId('tag-source-newspaper').click()
  await page.getByTestId('filter-tag').selectOption('topic:infrastructure')
  await page.waitForTimeout(400)
  await shot(page, 'screenshot-tags.png')
  // agreement: four annotators' layers over the demo articles, imported with the command line
  const team = path.join(folder, 'Team project')
  const layers = path.join(folder, 'team-layers.jsonl')
  writeFileSync(layers, agreementDemoRecords(root).map((record) => JSON.stringify(record)).join('\n') + '\n')
  spawnSync(process.execPath, ['bin/spanwise.mjs', 'import', '--project', team, layers], { cwd: root, stdio: 'ignore' })
  const teamServer = await serve(['--project', team, '--annotator', 'ana'])
  try {
    const teamPage = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: 'light' })
    await teamPage.goto(teamServer.url)
    await teamPage.keyboard.press('Alt+3')
    // the report is computed in the backend: seconds on a busy machine
    await teamPage.getByTestId('pair-matrix').waitFor({ timeout: 300_000 })
    // the charted measure comes first; wait for all nine beside it
    await teamPage.getByTestId('measure-list').locator('.measure').nth(8).waitFor({ timeout: 300_000 })
    await teamPage.getByText('Computing agreement').waitFor({ state: 'detached' })
    await teamPage.getByTestId('pair-matrix').locator('a[data-target]').first().hover()
    await teamPage.waitForTimeout(300)
    await shot(teamPage, 'screenshot-agreement.png')
  } finally {
    teamServer.server.kill()
  }
} finally {
  await browser.close()
  server.kill()
  rmSync(folder, { recursive: true, force: true })
}
