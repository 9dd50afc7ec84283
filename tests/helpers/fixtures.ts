// The Playwright `test` for browser-mode tests: each test gets its own running workbench on a
// fresh project folder (`workbench.url`, `workbench.project`), stopped and removed afterwards.
import { test as base } from '@playwright/test'
import { startWorkbench, type RunningWorkbench } from './workbench'

export const test = base.extend<{ workbench: RunningWorkbench }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  workbench: async ({}, use) => {
    const workbench = await startWorkbench()
    await use(workbench)
    await workbench.stop()
  }
})

export { expect } from '@playwright/test'
