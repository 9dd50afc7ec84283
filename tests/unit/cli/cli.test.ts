// The `spanwise` command, run as a user runs it: node bin/spanwise.mjs ...
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')

let dir: string

function spanwise(args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NODE_ENV: 'production', SPANWISE_PROJECT: path.join(dir, 'never-used') }
  })
}

interface Record {
  schema: string
  id: string
  title: string
  text: string
  annotator: string
  status: string
  spans: { start: number; end: number; label: string; text: string }[]
}

function parseJsonl(output: string): Record[] {
  return output.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record)
}

beforeAll(async () => {
  dir = await tempDir()
})
afterAll(removeTempDirs)

describe('help', () => {
  it.each([
    ['import', /Usage: spanwise import \[options\] <paths\.\.\.>/, /--project <dir>/],
    ['export', /Usage: spanwise export \[options\]/, /--out <(file|path)>/],
    ['serve', /Usage: spanwise serve \[options\]/, /--port <n>/]
  ])('%s --help prints usage and exits 0', (command, usage, option) => {
    const result = spanwise([command, '--help'])
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(usage)
    expect(result.stdout).toMatch(option)
    expect(result.stdout).toMatch(/--annotator <name>/)
  })

  it('--help lists the commands', () => {
    const result = spanwise(['--help'])
    expect(result.status).toBe(0)
    for (const command of ['import', 'export', 'serve']) expect(result.stdout).toContain(command)
  })
})

describe('errors', () => {
  it('an unknown command exits non-zero and says so', () => {
    const result = spanwise(['frobnicate'])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/)
    expect(result.stdout).toBe('')
  })

  it('export of a folder without a project exits 1 with one line naming it', () => {
    const missing = path.join(dir, 'no-project-here')
    const result = spanwise(['export', '--project', missing, '--annotator', 'alice'])
    expect(result.status).toBe(1)
    expect(result.stderr).toBe(`spanwise: no Spanwise project in ${missing}\n`)
    expect(result.stdout).toBe('')
  })

  it('an unsafe --annotator is refused', () => {
    const result = spanwise(['export', '--project', dir, '--annotator', '../x'])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/annotator/)
  })

  it('import of a bad file exits non-zero with a one-line reason naming the file, and keeps the good one', async () => {
    const project = path.join(dir, 'bad-import')
    const bad = path.join(dir, 'in-bad', 'latin1.txt')
    const good = path.join(dir, 'in-bad', 'fine.txt')
    await mkdir(path.dirname(bad), { recursive: true })
    await writeFile(bad, Buffer.from([0x61, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]))
    await writeFile(good, 'Fine article\n')
    const result = spanwise(['import', '--project', project, '--annotator', 'alice', bad, good])
    expect(result.status).toBe(1)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(new RegExp(`^rejected ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: not valid UTF-8`))
    expect(result.stdout).toBe('imported 1 document(s) with 0 span(s); 0 already present; 1 rejected\n')
    const exported = spanwise(['export', '--project', project, '--annotator', 'alice'])
    expect(parseJsonl(exported.stdout).map((r) => r.title)).toEqual(['Fine article'])
  })

  it('import of an unsupported file names it', async () => {
    const pdf = path.join(dir, 'paper.pdf')
    await writeFile(pdf, '%PDF')
    const result = spanwise(['import', '--project', path.join(dir, 'pdf-project'), '--annotator', 'alice', pdf])
    expect(result.status).toBe(1)
    expect(result.stderr.trimEnd()).toBe(`rejected ${pdf}: unsupported file type ".pdf"`)
  })

  it('import without paths is a usage error', () => {
    const result = spanwise(['import', '--project', path.join(dir, 'x')])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/missing required argument 'paths'/)
  })
})

