// How files reach the disk: canonical bytes (same content, same bytes; small diffs), a temporary
// file of its own per write (so writers never share one), and leftovers of killed writers
// removed at the next open.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../src/main/store/canonical-json'
import { WriteBatch, writeJsonAtomic } from '../../../src/main/store/json-file'
import { ProjectStore } from '../../../src/main/store/project-store'
import { importSources } from '../../../src/main/importing/import-files'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXT = 'Mayor Ana Lind said the budget grew 4 percent.'

describe('canonical files', () => {
  it('write the same bytes for the same content, whatever the key order, with one trailing newline', async () => {
    const folder = await tempDir()
    const a = path.join(folder, 'a.json')
    const b = path.join(folder, 'b.json')
    await writeJsonAtomic(a, { z: 1, a: { y: [1, { d: 1, c: 2 }], x: 'é' } })
    await writeJsonAtomic(b, { a: { x: 'é', y: [1, { c: 2, d: 1 }] }, z: 1 })
    const bytes = await readFile(a, 'utf8')
    expect(await readFile(b, 'utf8')).toBe(bytes)
    expect(bytes).toBe('{\n  "a": {"x":"é","y":[1,{"c":2,"d":1}]},\n  "z": 1\n}\n')
  })

  it('put one span per line, so adding a span adds one line to the layer (and a comma to the line before)', async () => {
    const folder = await tempDir()
    const store = await ProjectStore.open(folder, { create: true })
    const { added } = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from(TEXT) }], { annotator: 'ana' })
    const id = added[0]!.id
    const file = path.join(folder, 'annotations', 'ana', `${id}.json`)
    await store.saveLayer(id, 'ana', { spans: [{ id: 's1', start: 0, end: 5, label: 'actor' }] })
    const before = (await readFile(file, 'utf8')).split('\n')
    await store.saveLayer(id, 'ana', { spans: [{ id: 's1', start: 0, end: 5, label: 'actor' }, { id: 's2', start: 6, end: 9, label: 'actor' }] })
    const after = (await readFile(file, 'utf8')).split('\n')
    expect(after.filter((line) => !before.includes(line))).toEqual([
      '    {"end":5,"id":"s1","label":"actor","start":0},',
      '    {"end":9,"id":"s2","label":"actor","start":6}',
      expect.stringMatching(/^ {2}"updatedAt": "/)
    ])
    expect(after).toHaveLength(before.length + 1)
  })

  it('keep values JSON would keep, and nothing else', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, 1], c: null })).toBe('{\n  "a": [\n    null,\n    1\n  ],\n  "c": null\n}\n')
    expect(canonicalJson([])).toBe('[]\n')
    expect(canonicalJson({})).toBe('{}\n')
  })
})

describe('temporary files', () => {
  it('are never shared: another writer\'s temporary file in the way does not stop a write', async () => {
    const folder = await tempDir()
    const store = await ProjectStore.open(folder, { create: true })
    // what another process writing project.json at this instant has (lowdb's one fixed name)
    await mkdir(path.join(folder, '.project.json.tmp'))
    await store.addLabels(['speaker'])
    const written = JSON.parse(await readFile(path.join(folder, 'project.json'), 'utf8')) as { labels: { name: string }[] }
    expect(written.labels.map((label) => label.name)).toContain('speaker')
  })

  it('are named by the writing process and left nowhere after two processes write one file at once', async () => {
    const folder = await tempDir()
    await ProjectStore.open(folder, { create: true })
    const script = `
      import { writeJsonAtomic } from ${JSON.stringify(path.resolve('src/main/store/json-file.ts'))}
      for (let i = 0; i < 150; i++) await writeJsonAtomic(${JSON.stringify(path.join(folder, 'shared.json'))}, { writer: process.pid, i, pad: 'x'.repeat(20000) })
    `
    const run = () =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'inherit' })
        child.once('exit', (code) => resolve(code ?? -1))
      })
    const reads: unknown[] = []
    const both = Promise.all([run(), run()])
    let done = false
    void both.then(() => (done = true))
    while (!done) {
      // every read, while both write, finds a whole file
      if (existsSync(path.join(folder, 'shared.json'))) reads.push(JSON.parse(await readFile(path.join(folder, 'shared.json'), 'utf8')))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(await both).toEqual([0, 0])
    expect(reads.length).toBeGreaterThan(0)
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([])
  }, 60_000)

  it('of a writer killed mid-write are removed at the next open; a live writer\'s are kept', async () => {
    const folder = await tempDir()
    const store = await ProjectStore.open(folder, { create: true })
    const { added } = await importSources(store, [{ name: 'a.txt', bytes: Buffer.from(TEXT) }], { annotator: 'ana' })
    const id = added[0]!.id
    // a pid that is not running: a finished child's
    const gone = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', ''])
      child.once('exit', () => resolve(child.pid!))
    })
    await mkdir(path.join(folder, 'annotations', 'ana'))
    const dead = path.join(folder, 'annotations', 'ana', `.${id}.json.${gone}.0123456789ab.tmp`)
    const deadRoot = path.join(folder, `.project.json.${gone}.0123456789ab.tmp`)
    const live = path.join(folder, 'documents', `.${id}.json.${process.pid}.0123456789ab.tmp`)
    for (const file of [dead, deadRoot, live]) await writeFile(file, '{"half": ')
    const reopened = await ProjectStore.open(folder)
    expect(existsSync(dead)).toBe(false)
    expect(existsSync(deadRoot)).toBe(false)
    expect(existsSync(live)).toBe(true)
    expect(reopened.notices).toEqual(['removed 2 temporary file(s) left by a writer that was stopped mid-write'])
  })
})

describe('a write batch', () => {
  it('flushes files it is told of at once and files it lists only when flushed (a big import), and fails on one that is missing', async () => {
    const folder = await tempDir()
    await writeFile(path.join(folder, 'told.json'), '{}\n')
    await mkdir(path.join(folder, 'listed'))
    await writeFile(path.join(folder, 'listed', 'a.json'), '{}\n')
    const batch = new WriteBatch()
    batch.add(path.join(folder, 'told.json'))
    let listings = 0
    const names = ['a.json']
    batch.addListed(function* () {
      listings++
      for (const name of names) yield path.join(folder, 'listed', name)
    })
    // (listed when flushed: a file named after addListed is flushed too)
    await writeFile(path.join(folder, 'listed', 'b.json'), '{}\n')
    names.push('b.json')
    expect(listings).toBe(0)
    await batch.flush()
    expect(listings).toBeGreaterThan(0)
    // a flushed batch is empty: nothing listed again
    const seen = listings
    await batch.flush()
    expect(listings).toBe(seen)
    // a listed file in a folder that is not there cannot be made durable: the flush says so
    batch.addListed(() => [path.join(folder, 'gone', 'c.json')])
    await expect(batch.flush()).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
