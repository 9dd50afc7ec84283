import { defineConfig } from '@playwright/test'

// Debian's Chromium: Playwright's own browser download cannot work on our machines.
const chromiumPath = process.env.SPANWISE_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // the JSON report feeds the one-line summary that `npm test` prints
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: { trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1400, height: 900 },
        acceptDownloads: true,
        launchOptions: {
          executablePath: chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
        }
      }
    },
    { name: 'electron', testDir: 'tests/electron' }
  ]
})
