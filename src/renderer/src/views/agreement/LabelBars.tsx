// Agreement per label as horizontal bars, lowest first. Each label's whole row (a track from the
// lowest possible score to 1) is one target: it opens the Review view on that label's
// disagreements, also for a label whose score is not defined.
import * as Plot from '@observablehq/plot'
import { useCallback, useMemo } from 'react'
import { PlotChart, targetHref, type ChartTarget } from './PlotChart'
import { describeScore, formatScore, labelBars, type AgreementChartProps, type LabelBar } from './report-data'
import { CHART_STYLE, SCORE_COLOR } from './score-colors'

const ROW_HEIGHT = 30

export function LabelBars({ report, measure, openFocus, focusFor }: AgreementChartProps<string>) {
  const bars = useMemo(() => labelBars(report, measure.id), [report, measure.id])
  const label = useCallback((bar: LabelBar) => `${bar.label}: ${describeScore(measure.name, bar.score)}. Open its disagreements.`, [measure.name])

  const targets = useMemo(
    () => new Map<string, ChartTarget>(bars.map((bar) => [bar.label, { label: label(bar), open: () => openFocus(focusFor(bar.label)) }])),
    [bars, label, openFocus, focusFor]
  )

  const draw = useCallback(() => {
    // kappa, alpha and gamma can be negative: the axis then starts below 0
    const lowest = Math.min(0, ...bars.map((bar) => bar.score?.value ?? 0))
    const scored = bars.filter((bar) => bar.score?.value != null)
    return Plot.plot({
      className: 'agreement-plot',
      style: CHART_STYLE,
      ariaLabel: `${measure.name} for each label`,
      width: 640,
      height: 40 + ROW_HEIGHT * bars.length,
      marginLeft: 120,
      marginRight: 60,
      x: { domain: [lowest, 1], grid: true, label: null },
      y: { domain: bars.map((bar) => bar.label), label: null, tickSize: 0 },
      color: SCORE_COLOR,
      marks: [
        Plot.barX(bars, {
          y: 'label',
          x1: lowest,
          x2: 1,
          inset: 3,
          className: 'bar-track',
          href: (bar: LabelBar) => targetHref(bar.label),
          title: label
        }),
        Plot.barX(scored, { y: 'label', x1: 0, x2: (bar: LabelBar) => bar.score!.value, fill: (bar: LabelBar) => bar.score!.value, stroke: 'currentColor', strokeOpacity: 0.35, inset: 6, pointerEvents: 'none' }),
        Plot.ruleX([0], { pointerEvents: 'none' }),
        Plot.text(bars, {
          y: 'label',
          x: 1,
          dx: 6,
          textAnchor: 'start',
          text: (bar: LabelBar) => formatScore(bar.score),
          fontVariant: 'tabular-nums',
          pointerEvents: 'none'
        })
      ]
    })
  }, [bars, measure.name, label])

  return (
    <section className="agreement-section" aria-labelledby="agreement-labels-heading">
      <h2 id="agreement-labels-heading">
        Labels <span className="count">· {measure.name}, lowest first</span>
      </h2>
      {bars.length === 0 ? <p className="empty">No labels to compare.</p> : <PlotChart draw={draw} targets={targets} testId="label-bars" />}
    </section>
  )
}
