import type { ImportReport } from '../../../shared/api/contract'
import { importTotals } from '../../../shared/api/import-report'

/** What an import did, file by file: nothing rejected is ever silent. */
export function ImportReportView({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const spans = report.layers ? report.layers.reduce((sum, layer) => sum + layer.spans, 0) : report.added.reduce((sum, a) => sum + a.spans, 0)
  const layers = (report.layers ?? []).filter((layer) => layer.spans > 0 || layer.kept > 0)
  // a big import lists only its first documents: the counts are of all
  const totals = importTotals(report)
  return (
    <section className="import-report" role="status" aria-live="polite" data-testid="import-report">
      <header>
        <strong>
          Imported {totals.added} document{totals.added === 1 ? '' : 's'}
          {spans > 0 ? ` with ${spans} spans` : ''}
        </strong>
        {totals.duplicates > 0 && <span> · {totals.duplicates} already in the project</span>}
        {report.rejected.length > 0 && <span className="error"> · {report.rejected.length} rejected</span>}
        <button type="button" onClick={onClose} aria-label="Dismiss import report">
          ×
        </button>
      </header>
      <ul>
        {layers.map((layer) => (
          <li key={`layer-${layer.annotator}`} data-testid="import-layer">
            Layer {layer.annotator}: {layer.spans} span{layer.spans === 1 ? '' : 's'} in {layer.documents} document{layer.documents === 1 ? '' : 's'}
            {layer.kept > 0 && `; ${layer.kept} left as they were (the layer already had spans there)`}
          </li>
        ))}
        {report.duplicates.map((dup) => (
          <li key={`dup-${dup.file}`}>
            {dup.file}: already in the project as “{dup.title}”
          </li>
        ))}
        {report.rejected.map((issue) => (
          <li key={`rej-${issue.file}-${issue.line ?? 0}`} className="error">
            {issue.file}
            {issue.line ? `:${issue.line}` : ''}: {issue.message}
          </li>
        ))}
      </ul>
    </section>
  )
}
