// Importing files from disk: every bad file is named (with its line when known), and the good
// files of the same call still land in the project.
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { collectFiles } from '../../../src/main/importing/collect-files'
import { decodeText } from '../../../src/main/importing/decode'
import { ImportError } from '../../../src/main/importing/errors'
import { importSources } from '../../../src/main/importing/import-files'
import { MAX_IMPORT_FILE_BYTES } from '../../../src/main/importing/limits'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { DocumentRecord } from '../../../src/shared/model'
import { removeTempDirs, tempDir } from '../../helpers/temp'

// record which files collectFiles opens, to prove an over-size file is never read
const opened = vi.hoisted(() => [] as string[])
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>()
  const open: typeof actual.open = (file, ...rest) => {
    opened.push(String(file))
    return actual.open(file, ...rest)
  }
  return { ...actual, default: { ...actual, open }, open }
})

let dir: string
let store: ProjectStore

beforeEach(async () => {
  dir = await tempDir()
  store = await ProjectStore.open(path.join(dir, 'project'), { create: true })
  opened.length = 0
})
afterEach(removeTempDirs)

async function put(relative: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, 'in', relative)
  await mkdir(path.dirname(file), { recursive: true })
  await writeFile(file, content)
  return file
}

async function importPaths(paths: string[]) {
  const { files, rejected } = await collectFiles(paths)
  return importSources(store, files, { annotator: 'alice' }, rejected)
}

async function storedDocuments(): Promise<DocumentRecord[]> {
  return Promise.all((await store.documentIds()).map((id) => store.getDocument(id)))
}

