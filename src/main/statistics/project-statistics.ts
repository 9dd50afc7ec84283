// Counts for the Statistics panel: spans per label, relations per type and documents per status,
// for every annotator, read from the layers on disk (never from a cache another process may
// have made stale). A layer that cannot be read is named and left out; the rest still counts.
import type { ProjectStatistics } from '../../shared/api/contract'
import type { DocumentStatus } from '../../shared/model'
import type { ProjectStore } from '../store/project-store'

function tally<K extends string>(counts: Map<string, number>, ...key: K[]): void {
  const joined = key.join('\u0000')
  counts.set(joined, (counts.get(joined) ?? 0) + 1)
}

function rows<T>(counts: Map<string, number>, make: (parts: string[], count: number) => T): T[] {
  return [...counts].map(([key, count]) => make(key.split('\u0000'), count))
}

export async function projectStatistics(store: ProjectStore): Promise<ProjectStatistics> {
  const annotators = await store.annotators()
  const documentIds = await store.documentIds()
  const statuses = new Map<string, number>()
  const spans = new Map<string, number>()
  const relations = new Map<string, number>()
  const unreadable: ProjectStatistics['unreadable'] = []
  for (const annotator of annotators) {
    for (const id of documentIds) {
      try {
        const layer = await store.getLayer(id, annotator)
        tally(statuses, annotator, layer.status)
        for (const span of layer.spans) tally(spans, annotator, span.label)
        for (const relation of layer.relations) tally(relations, annotator, relation.type)
      } catch (error) {
        unreadable.push({ file: `annotations/${annotator}/${id}.json`, message: (error as Error).message })
      }
    }
  }
  const byName = <T extends { annotator: string }>(list: T[], second: (row: T) => string) =>
    list.sort((a, b) => a.annotator.localeCompare(b.annotator) || second(a).localeCompare(second(b)))
  return {
    annotators,
    documents: documentIds.length,
    statuses: byName(
      rows(statuses, ([annotator, status], documents) => ({ annotator: annotator!, status: status as DocumentStatus, documents })),
      (row) => row.status
    ),
    spans: byName(
      rows(spans, ([annotator, label], count) => ({ annotator: annotator!, label: label!, count })),
      (row) => row.label
    ),
    relations: byName(
      rows(relations, ([annotator, type], count) => ({ annotator: annotator!, type: type!, count })),
      (row) => row.type
    ),
    unreadable
  }
}
