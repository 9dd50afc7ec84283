#!/usr/bin/env node
// Runs the command line from the TypeScript sources through tsx, so it never needs a build step.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/main/cli/main.ts')
await runCli(process.argv)
