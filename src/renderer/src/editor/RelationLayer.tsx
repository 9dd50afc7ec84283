// Relations drawn as arrows in the space between lines: an SVG layer inside the scrolling area,
// one arrow per relation laid out by arc-layout.ts (up from its source, level in the gap above the
// row, down onto its target), each with its own head and its type as a label. Arrows can be
// clicked to select them.
import type { Relation, RelationType } from '../../../shared/model'
import type { ArcShape } from './arc-layout'

export interface DrawnArc extends ArcShape {
  relation: Relation
}

interface Props {
  arcs: DrawnArc[]
  width: number
  height: number
  relationTypes: RelationType[]
  selectedId: string | null
  onSelect(id: string): void
}

export function RelationLayer({ arcs, width, height, relationTypes, selectedId, onSelect }: Props) {
  const colors = new Map(relationTypes.map((type) => [type.name, type.color]))
  return (
    <svg className="relation-layer" width={width} height={height} aria-hidden="true">
      {arcs.map(({ relation, path, head, label }) => {
        const color = colors.get(relation.type) ?? '#7a4fd0'
        const selected = relation.id === selectedId
        return (
          <g key={relation.id} className={`relation${selected ? ' selected' : ''}`} data-testid="relation-arrow" data-type={relation.type}>
            <path d={path} className="relation-hit" onMouseDown={(e) => e.preventDefault()} onClick={() => onSelect(relation.id)} />
            <path d={path} className="relation-line" stroke={color} strokeWidth={selected ? 3 : 1.6} />
            <path d={head} className="relation-head" fill={color} data-testid="relation-head" />
            <text x={label.x} y={label.y} dy="0.35em" className="relation-label" fill={color} textAnchor="middle" data-testid="relation-label">
              {relation.type}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
