import type { ImportReport } from '../../../shared/api/contract'

/** What an import did, file by file: nothing rejected is ever silent. */
export function ImportReportView({ report, onClose }: { report: ImportReport; onClose(): void }) {
  const spans = report.added.reduce((sum, a) => sum + a.spans, 0)
  return (
    <section className="import-report" role="status" aria-live="polite" data-testid="import-report">
      <header>
        <strong>
          Imported {report.added.length} document{report.added.length === 1 ? '' : 's'}
          {spans > 0 ? ` with ${spans} spans` : ''}
        </strong>
        {report.duplicates.length > 0 && <span> · {report.duplicates.length} already in the project</span>}
        {report.rejected.length > 0 && <span className="error"> · {report.rejected.length} rejected</span>}
        <button type="button" onClick={onClose} aria-label="Dismiss import report">
          ×
        </button>
      </header>
      <ul>
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
