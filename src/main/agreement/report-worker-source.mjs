// Starts report-worker.ts from the TypeScript sources (the CLI, `spanwise serve`, tests): a worker
// thread does not inherit tsx's loader, and Node 20 ignores `--import` in a worker's execArgv.
import { register } from 'tsx/esm/api'

register()
await import('./report-worker.ts')
