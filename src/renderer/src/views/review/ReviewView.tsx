// The Review view: compare annotators' layers and adjudicate a gold layer, by keyboard.
// Left: the documents to review. Middle: the text with each unit marked once by state (the
// editor's text view and painter). Right: the selected unit's versions and gold; lanes (L) show
// the unit in every layer. Every decision is a shared pure function (src/shared/review) that
// returns a new gold state: undo and redo walk those states, and each is saved at once.
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ReviewDocumentRow } from '../../../../shared/api/contract'
import {
  addGoldSpan,
  editGoldSpan,
  isOpenConflict,
  mergeDocument,
  presentMembers,
  rejectRelation,
  rejectUnit,
  reviewRelations,
  reviewUnits,
  takeIntersection,
  takeRelation,
  takeUnion,
  takeVersion,
  undecide,
  type GoldLayer,
  type GoldSpanChange,
  type ReviewUnit
} from '../../../../shared/review'
import { desktop, invoke } from '../../api/client'
import type { Route } from '../../app/navigation'
import { usePreferences } from '../../app/preferences'
import { useProject } from '../../app/use-project'
import { buildReviewShortcuts, isTypingTarget, tagKeysOf } from '../../commands/shortcuts'
import { toggleTag } from '../../../../shared/tags'
import { ReviewTags } from './ReviewTags'
import { TextView, type PendingSelection, type ScrollRequest } from '../../editor/TextView'
import { stepByWord } from '../../editor/word-step'
import { LabelBar } from '../../panels/LabelBar'
import { UndoRedoButtons } from '../../panels/UndoRedoButtons'
import { ShortcutSheet } from '../../panels/ShortcutSheet'
import { annotatorNames, REVIEW_STATUS_TEXT } from './annotator-names'
import { FeedbackDialog } from './FeedbackDialog'
import { Lanes, type Lane } from './Lanes'
import { MergeDialog, type MergeChoice } from './MergeDialog'
import { NO_REVIEW_FILTER, ReviewDocumentList, ReviewFilters, sortRows, type ReviewFilter } from './ReviewDocumentList'
import { markOf, MARK_LABELS, MARK_TEXT, nextOpenConflict, unitSpans, unitsInFocus, type UnitMark } from './unit-marks'
import { useReviewDocument } from './use-review-document'
import { VersionsPanel } from './VersionsPanel'

type Message = { text: string; error: boolean }
type Dialog = 'shortcuts' | 'merge' | 'feedback' | null

const NO_RELATIONS: never[] = []
const NO_FIND = { matches: [], current: 0 }

