// Auto-merge with a strategy picker, for the open document or for the project. It never
// overwrites a decision: it fills only the units still undecided (see src/shared/review/merge.ts).
import { useEffect, useRef, useState } from 'react'
import { MERGE_STRATEGIES, type MergeStrategy } from '../../../../shared/review'

export interface MergeChoice {
  scope: 'document' | 'project'
  strategy: MergeStrategy
  minAnnotators?: number
  minShare?: number
}

const STRATEGY_TEXT: Record<MergeStrategy, { title: string; hint: string }> = {
  unanimous: { title: 'All annotators agree', hint: 'Every annotator marked it with the same bounds, label and attributes.' },
  agreeing: { title: 'Everyone who annotated here agrees', hint: 'Annotators who marked nothing there do not count against it.' },
  threshold: { title: 'At least N annotators (or a share) agree', hint: 'The version proposed by the most annotators, when they reach the minimum; a tie merges nothing.' }
}

interface Props {
  hasDocument: boolean
  documentCount: number
  onMerge(choice: MergeChoice): void
  onClose(): void
}

export function MergeDialog({ hasDocument, documentCount, onMerge, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const [scope, setScope] = useState<MergeChoice['scope']>(hasDocument ? 'document' : 'project')
  const [strategy, setStrategy] = useState<MergeStrategy>('unanimous')
  const [thresholdKind, setThresholdKind] = useState<'count' | 'share'>('count')
  const [minAnnotators, setMinAnnotators] = useState(2)
  const [minShare, setMinShare] = useState(50)
  useEffect(() => ref.current?.showModal(), [])

  return (
    <dialog ref={ref} className="merge-dialog" aria-label="Auto-merge" onClose={onClose} data-testid="merge-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          onMerge({
            scope,
            strategy,
            ...(strategy === 'threshold' ? (thresholdKind === 'count' ? { minAnnotators } : { minShare: minShare / 100 }) : {})
          })
        }}
      >
        <h2>Auto-merge</h2>
        <p className="hint">Fills only undecided units; your decisions are never overwritten. Undo (Ctrl+Z) takes a document merge back.</p>
        <fieldset>
          <legend>Strategy</legend>
          {MERGE_STRATEGIES.map((name) => (
            <label key={name} className="choice">
              <input type="radio" name="strategy" value={name} checked={strategy === name} onChange={() => setStrategy(name)} data-testid={`merge-strategy-${name}`} />
              <span>
                {STRATEGY_TEXT[name].title}
                <span className="hint"> — {STRATEGY_TEXT[name].hint}</span>
              </span>
            </label>
          ))}
          {strategy === 'threshold' && (
            <div className="threshold">
              <label>
                <input type="radio" name="threshold" checked={thresholdKind === 'count'} onChange={() => setThresholdKind('count')} /> at least{' '}
                <input type="number" min={1} value={minAnnotators} onChange={(e) => setMinAnnotators(Math.max(1, Number(e.target.value)))} aria-label="Minimum annotators" data-testid="merge-min" /> annotators
              </label>
              <label>
                <input type="radio" name="threshold" checked={thresholdKind === 'share'} onChange={() => setThresholdKind('share')} /> at least{' '}
                <input type="number" min={1} max={100} value={minShare} onChange={(e) => setMinShare(Math.min(100, Math.max(1, Number(e.target.value))))} aria-label="Minimum share in percent" /> % of them
              </label>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>Merge</legend>
          <label className="choice">
            <input type="radio" name="scope" checked={scope === 'document'} disabled={!hasDocument} onChange={() => setScope('document')} data-testid="merge-scope-document" /> this document
          </label>
          <label className="choice">
            <input type="radio" name="scope" checked={scope === 'project'} onChange={() => setScope('project')} data-testid="merge-scope-project" /> every document listed ({documentCount})
          </label>
        </fieldset>
        <div className="dialog-actions">
          <button type="submit" data-testid="merge-go">
            Merge
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  )
}
