// The staging writer writes an import's files on a thread of its own: every file whole, its
// folders made as needed, and a failure (a full disk, a file in a folder's way) reaches the
// import as the error it is, with nothing written after it.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StagingWriter } from '../../../src/main/importing/staging-writer'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

describe('the staging writer', () => {
  it('writes each batch whole, in new folders, with the text as UTF-8, and a file again when asked', async () => {
    const dir = await tempDir()
    const writer = new StagingWriter()
    try {
      const batch = Array.from({ length: 300 }, (_, i) => ({ file: path.join(dir, `d${i % 3}`, 'deeper', `${i}.json`), content: `{"text": "Zoë 👍🏽 北京 ${i}"}\n` }))
      await writer.write(batch)
      for (const { file, content } of batch) expect(await readFile(file, 'utf8')).toBe(content)
      // a file written again (a layer staged first with a status only, then with spans) holds the last content
      await writer.write([{ file: batch[0]!.file, content: 'again\n' }])
      expect(await readFile(batch[0]!.file, 'utf8')).toBe('again\n')
    } finally {
      await writer.close()
    }
  })

  it('fails a batch with the file system\'s error, and every batch after it', async () => {
    const dir = await tempDir()
    // a file where a folder has to be
    await writeFile(path.join(dir, 'in-the-way'), 'not a folder')
    const writer = new StagingWriter()
    try {
      const failed = writer.write([
        { file: path.join(dir, 'ok', 'a.json'), content: 'a\n' },
        { file: path.join(dir, 'in-the-way', 'b.json'), content: 'b\n' },
        { file: path.join(dir, 'ok', 'c.json'), content: 'c\n' }
      ])
      await expect(failed).rejects.toMatchObject({ code: 'EEXIST', message: expect.stringContaining('in-the-way') })
      // the files before the failure are there (the staging folder goes whole), none after it
      expect(existsSync(path.join(dir, 'ok', 'a.json'))).toBe(true)
      expect(existsSync(path.join(dir, 'ok', 'c.json'))).toBe(false)
    } finally {
      await writer.close()
    }
    await expect(writer.write([{ file: path.join(dir, 'late.json'), content: 'late\n' }])).rejects.toThrow(/closed/)
  })

  it('left open after its last batch (a failure before the import closed it), does not keep the process alive', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'written.json')
    const source = `
      const { StagingWriter } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../../src/main/importing/staging-writer.ts'))})
      await new StagingWriter().write([{ file: ${JSON.stringify(file)}, content: 'done' }])
    `
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], { timeout: 30_000, encoding: 'utf8' })
    expect(run.error).toBeUndefined()
    expect(run.status).toBe(0)
    expect(await readFile(file, 'utf8')).toBe('done')
  }, 60_000)
})
