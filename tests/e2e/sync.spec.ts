// The Sync button and its shortcut, in Chromium against `spanwise serve` on a project that is a
// git repository with a local bare remote: a teammate's pushed layer comes in and is reported,
// and a second sync says plainly that there is nothing to do.
import { spawnSync } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { repoRoot, startWorkbench } from '../helpers/workbench'

function run(cwd: string, command: string, ...args: string[]): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  return result.stdout
}
const spanwise = (cwd: string, ...args: string[]) => run(cwd, process.execPath, path.join(repoRoot, 'bin', 'spanwise.mjs'), ...args)

test('Sync brings a teammate\'s layer and reports it; the shortcut syncs again', async ({ page }) => {
  // the setup runs the command line four times (a Node start-up each) before the browser part
  test.setTimeout(180_000)
  const root = await mkdtemp(path.join(os.tmpdir(), 'spanwise-e2e-sync-'))
  try {
    await writeFile(path.join(root, 'a.txt'), 'The council approved 12 new bridges.\n')
    spanwise(root, 'init', '--git', '--project', 'olga', '--annotator', 'olga')
    spanwise(root, 'import', '--project', 'olga', '--annotator', 'olga', 'a.txt')
    run(root, 'git', 'init', '--quiet', '--bare', '--initial-branch=main', 'team.git')
    run(path.join(root, 'olga'), 'git', 'remote', 'add', 'origin', path.join(root, 'team.git'))
    spanwise(root, 'sync', '--project', 'olga', '--annotator', 'olga')
    // pat, in a clone of their own, marks "The council" and syncs
    run(root, 'git', 'clone', '--quiet', 'team.git', 'pat')
    const id = run(path.join(root, 'pat'), 'git', 'ls-files', 'documents').trim().split('/')[1]!.replace('.json', '')
    await mkdir(path.join(root, 'pat', 'annotations', 'pat'), { recursive: true })
    const layer = { version: 1, documentId: id, annotator: 'pat', status: 'done', spans: [{ id: 's1', start: 0, end: 11, label: 'actor' }], relations: [], updatedAt: '2026-01-01T00:00:00.000Z' }
    await writeFile(path.join(root, 'pat', 'annotations', 'pat', `${id}.json`), JSON.stringify(layer))
    spanwise(root, 'sync', '--project', 'pat', '--annotator', 'pat')

    const workbench = await startWorkbench({ project: path.join(root, 'olga'), annotator: 'olga' })
    try {
      await page.goto(workbench.url)
      await expect(page.getByTestId('document-item')).toHaveCount(1)
      await page.getByTestId('sync').click()
      await expect(page.getByRole('status').filter({ hasText: 'Synced with origin' })).toContainText('In: layers: pat 1.')
      await page.keyboard.press('Control+Shift+P')
      await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toHaveText(/Up to date with origin \(main\): nothing to pull, nothing to send\./)
      // the command is on the shortcut sheet with its keys
      await page.keyboard.press('?')
      await expect(page.getByRole('dialog')).toContainText('Sync with your team')
    } finally {
      await workbench.stop()
    }
  } finally {
    await rm(root, { recursive: true, force: true })
  }
})
