// The label set editor: add, rename, recolour, reorder labels, change hotkeys and attributes.
// Renaming or deleting a label that spans use asks first; the backend then updates or removes
// those spans, and the change can be undone from the message that follows.
import { useEffect, useRef, useState } from 'react'
import type { Attribute, DocumentSummary, Label, TagGroup } from '../../../shared/model'
import { lowContrastThemes } from '../../../shared/contrast'
import { TagGroupEditor, useTagGroupDraft, type TagGroupChange } from './TagGroupEditor'

interface DraftLabel extends Label {
  /** The name the label had when the editor opened; undefined for new labels. */
  original?: string
  key: number
}

export interface LabelSetChange extends TagGroupChange {
  labels: Label[]
  renames: { from: string; to: string }[]
  deletions: string[]
  /** The label set the editor opened on (its version, its names): what the change was made from. */
  baseVersion: string
  seen: string[]
  /** Names of the tag groups the editor opened on. */
  seenTagGroups: string[]
}

interface Props {
  labels: Label[]
  tagGroups: TagGroup[]
  labelsVersion: string
  documents: DocumentSummary[]
  onApply(change: LabelSetChange): Promise<void>
  onClose(): void
}

let nextKey = 1

function AttributeRow({ attribute, onChange, onRemove }: { attribute: Attribute; onChange(a: Attribute): void; onRemove(): void }) {
  return (
    <li className="attribute-row">
      <input aria-label="Attribute name" value={attribute.name} onChange={(e) => onChange({ ...attribute, name: e.target.value } as Attribute)} />
      <select
        aria-label="Attribute type"
        value={attribute.type}
        onChange={(e) => {
          const type = e.target.value as Attribute['type']
          onChange(type === 'enum' ? { name: attribute.name, type, options: ['yes', 'no'] } : { name: attribute.name, type })
        }}
      >
        <option value="enum">list</option>
        <option value="text">text</option>
        <option value="number">number</option>
      </select>
      {attribute.type === 'enum' && (
        <input
          aria-label="Options, separated by commas"
          value={attribute.options.join(', ')}
          onChange={(e) => onChange({ ...attribute, options: e.target.value.split(',').map((o) => o.trim()).filter(Boolean) })}
        />
      )}
      <button type="button" onClick={onRemove} aria-label={`Remove attribute ${attribute.name}`}>
        ×
      </button>
    </li>
  )
}

