// The tag model on its own: toggling in single and multiple choice groups, the stored order,
// what does not fit the groups, and flat category names.
import { describe, expect, it } from 'vitest'
import { tagGroupSchema, tagOptionNameSchema } from '../../../src/shared/model'
import { normaliseTags, sameTags, splitQualifiedTag, tagForKey, tagProblem, toggleTag } from '../../../src/shared/tags'
import { SOURCE, TAG_GROUPS, TOPIC } from '../../helpers/tag-groups'

describe('toggling a tag', () => {
  it('adds and removes options of a multiple-choice group, kept in the group\'s order', () => {
    let tags = toggleTag({}, TOPIC, 'Lebanon front')
    tags = toggleTag(tags, TOPIC, 'ceasefire')
    expect(tags).toEqual({ topic: ['ceasefire', 'Lebanon front'] })
    tags = toggleTag(tags, TOPIC, 'Lebanon front')
    expect(tags).toEqual({ topic: ['ceasefire'] })
    // the last option out takes the group with it
    expect(toggleTag(tags, TOPIC, 'ceasefire')).toEqual({})
  })

  it('replaces the choice of a single-choice group, and clears it when the choice is toggled again', () => {
    let tags = toggleTag({ topic: ['hostages'] }, SOURCE, 'news agency')
    tags = toggleTag(tags, SOURCE, 'state media')
    expect(tags).toEqual({ topic: ['hostages'], source: ['state media'] })
    expect(toggleTag(tags, SOURCE, 'state media')).toEqual({ topic: ['hostages'] })
  })
})

describe('tags against the tag groups', () => {
  it('names an unknown group, an unknown option, and two choices in a single-choice group', () => {
    expect(tagProblem({ topic: ['ceasefire', 'hostages'], source: ['newspaper'] }, TAG_GROUPS)).toBeNull()
    expect(tagProblem({ stance: ['pro'] }, TAG_GROUPS)).toBe('unknown tag group "stance"')
    expect(tagProblem({ topic: ['Gaza'] }, TAG_GROUPS)).toBe('tag group "topic" has no option "Gaza"')
    expect(tagProblem({ source: ['news agency', 'newspaper'] }, TAG_GROUPS)).toMatch(/takes one choice, not 2/)
  })

  it('stores groups by name and options in their group\'s order, without empty groups or repeats', () => {
    expect(normaliseTags({ topic: ['Lebanon front', 'ceasefire', 'ceasefire'], source: ['newspaper'], empty: [] }, TAG_GROUPS)).toEqual({
      source: ['newspaper'],
      topic: ['ceasefire', 'Lebanon front']
    })
    expect(Object.keys(normaliseTags({ topic: ['hostages'], source: ['newspaper'] }, TAG_GROUPS))).toEqual(['source', 'topic'])
    expect(sameTags({ topic: ['hostages', 'ceasefire'] }, { topic: ['ceasefire', 'hostages'], source: [] })).toBe(true)
    expect(sameTags({ topic: ['hostages'] }, { topic: ['ceasefire'] })).toBe(false)
  })

  it('finds the tag a key toggles, whatever its case', () => {
    expect(tagForKey(TAG_GROUPS, 'S')).toMatchObject({ group: { name: 'source' }, option: 'state media' })
    expect(tagForKey(TAG_GROUPS, 'z')).toBeNull()
  })
})

describe('names', () => {
  it('lets tag options be words with spaces, emoji or Hebrew, but not "|", untrimmed or control characters', () => {
    for (const name of ['news agency', 'חדשות', '🕊 ceasefire']) expect(tagOptionNameSchema.safeParse(name).success).toBe(true)
    for (const name of ['a|b', ' padded', 'line\nbreak', '']) expect(tagOptionNameSchema.safeParse(name).success).toBe(false)
    // group names are label names: no spaces, no ":" (a category "group:option" splits at its first colon)
    expect(tagGroupSchema.safeParse({ name: 'my topic', options: [{ name: 'x', color: '#000000' }] }).success).toBe(false)
    expect(tagGroupSchema.parse({ name: 'topic', options: [{ name: 'x', color: '#000000' }] }).multiple).toBe(false)
  })

  it('splits "group:option" category names at the first colon, and leaves bare names without a group', () => {
    expect(splitQualifiedTag('topic:ceasefire')).toEqual({ group: 'topic', option: 'ceasefire' })
    expect(splitQualifiedTag('time:12:30')).toEqual({ group: 'time', option: '12:30' })
    expect(splitQualifiedTag('positive')).toEqual({ option: 'positive' })
    expect(splitQualifiedTag('news agency: Reuters')).toEqual({ option: 'news agency: Reuters' })
  })
})
