// Starts the real workbench backend (`spanwise serve`) on a fresh project folder on disk, the
// way a user would, and gives tests small user-level helpers.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import type { Page } from '@playwright/test'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export interface RunningWorkbench {
  url: string
  project: string
  annotator: string
  stop(): Promise<void>
}

/**
 * `root`: serve with `--root` (projects opened and made under it); with a root and no project,
 * the server starts on its start page. The recent projects go to a folder of the test's own.
 */
export async function startWorkbench(options: { annotator?: string; project?: string; root?: string } = {}): Promise<RunningWorkbench> {
  const project = options.project ?? (options.root ? '' : await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-')))
  const annotator = options.annotator ?? 'tester'
  const userData = await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-user-data-'))
  const args = ['bin/spanwise.mjs', 'serve', ...(project ? ['--project', project] : []), ...(options.root ? ['--root', options.root] : []), '--annotator', annotator]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SPANWISE_USER_DATA: userData }
  })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', (line) => resolve(line.trim()))
    child.once('exit', (code) => reject(new Error(`spanwise serve exited with ${code}: ${stderr}`)))
  })
  return {
    url,
    project,
    annotator,
    stop: async () => {
      child.kill('SIGTERM')
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)))
      if (!options.project && project) await rm(project, { recursive: true, force: true })
      await rm(userData, { recursive: true, force: true })
    }
  }
}

/** Drags the mouse across `from`…`to` characters of the first occurrence of `phrase` in the text. */
export async function dragAcross(page: Page, phrase: string, from = 0, to = phrase.length, modifiers: { alt?: boolean } = {}): Promise<void> {
  const points = await page.evaluate(
    ({ phrase, from, to }) => {
      const container = document.querySelector('.document-text')!
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(phrase)
        if (at < 0) continue
        const point = (offset: number, side: 'start' | 'end') => {
          const range = document.createRange()
          range.setStart(node!, side === 'start' ? offset : offset - 1)
          range.setEnd(node!, side === 'start' ? offset + 1 : offset)
          const rect = range.getClientRects()[0]!
          const rtl = getComputedStyle(node!.parentElement!).direction === 'rtl'
          const leading = side === 'start' ? !rtl : rtl
          return { x: leading ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 }
        }
        ;(node.parentElement as HTMLElement).scrollIntoView({ block: 'center' })
        return { start: point(at + from, 'start'), end: point(at + to, 'end') }
      }
      throw new Error(`"${phrase}" is not in the document`)
    },
    { phrase, from, to }
  )
  if (modifiers.alt) await page.keyboard.down('Alt')
  await page.mouse.move(points.start.x, points.start.y)
  await page.mouse.down()
  await page.mouse.move(points.end.x, points.end.y, { steps: 4 })
  await page.mouse.up()
  if (modifiers.alt) await page.keyboard.up('Alt')
}

/** Clicks in the middle of `phrase` in the document text. */
export async function clickOn(page: Page, phrase: string): Promise<void> {
  const point = await page.evaluate((phrase) => {
    const container = document.querySelector('.document-text')!
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(phrase)
      if (at < 0) continue
      const range = document.createRange()
      const middle = at + Math.floor(phrase.length / 2)
      range.setStart(node, middle)
      range.setEnd(node, middle + 1)
      const rect = range.getClientRects()[0]!
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    }
    throw new Error(`"${phrase}" is not in the document`)
  }, phrase)
  await page.mouse.click(point.x, point.y)
}

/** The spans listed in the side panel, as "label: text". */
export async function listedSpans(page: Page): Promise<string[]> {
  return page.locator('[data-testid=span-item]').evaluateAll((items) =>
    items.map((item) => `${item.getAttribute('data-label')}: ${item.querySelector('.span-text')!.textContent}`)
  )
}

/** Exports through the Export dialog and returns the downloaded file's path. */
export async function exportFromUi(page: Page, format = 'jsonl'): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click()
  await page.getByTestId('export-format').selectOption(format)
  const download = page.waitForEvent('download')
  await page.getByTestId('export-go').click()
  return (await download).path()
}

/** The texts of the label highlight ranges registered right now (what is painted). */
export function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('sw-label-'))
      .flatMap(([, h]) => [...h].map((r) => (r as StaticRange).startContainer.textContent!.slice(r.startOffset, r.endOffset)))
  )
}

/** A doccano span over the first occurrence of `quote`, in UTF-16 units as doccano counts. */
export function doccanoSpan(text: string, quote: string, label: string): [number, number, string] {
  const start = text.indexOf(quote)
  return [start, start + quote.length, label]
}
