// The agreement report for the chosen filters, computed by the backend. The last report stays on
// screen while the next one is computed (also across visits to the view), and an answer that
// arrives after a newer request was made is dropped, so the view always shows the latest ask.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { AgreementReport } from '../../../../shared/agreement/report'
import { invoke } from '../../api/client'
import type { AgreementRequestFilters } from './report-data'

/** Filter clicks in quick succession make one request. */
const SETTLE_MS = 250

/** A report and the request it answers (what the user narrowed, which the report cannot tell). */
export interface ShownReport {
  report: AgreementReport
  request: AgreementRequestFilters
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

export function useAgreementReport(request: AgreementRequestFilters | null): AgreementReportState {
  const [shown, setShown] = useState<ShownReport | null>(lastShown)
  const [computingSince, setComputingSince] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [generation, setGeneration] = useState(0)
  const latest = useRef(0)
  const key = request ? JSON.stringify(request) : null

  useEffect(() => {
    if (key === null) return
    const ask = ++latest.current
    const timer = window.setTimeout(() => {
      setComputingSince(Date.now())
      const asked = JSON.parse(key) as AgreementRequestFilters
      invoke('agreement.report', asked)
        .then((report) => {
          if (ask !== latest.current) return
          lastShown = { report, request: asked }
          setShown(lastShown)
          setError(null)
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