describe('bad files are rejected by name, good ones still import', () => {
  it('rejects binary, invalid UTF-8, empty, over-size and unsupported files in one call', async () => {
    const good1 = await put('good-one.txt', 'First good article.\nBody.')
    const binary = await put('binary.txt', new Uint8Array([0x41, 0x0a, 0x42, 0x0a, 0x00, 0x43]))
    const latin1 = await put('latin1.txt', Buffer.concat([Buffer.from('line one\nline two\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]))
    const empty = await put('empty.txt', '')
    const blank = await put('blank.md', '  \r\n\t\n')
    const big = await put('big.txt', '')
    await truncate(big, MAX_IMPORT_FILE_BYTES + 1) // sparse: takes no disk space
    const pdf = await put('report.pdf', '%PDF-1.4')
    const good2 = await put('good-two.md', '# Second good article\n\nBody.')

    const report = await importPaths([good1, binary, latin1, empty, blank, big, pdf, good2])

    expect(report.added.map((a) => a.title).sort()).toEqual(['First good article.', 'Second good article'])
    expect(report.added.map((a) => a.file).sort()).toEqual([good1, good2].sort())
    expect((await storedDocuments()).map((d) => d.title).sort()).toEqual(['First good article.', 'Second good article'])

    const byFile = new Map(report.rejected.map((issue) => [issue.file, issue]))
    expect([...byFile.keys()].sort()).toEqual([binary, latin1, empty, blank, big, pdf].sort())
    expect(byFile.get(binary)).toEqual({ file: binary, line: 3, message: expect.stringMatching(/binary file.*NUL/) })
    expect(byFile.get(latin1)).toEqual({ file: latin1, line: 3, message: expect.stringMatching(/not valid UTF-8.*0xe9/) })
    expect(byFile.get(empty)!.message).toMatch(/empty/)
    expect(byFile.get(blank)!.message).toMatch(/empty/)
    expect(byFile.get(big)!.message).toMatch(/20\.0 MiB, over the 20 MiB import limit/)
    expect(byFile.get(pdf)!.message).toMatch(/unsupported file type "\.pdf"/)
  })

  it('rejects an over-size file from its size alone, without opening it', async () => {
    const big = await put('huge.md', '')
    await truncate(big, MAX_IMPORT_FILE_BYTES + 1)
    const small = await put('small.md', 'small')
    const { files, rejected } = await collectFiles([big, small])
    expect(files.map((f) => f.name)).toEqual([small])
    expect(rejected).toEqual([{ file: big, message: expect.stringContaining('import limit') }])
    expect(opened).toContain(small)
    expect(opened).not.toContain(big)
  })

  it('accepts a file of exactly the size limit', async () => {
    const edge = await put('edge.txt', '')
    await truncate(edge, MAX_IMPORT_FILE_BYTES)
    const { files, rejected } = await collectFiles([edge])
    expect(rejected).toEqual([])
    expect(files[0]).toMatchObject({ name: edge, bytes: expect.objectContaining({ length: MAX_IMPORT_FILE_BYTES }) })
  })

  it('names a missing path', async () => {
    const missing = path.join(dir, 'nope.txt')
    const report = await importPaths([missing])
    expect(report.rejected).toEqual([{ file: missing, message: 'no such file or folder' }])
  })

  it('reports the error as file:line: problem', () => {
    const error = (() => {
      try {
        decodeText('notes.txt', new Uint8Array([0x61, 0x0a, 0xff]))
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(ImportError)
    expect((error as ImportError).message).toMatch(/^notes\.txt:2: not valid UTF-8/)
  })

  it('writes nothing for a call where every file is bad', async () => {
    const bad = await put('bad.txt', new Uint8Array([0]))
    const report = await importPaths([bad])
    expect(report.added).toEqual([])
    expect(await store.documentIds()).toEqual([])
  })
})

describe('folders', () => {
  it('recurses into sub-folders, skips hidden files and folders and unsupported extensions', async () => {
    await put('a.txt', 'Top level')
    await put('sub/b.md', 'In a sub-folder')
    await put('sub/deeper/c.markdown', 'Two levels down')
    await put('.hidden.txt', 'hidden file')
    await put('.git/d.txt', 'inside a hidden folder')
    await put('sub/.e.md', 'hidden in sub')
    await put('sub/image.png', 'not text')
    const report = await importPaths([path.join(dir, 'in')])
    expect(report.added.map((a) => a.title).sort()).toEqual(['In a sub-folder', 'Top level', 'Two levels down'])
    expect(report.rejected).toEqual([{ file: path.join(dir, 'in', 'sub', 'image.png'), message: expect.stringMatching(/unsupported/) }])
  })

  it('counts a file imported twice (same text, other name) as a duplicate', async () => {
    const one = await put('one.txt', 'Identical text.')
    const two = await put('copy/two.txt', 'Identical text.')
    const report = await importPaths([one, two])
    expect(report.added).toHaveLength(1)
    expect(report.duplicates).toEqual([{ id: report.added[0]!.id, title: 'Identical text.', file: two }])
    const again = await importPaths([one])
    expect(again.added).toEqual([])
    expect(again.duplicates).toHaveLength(1)
    expect(await store.documentIds()).toHaveLength(1)
  })
})

describe('titles', () => {
  it('takes the first non-empty line', async () => {
    const file = await put('article.txt', '\n\n   \n  Council approves budget  \nMore text')
    expect((await importPaths([file])).added[0]!.title).toBe('Council approves budget')
  })

  it('drops Markdown heading marks', async () => {
    const file = await put('article.md', '\r\n### Heading three\r\nbody')
    expect((await importPaths([file])).added[0]!.title).toBe('Heading three')
  })

  it('shortens a very long first line at a word', async () => {
    const file = await put('long.txt', `${'word '.repeat(100)}\nbody`)
    const title = (await importPaths([file])).added[0]!.title
    expect(title).toBe(`${'word '.repeat(23)}word…`)
  })

  it('falls back to the file name when no line has text after its heading marks', async () => {
    const file = await put('2024-05-01 minutes.md', '#  \n\n##   \n')
    const report = await importPaths([file])
    expect(report.added[0]!.title).toBe('2024-05-01 minutes')
  })

  // BUG (src/main/formats/title.ts, titleFor): the heading regex /^\s*#{1,6}\s+/ needs white
  // space after the marks, so a bare "#" line (an empty heading) becomes the title "#".
  // Fix: /^\s*#{1,6}(?:\s+|$)/.
  it('does not take a bare "#" empty heading as the title', async () => {
    const file = await put('notes.md', '#\nReal first line')
    expect((await importPaths([file])).added[0]!.title).toBe('Real first line')
  })
})

describe('text is stored exactly', () => {
  it('keeps CRLF line endings byte for byte', async () => {
    const text = 'Title line\r\nSecond line\r\n\r\nLast 👍🏽\r\n'
    const file = await put('crlf.txt', text)
    const { added } = await importPaths([file])
    const stored = await store.getDocument(added[0]!.id)
    expect(stored.text).toBe(text)
    expect(Buffer.from(stored.text, 'utf8').equals(await readFile(file))).toBe(true)
    // and on disk, too
    const raw = JSON.parse(await readFile(path.join(store.folder, 'documents', `${added[0]!.id}.json`), 'utf8')) as DocumentRecord
    expect(raw.text).toBe(text)
  })

  it('keeps a lone CR and mixed endings as they are', async () => {
    const text = 'a\rb\nc\r\nd'
    const { added } = await importPaths([await put('mixed.txt', text)])
    expect((await store.getDocument(added[0]!.id)).text).toBe(text)
  })

  it('drops a UTF-8 byte order mark, and only that', async () => {
    const file = await put('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\uFEFFZero width\n', 'utf8')]))
    const { added } = await importPaths([file])
    const stored = await store.getDocument(added[0]!.id)
    expect(stored.text).toBe('\uFEFFZero width\n')
    expect(stored.text.codePointAt(0)).toBe(0xfeff)
  })

  it('treats BOM and no-BOM files with the same text as the same document', async () => {
    const withBom = await put('with.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Same', 'utf8')]))
    const without = await put('without.txt', 'Same')
    const report = await importPaths([withBom, without])
    expect(report.added).toHaveLength(1)
    expect((await store.getDocument(report.added[0]!.id)).text).toBe('Same')
    expect(report.duplicates).toHaveLength(1)
  })

  it('rejects a file holding only a BOM as empty', async () => {
    const file = await put('only-bom.txt', new Uint8Array([0xef, 0xbb, 0xbf]))
    const report = await importPaths([file])
    expect(report.rejected).toEqual([{ file, message: 'file is empty' }])
  })

  it('records the source file in meta', async () => {
    const file = await put('src.txt', 'Meta test')
    const { added } = await importPaths([file])
    expect((await store.getDocument(added[0]!.id)).meta).toEqual({ source: file })
  })
})

describe('annotator', () => {
  it('refuses an unsafe annotator name before writing anything', async () => {
    const file = await put('a.txt', 'text')
    const { files } = await collectFiles([file])
    await expect(importSources(store, files, { annotator: '../evil' })).rejects.toThrow(/annotator/)
    expect(await store.documentIds()).toEqual([])
  })
})
