// The selected unit, version by version: what each annotator marked there (numbered: Shift+k
// takes version k), how the versions differ, and what gold holds now, with where it came from.
// The unit's relations are listed the same way, each version with its own "Take".
import type { Label, Relation, Span } from '../../../../shared/model'
import type { OffsetMap } from '../../../../shared/offsets'
import type { Difference, GoldLayer, GoldSpan, RelationUnit, ReviewUnit } from '../../../../shared/review'
import { SpanDetails } from '../../panels/SpanDetails'
import type { AnnotatorNames } from './annotator-names'
import { LabelChip } from './LabelChip'
import { markOf, MARK_TEXT } from './unit-marks'

const DECISION_TEXT: Record<GoldSpan['provenance']['decision'], string> = {
  unanimous: 'taken, all agreeing',
  picked: 'picked',
  merged_bounds: 'bounds merged',
  edited: 'edited',
  added: 'added by the reviewer',
  auto_merged: 'auto-merged'
}

const DIFFERENCE_TEXT: Record<Difference, string> = { label: 'labels', bounds: 'bounds', attributes: 'attributes', note: 'notes' }

interface Props {
  unit: ReviewUnit
  annotators: string[]
  names: AnnotatorNames
  labels: Label[]
  offsets: OffsetMap
  gold: GoldLayer
  relationUnits: RelationUnit[]
  /** The text of each unit, for naming a relation's other end. */
  unitText(key: string): string
  onTake(annotator: string): void
  onUnion(): void
  onIntersection(): void
  onReject(): void
  onUndecide(): void
  onEditGold(id: string, change: { attribute?: [string, string | number | undefined]; note?: string }): void
  onTakeRelation(unit: RelationUnit, annotator: string): void
  onRejectRelation(unit: RelationUnit): void
}

function Attributes({ span }: { span: Span }) {
  const entries = Object.entries(span.attributes ?? {})
  if (entries.length === 0 && !span.note) return null
  return (
    <span className="version-attributes">
      {entries.map(([name, value]) => (
        <span key={name}>
          {name}: {String(value)}
        </span>
      ))}
      {span.note && <span className="version-note">note: {span.note}</span>}
    </span>
  )
}

