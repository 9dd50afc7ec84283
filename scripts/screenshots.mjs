#!/usr/bin/env node
// Regenerates the screenshots in docs/ from the demo project, in Debian's Chromium.
// Run after `npm run build`: node scripts/screenshots.mjs
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { chromium } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '..')
const folder = mkdtempSync(path.join(os.tmpdir(), 'spanwise-shots-'))
const server = spawn(process.execPath, ['bin/spanwise.mjs', 'serve', '--annotator', 'analyst'], {
  cwd: root,
  env: { ...process.env, SPANWISE_PROJECT: path.join(folder, 'Demo project') },
  stdio: ['ignore', 'pipe', 'inherit']
})
const url = await new Promise((resolve) => createInterface({ input: server.stdout }).once('line', resolve))
const browser = await chromium.launch({
  executablePath: process.env.SPANWISE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
})
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 800 }, colorScheme: 'light' })
  await page.goto(url)
  await page.getByRole('button', { name: /Harbour bridge/ }).click()
  await page.getByTestId('span-item').nth(4).click()
  await page.waitForTimeout(300)
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot-workbench.png') })
  console.log('wrote docs/screenshot-workbench.png')
} finally {
  await browser.close()
  server.kill()
  rmSync(folder, { recursive: true, force: true })
}
