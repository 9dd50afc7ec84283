// A real project folder with two documents annotated by three annotators (the layers of
// fixture.ts on a text long enough for their offsets), for the store, channel and CLI tests.
import { importSources } from '../../../src/main/importing/import-files'
import { ProjectStore } from '../../../src/main/store/project-store'
import { tempDir } from '../../helpers/temp'
import { threeLayers } from './fixture'

/** 160 code points with emoji, so code-point offsets differ from UTF-16 ones. */
export const TEXT = Array.from({ length: 16 }, (_, i) => `${i % 3 === 0 ? '👍🏽' : 'ab'}cdefghi${String(i).padStart(2, '0')}`).join('').slice(0, 200)
export const SECOND_TEXT = 'Mayor Ana Lind said the budget grew 4 percent. The council disagreed.'

export async function reviewProject(): Promise<{ store: ProjectStore; folder: string; first: string; second: string }> {
  const folder = await tempDir()
  const store = await ProjectStore.open(folder, { create: true })
  const report = await importSources(
    store,
    [
      { name: 'first.txt', bytes: Buffer.from(TEXT) },
      { name: 'second.txt', bytes: Buffer.from(SECOND_TEXT) }
    ],
    { annotator: 'ann' }
  )
  const [first, second] = report.added.map((doc) => doc.id) as [string, string]
  for (const layer of threeLayers()) {
    await store.saveLayer(first, layer.annotator, { spans: layer.spans, relations: layer.relations, status: 'done' })
  }
  // the second document: ann and bob agree on one actor; only ann marked it done
  await store.saveLayer(second, 'ann', { spans: [{ id: 'x1', start: 0, end: 14, label: 'actor' }], status: 'done' })
  await store.saveLayer(second, 'bob', { spans: [{ id: 'y1', start: 0, end: 14, label: 'actor' }], status: 'in_progress' })
  return { store, folder, first, second }
}
