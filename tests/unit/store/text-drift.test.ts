// A document whose text changed under its layers (git converting line endings, an edit by hand)
// is named, never mis-sliced: the editor refuses it and says why; the export leaves it out and names it.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { createDispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { exportProject } from '../../../src/main/exporting/export-project'
import { contentHash, ProjectStore } from '../../../src/main/store/project-store'
import { removeTempDirs, tempDir } from '../../helpers/temp'

afterEach(removeTempDirs)

const TEXT = 'First line.\nMayor Ana Lind said the budget grew.\n'

async function annotated() {
  const store = await ProjectStore.open(await tempDir(), { create: true })
  const { added } = await store.addDocuments([{ text: TEXT, title: 'Budget', meta: {} }])
  const id = added[0]!.id
  const start = TEXT.indexOf('Ana Lind')
  await store.saveLayer(id, 'ana', { spans: [{ id: 's1', start, end: start + 8, label: 'actor' }] })
  return { store, id, file: path.join(store.folder, 'documents', `${id}.json`) }
}

describe('a document whose text changed under its layers', () => {
  it('is refused by the editor and left out of the export, naming the file', async () => {
    const { store, id, file } = await annotated()
    // what core.autocrlf would do to a text stored with real line breaks
    const record = JSON.parse(await readFile(file, 'utf8')) as { text: string }
    await writeFile(file, JSON.stringify({ ...record, text: record.text.replaceAll('\n', '\r\n') }))

    const response = await createDispatch(new Session(store, 'ana'))('documents.get', { id })
    expect(response).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining(`documents/${id}.json: its text no longer matches`) } })
    // the export leaves it out and names it, as it does a damaged file
    const out = new PassThrough()
    out.resume()
    const summary = await exportProject(store, 'jsonl', { annotator: 'ana' }, out)
    expect(summary.records).toBe(0)
    expect(summary.damaged).toEqual([{ id, file: `documents/${id}.json`, message: expect.stringContaining('line endings converted by git') }])
  })

  it('is caught through the hash its layer recorded when the document file was replaced', async () => {
    const { store, id, file } = await annotated()
    const other = 'Another text entirely, of another length.'
    const record = JSON.parse(await readFile(file, 'utf8')) as object
    await writeFile(file, JSON.stringify({ ...record, text: other, sha256: contentHash(other) }))
    const response = await createDispatch(new Session(store, 'ana'))('documents.get', { id })
    expect(response).toMatchObject({ ok: false, error: { message: `annotations/ana/${id}.json: it was written against another text than documents/${id}.json` } })
  })
})
