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

export function mergeImportReports(a: ImportReport, b: ImportReport): ImportReport {
  return {
    added: [...a.added, ...b.added],
    duplicates: [...a.duplicates, ...b.duplicates],
    rejected: [...a.rejected, ...b.rejected],
    layers: addLayers(a.layers ?? [], b.layers ?? [])
  }
}
