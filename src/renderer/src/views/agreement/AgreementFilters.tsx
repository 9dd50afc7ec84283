// What the agreement is measured over: which annotators, which labels, which documents (by the
// status every chosen annotator gave them), and whether the gold layer takes part as a rater.
import type { DocumentStatus } from '../../../../shared/model'
import { STATUS_TEXT } from '../../panels/DocumentList'
import type { FilterChoices } from './report-data'

function toggle(list: string[], item: string, on: boolean): string[] {
  return on ? [...list, item] : list.filter((x) => x !== item)
}

export function AgreementFilters({
  annotators,
  labels,
  choices,
  onChange
}: {
  annotators: string[]
  labels: string[]
  choices: FilterChoices
  onChange(choices: FilterChoices): void
}) {
  return (
    <div className="agreement-filters" data-testid="agreement-filters">
      <fieldset>
        <legend>Annotators</legend>
        {annotators.length === 0 && <p className="empty">No annotator has a layer yet.</p>}
        {annotators.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={!choices.excludedAnnotators.includes(name)}
              onChange={(event) => onChange({ ...choices, excludedAnnotators: toggle(choices.excludedAnnotators, name, !event.target.checked) })}
            />
            {name}
          </label>
        ))}
        <label className="check">
          <input type="checkbox" checked={choices.includeGold} onChange={(event) => onChange({ ...choices, includeGold: event.target.checked })} />
          Include the gold layer as a rater
        </label>
      </fieldset>
      <fieldset>
        <legend>Labels</legend>
        <p className="hint">{choices.labels.length === 0 ? 'All labels' : `${choices.labels.length} of ${labels.length}`}</p>
        {labels.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={choices.labels.length === 0 || choices.labels.includes(name)}
              onChange={(event) => {
                const current = choices.labels.length === 0 ? labels : choices.labels
                const next = toggle(current, name, event.target.checked)
                // all labels ticked again reads as "all labels", which also follows new labels
                onChange({ ...choices, labels: next.length === labels.length ? [] : next })
              }}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <label className="field-stacked">
        Documents
        <select
          value={choices.status ?? ''}
          onChange={(event) => onChange({ ...choices, status: (event.target.value || null) as DocumentStatus | null })}
        >
          <option value="">Any status</option>
          {(Object.keys(STATUS_TEXT) as DocumentStatus[]).map((status) => (
            <option key={status} value={status}>
              Every annotator marked {STATUS_TEXT[status].toLowerCase()}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}
