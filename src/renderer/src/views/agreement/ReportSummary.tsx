// What the shown report covers, in words (who, which labels, which documents, when, with which
// tokenizer), and the colour key every chart shares.
import * as Plot from '@observablehq/plot'
import { useCallback } from 'react'
import type { AgreementReport, MeasureDefinition } from '../../../../shared/agreement/report'
import { PlotChart, type ChartTarget } from './PlotChart'
import type { AgreementRequestFilters } from './report-data'
import { CHART_STYLE, SCORE_COLOR } from './score-colors'

const NO_TARGETS: ReadonlyMap<string, ChartTarget> = new Map()

export function ReportSummary({ report, request, measure }: { report: AgreementReport; request: AgreementRequestFilters; measure: MeasureDefinition }) {
  const { filters } = report
  const legend = useCallback(
    () => Plot.legend({ className: 'agreement-legend', color: { ...SCORE_COLOR, label: `${measure.name} (below 0 shown as 0)` }, width: 340, marginLeft: 12, marginRight: 12, style: CHART_STYLE }),
    [measure.name]
  )
  const created = new Date(report.createdAt)
  return (
    <div className="report-summary" data-testid="report-summary">
      <p>
        <strong>{filters.documents}</strong> {filters.documents === 1 ? 'document' : 'documents'} compared ·{' '}
        {filters.annotators.join(', ')} · {request.labels ? `labels: ${request.labels.join(', ')}` : 'all labels'}
        {filters.status && ` · documents every annotator marked ${filters.status.replace('_', ' ')}`}
        {filters.includeGold && ' · gold included'}
      </p>
      <details className="hint">
        <summary>
          Computed {Number.isNaN(created.getTime()) ? report.createdAt : created.toLocaleString()} by Spanwise {report.spanwiseVersion}
        </summary>
        Tokens: {report.tokenizer} · overlap F1 matches spans with IoU ≥ {report.overlapThreshold} · γ's chance sampling uses seed{' '}
        {report.gammaSeed}, so the same data gives the same report.
      </details>
      <PlotChart draw={legend} targets={NO_TARGETS} className="legend" />
    </div>
  )
}
