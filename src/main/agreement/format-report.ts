// The agreement report as the command line prints it: a readable table, JSON, or CSV of one
// row per document.
import Papa from 'papaparse'
import type { AgreementReport, MeasureId, Score, Scores } from '../../shared/agreement/report'

const formatValue = (score: Score | undefined): string => (score?.value == null ? '—' : score.value.toFixed(3))

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

function scoreRows(report: AgreementReport, rows: { name: string; scores: Scores }[], ids: MeasureId[]): string {
  return table(['', ...ids], rows.map((row) => [row.name, ...ids.map((id) => formatValue(row.scores[id]))]))
}

export function reportTable(report: AgreementReport): string {
  const ids = report.measures.map((m) => m.id)
  const { filters } = report
  const out: string[] = []
  out.push(
    `Agreement over ${filters.documents} document(s); raters: ${filters.annotators.join(', ')}; labels: ${filters.labels.join(', ')}; status: ${filters.status ?? 'any'}; gold ${filters.includeGold ? 'included as rater "gold"' : 'not included'}`
  )
  out.push('', 'Project')
  out.push(
    table(
      ['measure', 'value', 'compared', 'matched', 'only-row', 'only-column'],
      report.measures.map((m) => {
        const score = report.project[m.id]
        const c = score?.counts
        return [m.name, formatValue(score), String(c?.compared ?? 0), String(c?.matched ?? 0), String(c?.onlyRow ?? 0), String(c?.onlyColumn ?? 0)]
      })
    )
  )
  out.push('', 'Annotator pairs (row × column)')
  out.push(scoreRows(report, report.pairs.map((p) => ({ name: `${p.a} × ${p.b}`, scores: p.scores })), ids))
  out.push('', 'Labels')
  out.push(scoreRows(report, report.labels.map((l) => ({ name: l.label, scores: l.scores })), ids))
  const first = ids[0]!
  const lowest = [...report.documents].sort((a, b) => (a.scores[first]?.value ?? Infinity) - (b.scores[first]?.value ?? Infinity)).slice(0, 10)
  out.push('', `Documents with the lowest ${first} (${lowest.length} of ${report.documents.length}; --format csv lists all)`)
  out.push(scoreRows(report, lowest.map((d) => ({ name: `${d.documentId} ${d.title.slice(0, 30)}`, scores: d.scores })), ids))
  if (report.tags?.items.length) {
    out.push('', 'Document tags (per group; a multiple-choice group per option)')
    const pairs = report.tags.items[0]!.pairs.map((p) => `κ ${p.a} × ${p.b}`)
    out.push(
      table(
        ['tag', 'items', 'fleiss_kappa', 'alpha', ...pairs],
        report.tags.items.map((item) => [
          item.option === undefined ? item.group : `${item.group}: ${item.option}`,
          String(item.alpha.counts.compared),
          formatValue(item.fleissKappa),
          formatValue(item.alpha),
          ...item.pairs.map((p) => formatValue(p.cohenKappa))
        ])
      )
    )
  }
  out.push('', 'Definitions')
  for (const m of report.measures) out.push(`  ${m.id}: ${m.name}. ${m.formula}. Unit: ${m.unit}.`)
  if (report.tags) out.push(`  Document tags: ${report.tags.definition}`)
  out.push(`  Tokens: ${report.tokenizer}.`, `  γ seed: ${report.gammaSeed}; overlap θ (IoU): ${report.overlapThreshold}. Full definitions: --format json, docs/agreement.md.`)
  return `${out.join('\n')}\n`
}

export function reportCsv(report: AgreementReport): string {
  const ids = report.measures.map((m) => m.id)
  const fields = ['document_id', 'title', 'annotators', ...ids.flatMap((id) => [id, `${id}_compared`, `${id}_matched`, `${id}_only_row`, `${id}_only_column`])]
  const rows = report.documents.map((d) => [
    d.documentId,
    d.title,
    d.annotators.join(' '),
    ...ids.flatMap((id) => {
      const score = d.scores[id]
      return [score?.value ?? '', score?.counts.compared ?? '', score?.counts.matched ?? '', score?.counts.onlyRow ?? '', score?.counts.onlyColumn ?? '']
    })
  ])
  return `${Papa.unparse({ fields, data: rows }, { newline: '\n' })}\n`
}