export function LabelEditor({ labels: current, tagGroups, labelsVersion, documents, onApply, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  // the set as it was when the editor opened: the set may change meanwhile (another tab, an
  // import), and a label this editor never showed is not one the user deleted
  const [{ labels, version, groups }] = useState(() => ({ labels: current, version: labelsVersion, groups: tagGroups }))
  const tagDraft = useTagGroupDraft(groups)
  const [draft, setDraft] = useState<DraftLabel[]>(() => labels.map((label) => ({ ...label, original: label.name, key: nextKey++ })))
  const [confirming, setConfirming] = useState<string[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => dialog.current?.showModal(), [])

  const update = (key: number, change: Partial<DraftLabel>) => setDraft((list) => list.map((l) => (l.key === key ? { ...l, ...change } : l)))
  const move = (index: number, step: number) =>
    setDraft((list) => {
      const next = [...list]
      const [item] = next.splice(index, 1)
      next.splice(Math.max(0, Math.min(next.length, index + step)), 0, item!)
      return next
    })

  const change = (): LabelSetChange => ({
    labels: draft.map(({ original: _o, key: _k, ...label }) => ({ ...label, name: label.name.trim() })),
    renames: draft.filter((l) => l.original && l.original !== l.name.trim()).map((l) => ({ from: l.original!, to: l.name.trim() })),
    deletions: labels.map((l) => l.name).filter((name) => !draft.some((l) => l.original === name)),
    baseVersion: version,
    seen: labels.map((l) => l.name),
    ...tagDraft.change(),
    seenTagGroups: groups.map((g) => g.name)
  })

  const consequences = (c: LabelSetChange): string[] => {
    const uses = (name: string) => documents.filter((doc) => doc.labels.includes(name)).length
    return [
      ...c.renames.filter((r) => uses(r.from) > 0).map((r) => `Rename “${r.from}” to “${r.to}” in the spans of ${uses(r.from)} document(s).`),
      ...c.deletions.filter((name) => uses(name) > 0).map((name) => `Delete the “${name}” spans (and their relations) in ${uses(name)} document(s).`),
      ...tagDraft.consequences(documents)
    ]
  }

  const apply = (c: LabelSetChange) =>
    onApply(c).then(onClose, (e: Error) => {
      setConfirming(null)
      setError(e.message)
    })

  return (
    <dialog ref={dialog} className="label-editor" aria-label="Edit labels" onClose={onClose} data-testid="label-editor">
      <h2>Labels</h2>
      <ol>
        {draft.map((label, index) => {
          const weak = lowContrastThemes(label.color)
          return (
            <li key={label.key} className="label-row" data-testid="label-row">
              <div className="label-fields">
                <input aria-label="Label name" value={label.name} onChange={(e) => update(label.key, { name: e.target.value })} />
                <input aria-label={`Colour of ${label.name}`} type="color" value={label.color} onChange={(e) => update(label.key, { color: e.target.value })} />
                <input aria-label={`Hotkey of ${label.name}`} className="hotkey" maxLength={1} value={label.hotkey} onChange={(e) => update(label.key, { hotkey: e.target.value })} />
                <button type="button" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move ${label.name} up`}>
                  ↑
                </button>
                <button type="button" onClick={() => move(index, 1)} disabled={index === draft.length - 1} aria-label={`Move ${label.name} down`}>
                  ↓
                </button>
                <button type="button" onClick={() => setDraft((list) => list.filter((l) => l.key !== label.key))} aria-label={`Delete label ${label.name}`}>
                  Delete
                </button>
              </div>
              {weak.length > 0 && <p className="warning">Low contrast in the {weak.join(' and ')} theme: pick a {weak.includes('dark') ? 'lighter' : 'darker'} colour.</p>}
              <ul className="attributes">
                {label.attributes.map((attribute, i) => (
                  <AttributeRow
                    key={i}
                    attribute={attribute}
                    onChange={(a) => update(label.key, { attributes: label.attributes.map((x, j) => (j === i ? a : x)) })}
                    onRemove={() => update(label.key, { attributes: label.attributes.filter((_, j) => j !== i) })}
                  />
                ))}
              </ul>
              <button type="button" className="add-attribute" onClick={() => update(label.key, { attributes: [...label.attributes, { name: `attribute${label.attributes.length + 1}`, type: 'text' }] })}>
                + attribute
              </button>
            </li>
          )
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          setDraft((list) => {
            const used = new Set([...list.map((l) => l.hotkey), ...tagDraft.draft.flatMap((g) => g.options.map((o) => o.hotkey))])
            const hotkey = [...'123456789qwtyuiopasdfghjklzxcvbnm'].find((k) => !used.has(k)) ?? '0'
            return [...list, { name: `label${list.length + 1}`, color: '#8e5bd6', hotkey, attributes: [], key: nextKey++ }]
          })
        }
      >
        + label
      </button>
      <TagGroupEditor draft={tagDraft} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label="Confirm label changes">
          <ul>
            {confirming.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void apply(change())} data-testid="confirm-labels">
            Apply
          </button>
          <button type="button" onClick={() => setConfirming(null)}>
            Back
          </button>
        </div>
      ) : (
        <div className="dialog-actions">
          <button
            type="button"
            data-testid="save-labels"
            onClick={() => {
              setError(null)
              const c = change()
              const lines = consequences(c)
              if (lines.length > 0) setConfirming(lines)
              else void apply(c)
            }}
          >
            Save labels
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
    </dialog>
  )
}
