// `spanwise suggest`, run as a user runs it: per-label counts, suggestions stored for review,
// spans written with --accept.
import { spawnSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const BIN = path.join(ROOT, 'bin', 'spanwise.mjs')

function spanwise(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })
}

afterAll(removeTempDirs)

describe('spanwise suggest', () => {
  it('stores suggestions per document and prints counts per label; --accept writes spans', async () => {
    const dir = await tempDir()
    const project = path.join(dir, 'project')
    await writeFile(path.join(dir, 'a.txt'), 'Hamas holds 48 hostages, Hamas said.')
    await writeFile(path.join(dir, 'b.txt'), 'A 😀 statement by Hamas: 41,200 Palestinians died.')
    expect(spanwise(dir, ['import', '--project', project, 'a.txt', 'b.txt']).status).toBe(0)
    const usage = spanwise(dir, ['suggest', '--project', project, '--source', 'nonsense'])
    expect(usage.status).not.toBe(0)
    expect(usage.stderr).toMatch(/a source is one of own, dictionary, patterns, model/)

    // a dictionary, as the app imports it: the project's suggest/dictionaries/<label>.txt
    await mkdir(path.join(project, 'suggest', 'dictionaries'), { recursive: true })
    await writeFile(path.join(project, 'suggest', 'dictionaries', 'actor.txt'), 'Hamas\n')
    const stored = spanwise(dir, ['suggest', '--project', project, '--annotator', 'ana', '--source', 'dictionary', '--source', 'patterns'])
    expect(stored.stderr).toBe('')
    expect(stored.status).toBe(0)
    expect(stored.stdout).toMatch(/^actor\t3\nfigure\t2\nstored 5 suggestion\(s\) for ana to review in 2 document\(s\) from dictionary, patterns/)

    const accepted = spanwise(dir, ['suggest', '--project', project, '--annotator', 'ana', '--source', 'dictionary', '--accept'])
    expect(accepted.status).toBe(0)
    expect(accepted.stdout).toMatch(/^actor\t3\nadded 3 span\(s\) to ana's layers in 2 document\(s\)/)
    const exported = spanwise(dir, ['export', '--project', project, '--annotator', 'ana', '--format', 'jsonl', '--out', path.join(dir, 'out.jsonl')])
    expect(exported.status).toBe(0)
    const records = (await readFile(path.join(dir, 'out.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { text: string; spans: { start: number; end: number; text: string }[] })
    const check = spawnSync('/usr/bin/python3', ['-c', 'import json,sys\nfor l in open(sys.argv[1],encoding="utf-8"):\n r=json.loads(l)\n for s in r["spans"]:\n  assert r["text"][s["start"]:s["end"]]=="Hamas", s\nprint("OK")', path.join(dir, 'out.jsonl')], { encoding: 'utf8' })
    expect(check.stdout.trim()).toBe('OK')
    expect(records.flatMap((r) => r.spans.map((s) => s.text))).toEqual(['Hamas', 'Hamas', 'Hamas'])
  }, 240_000)
})
