// The command line end to end on the new options: --format, --offsets, --text-column, brat --out.
import { spawnSync } from 'node:child_process'
import { readdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/spanwise.mjs', ...args], { encoding: 'utf8' })

// each run starts node and tsx: seconds apiece on a busy machine, so six runs outlast 30 s
describe('spanwise import/export', { timeout: 240_000 }, () => {
  it('imports CSV with --text-column and doccano with --offsets, exports prodigy and brat', async () => {
    const dir = await tempDir()
    const project = path.join(dir, 'p')
    await writeFile(path.join(dir, 'a.csv'), 'id,body\n1,"Ada 👍 wrote\nnotes"\n')
    await writeFile(path.join(dir, 'd.data'), `${JSON.stringify({ text: '👍 Ada met Bob', label: [[2, 5, 'actor']] })}\n`)
    let run = cli('import', '--project', project, '--annotator', 'alice', '--text-column', 'body', path.join(dir, 'a.csv'))
    expect(run.stdout).toContain('imported 1 document(s)')
    run = cli('import', '--project', project, '--annotator', 'alice', '--format', 'doccano', '--offsets', 'codepoint', path.join(dir, 'd.data'))
    expect(run.stdout).toContain('imported 1 document(s) with 1 span(s)')
    run = cli('export', '--project', project, '--annotator', 'alice', '--format', 'prodigy')
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(records.find((r) => r.spans.length)?.spans[0]).toMatchObject({ start: 2, end: 5, label: 'actor', token_start: 1, token_end: 1 })
    expect(cli('export', '--project', project, '--format', 'brat').stderr).toMatch(/--out DIR/)
    run = cli('export', '--project', project, '--annotator', 'alice', '--format', 'brat', '--out', path.join(dir, 'brat'))
    expect(run.status).toBe(0)
    expect((await readdir(path.join(dir, 'brat'))).filter((f) => f.endsWith('.ann'))).toHaveLength(2)
    expect(cli('export', '--project', project, '--format', 'jsonl', '--offsets', 'utf16').stderr).toMatch(/always code points/)
  }, 120_000) // seven CLI runs, each starting tsx: slow on a busy machine
  it('a rejected file is reported with file:line and fails the run', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'bad.jsonl'), '{"text": "ok", "label": []}\n{oops\n')
    const run = cli('import', '--project', path.join(dir, 'p'), '--annotator', 'alice', path.join(dir, 'bad.jsonl'))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain(`rejected ${path.join(dir, 'bad.jsonl')}:2: invalid JSON`)
  })
})
