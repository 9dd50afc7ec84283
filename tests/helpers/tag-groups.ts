// The tag groups of the example, for tests: a multiple-choice topic, a single-choice source.
import type { TagGroup } from '../../src/shared/model'

export const TOPIC: TagGroup = {
  name: 'topic',
  multiple: true,
  options: [
    { name: 'ceasefire', color: '#2f7ed8', hotkey: 'q' },
    { name: 'hostages', color: '#c4741f', hotkey: 'w' },
    { name: 'Lebanon front', color: '#2e9e5b' }
  ]
}

export const SOURCE: TagGroup = {
  name: 'source',
  multiple: false,
  options: [
    { name: 'news agency', color: '#7a4fd0', hotkey: 'a' },
    { name: 'state media', color: '#b0407a', hotkey: 's' },
    { name: 'newspaper', color: '#4a8a8a' }
  ]
}

export const TAG_GROUPS: TagGroup[] = [TOPIC, SOURCE]
