// One way to show a chart: an Observable Plot figure (SVG) built by `make` and put into the page
// as an element, never as HTML text. Every chart in the workbench (statistics, agreement) goes
// through here, so charts look alike and a chart library is loaded only with the views using it.
import { useEffect, useRef } from 'react'

export function PlotFigure({ make, label, testId }: { make: () => Element; label: string; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const figure = make()
    figure.setAttribute('aria-hidden', 'true') // the numbers are given as a table beside the chart
    ref.current!.replaceChildren(figure)
    return () => figure.remove()
  }, [make])
  return <div ref={ref} className="plot-figure" role="img" aria-label={label} data-testid={testId} />
}
