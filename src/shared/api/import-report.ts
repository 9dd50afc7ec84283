// Imports made in batches (the app sends large drops a few files at a time) add up to one report.
import type { ImportReport, LayerImport } from './contract'

function addLayers(a: LayerImport[], b: LayerImport[]): LayerImport[] {
  const sum = new Map(a.map((layer) => [layer.annotator, { ...layer }]))
  for (const layer of b) {
    const known = sum.get(layer.annotator)
    if (!known) sum.set(layer.annotator, { ...layer })
    else {
      known.spans += layer.spans
      known.documents += layer.documents
      known.kept += layer.kept
    }
  }
  return [...sum.values()].sort((x, y) => x.annotator.localeCompare(y.annotator))
}

/** Documents an import added and found already present, all of them (the lists may name only the first). */
export function importTotals(report: ImportReport): { added: number; duplicates: number } {
  return report.totals ?? { added: report.added.length, duplicates: report.duplicates.length }
}

export function mergeImportReports(a: ImportReport, b: ImportReport): ImportReport {
  const [ta, tb] = [importTotals(a), importTotals(b)]
  const cut = a.totals !== undefined || b.totals !== undefined
  return {
    added: [...a.added, ...b.added],
    duplicates: [...a.duplicates, ...b.duplicates],
    rejected: [...a.rejected, ...b.rejected],
    layers: addLayers(a.layers ?? [], b.layers ?? []),
    ...(cut ? { totals: { added: ta.added + tb.added, duplicates: ta.duplicates + tb.duplicates } } : {})
  }
}
