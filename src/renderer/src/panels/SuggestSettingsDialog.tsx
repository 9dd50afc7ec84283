// Where suggestions come from: the project's patterns (with a test box showing what they match),
// which label each of the model's types suggests, and the dictionaries (imported from plain
// lists or CSV). Saved with the version read, so a change made elsewhere meanwhile is a conflict.
import { useEffect, useMemo, useRef, useState } from 'react'
import type { SuggestSettingsInfo } from '../../../shared/api/contract'
import type { Label } from '../../../shared/model'
import { matchPatterns } from '../../../shared/suggest/patterns'
import { MODEL_TYPES, type ModelType, type SuggestPattern } from '../../../shared/suggest/types'
import { invoke, isConflict } from '../api/client'
import { fileToUpload } from '../api/uploads'

const MODEL_TYPE_TEXT: Record<ModelType, string> = {
  person: 'People',
  organization: 'Organisations',
  place: 'Places',
  value: 'Numbers',
  money: 'Money',
  percent: 'Percentages'
}

const SAMPLE = 'Hamas holds 48 hostages; 41,200 Palestinians were killed and one million people fled, Prime Minister Benjamin Netanyahu said.'

interface Props {
  labels: Label[]
  onSaved(): void
  onClose(): void
}

export function SuggestSettingsDialog({ labels, onSaved, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [info, setInfo] = useState<SuggestSettingsInfo | null>(null)
  const [patterns, setPatterns] = useState<SuggestPattern[]>([])
  const [mapping, setMapping] = useState<Partial<Record<ModelType, string | null>>>({})
  const [sample, setSample] = useState(SAMPLE)
  const [dictionaryLabel, setDictionaryLabel] = useState(labels[0]?.name ?? '')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)

  const load = () =>
    invoke('suggest.settings', {}).then((read) => {
      setInfo(read)
      setPatterns(read.settings.patterns)
      setMapping(read.settings.modelMapping)
    })

  useEffect(() => {
    dialog.current?.showModal()
    load().catch((error: Error) => setMessage({ text: error.message, error: true }))
  }, [])

  const test = useMemo(() => matchPatterns(sample, patterns), [sample, patterns])

  const save = async () => {
    if (!info) return
    try {
      const saved = await invoke('suggest.saveSettings', { baseVersion: info.version, settings: { version: 1, patterns, modelMapping: mapping } })
      setInfo(saved)
      setMessage({ text: 'Suggestion settings saved.', error: false })
      onSaved()
    } catch (error) {
      const text = isConflict(error) ? `${(error as Error).message} (the settings on disk are shown now; make your change again)` : (error as Error).message
      if (isConflict(error)) await load()
      setMessage({ text, error: true })
    }
  }

  const importDictionary = async (files: File[]) => {
    try {
      const uploads = await Promise.all(files.map((file) => fileToUpload(file)))
      const result = await invoke('suggest.importDictionary', { files: uploads, label: dictionaryLabel })
      setInfo((current) => (current ? { ...current, dictionaries: result.dictionaries } : current))
      setMessage({ text: `Imported ${Object.entries(result.added).map(([label, n]) => `${n} ${label}`).join(', ') || 'nothing new'}.`, error: false })
      onSaved()
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true })
    }
  }

  const setPattern = (index: number, change: Partial<SuggestPattern>) => setPatterns((list) => list.map((p, i) => (i === index ? { ...p, ...change } : p)))
  const labelOptions = labels.map((label) => (
    <option key={label.name} value={label.name}>
      {label.name}
    </option>
  ))

  return (
    <dialog ref={dialog} className="suggest-settings" aria-label="Suggestion settings" onClose={onClose} data-testid="suggest-settings">
      <h2>Suggestions</h2>
      <section aria-label="Patterns">
        <h3>Patterns</h3>
        <p className="hint">
          Token patterns: words and slots, e.g. <code>{'{number}+ hostages|people'}</code> (slots: <code>{'{number}'}</code>, <code>{'{word}'}</code>, <code>{'{Cap}'}</code>; <code>?</code> optional, <code>+</code> repeated). Or a regular expression. Matches count at word boundaries only.
        </p>
        <ol className="pattern-list">
          {patterns.map((pattern, index) => {
            const error = test.errors.find((e) => e.pattern === index)
            return (
              <li key={index} className="pattern-row" data-testid="pattern-row">
                <select aria-label={`Label of pattern ${index + 1}`} value={pattern.label} onChange={(e) => setPattern(index, { label: e.target.value })}>
                  {labelOptions}
                </select>
                <select aria-label={`Kind of pattern ${index + 1}`} value={pattern.kind} onChange={(e) => setPattern(index, { kind: e.target.value as SuggestPattern['kind'] })}>
                  <option value="tokens">tokens</option>
                  <option value="regex">regular expression</option>
                </select>
                <input aria-label={`Pattern ${index + 1}`} value={pattern.pattern} spellCheck={false} onChange={(e) => setPattern(index, { pattern: e.target.value })} aria-invalid={error ? true : undefined} />
                <button type="button" onClick={() => setPatterns((list) => list.filter((_, i) => i !== index))} aria-label={`Remove pattern ${index + 1}`}>
                  Remove
                </button>
                {error && (
                  <p className="error" role="alert">
                    {error.message}
                  </p>
                )}
              </li>
            )
          })}
        </ol>
        <button type="button" onClick={() => setPatterns((list) => [...list, { label: labels[0]?.name ?? '', kind: 'tokens', pattern: '' }])}>
          Add a pattern
        </button>
        <label className="pattern-test">
          Test text
          <textarea value={sample} onChange={(e) => setSample(e.target.value)} rows={3} data-testid="pattern-test-text" />
        </label>
        <ul className="pattern-matches" aria-label="What the patterns match" data-testid="pattern-matches">
          {test.matches.length === 0 && <li className="empty">No match in the test text.</li>}
          {test.matches.map((match) => (
            <li key={`${match.pattern}:${match.start}`}>
              <mark>{sample.slice(match.start, match.end)}</mark> → {match.label} <span className="hint">(pattern {match.pattern + 1})</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-label="Model">
        <h3>Offline model</h3>
        <p className="hint">What the English model finds in each document, suggested with the label chosen here.</p>
        <table className="model-mapping">
          <tbody>
            {MODEL_TYPES.map((type) => (
              <tr key={type}>
                <th scope="row">{MODEL_TYPE_TEXT[type]}</th>
                <td>
                  <select aria-label={`Label for ${MODEL_TYPE_TEXT[type]}`} value={mapping[type] ?? ''} onChange={(e) => setMapping((m) => ({ ...m, [type]: e.target.value || null }))}>
                    <option value="">(not suggested)</option>
                    {labelOptions}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-label="Dictionaries">
        <h3>Dictionaries</h3>
        <p className="hint">A list of names per label: a text file with one entry a line (for the label chosen here), or a CSV file of text,label rows.</p>
        <ul data-testid="dictionaries">
          {(info?.dictionaries ?? []).map((d) => (
            <li key={d.label}>
              {d.label}: {d.entries} entries
            </li>
          ))}
          {info?.dictionaries.length === 0 && <li className="empty">No dictionary yet.</li>}
        </ul>
        <select aria-label="Label of a plain list" value={dictionaryLabel} onChange={(e) => setDictionaryLabel(e.target.value)}>
          {labelOptions}
        </select>{' '}
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import a list…
        </button>
        <input
          ref={fileInput}
          type="file"
          hidden
          multiple
          accept=".txt,.csv"
          data-testid="dictionary-input"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            if (files.length) void importDictionary(files)
          }}
        />
      </section>

      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => void save()} disabled={!info || test.errors.length > 0}>
          Save patterns and model labels
        </button>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  )
}
