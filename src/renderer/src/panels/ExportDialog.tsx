// Export: which format, which documents (all, done only, or by status) and whose annotations.
import { useEffect, useRef, useState } from 'react'
import type { LayerSpans } from '../../../shared/api/contract'
import type { DocumentStatus } from '../../../shared/model'
import { invoke } from '../api/client'
import { STATUS_TEXT } from './DocumentList'

export interface ExportChoice {
  format: string
  statuses: DocumentStatus[]
  /** '' for the current annotator, '*' for every annotator, or a name. */
  annotator: string
  /** 'gold': the adjudicated gold layer (documents that have one), instead of an annotator's. */
  layer?: 'gold'
}

/** The select's value for the gold layer: '#' is never part of an annotator's name. */
const GOLD_CHOICE = '#gold'

/** brat writes a folder of files: exported from the command line (`spanwise export --format brat --out DIR`). */
const FOLDER_FORMATS = new Set(['brat'])

/** What "every annotator" gives in each format (docs/formats.md, "Several annotators"). */
const EVERY_ANNOTATOR: Record<string, string> = {
  'label-studio': 'one task per document, with one annotation per annotator.',
  prodigy: 'one record per document and annotator, with _annotator_id and _session_id.',
  doccano: 'one file, an "annotator" on every line; spanwise export --format doccano --all-annotators --out DIR writes one <annotator>.jsonl each, as doccano does.'
}

/** When the chosen layer has no spans but others do, which ones (asked of the backend). */
function useEmptyLayerNotice(choice: ExportChoice): { notice: string; layers: LayerSpans[] } | null {
  const [found, setFound] = useState<{ notice: string; layers: LayerSpans[] } | null>(null)
  const { annotator, statuses } = choice
  useEffect(() => {
    if (annotator === '*') return setFound(null)
    let current = true
    invoke('export.check', { annotator, statuses }).then(
      (result) => current && setFound(result.notice ? { notice: result.notice, layers: result.layers } : null),
      () => current && setFound(null)
    )
    return () => {
      current = false
    }
  }, [annotator, statuses])
  return found
}

export function ExportDialog({ formats, annotators, onExport, onClose }: { formats: string[]; annotators: string[]; onExport(choice: ExportChoice): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [choice, setChoice] = useState<ExportChoice>({ format: 'jsonl', statuses: [], annotator: '' })
  useEffect(() => dialog.current?.showModal(), [])
  const empty = useEmptyLayerNotice(choice)
  const toggle = (status: DocumentStatus) =>
    setChoice((c) => ({ ...c, statuses: c.statuses.includes(status) ? c.statuses.filter((s) => s !== status) : [...c.statuses, status] }))
  return (
    <dialog ref={dialog} className="export-dialog" aria-label="Export annotations" onClose={onClose} data-testid="export-dialog">
      <h2>Export</h2>
      <label className="field">
        <span>Format</span>
        <select value={choice.format} onChange={(e) => setChoice({ ...choice, format: e.target.value })} data-testid="export-format">
          {formats.filter((f) => !FOLDER_FORMATS.has(f)).map((format) => (
            <option key={format} value={format}>
              {format}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>Documents (none ticked: all)</legend>
        {(Object.keys(STATUS_TEXT) as DocumentStatus[]).map((status) => (
          <label key={status}>
            <input type="checkbox" checked={choice.statuses.includes(status)} onChange={() => toggle(status)} /> {STATUS_TEXT[status]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Annotations of</span>
        <select
          value={choice.layer === 'gold' ? GOLD_CHOICE : choice.annotator}
          onChange={(e) => {
            const { layer: _layer, ...rest } = choice
            setChoice(e.target.value === GOLD_CHOICE ? { ...rest, annotator: '', layer: 'gold' } : { ...rest, annotator: e.target.value })
          }}
          data-testid="export-annotator"
        >
          <option value="">me</option>
          <option value="*">every annotator (one record each)</option>
          <option value={GOLD_CHOICE}>gold: the adjudicated layer, with provenance</option>
          {annotators.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {empty && (
        <div className="export-notice" role="alert" data-testid="export-empty-layer">
          <p>No spans to export: {empty.notice}.</p>
          <p>
            Export instead:{' '}
            {empty.layers.map((layer) => (
              <button key={layer.annotator} type="button" onClick={() => setChoice({ ...choice, annotator: layer.annotator })}>
                {layer.annotator}
              </button>
            ))}{' '}
            <button type="button" onClick={() => setChoice({ ...choice, annotator: '*' })}>
              every annotator
            </button>
          </p>
        </div>
      )}
      {choice.annotator === '*' && <p className="hint" data-testid="export-every-annotator">Every annotator: {EVERY_ANNOTATOR[choice.format] ?? 'one record per document and annotator.'}</p>}
      <p className="hint">
        brat exports a folder (one per annotator with every annotator): use <code>spanwise export --format brat --out DIR</code>.
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={() => onExport(choice)} data-testid="export-go">
          Export
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </dialog>
  )
}