export function ReviewView({ route }: { route: Route }) {
  const [message, setMessage] = useState<Message | null>(null)
  const showError = useCallback((text: string) => setMessage({ text, error: true }), [])
  const notify = useCallback((text: string) => setMessage({ text, error: false }), [])
  const { info, documents } = useProject(showError)
  const [focus, setFocus] = useState(route.focus)
  const [filter, setFilter] = useState<ReviewFilter>({ ...NO_REVIEW_FILTER, annotators: route.focus?.annotators ?? [] })
  const [rows, setRows] = useState<ReviewDocumentRow[]>([])
  const [rowsLoading, setRowsLoading] = useState(true)
  const [rowsVersion, setRowsVersion] = useState(0)
  const [currentId, setCurrentId] = useState<string | null>(route.documentId ?? null)
  const [selectedKey, setSelectedKey] = useState<string | null>(null)
  const [pending, setPending] = useState<PendingSelection | null>(null)
  const [scrollTo, setScrollTo] = useState<ScrollRequest | null>(null)
  const [showLanes, setShowLanes] = useState(true)
  const [anonymous, setAnonymous] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  // label tags as the user set them (colour is not the only cue), from the shell's preferences
  const { labelTags } = usePreferences()

  // a new route (e.g. from the agreement view) brings its own focus and document
  useEffect(() => {
    setFocus(route.focus)
    if (route.focus?.annotators) setFilter((f) => ({ ...f, annotators: route.focus!.annotators! }))
    if (route.documentId) setCurrentId(route.documentId)
  }, [route])

  useEffect(() => {
    let current = true
    setRowsLoading(true)
    invoke('review.documents', {
      annotators: filter.annotators.length > 0 ? filter.annotators : undefined,
      labels: filter.label ? [filter.label] : undefined,
      status: filter.status || undefined,
      reviewStatus: filter.reviewStatus || undefined
    }).then(
      (list) => {
        if (!current) return
        setRows(list)
        setRowsLoading(false)
      },
      (error: Error) => current && showError(error.message)
    )
    return () => {
      current = false
    }
  }, [filter.annotators, filter.label, filter.status, filter.reviewStatus, rowsVersion, showError])

  const visibleRows = useMemo(() => {
    const ids = focus?.documentIds && focus.documentIds.length > 0 ? new Set(focus.documentIds) : null
    return sortRows(ids ? rows.filter((row) => ids.has(row.id)) : rows, filter.sort)
  }, [rows, focus, filter.sort])

  useEffect(() => {
    if (rowsLoading) return
    if (!currentId || !visibleRows.some((row) => row.id === currentId)) setCurrentId(visibleRows[0]?.id ?? null)
  }, [visibleRows, currentId, rowsLoading])

  const compared = filter.annotators.length > 0 ? filter.annotators : undefined
  const onSaved = useCallback(
    (gold: GoldLayer) => setRows((list) => list.map((row) => (row.id === gold.documentId ? { ...row, reviewStatus: gold.status } : row))),
    []
  )
  const review = useReviewDocument(currentId, compared, showError, onSaved)
  const { gold, layers, offsets } = review
  const labels = useMemo(() => info?.labels ?? [], [info])
  const tagGroups = useMemo(() => info?.tagGroups ?? [], [info])
  const by = info?.annotator ?? 'reviewer'
  const allAnnotators = useMemo(() => [...new Set(documents.flatMap((d) => d.annotators))].sort(), [documents])
  const names = useMemo(() => annotatorNames(allAnnotators, anonymous), [allAnnotators, anonymous])
  const order = useMemo(() => layers.map((layer) => layer.annotator), [layers])

  const units = useMemo(() => (gold ? reviewUnits(layers, gold) : []), [layers, gold])
  const shownUnits = useMemo(() => unitsInFocus(units, focus), [units, focus])
  const relationUnits = useMemo(() => (gold ? reviewRelations(layers, gold, units) : []), [layers, gold, units])
  const painted = useMemo(() => unitSpans(shownUnits), [shownUnits])
  const selected = shownUnits.find((unit) => unit.key === selectedKey) ?? null
  const openConflicts = useMemo(() => shownUnits.filter(isOpenConflict).length, [shownUnits])

  // the list shows the open document's open conflicts as they are now
  useEffect(() => {
    if (!gold || focus) return
    setRows((list) => list.map((row) => (row.id === gold.documentId && row.openConflicts !== openConflicts ? { ...row, openConflicts } : row)))
  }, [gold, openConflicts, focus])

  const openDocument = useCallback((id: string) => {
    setCurrentId(id)
    setSelectedKey(null)
    setPending(null)
    setScrollTo(null)
  }, [])

  const selectUnit = useCallback((unit: ReviewUnit | null) => {
    setSelectedKey(unit?.key ?? null)
    setPending(null)
    if (unit) setScrollTo({ offset: unit.start })
  }, [])

  /** Runs a decision; a refused one (e.g. an intersection of disjoint versions) is explained. */
  const act = useCallback(
    (change: (gold: GoldLayer) => GoldLayer) => {
      try {
        review.decide(change)
      } catch (error) {
        showError((error as Error).message)
      }
    },
    [review, showError]
  )

  const goldSpanOf = useCallback((unit: ReviewUnit | null) => (unit?.resolution?.kind === 'gold' && gold ? gold.spans.find((s) => unit.resolution?.kind === 'gold' && s.id === unit.resolution.goldSpanIds[0]) : undefined), [gold])

  const editGold = useCallback((id: string, change: GoldSpanChange) => act((g) => editGoldSpan(g, id, change, by)), [act, by])

  const applyLabel = useCallback(
    (label: string) => {
      if (pending) {
        // a gold span nobody made: it becomes a unit of its own, selected
        const added = { id: null as string | null }
        act((g) => {
          const next = addGoldSpan(g, { start: pending.start, end: pending.end, label }, by)
          added.id = next.spans.at(-1)!.id
          return next
        })
        if (added.id) setSelectedKey(`gold:${added.id}`)
        setPending(null)
        window.getSelection()?.removeAllRanges()
        return
      }
      if (!selected) return
      const goldSpan = goldSpanOf(selected)
      if (goldSpan) editGold(goldSpan.id, { label })
      else if (!selected.resolution) {
        // undecided: the version with that label, else the versions' union under it
        const withLabel = order.find((name) => selected.members[name]?.label === label)
        act((g) => (withLabel ? takeVersion(g, selected, withLabel, by) : takeUnion(g, selected, by, label)))
      }
    },
    [pending, selected, goldSpanOf, editGold, order, act, by]
  )

  const moveDocument = useCallback(
    (step: number) => {
      const index = visibleRows.findIndex((row) => row.id === currentId)
      const next = visibleRows[index < 0 ? 0 : index + step]
      if (next) openDocument(next.id)
    },
    [visibleRows, currentId, openDocument]
  )

  const runMerge = useCallback(
    async (choice: MergeChoice) => {
      setDialog(null)
      const options = { strategy: choice.strategy, minAnnotators: choice.minAnnotators, minShare: choice.minShare }
      try {
        if (choice.scope === 'document') {
          if (!gold) return
          // a decision like any other: undone with Ctrl+Z
          const result = mergeDocument(layers, gold, { ...options, by })
          const accepted = result.accepted.length
          if (accepted > 0 || result.acceptedRelations.length > 0) review.decide(() => result.gold)
          notify(`Merged (${choice.strategy}): ${accepted} unit${accepted === 1 ? '' : 's'} accepted, ${result.left.length} left to decide.`)
        } else {
          await review.whenSaved()
          const result = await invoke('review.merge', { ...options, documentIds: visibleRows.map((row) => row.id), annotators: compared })
          const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`
          notify(`Merged (${choice.strategy}) ${result.documents} document${result.documents === 1 ? '' : 's'}: ${units(result.accepted)} accepted, ${result.left} left to decide.`)
          review.reload()
          setRowsVersion((n) => n + 1)
        }
      } catch (error) {
        showError((error as Error).message)
      }
    },
    [gold, layers, by, notify, review, visibleRows, compared, showError]
  )

  const shortcuts = useMemo(
    () =>
      buildReviewShortcuts({
        labels,
        applyLabel,
        undo: review.undo,
        redo: review.redo,
        nextDocument: () => moveDocument(1),
        previousDocument: () => moveDocument(-1),
        toggleDone: () => gold && review.setStatus(gold.status === 'done' ? 'in_progress' : 'done'),
        clearSelection: () => {
          setPending(null)
          setSelectedKey(null)
          window.getSelection()?.removeAllRanges()
        },
        adjustSpan: (edge, grow) => {
          const span = goldSpanOf(selected)
          if (!span || !offsets) return
          const moved = stepByWord(offsets.text, offsets, span, edge, grow)
          if (moved.start !== span.start || moved.end !== span.end) editGold(span.id, moved)
        },
        showShortcuts: () => setDialog('shortcuts'),
        nextConflict: (backwards) => {
          const next = nextOpenConflict(shownUnits, selectedKey, backwards)
          if (next) selectUnit(next)
          else notify('No open conflicts left here.')
        },
        nextUnit: (backwards) => {
          if (shownUnits.length === 0) return
          const index = shownUnits.findIndex((unit) => unit.key === selectedKey)
          selectUnit(index < 0 ? (backwards ? shownUnits.at(-1)! : shownUnits[0]!) : shownUnits[(index + (backwards ? -1 : 1) + shownUnits.length) % shownUnits.length]!)
        },
        takeVersion: (k) => {
          const annotator = order[k - 1]
          if (!selected || !annotator) return
          if (!selected.members[annotator]) notify(`${names.of(annotator)} marked nothing in this unit: reject it (X) to keep nothing.`)
          else act((g) => takeVersion(g, selected, annotator, by))
        },
        takeUnion: () => selected && act((g) => takeUnion(g, selected, by)),
        takeIntersection: () => selected && act((g) => takeIntersection(g, selected, by)),
        rejectUnit: () => selected && act((g) => rejectUnit(g, selected, by)),
        undecide: () => selected?.resolution && act((g) => undecide(g, selected)),
        takeRelations: () => {
          if (!selected) return
          const agreed = relationUnits.filter((r) => (r.fromUnit === selected.key || r.toUnit === selected.key) && !r.resolution && r.goldEnds && r.state !== 'type_conflict')
          if (agreed.length === 0) {
            notify('No relation of this unit can be taken: none, a type conflict (choose one), or an end not yet in gold.')
            return
          }
          act((g) => agreed.reduce((next, r) => takeRelation(next, r, order.find((name) => r.members[name])!, by), g))
        },
        editDetails: () => document.querySelector<HTMLElement>('.versions .span-details select, .versions .span-details input, .versions .span-details textarea')?.focus(),
        toggleLanes: () => setShowLanes((on) => !on),
        toggleAnonymous: () => setAnonymous((on) => !on),
        openMerge: () => setDialog('merge'),
        openFeedback: () => setDialog('feedback'),
        tagKeys: tagKeysOf(tagGroups),
        toggleTag: (groupName, option) => {
          const group = tagGroups.find((g) => g.name === groupName)
          if (group) review.decide((g) => ({ ...g, tags: toggleTag(g.tags, group, option) }))
        }
      }),
    [tagGroups, labels, applyLabel, review, moveDocument, gold, goldSpanOf, selected, offsets, editGold, shownUnits, selectedKey, selectUnit, notify, order, names, act, by, relationUnits]
  )

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (dialog) return
      const shortcut = shortcuts.find((s) => s.matches(event))
      if (!shortcut || isTypingTarget(event.target)) return
      // Tab moves focus as usual outside the text; inside it, it walks the units
      const walksUnits = shortcut.id === 'next-unit' || shortcut.id === 'previous-unit'
      if (walksUnits && !(event.target instanceof HTMLElement && event.target.closest('.review-text'))) return
      event.preventDefault()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [shortcuts, dialog])

  // the desktop menu's commands that mean something here (its keys reach the page as keys)
  useEffect(() => {
    if (!desktop) return
    const byId = new Map(shortcuts.map((shortcut) => [shortcut.id, shortcut]))
    const commands = ['undo', 'redo', 'next-document', 'previous-document', 'toggle-done']
    return desktop.onMenuCommand((command) => {
      if (commands.includes(command)) byId.get(command)?.run(new KeyboardEvent('keydown'))
    })
  }, [shortcuts])

  const lanes = useMemo<Lane[]>(() => {
    if (!selected || !gold) return []
    const annotatorLanes = order.map((name, index) => {
      const layer = layers.find((l) => l.annotator === name)!
      return { id: name, title: names.of(name), keys: index < 9 ? `Shift+${index + 1}` : undefined, spans: layer.spans, relations: layer.relations, selectedId: selected.members[name]?.id ?? null }
    })
    const goldSpan = goldSpanOf(selected)
    return [...annotatorLanes, { id: 'gold', title: 'Gold', spans: gold.spans, relations: gold.relations, selectedId: goldSpan?.id ?? null }]
  }, [selected, gold, order, layers, names, goldSpanOf])

  const unitText = useCallback(
    (key: string) => {
      const unit = units.find((u) => u.key === key)
      return unit && offsets ? offsets.sliceCodePoints(unit.start, unit.end) : '?'
    },
    [units, offsets]
  )

  const counts = useMemo(() => {
    const byMark = new Map<UnitMark, number>()
    for (const unit of shownUnits) byMark.set(markOf(unit), (byMark.get(markOf(unit)) ?? 0) + 1)
    return byMark
  }, [shownUnits])

  const doc = review.document
  return (
    <div className="app review-view">
      <header className="topbar">
        <h1>Spanwise</h1>
        <span className="project-name">{info?.name} · Review</span>
        <span className="reviewer">
          Reviewing as <strong>{by}</strong>
        </span>
        <label className="check">
          <input type="checkbox" checked={anonymous} onChange={() => setAnonymous((on) => !on)} data-testid="anonymous-toggle" aria-keyshortcuts="H" /> Hide names <kbd>H</kbd>
        </label>
        <button type="button" onClick={() => setDialog('merge')} aria-keyshortcuts="M">
          Auto-merge… <kbd>M</kbd>
        </button>
        <button type="button" onClick={() => setDialog('feedback')} aria-keyshortcuts="G" data-testid="open-feedback">
          My labels vs gold… <kbd>G</kbd>
        </button>
        <button type="button" onClick={() => setDialog('shortcuts')} aria-label="Keyboard shortcuts" aria-keyshortcuts="?">
          ?
        </button>
      </header>

      {message && (
        <div className={`toast${message.error ? ' error' : ''}`} role={message.error ? 'alert' : 'status'} data-testid="review-message">
          {message.text}
          <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}

      <main className="workbench">
        <div className="sidebar">
          {focus && (
            <p className="focus-chip" data-testid="focus-chip">
              Showing: {focus.description ?? 'a selection from the agreement view'}
              <button type="button" aria-label="Show everything" onClick={() => setFocus(undefined)}>
                ×
              </button>
            </p>
          )}
          <ReviewFilters filter={filter} annotators={allAnnotators} labels={labels.map((l) => l.name)} names={names} onChange={setFilter} />
          <ReviewDocumentList
            rows={visibleRows}
            currentId={currentId}
            names={names}
            loading={rowsLoading}
            onOpen={openDocument}
            sort={filter.sort}
            onSort={(sort) => setFilter((was) => ({ ...was, sort }))}
          />
        </div>
        <section className="editor" aria-label="Review">
          {doc && offsets && gold ? (
            <>
              <div className="editor-header">
                <h2 className="doc-heading">{doc.title}</h2>
                <div className="editor-actions">
                  <span className={`status review-status-${gold.status}`} data-testid="review-document-status">
                    {REVIEW_STATUS_TEXT[gold.status]}
                  </span>
                  <span className="open-count" data-testid="review-open-count">
                    {openConflicts} open {openConflicts === 1 ? 'conflict' : 'conflicts'}
                  </span>
                  <button type="button" onClick={() => review.setStatus(gold.status === 'done' ? 'in_progress' : 'done')} aria-keyshortcuts="Control+Enter" title="Ctrl+Enter" data-testid="review-done">
                    {gold.status === 'done' ? 'Reopen review' : 'Mark reviewed'} <kbd>Ctrl+Enter</kbd>
                  </button>
                  <UndoRedoButtons undo={review.undo} redo={review.redo} canUndo={review.canUndo} canRedo={review.canRedo} />
                </div>
              </div>
              <div className="mark-legend" aria-label="What the marks mean">
                {MARK_LABELS.map((mark) => (
                  <span key={mark.name} className={`mark mark-${mark.name}`}>
                    {MARK_TEXT[mark.name as UnitMark]} <span className="count">{counts.get(mark.name as UnitMark) ?? 0}</span>
                  </span>
                ))}
                <span className="hint">
                  <kbd>N</kbd> next conflict · <kbd>Shift+1…</kbd> take a version · <kbd>?</kbd> all keys
                </span>
              </div>
              <ReviewTags
                groups={tagGroups}
                layers={layers}
                nameOf={(annotator) => names.of(annotator)}
                gold={gold.tags ?? {}}
                onToggle={(group, option) => review.decide((g) => ({ ...g, tags: toggleTag(g.tags, group, option) }))}
              />
              <LabelBar labels={labels} onApply={applyLabel} />
              <div className="review-text">
                <TextView
                  text={doc.text}
                  offsets={offsets}
                  spans={painted}
                  labels={MARK_LABELS}
                  selectedId={selected?.key ?? null}
                  relations={NO_RELATIONS}
                  relationTypes={info?.relationTypes ?? NO_RELATIONS}
                  selectedRelationId={null}
                  linkSourceId={null}
                  find={NO_FIND}
                  scrollTo={scrollTo}
                  labelTags={labelTags}
                  description="Document under review, each unit marked by state. N: next conflict; select text and press a label key to add a gold span."
                  onSelectSpan={(key) => setSelectedKey(key)}
                  onSelectRelation={() => undefined}
                  onPendingSelection={setPending}
                />
              </div>
            </>
          ) : (
            <p className="empty">{rowsLoading ? 'Loading…' : currentId ? 'Opening…' : 'Nothing to review: documents need layers from two or more annotators.'}</p>
          )}
        </section>
        <div className="sidebar right">
          {selected && offsets && gold ? (
            <>
              <VersionsPanel
                unit={selected}
                annotators={order}
                names={names}
                labels={labels}
                offsets={offsets}
                gold={gold}
                relationUnits={relationUnits}
                unitText={unitText}
                onTake={(annotator) => act((g) => takeVersion(g, selected, annotator, by))}
                onUnion={() => act((g) => takeUnion(g, selected, by))}
                onIntersection={() => act((g) => takeIntersection(g, selected, by))}
                onReject={() => act((g) => rejectUnit(g, selected, by))}
                onUndecide={() => act((g) => undecide(g, selected))}
                onEditGold={(id, change) => editGold(id, goldChange(gold, id, change))}
                onTakeRelation={(unit, annotator) => act((g) => takeRelation(g, unit, annotator, by))}
                onRejectRelation={(unit) => act((g) => rejectRelation(g, unit, by))}
              />
              {showLanes && <Lanes unit={selected} offsets={offsets} lanes={lanes} labels={labels} relationTypes={info?.relationTypes ?? NO_RELATIONS} labelTags={labelTags} />}
            </>
          ) : (
            doc && (
              <p className="empty">
                Press <kbd>N</kbd> for the next open conflict, or click a marked unit.
                {presentCount(units) === 0 && ' No annotator marked anything in this document yet.'}
              </p>
            )
          )}
        </div>
      </main>
      {dialog === 'shortcuts' && <ShortcutSheet shortcuts={shortcuts} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog hasDocument={!!gold} documentCount={visibleRows.length} onMerge={(choice) => void runMerge(choice)} onClose={() => setDialog(null)} />}
      {dialog === 'feedback' && info && (
        <FeedbackDialog
          annotator={info.annotator}
          annotators={allAnnotators}
          labels={labels}
          document={doc && offsets ? { id: doc.id, title: doc.title, text: (span) => offsets.sliceCodePoints(span.start, span.end) } : null}
          onOpenDocument={(id) => {
            setDialog(null)
            openDocument(id)
          }}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  )
}

/** The attribute or note edit of the details panel, as a change of the gold span. */
function goldChange(gold: GoldLayer, id: string, change: { attribute?: [string, string | number | undefined]; note?: string }): GoldSpanChange {
  if (change.note !== undefined) return { note: change.note }
  if (!change.attribute) return {}
  const [name, value] = change.attribute
  const attributes = { ...(gold.spans.find((span) => span.id === id)?.attributes ?? {}) }
  if (value === undefined) delete attributes[name]
  else attributes[name] = value
  return { attributes }
}

function presentCount(units: ReviewUnit[]): number {
  return units.reduce((sum, unit) => sum + presentMembers(unit).length, 0)
}
