// The demo project a first run opens: a few short articles we wrote ourselves, one of them
// pre-annotated so that a new user sees what a labelled document looks like.
import { readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { Span } from '../../shared/model'
import { OffsetMap } from '../../shared/offsets'
import { resourcesDir } from '../app-paths'
import { importSources, newSpanId } from '../importing/import-files'
import { ProjectStore } from '../store/project-store'

interface DemoAnnotation {
  file: string
  spans: { quote: string; label: string }[]
}

export function defaultProjectFolder(): string {
  return process.env.SPANWISE_PROJECT ?? path.join(os.homedir(), 'Spanwise', 'Demo project')
}

/** Opens the folder's project, creating it with the demo articles when it does not exist yet. */
export async function openOrCreateDemo(folder: string, annotator: string): Promise<ProjectStore> {
  try {
    return await ProjectStore.open(folder)
  } catch {
    // no project there yet: fall through and create the demo
  }
  const store = await ProjectStore.open(folder, { create: true, name: 'Demo project' })
  const demoDir = path.join(resourcesDir, 'demo')
  const names = (await readdir(demoDir)).filter((name) => /\.(txt|md)$/.test(name)).sort()
  const files = await Promise.all(names.map(async (name) => ({ name, bytes: await readFile(path.join(demoDir, name)) })))
  const report = await importSources(store, files, { annotator })
  const annotations = JSON.parse(await readFile(path.join(demoDir, 'annotations.json'), 'utf8')) as DemoAnnotation[]
  for (const demo of annotations) {
    const added = report.added.find((a) => a.file === demo.file)
    if (!added) continue
    const { text } = await store.getDocument(added.id)
    const offsets = new OffsetMap(text)
    const spans: Span[] = demo.spans.flatMap(({ quote, label }) => {
      const at = text.indexOf(quote)
      if (at < 0) return []
      return [{ id: newSpanId(), start: offsets.toCodePoint(at), end: offsets.toCodePoint(at + quote.length), label }]
    })
    await store.saveLayer(added.id, annotator, { spans })
  }
  return store
}
