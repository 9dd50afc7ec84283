// Every measure in the report with its project-wide number, the counts behind it and its
// definition beside it: a number is never shown without what it measures. The list is also the
// measure picker (a radio group: arrow keys move the choice), which drives the charts below.
import type { AgreementReport, MeasureId } from '../../../../shared/agreement/report'
import { formatScore } from './report-data'
import { scoreColor, textColorOn } from './score-colors'

export function MeasureList({ report, chosen, onChoose }: { report: AgreementReport; chosen: MeasureId; onChoose(id: MeasureId): void }) {
  return (
    <fieldset className="measure-list" data-testid="measure-list">
      <legend className="hint">Over everything compared; the chosen one draws the charts</legend>
      {report.measures.map((measure) => {
        const score = report.project[measure.id]
        const color = scoreColor(score?.value)
        return (
          <label key={measure.id} className={`measure${measure.id === chosen ? ' chosen' : ''}`} data-measure={measure.id}>
            <input type="radio" name="agreement-measure" value={measure.id} checked={measure.id === chosen} onChange={() => onChoose(measure.id)} />
            <span className="measure-value" style={{ background: color, color: textColorOn(color) }} data-testid="measure-value">
              {formatScore(score)}
            </span>
            <span className="measure-text">
              <strong className="measure-name">{measure.name}</strong>
              <span className="measure-scope">
                {measure.scope === 'pairwise' ? 'pairwise' : 'all annotators at once'} · per {measure.unit}
                {score && ` · ${score.counts.compared} compared, ${score.counts.matched} matched`}
              </span>
              <span className="measure-definition">{measure.definition}</span>
              <code className="measure-formula">{measure.formula}</code>
              {measure.id === chosen && (
                <span className="measure-details">
                  <span>
                    <em>Nesting:</em> {measure.nesting}
                  </span>
                  <span>
                    <em>One-sided units:</em> {measure.oneSided}
                  </span>
                </span>
              )}
            </span>
          </label>
        )
      })}
    </fieldset>
  )
}
