// Relations drawn as arrows over the text: an SVG layer inside the scrolling area, one curved
// arrow per relation from the first box of its source span to the first box of its target,
// labelled with its type. Arrows can be clicked to select them.
import type { Relation, RelationType } from '../../../shared/model'

export interface ArrowGeometry {
  relation: Relation
  from: { x: number; y: number }
  to: { x: number; y: number }
  lift: number
}

interface Props {
  arrows: ArrowGeometry[]
  width: number
  height: number
  relationTypes: RelationType[]
  selectedId: string | null
  onSelect(id: string): void
}

export function RelationLayer({ arrows, width, height, relationTypes, selectedId, onSelect }: Props) {
  const colors = new Map(relationTypes.map((type) => [type.name, type.color]))
  return (
    <svg className="relation-layer" width={width} height={height} aria-hidden="true">
      <defs>
        <marker id="sw-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="context-stroke" />
        </marker>
      </defs>
      {arrows.map(({ relation, from, to, lift }) => {
        const top = Math.min(from.y, to.y) - lift
        const path = `M ${from.x} ${from.y} C ${from.x} ${top}, ${to.x} ${top}, ${to.x} ${to.y}`
        const color = colors.get(relation.type) ?? '#7a4fd0'
        const selected = relation.id === selectedId
        return (
          <g key={relation.id} className={`relation${selected ? ' selected' : ''}`} data-testid="relation-arrow" data-type={relation.type}>
            <path d={path} className="relation-hit" onMouseDown={(e) => e.preventDefault()} onClick={() => onSelect(relation.id)} />
            <path d={path} className="relation-line" stroke={color} strokeWidth={selected ? 3 : 1.6} markerEnd="url(#sw-arrowhead)" />
            <text x={(from.x + to.x) / 2} y={top + lift * 0.25 - 2} className="relation-label" fill={color} textAnchor="middle">
              {relation.type}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
