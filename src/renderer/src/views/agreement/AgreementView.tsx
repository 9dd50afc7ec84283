// The Agreement view: how far the annotators agree, at every level (the whole selection, each
// pair, each label, each document), each number beside its definition and the counts behind it,
// and one click from any number to the Review view narrowed to the disagreements behind it.
// The report is computed by the backend; while a new one is computed the last one stays shown.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ProjectInfo } from '../../../../shared/api/contract'
import type { MeasureId, PairScores } from '../../../../shared/agreement/report'
import { invoke } from '../../api/client'
import { useNavigate, type ReviewFocus } from '../../app/navigation'
import { buildAgreementShortcuts, CHART_NAVIGATION, isTypingTarget } from '../../commands/shortcuts'
import { ShortcutSheet } from '../../panels/ShortcutSheet'
import { AgreementFilters } from './AgreementFilters'
import { ComputingStatus } from './ComputingStatus'
import { DocumentTable } from './DocumentTable'
import { LabelBars } from './LabelBars'
import { MeasureList } from './MeasureList'
import { PairMatrix } from './PairMatrix'
import { ReportSummary } from './ReportSummary'
import { TagAgreementTable } from './TagAgreementTable'
import { ALL, documentFocus, labelFocus, pairFocus, requestFor, type DocumentRow, type FilterChoices } from './report-data'
import { useAgreementReport } from './use-agreement-report'
import './agreement.css'

/** The filters and measure last used, kept while the user visits other views. */
let remembered: { choices: FilterChoices; measure: MeasureId } = { choices: ALL, measure: 'span_f1_exact' }

export function AgreementView() {
  const navigate = useNavigate()
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  const [infoError, setInfoError] = useState<string | null>(null)
  const [choices, setChoices] = useState(remembered.choices)
  const [measureId, setMeasureId] = useState(remembered.measure)
  useEffect(() => {
    remembered = { choices, measure: measureId }
  }, [choices, measureId])

  useEffect(() => {
    invoke('project.info', {})
      .then(setInfo)
      .catch((error: Error) => setInfoError(error.message))
  }, [])

  const annotators = useMemo(() => info?.annotators ?? [], [info])
  const labels = useMemo(() => info?.labels.map((label) => label.name) ?? [], [info])
  // the project's annotators are needed only to leave some out, so the first report is asked for
  // at once; with fewer than two annotators there is nothing to compare, and the view says so
  const tooFew = info !== null && annotators.length < 2
  const request = useMemo(
    () => (tooFew || (choices.excludedAnnotators.length > 0 && !info) ? null : requestFor(choices, annotators)),
    [tooFew, info, choices, annotators]
  )
  const { shown, computingSince, error, recompute } = useAgreementReport(request, measureId)
  const report = shown?.report ?? null
  // dimmed while computing, unless it is the first part of the answer to the current filters
  const chartsStale = computingSince !== null && (shown?.complete !== false || JSON.stringify(shown.request) !== JSON.stringify(request))
  const measure = report?.measures.find((m) => m.id === measureId) ?? report?.measures[0]

  const [sheetOpen, setSheetOpen] = useState(false)
  const shortcuts = useMemo(
    () =>
      buildAgreementShortcuts({
        recompute,
        stepMeasure: (step) => {
          const ids = report?.measures.map((m) => m.id) ?? []
          const at = ids.indexOf(measure?.id ?? measureId)
          if (ids.length > 0) setMeasureId(ids[(at + step + ids.length) % ids.length]!)
        },
        showShortcuts: () => setSheetOpen(true)
      }),
    [recompute, report, measure, measureId]
  )
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      // a focused checkbox, select or radio keeps its own keys
      if (event.defaultPrevented || isTypingTarget(event.target)) return
      const shortcut = shortcuts.find((s) => s.matches(event))
      if (!shortcut) return
      event.preventDefault()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shortcuts])

  const openFocus = useCallback((focus: ReviewFocus) => navigate({ view: 'review', focus }), [navigate])
  const focusForPair = useCallback(({ a, b }: PairScores) => pairFocus(shown!.report, shown!.request, a, b), [shown])
  const focusForLabel = useCallback((label: string) => labelFocus(shown!.report, shown!.request, label), [shown])
  const focusForDocument = useCallback((row: DocumentRow) => documentFocus(shown!.request, row), [shown])

  return (
    <div className="agreement-view">
      <aside className="sidebar agreement-sidebar" aria-label="What to compare">
        <h2>Compare</h2>
        <AgreementFilters annotators={annotators} labels={labels} choices={choices} onChange={setChoices} />
      </aside>
      <main className="agreement-main" aria-busy={computingSince !== null}>
        <header className="agreement-header">
          <h1>Agreement</h1>
          <ComputingStatus since={computingSince} />
          <button type="button" onClick={recompute} disabled={computingSince !== null} aria-keyshortcuts="R" title="Compute again (R)">
            Recompute
          </button>
          <button type="button" onClick={() => setSheetOpen(true)} aria-keyshortcuts="?" title="Keyboard shortcuts (?)">
            ?
          </button>
        </header>
        {infoError && <p className="toast error">{infoError}</p>}
        {error && !tooFew && (
          <p className="toast error" role="alert" data-testid="agreement-error">
            {error}
            {report && ' (the last report is still shown)'}
          </p>
        )}
        {tooFew && (
          <p className="empty">
            Agreement compares the layers of two or more annotators; this project has {annotators.length === 0 ? 'none' : `only ${annotators[0]}'s`}. Each
            annotator annotates under their own name (or import their layers with <code>spanwise import --annotator NAME</code>).
          </p>
        )}
        {report && measure && (
          <div className={`agreement-report${chartsStale ? ' stale' : ''}`} data-testid="agreement-report">
            <ReportSummary report={report} request={shown!.request} measure={measure} />
            <PairMatrix report={report} measure={measure} openFocus={openFocus} focusFor={focusForPair} />
            <LabelBars report={report} measure={measure} openFocus={openFocus} focusFor={focusForLabel} />
            <DocumentTable report={report} measure={measure} openFocus={openFocus} focusFor={focusForDocument} />
            <TagAgreementTable report={report} />
          </div>
        )}
      </main>
      <aside className="sidebar right agreement-measures" aria-label="Measures">
        <h2>Measures</h2>
        {report && measure && (
          <div className={computingSince !== null ? 'stale' : undefined}>
            <MeasureList report={report} chosen={measure.id} onChoose={setMeasureId} />
            {!shown!.complete && <p className="hint">Computing the other measures…</p>}
          </div>
        )}
      </aside>
      {sheetOpen && <ShortcutSheet shortcuts={shortcuts} navigation={CHART_NAVIGATION} onClose={() => setSheetOpen(false)} />}
    </div>
  )
}
