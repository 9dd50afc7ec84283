// The pairwise matrix as a heatmap: each pair's score above the diagonal (coloured by the score),
// the counts behind it mirrored below (matched, only the row's annotator, only the column's).
// Every cell opens the Review view on that pair's disagreements.
import * as Plot from '@observablehq/plot'
import { useCallback, useMemo } from 'react'
import type { MeasureDefinition, PairScores } from '../../../../shared/agreement/report'
import { PlotChart, targetHref, type ChartTarget } from './PlotChart'
import { countLines, describeScore, formatScore, matrixCells, type AgreementChartProps, type MatrixCell } from './report-data'
import { CHART_STYLE, SCORE_COLOR, scoreColor, textColorOn, UNDEFINED_COLOR } from './score-colors'

const CELL_WIDTH = 128
const CELL_HEIGHT = 58
const MARGIN = { top: 36, left: 110, right: 12, bottom: 12 }

function cellKey(cell: MatrixCell): string {
  return `${cell.kind}:${cell.row}:${cell.column}`
}

function cellLabel(cell: MatrixCell, measure: MeasureDefinition): string {
  const { a, b } = cell.pair
  if (cell.kind === 'score') return `${a} vs ${b}: ${describeScore(measure.name, cell.score)}. Open their disagreements.`
  if (!cell.score) return `${a} vs ${b}: no counts for ${measure.name}`
  return `${a} vs ${b}, counts behind ${measure.name}: ${countLines(cell.score.counts, a, b).join(', ')}. Open their disagreements.`
}

export function PairMatrix({ report, measure, openFocus, focusFor }: AgreementChartProps<PairScores>) {
  const annotators = report.filters.annotators
  const cells = useMemo(() => matrixCells(report, measure.id), [report, measure.id])

  const targets = useMemo(
    () =>
      new Map<string, ChartTarget>(
        cells.map((cell) => [cellKey(cell), { label: cellLabel(cell, measure), open: () => openFocus(focusFor(cell.pair)) }])
      ),
    [cells, measure, openFocus, focusFor]
  )

  const draw = useCallback(() => {
    const scored = cells.filter((cell) => cell.kind === 'score' && cell.score?.value != null)
    const unscored = cells.filter((cell) => cell.kind === 'score' && cell.score?.value == null)
    const counts = cells.filter((cell) => cell.kind === 'counts')
    const common = {
      x: 'column',
      y: 'row',
      inset: 1.5,
      href: (cell: MatrixCell) => targetHref(cellKey(cell)),
      title: (cell: MatrixCell) => cellLabel(cell, measure)
    } as const
    const text = { x: 'column', y: 'row', pointerEvents: 'none', lineHeight: 1.25 } as const
    return Plot.plot({
      className: 'agreement-plot',
      style: CHART_STYLE,
      ariaLabel: `${measure.name} for each pair of annotators`,
      width: MARGIN.left + MARGIN.right + CELL_WIDTH * annotators.length,
      height: MARGIN.top + MARGIN.bottom + CELL_HEIGHT * annotators.length,
      marginTop: MARGIN.top,
      marginLeft: MARGIN.left,
      marginRight: MARGIN.right,
      marginBottom: MARGIN.bottom,
      x: { domain: annotators, axis: 'top', label: null, tickSize: 0 },
      y: { domain: annotators, label: null, tickSize: 0 },
      color: SCORE_COLOR,
      marks: [
        Plot.cell(
          annotators.map((name) => ({ name })),
          { x: 'name', y: 'name', inset: 1.5, className: 'matrix-diagonal' }
        ),
        Plot.cell(scored, { ...common, fill: (cell: MatrixCell) => cell.score!.value, className: 'matrix-score' }),
        Plot.cell(unscored, { ...common, fill: UNDEFINED_COLOR, className: 'matrix-score' }),
        Plot.cell(counts, { ...common, className: 'matrix-counts' }),
        Plot.text([...scored, ...unscored], {
          ...text,
          text: (cell: MatrixCell) => formatScore(cell.score),
          fill: (cell: MatrixCell) => textColorOn(scoreColor(cell.score?.value)),
          fontSize: 16,
          fontWeight: 600,
          fontVariant: 'tabular-nums'
        }),
        Plot.text(counts, {
          ...text,
          text: (cell: MatrixCell) => (cell.score ? countLines(cell.score.counts, cell.pair.a, cell.pair.b).join('\n') : '—'),
          className: 'matrix-count-text',
          lineWidth: (CELL_WIDTH - 12) / 6,
          textOverflow: 'ellipsis',
          fontSize: 11
        })
      ]
    })
  }, [cells, annotators, measure])

  return (
    <section className="agreement-section" aria-labelledby="agreement-matrix-heading">
      <h2 id="agreement-matrix-heading">
        Annotator pairs <span className="count">· {measure.name}</span>
      </h2>
      <p className="hint">
        Above the diagonal: {measure.name} for the pair; below it, the counts behind that number. Click a cell, or Tab to it and press
        Enter, to review the pair's disagreements.
        {measure.scope === 'all' && ` ${measure.name} is defined over all annotators at once; here each cell measures the two annotators alone.`}
      </p>
      {annotators.length < 2 ? (
        <p className="empty">Pairs need at least two annotators.</p>
      ) : (
        <PlotChart draw={draw} targets={targets} testId="pair-matrix" />
      )}
    </section>
  )
}
