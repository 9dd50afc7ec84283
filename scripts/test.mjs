#!/usr/bin/env node
// `npm test`: type check, build all three bundles, unit tests, then the end-to-end tests in
// Debian's Chromium (under Xvfb when there is no display, for the Electron tests). Ends with one
// summary line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const results = path.join(root, 'test-results')
mkdirSync(results, { recursive: true })

function step(title, command, args, env = {}) {
  process.stdout.write(`\n== ${title}\n`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status ?? 1
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

const failures = []
if (step('type check', 'npx', ['tsc', '-p', 'tsconfig.node.json']) !== 0) failures.push('type check (node)')
if (step('type check (renderer)', 'npx', ['tsc', '-p', 'tsconfig.web.json']) !== 0) failures.push('type check (renderer)')
if (step('type check (tests)', 'npx', ['tsc', '-p', 'tsconfig.test.json']) !== 0) failures.push('type check (tests)')
if (step('build', 'npx', ['electron-vite', 'build']) !== 0) failures.push('build')

const unitReport = path.join(results, 'unit.json')
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${unitReport}`])

const e2eReport = path.join(results, 'e2e.json')
const playwright = ['playwright', 'test']
const wrap = !process.env.DISPLAY && hasCommand('xvfb-run')
step('end-to-end tests', wrap ? 'xvfb-run' : 'npx', wrap ? ['-a', 'npx', ...playwright] : playwright)

const count = { passed: 0, failed: 0, skipped: 0 }
if (existsSync(unitReport)) {
  const unit = JSON.parse(readFileSync(unitReport, 'utf8'))
  count.passed += unit.numPassedTests
  count.failed += unit.numFailedTests + (unit.numFailedTestSuites ?? 0)
  count.skipped += unit.numPendingTests + unit.numTodoTests
} else failures.push('unit tests did not report')
if (existsSync(e2eReport)) {
  const e2e = JSON.parse(readFileSync(e2eReport, 'utf8'))
  count.passed += e2e.stats.expected + e2e.stats.flaky
  count.failed += e2e.stats.unexpected
  count.skipped += e2e.stats.skipped
  const walk = (suite) => [...(suite.specs ?? []).flatMap((spec) => spec.tests), ...(suite.suites ?? []).flatMap(walk)]
  for (const t of e2e.suites.flatMap(walk)) {
    for (const note of t.annotations ?? []) if (note.type === 'skip') process.stdout.write(`skipped: ${note.description}\n`)
  }
} else failures.push('end-to-end tests did not report')

for (const failure of failures) process.stdout.write(`failed step: ${failure}\n`)
const failed = count.failed + failures.length
process.stdout.write(`\ntests: ${count.passed} passed, ${failed} failed, ${count.skipped} skipped\n`)
process.exit(failed > 0 || count.passed === 0 ? 1 : 0)
