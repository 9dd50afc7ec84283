// "My labels vs gold": what the adjudicator kept, changed, removed and added of one annotator's
// spans, with their precision and recall against gold, for one document (span by span) or for
// the whole project (document by document). Any annotator can open it for themselves.
import { useEffect, useRef, useState } from 'react'
import type { ChannelResult } from '../../../../shared/api/contract'
import type { Label, Span } from '../../../../shared/model'
import type { FeedbackItem } from '../../../../shared/review'
import { invoke } from '../../api/client'
import { LabelChip } from './LabelChip'
import { percent } from './ReviewDocumentList'

type Feedback = ChannelResult<'review.feedback'>

const KIND_TEXT: Record<FeedbackItem['kind'], string> = {
  kept: 'Kept',
  changed: 'Changed',
  removed: 'Removed',
  added: 'Added (you missed it)',
  pending: 'Not reviewed yet'
}

interface Props {
  annotator: string
  annotators: string[]
  labels: Label[]
  /** The document open in the review, if any: its feedback is shown span by span. */
  document: { id: string; title: string; text: (span: Span) => string } | null
  onOpenDocument(id: string): void
  onClose(): void
}

function Counts({ counts }: { counts: Feedback['totals'] }) {
  return (
    <dl className="feedback-counts" data-testid="feedback-counts">
      {(['kept', 'changed', 'removed', 'added'] as const).map((kind) => (
        <div key={kind} data-testid={`feedback-${kind}`}>
          <dt>{kind}</dt>
          <dd>{counts[kind]}</dd>
        </div>
      ))}
      <div data-testid="feedback-precision">
        <dt>precision</dt>
        <dd>{percent(counts.precision)}</dd>
      </div>
      <div data-testid="feedback-recall">
        <dt>recall</dt>
        <dd>{percent(counts.recall)}</dd>
      </div>
    </dl>
  )
}

export function FeedbackDialog({ annotator: initial, annotators, labels, document, onOpenDocument, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [annotator, setAnnotator] = useState(initial)
  const [scope, setScope] = useState<'document' | 'project'>(document ? 'document' : 'project')
  const [feedback, setFeedback] = useState<Feedback | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => ref.current?.showModal(), [])

  useEffect(() => {
    let current = true
    setFeedback(null)
    setError(null)
    invoke('review.feedback', { annotator, documentId: scope === 'document' && document ? document.id : undefined }).then(
      (result) => current && setFeedback(result),
      (failure: Error) => current && setError(failure.message)
    )
    return () => {
      current = false
    }
  }, [annotator, scope, document])

  const one = scope === 'document' ? feedback?.documents[0] : undefined
  return (
    <dialog ref={ref} className="feedback-dialog" aria-label="My labels vs gold" onClose={onClose} data-testid="feedback-dialog">
      <h2>My labels vs gold</h2>
      <div className="feedback-controls">
        <label>
          Annotator{' '}
          <select value={annotator} onChange={(e) => setAnnotator(e.target.value)} data-testid="feedback-annotator">
            {[...new Set([initial, ...annotators])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="feedback-scope" checked={scope === 'document'} disabled={!document} onChange={() => setScope('document')} data-testid="feedback-scope-document" /> this document
        </label>
        <label>
          <input type="radio" name="feedback-scope" checked={scope === 'project'} onChange={() => setScope('project')} data-testid="feedback-scope-project" /> the project
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!feedback && !error && <p className="hint">Comparing…</p>}
      {feedback && (
        <>
          <p className="hint">
            Precision: your spans that gold has with the same bounds and label. Recall: gold spans you marked so. Spans the reviewer has not decided yet are left out.
          </p>
          <Counts counts={feedback.totals} />
          {scope === 'document' && one?.items && document && (
            <table className="feedback-items" data-testid="feedback-items">
              <thead>
                <tr>
                  <th>What happened</th>
                  <th>Yours</th>
                  <th>Gold</th>
                </tr>
              </thead>
              <tbody>
                {one.items.map((item, index) => (
                  <tr key={index} data-testid="feedback-item" data-kind={item.kind}>
                    <td>
                      {KIND_TEXT[item.kind]}
                      {item.what && item.what.length > 0 && <span className="hint"> ({item.what.join(', ')})</span>}
                    </td>
                    <td>{item.mine && <SpanCell span={item.mine} text={document.text(item.mine)} labels={labels} />}</td>
                    <td>{item.gold && <SpanCell span={item.gold} text={document.text(item.gold)} labels={labels} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {scope === 'project' && (
            <table className="feedback-documents" data-testid="feedback-documents">
              <thead>
                <tr>
                  <th>Document</th>
                  <th>kept</th>
                  <th>changed</th>
                  <th>removed</th>
                  <th>added</th>
                  <th>precision</th>
                  <th>recall</th>
                </tr>
              </thead>
              <tbody>
                {feedback.documents.map((doc) => (
                  <tr key={doc.documentId} data-testid="feedback-document">
                    <td>
                      <button type="button" className="link" onClick={() => onOpenDocument(doc.documentId)}>
                        {doc.title}
                      </button>
                    </td>
                    <td>{doc.kept}</td>
                    <td>{doc.changed}</td>
                    <td>{doc.removed}</td>
                    <td>{doc.added}</td>
                    <td>{percent(doc.precision)}</td>
                    <td>{percent(doc.recall)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <form method="dialog" className="dialog-actions">
        <button type="submit">Close</button>
      </form>
    </dialog>
  )
}

function SpanCell({ span, text, labels }: { span: Span; text: string; labels: Label[] }) {
  return (
    <span>
      <LabelChip label={span.label} labels={labels} /> <q>{text}</q>
    </span>
  )
}
