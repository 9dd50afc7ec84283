// Statistics of the project: spans per label, documents per status and relations per type, for
// each annotator, as bar charts with the numbers in tables beside them (the charts are for the
// eye; the tables are what screen readers and copy-paste get). Loaded only when opened, so the
// chart library never weighs on the editor's start.
import * as Plot from '@observablehq/plot'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ProjectStatistics } from '../../../shared/api/contract'
import type { Label } from '../../../shared/model'
import { invoke } from '../api/client'
import { PlotFigure } from '../charts/PlotFigure'
import { STATUS_TEXT } from './DocumentList'

interface Bar {
  annotator: string
  key: string
  count: number
}

/** `colors` also gives the keys' order (the label set's, the statuses'); other keys follow, by name. */
function BarChart({ title, bars, colors, testId }: { title: string; bars: Bar[]; colors: Map<string, string>; testId: string }) {
  const keys = useMemo(() => {
    const known = [...colors.keys()]
    const rank = (key: string) => (known.includes(key) ? known.indexOf(key) : known.length)
    return [...new Set(bars.map((bar) => bar.key))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  }, [bars, colors])
  const make = useCallback(
    () =>
      Plot.plot({
        marginLeft: 70,
        marginRight: 110,
        height: 40 + 20 * Math.max(1, new Set(bars.map((bar) => bar.annotator)).size) * Math.max(1, keys.length),
        // counts are whole numbers: no ticks between them
        x: { label: 'count', grid: true, tickFormat: 'd', ticks: Math.min(5, Math.max(1, ...bars.map((bar) => bar.count))) },
        y: { label: null },
        fy: { label: null, domain: keys },
        color: { domain: keys, range: keys.map((key) => colors.get(key) ?? '#5f6caf'), legend: true },
        marks: [Plot.barX(bars, { x: 'count', y: 'annotator', fy: 'key', fill: 'key' }), Plot.ruleX([0])]
      }),
    [bars, colors, keys]
  )
  return (
    <section className="statistics-chart" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      {bars.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <>
          <PlotFigure make={make} label={title} />
          <table className="numbers">
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                {keys.map((key) => (
                  <th key={key} scope="col">
                    {key}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...new Set(bars.map((bar) => bar.annotator))].map((annotator) => (
                <tr key={annotator}>
                  <th scope="row">{annotator}</th>
                  {keys.map((key) => (
                    <td key={key}>{bars.find((bar) => bar.annotator === annotator && bar.key === key)?.count ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}

const STATUS_COLORS = new Map([
  [STATUS_TEXT.todo, '#8a8f98'],
  [STATUS_TEXT.in_progress, '#c4741f'],
  [STATUS_TEXT.done, '#2e9e5b']
])
const NO_COLORS = new Map<string, string>()

export default function StatisticsDialog({ labels, onClose }: { labels: Label[]; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [stats, setStats] = useState<ProjectStatistics | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => dialog.current?.showModal(), [])
  useEffect(() => {
    invoke('project.statistics', {}).then(setStats, (failure: Error) => setError(failure.message))
  }, [])
  const labelColors = useMemo(() => new Map(labels.map((label) => [label.name, label.color])), [labels])
  const bars = useMemo(
    () =>
      stats && {
        spans: stats.spans.map((row) => ({ annotator: row.annotator, key: row.label, count: row.count })),
        statuses: stats.statuses.map((row) => ({ annotator: row.annotator, key: STATUS_TEXT[row.status], count: row.documents })),
        relations: stats.relations.map((row) => ({ annotator: row.annotator, key: row.type, count: row.count }))
      },
    [stats]
  )
  return (
    <dialog ref={dialog} className="statistics-dialog" aria-label="Statistics" onClose={onClose} data-testid="statistics-dialog">
      <h2>Statistics</h2>
      {error && <p role="alert">{error}</p>}
      {!stats && !error && <p role="status">Counting…</p>}
      {stats && bars && (
        <>
          <p>
            {stats.documents} documents, {stats.annotators.length} annotators.
          </p>
          <BarChart title="Spans per label" testId="stats-spans" bars={bars.spans} colors={labelColors} />
          <BarChart
            title="Documents per status"
            testId="stats-statuses"
            bars={bars.statuses}
            colors={STATUS_COLORS}
          />
          <BarChart title="Relations per type" testId="stats-relations" bars={bars.relations} colors={NO_COLORS} />
          {stats.unreadable.length > 0 && (
            <p className="error" role="alert">
              Left out, unreadable: {stats.unreadable.map((file) => file.file).join(', ')}
            </p>
          )}
        </>
      )}
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}