describe('import → export', () => {
  const articles: [string, string][] = [
    ['a.txt', 'Council votes 7–2\r\nThe mayor 👍🏽 said 北京 deal is off.\r\n'],
    ['sub/b.md', '# Harbour plan\n\nمرحبا, שלום and 👩‍👩‍👧 welcome.\n'],
    ['.hidden.txt', 'should be skipped']
  ]
  let project: string

  beforeAll(async () => {
    project = path.join(dir, 'round-trip')
    for (const [name, text] of articles) {
      await mkdir(path.dirname(path.join(dir, 'articles', name)), { recursive: true })
      await writeFile(path.join(dir, 'articles', name), text)
    }
  })

  it('imports a folder, then exports every document with its exact text', () => {
    const imported = spanwise(['import', '--project', project, '--annotator', 'alice', path.join(dir, 'articles')])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toBe('imported 2 document(s) with 0 span(s); 0 already present; 0 rejected\n')
    expect(imported.status).toBe(0)
    expect(existsSync(path.join(project, 'project.json'))).toBe(true)

    const exported = spanwise(['export', '--project', project, '--annotator', 'alice'])
    expect(exported.status).toBe(0)
    const records = parseJsonl(exported.stdout)
    expect(records).toHaveLength(2)
    const byTitle = new Map(records.map((r) => [r.title, r]))
    expect(byTitle.get('Council votes 7–2')!.text).toBe(articles[0]![1])
    expect(byTitle.get('Harbour plan')!.text).toBe(articles[1]![1])
    for (const record of records) {
      expect(record).toMatchObject({ schema: 'spanwise/v1', annotator: 'alice', status: 'todo', spans: [] })
    }
  })

  it('importing again reports duplicates and adds nothing', () => {
    const again = spanwise(['import', '--project', project, '--annotator', 'alice', path.join(dir, 'articles', 'a.txt')])
    expect(again.status).toBe(0)
    expect(again.stdout).toBe('imported 0 document(s) with 0 span(s); 1 already present; 0 rejected\n')
    expect(again.stderr).toMatch(/already in the project: .*a\.txt \(Council votes 7–2\)/)
  })

  it('exports spans with code point offsets and their text, to --out', async () => {
    // annotate through the store, as the workbench would
    const { ProjectStore } = await import('../../../src/main/store/project-store')
    const store = await ProjectStore.open(project)
    const ids = await store.documentIds()
    const docs = await Promise.all(ids.map((id) => store.getDocument(id)))
    const doc = docs.find((d) => d.text.includes('北京'))!
    const chars = [...doc.text]
    const needle = [...'👍🏽 said 北京']
    const start = chars.findIndex((_, i) => chars.slice(i, i + needle.length).join('') === needle.join(''))
    expect(start).toBe(29) // after "Council votes 7–2\r\nThe mayor " (code points)
    const chosen = { id: doc.id, start }
    const length = needle.length
    await store.saveLayer(chosen.id, 'alice', { spans: [{ id: 's1', start, end: start + length, label: 'claim' }], status: 'done' })

    const out = path.join(dir, 'out.jsonl')
    const result = spanwise(['export', '--project', project, '--annotator', 'alice', '--out', out])
    expect(result.status).toBe(0)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`wrote 2 record(s) with 1 span(s) to ${out}\n`)
    const records = parseJsonl(await readFile(out, 'utf8'))
    expect(records).toHaveLength(2)
    const annotated = records.find((r) => r.id === chosen.id)!
    expect(annotated.status).toBe('done')
    expect(annotated.spans).toEqual([
      { id: 's1', start: chosen.start, end: chosen.start + length, label: 'claim', text: '👍🏽 said 北京' }
    ])
    expect([...annotated.text].slice(annotated.spans[0]!.start, annotated.spans[0]!.end).join('')).toBe(annotated.spans[0]!.text)

    const done = spanwise(['export', '--project', project, '--annotator', 'alice', '--status', 'done'])
    expect(parseJsonl(done.stdout).map((r) => r.id)).toEqual([chosen.id])
    const bob = spanwise(['export', '--project', project, '--annotator', 'bob'])
    expect(parseJsonl(bob.stdout).every((r) => r.spans.length === 0 && r.status === 'todo')).toBe(true)
    const all = spanwise(['export', '--project', project, '--all-annotators'])
    // every annotator's layers, but only the documents each one touched
    expect(parseJsonl(all.stdout).map((r) => [r.id, r.annotator])).toEqual([[chosen.id, 'alice']])
  }, 120_000) // several CLI runs, each starting tsx: slow on a busy machine

  it('refuses an unknown --status', () => {
    const result = spanwise(['export', '--project', project, '--status', 'finished'])
    expect(result.status).not.toBe(0)
    expect(result.stderr).toMatch(/status is one of todo, in_progress, done/)
  })
})

describe('serve', () => {
  it('prints http://127.0.0.1:PORT/t/TOKEN/ on stdout and serves it', async () => {
    const project = path.join(dir, 'served')
    const child = spawn(process.execPath, [BIN, 'serve', '--project', project, '--port', '0', '--annotator', 'alice'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout })
        lines.once('line', resolve)
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)))
        setTimeout(() => reject(new Error(`no URL printed within 30 s: ${stderr}`)), 30_000)
      })
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/t\/([A-Za-z0-9_-]{16,})\/$/.exec(line)
      expect(match, line).not.toBeNull()
      expect(Number(match![1])).toBeGreaterThan(0)
      expect(stderr).toContain(project)
      expect(existsSync(path.join(project, 'project.json'))).toBe(true)

      const info = await fetch(`${line}api/project.info`, { method: 'POST', body: '{}' })
      expect(info.status).toBe(200)
      expect(await info.json()).toMatchObject({ ok: true, value: { annotator: 'alice', progress: { total: 0 } } })
      expect((await fetch(`http://127.0.0.1:${match![1]}/api/project.info`, { method: 'POST' })).status).toBe(401)
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    expect(child.exitCode === 0 || child.signalCode === 'SIGTERM').toBe(true)
  })
})
