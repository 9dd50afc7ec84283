// Label sets a new project can start from. A team with its own scheme copies another project's
// label set instead (create-project.ts); either way the labels can be edited afterwards.
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES, type Label, type RelationType } from '../../shared/model'
import type { LabelTemplate } from '../../shared/api/contract'

interface Template extends LabelTemplate {
  labels: Label[]
  relationTypes: RelationType[]
}

const plain = (name: string, color: string, hotkey: string): Label => ({ name, color, hotkey, attributes: [] })

export const LABEL_TEMPLATES: Template[] = [
  {
    id: 'news',
    title: 'News analysis: actor, claim, figure (with attribution relations)',
    labels: DEFAULT_LABELS,
    relationTypes: DEFAULT_RELATION_TYPES
  },
  {
    id: 'entities',
    title: 'Named entities: person, organisation, place, date, other',
    labels: [
      plain('person', '#2f7ed8', '1'),
      plain('organisation', '#c4741f', '2'),
      plain('place', '#2e9e5b', '3'),
      plain('date', '#8e5bd6', '4'),
      plain('other', '#d1495b', '5')
    ],
    relationTypes: []
  },
  {
    id: 'opinion',
    title: 'Opinions: aspect, positive, negative, neutral',
    labels: [plain('aspect', '#5f6caf', '1'), plain('positive', '#2e9e5b', '2'), plain('negative', '#d1495b', '3'), plain('neutral', '#b08900', '4')],
    relationTypes: [{ name: 'about', color: '#7a4fd0', from: ['positive', 'negative', 'neutral'], to: ['aspect'] }]
  }
]

export function labelTemplate(id: string): Template | undefined {
  return LABEL_TEMPLATES.find((template) => template.id === id)
}
