import os from 'node:os'
import path from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // the recent projects that `spanwise serve` remembers go here, never into the user's own list
    env: { SPANWISE_USER_DATA: path.join(os.tmpdir(), `spanwise-unit-user-data-${process.pid}`) }
  }
})
