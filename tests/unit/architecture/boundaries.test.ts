// Layering rules, checked on the sources: Electron only in its shell and the preload script,
// the renderer never reaches Node or the main process, and never writes HTML from strings.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const SRC = path.join(ROOT, 'src')
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full)
    return SOURCE.test(entry.name) ? [full] : []
  })
}

/** Comments blanked (line numbers kept), so a word in a comment is not taken for code. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1')
}

/** Every module specifier: static and dynamic imports, re-exports, require(). */
function importsOf(code: string): string[] {
  const specifiers: string[] = []
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g
  ]
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) specifiers.push(match[1]!)
  return specifiers
}

const NODE_BUILTINS = new Set([
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2',
  'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'stream/promises', 'tls', 'url',
  'util', 'v8', 'vm', 'worker_threads', 'zlib'
])

const files = sourceFiles(SRC).map((file) => ({
  file: path.relative(ROOT, file).split(path.sep).join('/'),
  absolute: file,
  code: stripComments(readFileSync(file, 'utf8'))
}))

function isUnder(file: string, folder: string): boolean {
  return file.startsWith(`${folder}/`)
}

describe('the scanner itself', () => {
  it('finds the sources, including renderer, main and preload files', () => {
    expect(files.length).toBeGreaterThan(20)
    expect(files.some((f) => isUnder(f.file, 'src/renderer'))).toBe(true)
    expect(files.some((f) => isUnder(f.file, 'src/main/electron'))).toBe(true)
    // the Electron shell does import electron: the check below would see it
    expect(files.filter((f) => isUnder(f.file, 'src/main/electron')).some((f) => importsOf(f.code).includes('electron'))).toBe(true)
  })

  it('recognises every import form', () => {
    const sample = [
      "import { app } from 'electron'",
      "import type { X } from \"node:fs\"",
      "import 'electron/main'",
      "export * from '../../main/store/project-store'",
      "export { a } from 'node:path'",
      "const m = await import('electron')",
      "const fs = require('fs')",
      "import Default, { named } from './local'"
    ].join('\n')
    expect(importsOf(sample)).toEqual(
      expect.arrayContaining(['electron', 'node:fs', 'electron/main', '../../main/store/project-store', 'node:path', 'fs', './local'])
    )
  })
})

describe('electron stays in its shell', () => {
  it('no file outside src/main/electron/ and src/preload/ imports electron', () => {
    const offenders = files
      .filter((f) => !isUnder(f.file, 'src/main/electron') && !isUnder(f.file, 'src/preload'))
      .flatMap((f) => importsOf(f.code).filter((s) => s === 'electron' || s.startsWith('electron/')).map((s) => `${f.file} imports ${s}`))
    expect(offenders).toEqual([])
  })
})

describe('the renderer is a web page', () => {
  const renderer = files.filter((f) => isUnder(f.file, 'src/renderer'))

  it('imports no Node module', () => {
    const offenders = renderer.flatMap((f) =>
      importsOf(f.code)
        .filter((s) => s.startsWith('node:') || NODE_BUILTINS.has(s) || s === 'electron' || s.startsWith('electron/'))
        .map((s) => `${f.file} imports ${s}`)
    )
    expect(offenders).toEqual([])
  })

  it('imports nothing from src/main (only src/shared)', () => {
    const offenders = renderer.flatMap((f) =>
      importsOf(f.code)
        .filter((s) => s.startsWith('.'))
        .map((s) => ({ s, target: path.relative(ROOT, path.resolve(path.dirname(f.absolute), s)).split(path.sep).join('/') }))
        .filter(({ target }) => target === 'src/main' || isUnder(target, 'src/main'))
        .map(({ s }) => `${f.file} imports ${s}`)
    )
    const aliased = renderer.flatMap((f) =>
      importsOf(f.code).filter((s) => /(^|\/)src\/main(\/|$)|^@main\b/.test(s)).map((s) => `${f.file} imports ${s}`)
    )
    expect([...offenders, ...aliased]).toEqual([])
  })

  it('takes only types from the preload script (the bridge arrives on window at run time)', () => {
    const offenders = renderer.flatMap((f) =>
      [...f.code.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]*preload[^'"]*)['"]/gm)]
        .filter((m) => !m[2])
        .map((m) => `${f.file} imports values from ${m[3]}`)
    )
    expect(offenders).toEqual([])
  })

  it('takes only types from shared modules that load zod (the schemas stay out of the page bundle)', () => {
    // value imports only: `import type` and `import { type X }` lines vanish from the bundle
    const valueImports = (code: string) =>
      [...code.matchAll(/^\s*import\s+(?!type\b)(\{[^}]*\}|[^'"]*?)\s*from\s+['"]([^'"]+)['"]/gm)]
        .filter((m) => !/^\{\s*(type\s+[\w$]+\s*,?\s*)+\}$/.test(m[1]!.trim()))
        .map((m) => m[2]!)
    const resolve = (from: string, specifier: string) =>
      path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, from)), specifier)).split(path.sep).join('/')
    const shared = files.filter((f) => isUnder(f.file, 'src/shared'))
    const loadsZod = new Set<string>()
    // modules whose values pull zod in, directly or through another such module
    for (let grown = true; grown; ) {
      grown = false
      for (const f of shared) {
        const module = f.file.replace(/\.tsx?$/, '')
        if (loadsZod.has(module)) continue
        if (valueImports(f.code).some((s) => s === 'zod' || (s.startsWith('.') && loadsZod.has(resolve(f.file, s))))) {
          loadsZod.add(module)
          grown = true
        }
      }
    }
    expect(loadsZod.has('src/shared/model')).toBe(true)
    const offenders = renderer.flatMap((f) =>
      valueImports(f.code)
        .filter((s) => s === 'zod' || (s.startsWith('.') && loadsZod.has(resolve(f.file, s))))
        .map((s) => `${f.file} imports values from ${s}`)
    )
    expect(offenders).toEqual([])
  })

  it('never writes HTML from strings', () => {
    const sinks = /\b(innerHTML|outerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|createContextualFragment)\b|document\.write\s*\(/
    const offenders = renderer.flatMap((f) =>
      f.code
        .split('\n')
        .map((line, n) => ({ line, n }))
        .filter(({ line }) => sinks.test(line))
        .map(({ line, n }) => `${f.file}:${n + 1}: ${line.trim()}`)
    )
    expect(offenders).toEqual([])
  })
})
