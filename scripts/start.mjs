#!/usr/bin/env node
// `npm start`: the desktop workbench when an Electron binary is installed; otherwise says so in
// one line and serves the same workbench to a browser instead.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const electronDir = path.join(root, 'node_modules', 'electron')
const pathFile = path.join(electronDir, 'path.txt')
const hasElectron = existsSync(pathFile) && existsSync(path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()))
const args = process.argv.slice(2)

const run = (command, commandArgs) => spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' }).status ?? 1

if (hasElectron) {
  process.exit(run('npx', ['electron-vite', 'preview', ...(args.length ? ['--', ...args] : [])]))
}
process.stderr.write('No Electron binary installed here, so Spanwise starts in browser mode (`npm run serve`): open the URL below.\n')
const built = run('npx', ['electron-vite', 'build'])
process.exit(built === 0 ? run(process.execPath, ['bin/spanwise.mjs', 'serve', ...args]) : built)
