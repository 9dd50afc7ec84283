// The desktop shell: launches the built app with Electron and checks the window, its security
// settings and that the workbench inside works over IPC. Skips where no Electron binary exists.
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { installedElectronBinary, NO_ELECTRON_MESSAGE } from '../helpers/electron-binary'
import { repoRoot } from '../helpers/workbench'

const binary = installedElectronBinary()

test.skip(binary === null, NO_ELECTRON_MESSAGE)

test('the desktop app opens the demo project in a locked-down window', async () => {
  const project = await mkdtemp(path.join(os.tmpdir(), 'spanwise-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [path.join(repoRoot, 'out/main/main.js'), '--project', path.join(project, 'demo')],
    env: { ...process.env, SPANWISE_PROJECT: path.join(project, 'demo'), SPANWISE_USER_DATA: path.join(project, 'user-data') }
  })
  try {
    const window = await app.firstWindow()
    await expect(window.getByTestId('document-item')).toHaveCount(4)
    await expect(window.getByTestId('progress')).toContainText('0 / 4 done')

    // the page has no Node and no raw ipcRenderer, only the named bridge
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
    expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
    expect(await window.evaluate(() => Object.keys((window as unknown as { spanwiseDesktop: object }).spanwiseDesktop).sort())).toEqual(
      ['api', 'exportWithDialog', 'importWithDialog', 'onMenuCommand']
    )
    // navigation away and new windows are refused
    await window.evaluate(() => globalThis.open('https://example.org'))
    await window.evaluate(() => (location.href = 'https://example.org'))
    await window.waitForTimeout(500)
    expect(app.windows()).toHaveLength(1)
    expect(window.url()).toContain('/renderer/index.html')

    // the pre-annotated demo article shows its spans, read over IPC from the store on disk
    await window.getByRole('button', { name: /Harbour bridge/ }).click()
    await expect(window.getByTestId('span-item')).toHaveCount(10)
  } finally {
    await app.close()
    await rm(project, { recursive: true, force: true })
  }
})