export function VersionsPanel(props: Props) {
  const { unit, annotators, names, labels, offsets, gold, relationUnits } = props
  const quote = (span: { start: number; end: number }) => offsets.sliceCodePoints(span.start, span.end)
  const goldSpans = unit.resolution?.kind === 'gold' ? gold.spans.filter((span) => unit.resolution?.kind === 'gold' && unit.resolution.goldSpanIds.includes(span.id)) : []
  const rejection = unit.resolution?.kind === 'rejected' ? gold.rejected.find((entry) => entry.sources.some((s) => unit.members[s.annotator]?.id === s.spanId)) : undefined
  const hasVersions = annotators.some((name) => unit.members[name])
  const touching = relationUnits.filter((r) => r.fromUnit === unit.key || r.toUnit === unit.key)
  const mark = markOf(unit)

  return (
    <section className="versions" aria-label="Versions of the selected unit" data-testid="versions" data-unit={unit.key}>
      <h2>
        Unit <span className={`mark mark-${mark}`} data-testid="unit-mark">{MARK_TEXT[mark]}</span>
      </h2>
      {unit.differences.length > 0 && (
        <p className="hint" data-testid="differences">
          Differ in: {unit.differences.map((d) => DIFFERENCE_TEXT[d]).join(', ')}
        </p>
      )}
      {hasVersions && (
        <ol className="version-list">
          {annotators.map((name, index) => {
            const span = unit.members[name]
            const keys = index < 9 ? `Shift+${index + 1}` : undefined
            return (
              <li key={name} data-testid="version" data-annotator={name} className={span ? '' : 'absent'}>
                <span className="who">
                  {keys && <kbd>{index + 1}</kbd>} {names.of(name)}
                </span>
                {span ? (
                  <>
                    <span className="version-body">
                      <LabelChip label={span.label} labels={labels} /> <q className="version-text">{quote(span)}</q>
                      <Attributes span={span} />
                    </span>
                    <button type="button" onClick={() => props.onTake(name)} aria-keyshortcuts={keys} title={keys ? `Take this version (${keys})` : 'Take this version'}>
                      Take
                    </button>
                  </>
                ) : (
                  <span className="version-body nothing">nothing here</span>
                )}
              </li>
            )
          })}
        </ol>
      )}
      {hasVersions && (
        <div className="decision-buttons" role="toolbar" aria-label="Decide the unit">
          <button type="button" onClick={props.onUnion} aria-keyshortcuts="U">
            Union <kbd>U</kbd>
          </button>
          <button type="button" onClick={props.onIntersection} aria-keyshortcuts="I">
            Intersection <kbd>I</kbd>
          </button>
          <button type="button" onClick={props.onReject} aria-keyshortcuts="X">
            Reject <kbd>X</kbd>
          </button>
          <button type="button" onClick={props.onUndecide} disabled={!unit.resolution} aria-keyshortcuts="Delete">
            Undecide <kbd>Del</kbd>
          </button>
        </div>
      )}

      <div className="gold-version" data-testid="gold-version">
        <h3>Gold</h3>
        {!unit.resolution && <p className="hint">Not decided yet.</p>}
        {rejection && (
          <p data-testid="gold-rejected">
            Rejected: nothing goes into gold here ({rejection.decidedBy}, {new Date(rejection.decidedAt).toLocaleString()}).
          </p>
        )}
        {goldSpans.map((span) => (
          <div key={span.id} className="gold-span" data-testid="gold-span" data-label={span.label}>
            <p>
              <LabelChip label={span.label} labels={labels} /> <q className="version-text">{quote(span)}</q>
            </p>
            <p className="hint" data-testid="provenance">
              {DECISION_TEXT[span.provenance.decision]}
              {span.provenance.strategy ? ` (${span.provenance.strategy})` : ''}
              {span.provenance.sources.length > 0 && <> from {span.provenance.sources.map((s) => names.of(s.annotator)).join(', ')}</>}
              {' · '}
              {span.provenance.decidedBy}, {new Date(span.provenance.decidedAt).toLocaleString()}
            </p>
            <SpanDetails
              span={span}
              title="Gold span"
              label={labels.find((l) => l.name === span.label)}
              text={quote(span)}
              onChange={(change) => props.onEditGold(span.id, change)}
            />
          </div>
        ))}
        {goldSpans.length > 0 && !hasVersions && (
          <button type="button" onClick={props.onUndecide} aria-keyshortcuts="Delete">
            Remove from gold <kbd>Del</kbd>
          </button>
        )}
      </div>

      {touching.length > 0 && (
        <div className="unit-relations" data-testid="unit-relations">
          <h3>Relations</h3>
          <ul>
            {touching.map((relationUnit) => (
              <RelationVersions key={relationUnit.key} {...props} relation={relationUnit} selectedKey={unit.key} />
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

function RelationVersions({ relation: unit, selectedKey, annotators, names, gold, unitText, onTakeRelation, onRejectRelation }: Props & { relation: RelationUnit; selectedKey: string }) {
  const outgoing = unit.fromUnit === selectedKey
  const other = unitText(outgoing ? unit.toUnit : unit.fromUnit)
  const inGold = unit.resolution?.kind === 'gold' ? gold.relations.filter((r) => unit.resolution?.kind === 'gold' && unit.resolution.goldRelationIds.includes(r.id)) : []
  const describe = (relation: Relation) => (outgoing ? `${relation.type} → “${other}”` : `“${other}” → ${relation.type}`)
  return (
    <li className="relation-unit" data-testid="relation-unit" data-state={unit.state}>
      {annotators.map((name) => {
        const relation = unit.members[name]
        return (
          <div key={name} className="relation-version">
            <span className="who">{names.of(name)}</span>
            {relation ? (
              <>
                <span className="relation-type">{describe(relation)}</span>
                <button type="button" disabled={!unit.goldEnds} title={unit.goldEnds ? 'Take this relation into gold' : 'Decide both ends first'} onClick={() => onTakeRelation(unit, name)}>
                  Take
                </button>
              </>
            ) : (
              <span className="nothing">no relation</span>
            )}
          </div>
        )
      })}
      <div className="relation-version">
        <span className="who">Gold</span>
        <span className="relation-type">
          {inGold.length > 0 ? inGold.map(describe).join('; ') : unit.resolution?.kind === 'rejected' ? 'rejected' : 'not decided'}
        </span>
        <button type="button" onClick={() => onRejectRelation(unit)}>
          Reject
        </button>
      </div>
    </li>
  )
}
