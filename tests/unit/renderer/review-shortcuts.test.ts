// The Review view's letters (N, U, X…) and the project's label hotkeys share one keyboard: a label
// whose hotkey the review uses itself must still be reachable, and the sheet must say how.
import { describe, expect, it } from 'vitest'
import { buildReviewShortcuts, type ReviewShortcutActions } from '../../../src/renderer/src/commands/shortcuts'

function press(key: string, modifiers: Partial<KeyboardEvent> = {}): KeyboardEvent {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : /^\d$/.test(key) ? `Digit${key}` : key
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers } as KeyboardEvent
}

function reviewKeys(labels: { name: string; hotkey: string }[]) {
  const calls: string[] = []
  const record = (name: string) => () => calls.push(name)
  const actions = new Proxy({ labels, tagKeys: [], applyLabel: (label: string) => calls.push(`label:${label}`) } as unknown as ReviewShortcutActions, {
    get: (target, property: string) => (property in target ? target[property as keyof ReviewShortcutActions] : record(property))
  })
  const shortcuts = buildReviewShortcuts(actions)
  /** What a key press does: the first shortcut that owns it, as the view's key handler picks. */
  const run = (event: KeyboardEvent) => {
    shortcuts.find((s) => s.matches(event))?.run(event)
    return calls.splice(0)
  }
  return { shortcuts, run }
}

describe('label hotkeys in the Review view', () => {
  const labels = [
    { name: 'actor', hotkey: '1' },
    { name: 'number', hotkey: 'n' },
    { name: 'quote', hotkey: 'q' }
  ]

  it('keeps a plain hotkey for labels the review does not use', () => {
    const { run, shortcuts } = reviewKeys(labels)
    expect(run(press('1'))).toEqual(['label:actor'])
    expect(run(press('q'))).toEqual(['label:quote'])
    expect(shortcuts.find((s) => s.id === 'label:quote')?.keys).toBe('q')
  })

  it('gives a clashing label Alt+its key, and N stays the next conflict', () => {
    const { run, shortcuts } = reviewKeys(labels)
    expect(run(press('n'))).toEqual(['nextConflict'])
    // Alt changes the character typed on some layouts: the key's position decides
    expect(run(press('ñ', { altKey: true, code: 'KeyN' } as Partial<KeyboardEvent>))).toEqual(['label:number'])
    const sheet = shortcuts.find((s) => s.id === 'label:number')!
    expect(sheet.keys).toBe('Alt+N')
    expect(sheet.title).toContain('this view uses N itself')
  })

  it('gives every shortcut its own key press', () => {
    const { shortcuts } = reviewKeys(labels)
    const keys = shortcuts.map((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('tag hotkeys in the Review view', () => {
  it('toggle the gold tag, and never take a review letter (the label set refuses those)', () => {
    const calls: string[] = []
    const actions = new Proxy(
      { labels: [{ name: 'actor', hotkey: '1' }], tagKeys: [{ group: 'topic', option: 'ceasefire', hotkey: 'q' }], toggleTag: (group: string, option: string) => calls.push(`${group}:${option}`) } as unknown as ReviewShortcutActions,
      { get: (target, property: string) => (property in target ? target[property as keyof ReviewShortcutActions] : () => calls.push(property)) }
    )
    const shortcuts = buildReviewShortcuts(actions)
    shortcuts.find((s) => s.matches(press('q')))?.run(press('q'))
    shortcuts.find((s) => s.matches(press('n')))?.run(press('n'))
    expect(calls).toEqual(['topic:ceasefire', 'nextConflict'])
    expect(shortcuts.find((s) => s.id === 'tag:topic:ceasefire')?.keys).toBe('q')
  })
})
