// Lanes: the text around the selected unit once per annotator and once for gold, each painted
// with that layer's spans in their label colours by the editor's own text view (each lane under
// its own highlight scope), so who marked what, and how, reads line against line; relations
// whose two ends are in view are drawn as in the editor.
import { useMemo } from 'react'
import type { Label, Relation, RelationType, Span } from '../../../../shared/model'
import { OffsetMap } from '../../../../shared/offsets'
import type { ReviewUnit } from '../../../../shared/review'
import type { LabelTagMode } from '../../editor/span-marks'
import { TextView } from '../../editor/TextView'
import type { AnnotatorNames } from './annotator-names'

/** Code points of context on each side of the unit. */
const CONTEXT = 80

export interface Lane {
  id: string
  title: string
  /** The key that takes this lane's version, if any. */
  keys?: string
  spans: Span[]
  /** The layer's relations: drawn where both ends are in the lane. */
  relations: Relation[]
  /** The layer's span in the selected unit, marked as selected. */
  selectedId: string | null
}

interface Props {
  unit: ReviewUnit
  offsets: OffsetMap
  lanes: Lane[]
  labels: Label[]
  relationTypes: RelationType[]
  labelTags: LabelTagMode
}

const NO_FIND = { matches: [], current: 0 }
const ignore = () => undefined

/** The spans of a layer that fall in [from, to), clipped to it and counted from its start. */
function spansInWindow(spans: Span[], from: number, to: number): Span[] {
  return spans
    .filter((span) => span.start < to && span.end > from)
    .map((span) => ({ ...span, start: Math.max(span.start, from) - from, end: Math.min(span.end, to) - from }))
}

/**
 * The code point window a lane shows: up to CONTEXT around the unit, within its line (a lane is
 * a few lines high), starting and ending at whole words.
 */
export function laneWindow(offsets: OffsetMap, unit: { start: number; end: number }): { from: number; to: number } {
  const text = offsets.text
  const start = offsets.toUtf16(unit.start)
  const end = offsets.toUtf16(unit.end)
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, 0)
  const lineBreak = text.indexOf('\n', end)
  const lineEnd = lineBreak < 0 ? text.length : text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak
  let from = Math.max(lineStart, start - CONTEXT)
  if (from > lineStart) from = Math.min(start, text.indexOf(' ', from) + 1 || start)
  let to = Math.min(lineEnd, end + CONTEXT)
  if (to < lineEnd) to = Math.max(end, text.lastIndexOf(' ', to))
  return { from: offsets.toCodePoint(from), to: offsets.toCodePoint(to) }
}

export function Lanes({ unit, offsets, lanes, labels, relationTypes, labelTags }: Props) {
  const { from, to } = laneWindow(offsets, unit)
  const text = offsets.sliceCodePoints(from, to)
  const windowOffsets = useMemo(() => new OffsetMap(text), [text])
  return (
    <section className="lanes" aria-label="Lanes: the unit in each annotator's layer and in gold" data-testid="lanes">
      {lanes.map((lane, index) => (
        <div key={lane.id} className="lane" data-testid="lane" data-lane={lane.id}>
          <h3 className="lane-title">
            {lane.keys && <kbd>{lane.keys}</kbd>} {lane.title}
          </h3>
          <TextView
            scope={`sw-lane${index}`}
            description={`${lane.title}: the text around the unit with this layer's spans`}
            text={text}
            offsets={windowOffsets}
            spans={spansInWindow(lane.spans, from, to)}
            labels={labels}
            selectedId={lane.selectedId}
            relations={lane.relations}
            relationTypes={relationTypes}
            selectedRelationId={null}
            linkSourceId={null}
            find={NO_FIND}
            scrollTo={null}
            labelTags={labelTags}
            onSelectSpan={ignore}
            onSelectRelation={ignore}
            onPendingSelection={ignore}
          />
        </div>
      ))}
    </section>
  )
}
