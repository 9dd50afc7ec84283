// The tag group section of the label set editor: add, rename and delete tag groups and their
// options, choose single or multiple choice, colours and hotkeys. Its draft is kept here; the
// label editor merges `change()` into the label change it sends, so renames and deletions of
// groups and options reach every layer through the label log (and are undone with it).
import { useState } from 'react'
import type { DocumentSummary, TagGroup, TagOption } from '../../../shared/model'

interface DraftOption extends TagOption {
  /** The option's name when the editor opened; undefined for new options. */
  original?: string
  key: number
}

interface DraftGroup {
  key: number
  original?: string
  name: string
  multiple: boolean
  options: DraftOption[]
}

export interface TagGroupChange {
  tagGroups: TagGroup[]
  tagGroupRenames: { from: string; to: string }[]
  tagRenames: { group: string; from: string; to: string }[]
}

let nextKey = 1
const COLOURS = ['#2f7ed8', '#c4741f', '#2e9e5b', '#7a4fd0', '#b0407a', '#4a8a8a', '#a0522d', '#5b6ee1']

function toDraft(groups: TagGroup[]): DraftGroup[] {
  return groups.map((group) => ({
    key: nextKey++,
    original: group.name,
    name: group.name,
    multiple: group.multiple,
    options: group.options.map((option) => ({ ...option, original: option.name, key: nextKey++ }))
  }))
}

/** The draft of the tag groups, what it changes, and what that does to tagged documents. */
export function useTagGroupDraft(groups: TagGroup[]) {
  const [draft, setDraft] = useState<DraftGroup[]>(() => toDraft(groups))

  const change = (): TagGroupChange => ({
    tagGroups: draft.map((group) => ({
      name: group.name.trim(),
      multiple: group.multiple,
      options: group.options.map(({ original: _o, key: _k, hotkey, ...option }) => ({ ...option, name: option.name.trim(), ...(hotkey ? { hotkey } : {}) }))
    })),
    tagGroupRenames: draft.filter((g) => g.original && g.original !== g.name.trim()).map((g) => ({ from: g.original!, to: g.name.trim() })),
    tagRenames: draft.flatMap((g) =>
      g.original ? g.options.filter((o) => o.original && o.original !== o.name.trim()).map((o) => ({ group: g.original!, from: o.original!, to: o.name.trim() })) : []
    )
  })

  const consequences = (documents: DocumentSummary[]): string[] => {
    const uses = (group: string, option?: string) => documents.filter((doc) => (option === undefined ? doc.tags?.[group] : doc.tags?.[group]?.includes(option))).length
    const lines: string[] = []
    for (const group of groups) {
      const now = draft.find((g) => g.original === group.name)
      if (!now) {
        if (uses(group.name) > 0) lines.push(`Delete the “${group.name}” tags of ${uses(group.name)} document(s).`)
        continue
      }
      if (now.name.trim() !== group.name && uses(group.name) > 0) lines.push(`Rename the tag group “${group.name}” to “${now.name.trim()}” in ${uses(group.name)} document(s).`)
      for (const option of group.options) {
        const kept = now.options.find((o) => o.original === option.name)
        const n = uses(group.name, option.name)
        if (n === 0) continue
        if (!kept) lines.push(`Delete the tag “${group.name}: ${option.name}” of ${n} document(s).`)
        else if (kept.name.trim() !== option.name) lines.push(`Rename the tag “${group.name}: ${option.name}” to “${kept.name.trim()}” in ${n} document(s).`)
      }
    }
    return lines
  }

  return { draft, setDraft, change, consequences }
}

type Draft = ReturnType<typeof useTagGroupDraft>

export function TagGroupEditor({ draft: { draft, setDraft } }: { draft: Draft }) {
  const updateGroup = (key: number, change: Partial<DraftGroup>) => setDraft((list) => list.map((g) => (g.key === key ? { ...g, ...change } : g)))
  const updateOption = (group: DraftGroup, key: number, change: Partial<DraftOption>) =>
    updateGroup(group.key, { options: group.options.map((o) => (o.key === key ? { ...o, ...change } : o)) })
  return (
    <section className="tag-group-editor" aria-label="Document tags" data-testid="tag-group-editor">
      <h3>Document tags</h3>
      <ol>
        {draft.map((group) => (
          <li key={group.key} className="tag-group-row" data-testid="tag-group-row">
            <div className="label-fields">
              <input aria-label="Tag group name" value={group.name} onChange={(e) => updateGroup(group.key, { name: e.target.value })} />
              <label>
                <input type="checkbox" checked={group.multiple} onChange={(e) => updateGroup(group.key, { multiple: e.target.checked })} /> multiple choice
              </label>
              <button type="button" onClick={() => setDraft((list) => list.filter((g) => g.key !== group.key))} aria-label={`Delete tag group ${group.name}`}>
                Delete
              </button>
            </div>
            <ul className="tag-options">
              {group.options.map((option) => (
                <li key={option.key} className="label-fields">
                  <input aria-label={`Tag of ${group.name}`} value={option.name} onChange={(e) => updateOption(group, option.key, { name: e.target.value })} />
                  <input aria-label={`Colour of ${group.name}: ${option.name}`} type="color" value={option.color} onChange={(e) => updateOption(group, option.key, { color: e.target.value })} />
                  <input
                    aria-label={`Hotkey of ${group.name}: ${option.name}`}
                    className="hotkey"
                    maxLength={1}
                    value={option.hotkey ?? ''}
                    onChange={(e) => updateOption(group, option.key, { hotkey: e.target.value || undefined })}
                  />
                  <button
                    type="button"
                    onClick={() => updateGroup(group.key, { options: group.options.filter((o) => o.key !== option.key) })}
                    disabled={group.options.length === 1}
                    aria-label={`Delete tag ${group.name}: ${option.name}`}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="add-attribute"
              onClick={() => updateGroup(group.key, { options: [...group.options, { name: `tag${group.options.length + 1}`, color: COLOURS[group.options.length % COLOURS.length]!, key: nextKey++ }] })}
            >
              + tag
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          setDraft((list) => [...list, { key: nextKey++, name: `group${list.length + 1}`, multiple: false, options: [{ name: 'tag1', color: COLOURS[0]!, key: nextKey++ }] }])
        }
      >
        + tag group
      </button>
    </section>
  )
}
