// Agreement on document tags: a row per single-choice tag group and per option of a
// multiple-choice group, with Fleiss' κ, Krippendorff's α and each pair's Cohen's κ, and the
// definition of how the items are made.
import type { AgreementReport, Score } from '../../../../shared/agreement/report'

const value = (score: Score) => (score.value === null ? '—' : score.value.toFixed(3))

export function TagAgreementTable({ report }: { report: AgreementReport }) {
  const tags = report.tags
  if (!tags || tags.items.length === 0) return null
  const pairs = tags.items[0]!.pairs
  return (
    <section className="tag-agreement" aria-labelledby="tag-agreement-title" data-testid="tag-agreement">
      <h2 id="tag-agreement-title">Document tags</h2>
      <p className="hint">{tags.definition}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col">Items</th>
            <th scope="col">Fleiss' κ</th>
            <th scope="col">Krippendorff's α</th>
            {pairs.map((pair) => (
              <th key={`${pair.a}|${pair.b}`} scope="col">
                κ {pair.a} × {pair.b}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tags.items.map((item) => (
            <tr key={`${item.group}:${item.option ?? ''}`}>
              <th scope="row">{item.option === undefined ? item.group : `${item.group}: ${item.option}`}</th>
              <td>{item.alpha.counts.compared}</td>
              <td title={`${item.fleissKappa.counts.compared} documents every rater tagged`}>{value(item.fleissKappa)}</td>
              <td>{value(item.alpha)}</td>
              {item.pairs.map((pair) => (
                <td key={`${pair.a}|${pair.b}`} title={`${pair.cohenKappa.counts.matched} of ${pair.cohenKappa.counts.compared} agree`}>
                  {value(pair.cohenKappa)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
