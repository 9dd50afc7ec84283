// The command line on several annotators' data: per-layer import reports, --annotator-from-*,
// --all-annotators in each shape, and the warning when the exported layer is empty.
import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from './helpers'

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/spanwise.mjs', ...args], { encoding: 'utf8' })

const text = 'Ada 👍🏽 met Bob in 東京.'
const prodigy = [
  { text, spans: [{ start: 0, end: 3, label: 'actor' }], answer: 'accept', _annotator_id: 'news-alice', _session_id: 'news-alice' },
  { text, spans: [{ start: 0, end: 3, label: 'actor' }, { start: 11, end: 14, label: 'actor' }], answer: 'accept', _annotator_id: 'news-bob', _session_id: 'news-bob' },
  { text: 'Second 東京 doc', spans: [{ start: 7, end: 9, label: 'place' }], _annotator_id: 'news-bob', _session_id: 'news-bob' }
]
  .map((r) => JSON.stringify(r))
  .join('\n')

// each run starts node and tsx: seconds apiece on a busy machine
describe('spanwise with several annotators', { timeout: 240_000 }, () => {
  it('imports Prodigy sessions into layers, reports them, warns when the exported layer is empty', async () => {
    const dir = await tempDir()
    const project = path.join(dir, 'p')
    await writeFile(path.join(dir, 'news.jsonl'), prodigy)
    let run = cli('import', '--project', project, '--annotator', 'me', path.join(dir, 'news.jsonl'))
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(
      'imported 2 document(s) with 4 span(s); 0 already present; 0 rejected\n  layer alice: 1 span(s) in 1 document(s)\n  layer bob: 3 span(s) in 2 document(s)\n'
    )
    // the default layer ("me") is empty: the export still runs, and says where the spans are
    run = cli('export', '--project', project, '--annotator', 'me', '--format', 'prodigy', '--out', path.join(dir, 'me.jsonl'))
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('wrote 2 record(s) with 0 span(s)')
    expect(run.stderr).toContain(
      'warning: the layer "me" has no spans; layers with spans: alice (1 span in 1 document), bob (3 spans in 2 documents); export one of them with --annotator NAME, or every layer with --all-annotators\n'
    )
    run = cli('export', '--project', project, '--annotator', 'me', '--format', 'jsonl')
    expect(run.stderr).toMatch(/^warning: the layer "me" has no spans/m)
    run = cli('export', '--project', project, '--annotator', 'bob', '--format', 'jsonl')
    expect(run.stderr).not.toContain('warning')
    // --all-annotators: a Prodigy record per annotator and document
    run = cli('export', '--project', project, '--all-annotators', '--format', 'prodigy')
    expect(run.stderr).toBe('')
    const records = run.stdout.trim().split('\n').map((line) => JSON.parse(line))
    expect(records.map((r) => [r._annotator_id, r._session_id, r.spans.map((s: { start: number; end: number }) => [s.start, s.end])])).toEqual(
      expect.arrayContaining([
        ['alice', 'alice', [[0, 3]]],
        ['bob', 'bob', [[0, 3], [11, 14]]],
        ['bob', 'bob', [[7, 9]]]
      ])
    )
    expect(records).toHaveLength(3)
    // importing the same file again writes nothing and says so, layer by layer
    run = cli('import', '--project', project, '--annotator', 'me', path.join(dir, 'news.jsonl'))
    expect(run.stdout).toContain('  layer bob: 0 span(s) in 0 document(s); 2 document(s) left as they were (the layer already had spans there)\n')
    expect(run.stderr).toContain('hint: if these files are several annotators\' work')
  })

  it('doccano: --annotator-from-file-name in, --all-annotators --out DIR out (one <annotator>.jsonl each); Label Studio: one task per document', async () => {
    const dir = await tempDir()
    const project = path.join(dir, 'p')
    await mkdir(path.join(dir, 'doccano'))
    // UTF-16 offsets: "Bob" after the emoji is [13, 16)
    await writeFile(path.join(dir, 'doccano', 'alice.jsonl'), `${JSON.stringify({ id: 1, text, label: [[0, 3, 'actor']] })}\n`)
    await writeFile(path.join(dir, 'doccano', 'bob.jsonl'), `${JSON.stringify({ id: 1, text, label: [[13, 16, 'actor']] })}\n`)
    let run = cli('import', '--project', project, '--annotator', 'me', '--annotator-from-file-name', path.join(dir, 'doccano'))
    expect(run.stdout).toBe('imported 1 document(s) with 2 span(s); 0 already present; 0 rejected\n  layer alice: 1 span(s) in 1 document(s)\n  layer bob: 1 span(s) in 1 document(s)\n')
    expect(cli('import', '--project', project, '--annotator-from-file-name', '--annotator-from-folder', path.join(dir, 'doccano')).stderr).toMatch(/cannot be used with/)

    run = cli('export', '--project', project, '--all-annotators', '--format', 'doccano', '--out', path.join(dir, 'out'))
    expect(run.status).toBe(0)
    expect((await readdir(path.join(dir, 'out'))).sort()).toEqual(['alice.jsonl', 'bob.jsonl'])
    expect(JSON.parse(await readFile(path.join(dir, 'out', 'bob.jsonl'), 'utf8'))).toMatchObject({ text, label: [[13, 16, 'actor']], annotator: 'bob' })

    run = cli('export', '--project', project, '--all-annotators', '--format', 'label-studio')
    const tasks = JSON.parse(run.stdout)
    expect(tasks).toHaveLength(1)
    expect(tasks[0].annotations.map((a: { result: { value: { start: number } }[] }) => a.result.map((r) => r.value.start))).toEqual([[0], [13]])
    expect(tasks[0].meta.spanwise.layers.map((l: { annotator: string }) => l.annotator)).toEqual(['alice', 'bob'])
  })

  it('brat: --all-annotators writes a folder per annotator, --annotator-from-folder reads it back', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'news.jsonl'), prodigy)
    cli('import', '--project', path.join(dir, 'p'), path.join(dir, 'news.jsonl'))
    let run = cli('export', '--project', path.join(dir, 'p'), '--all-annotators', '--format', 'brat', '--out', path.join(dir, 'brat'))
    expect(run.status).toBe(0)
    expect((await readdir(path.join(dir, 'brat'))).sort()).toEqual(['alice', 'bob'])
    run = cli('import', '--project', path.join(dir, 'q'), '--annotator', 'me', '--annotator-from-folder', path.join(dir, 'brat'))
    expect(run.stdout).toBe('imported 2 document(s) with 4 span(s); 0 already present; 0 rejected\n  layer alice: 1 span(s) in 1 document(s)\n  layer bob: 3 span(s) in 2 document(s)\n')
  })
})
