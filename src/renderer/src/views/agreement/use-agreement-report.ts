// The agreement report for the chosen filters, computed by the backend. When the filters change,
// the measure the charts draw is asked for first (one measure costs a fraction of all nine, γ and
// α_U being the dearest), then the full report with every measure. The last report stays on
// screen meanwhile (also across visits to the view), and an answer that arrives after a newer
// request was made is dropped, so the view always shows the latest ask.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgreementReport, MeasureId } from '../../../../shared/agreement/report'
import { invoke } from '../../api/client'
import type { AgreementRequestFilters } from './report-data'

/** Filter clicks in quick succession make one request. */
const SETTLE_MS = 250

/** A report and the request it answers (what the user narrowed, which the report cannot tell). */
export interface ShownReport {
  report: AgreementReport
  request: AgreementRequestFilters
  /** false while only the charted measure is in; every measure follows. */
  complete: boolean
}

/** The report shown when the view is opened again, until the fresh one arrives. */
let lastShown: ShownReport | null = null

export interface AgreementReportState {
  shown: ShownReport | null
  /** When the request being computed was sent; null when none is. */
  computingSince: number | null
  error: string | null
  recompute(): void
}

export function useAgreementReport(request: AgreementRequestFilters | null, charted: MeasureId): AgreementReportState {
  const [shown, setShown] = useState<ShownReport | null>(lastShown)
  const [computingSince, setComputingSince] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)
  // read when a request starts, not a reason to start one
  const now = useRef({ shown, charted })
  now.current = { shown, charted }
  const key = request ? JSON.stringify(request) : null

  useEffect(() => {
    if (key === null) return
    const ask = ++latest.current
    const asked = JSON.parse(key) as AgreementRequestFilters
    const show = (report: AgreementReport, complete: boolean) => {
      if (ask !== latest.current) return false
      lastShown = { report, request: asked, complete }
      setShown(lastShown)
      return true
    }
    const timer = window.setTimeout(() => {
      setComputingSince(Date.now())
      // the same selection already on screen (a recompute, a return to the view) stays whole
      // until its fresh copy arrives; a new selection gets its chart first
      const sameSelection = now.current.shown !== null && JSON.stringify(now.current.shown.request) === key
      const first = sameSelection ? Promise.resolve(true) : invoke('agreement.report', { ...asked, measures: [now.current.charted] }).then((r) => show(r, false))
      first
        .then((current) => (current ? invoke('agreement.report', asked).then((r) => show(r, true)) : false))
        .then((current) => {
          if (current) setError(null)
        })
        .catch((failure: Error) => {
          if (ask === latest.current) setError(failure.message)
        })
        .finally(() => {
          if (ask === latest.current) setComputingSince(null)
        })
    }, SETTLE_MS)
    return () => window.clearTimeout(timer)
  }, [key, generation])

  const recompute = useCallback(() => setGeneration((g) => g + 1), [])
  return { shown, computingSince, error, recompute }
}
