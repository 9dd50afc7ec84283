// Every keyboard command in one list: the key handler, the buttons' hints and the shortcut
// sheet all read it, so a binding is declared once.
export interface Shortcut {
  id: string
  title: string
  /** How the key is shown to people, e.g. "Ctrl+Z". */
  keys: string
  matches(event: KeyboardEvent): boolean
  run(event: KeyboardEvent): void
  /** Taken before any other use of the key (a field, a dialog, the view's own keys): the view listens in the capture phase. */
  first?: boolean
}

const ctrl = (event: KeyboardEvent) => event.ctrlKey || event.metaKey

/** A document tag with a hotkey, as the editor and the review bind it. */
export interface TagKey {
  group: string
  option: string
  hotkey: string
}

/** The tag options that have a hotkey. */
export function tagKeysOf(groups: { name: string; options: { name: string; hotkey?: string | undefined }[] }[]): TagKey[] {
  return groups.flatMap((group) => group.options.flatMap((option) => (option.hotkey ? [{ group: group.name, option: option.name, hotkey: option.hotkey }] : [])))
}

export interface ShortcutActions {
  labels: { name: string; hotkey: string }[]
  applyLabel(label: string): void
  /** Tag options with a hotkey: the key toggles the tag on the open document. */
  tagKeys: TagKey[]
  toggleTag(group: string, option: string): void
  deleteSelected(): void
  undo(): void
  redo(): void
  nextDocument(): void
  previousDocument(): void
  toggleDone(): void
  nextSpan(backwards: boolean): void
  clearSelection(): void
  /** Moves one edge of the selected span by a word, outwards (grow) or inwards. */
  adjustSpan(edge: 'start' | 'end', grow: boolean): void
  /** Relation mode: link the selected span to the next one chosen. */
  startLink(): void
  /** Links the relation's source to the span of the focused span-list row, else to the selected span. */
  confirmLink(event: KeyboardEvent): void
  openFind(): void
  /** Moves focus to the selected span's attribute fields. */
  editDetails(): void
  showShortcuts(): void
  showStatistics(): void
  toggleRelations(): void
  cycleLabelTags(): void
  /** +1 / −1 a step, 0 back to the initial size. */
  changeTextSize(step: 1 | -1 | 0): void
  togglePanel(side: 'left' | 'right'): void
  /** Renames the open document, or the one of the focused row of the document list. */
  renameDocument(event: KeyboardEvent): void
  /** Shares this annotator's work with the team and brings theirs (git). */
  sync(): void
  /** Suggested spans: walking, accepting and rejecting them (absent: no suggestion keys). */
  suggestions?: SuggestionActions
  /** Whether an import is running: then Escape cancels it. */
  importing: boolean
  cancelImport(): void
}

export interface SuggestionActions {
  nextSuggestion(backwards: boolean): void
  acceptSuggestion(): void
  rejectSuggestion(): void
  /** Accepts every suggestion with the selected suggestion's label. */
  acceptLabel(): void
  acceptAll(): void
  /** Labels every other occurrence of the selected span's text in the document (one undo step). */
  labelAllOccurrences(): void
  openSettings(): void
}

/** The suggestion keys: Alt with arrows and Enter/Delete, so no label hotkey is ever shadowed. */
export function suggestionShortcuts(actions: SuggestionActions): Shortcut[] {
  const alt = (e: KeyboardEvent) => e.altKey && !ctrl(e)
  return [
    { id: 'next-suggestion', title: 'Select the next suggestion', keys: 'Alt+↓', matches: (e) => alt(e) && !e.shiftKey && e.key === 'ArrowDown', run: () => actions.nextSuggestion(false) },
    { id: 'previous-suggestion', title: 'Select the previous suggestion', keys: 'Alt+↑', matches: (e) => alt(e) && !e.shiftKey && e.key === 'ArrowUp', run: () => actions.nextSuggestion(true) },
    { id: 'accept-suggestion', title: 'Accept the selected suggestion (it becomes a span), then select the next', keys: 'Alt+Enter', matches: (e) => alt(e) && !e.shiftKey && e.key === 'Enter', run: actions.acceptSuggestion },
    { id: 'reject-suggestion', title: 'Reject the selected suggestion (it never comes back in this document)', keys: 'Alt+Delete', matches: (e) => alt(e) && !e.shiftKey && (e.key === 'Delete' || e.key === 'Backspace'), run: actions.rejectSuggestion },
    { id: 'accept-label-suggestions', title: "Accept every suggestion of the selected suggestion's label", keys: 'Alt+Shift+Enter', matches: (e) => alt(e) && e.shiftKey && e.key === 'Enter', run: actions.acceptLabel },
    { id: 'accept-all-suggestions', title: 'Accept every suggestion in the document', keys: 'Ctrl+Alt+Enter', matches: (e) => ctrl(e) && e.altKey && e.key === 'Enter', run: actions.acceptAll },
    { id: 'label-all-occurrences', title: "Label all occurrences of the selected span's text in the document", keys: 'Alt+O', matches: (e) => alt(e) && !e.shiftKey && e.code === 'KeyO', run: actions.labelAllOccurrences },
    { id: 'suggestion-settings', title: 'Suggestion settings: patterns, dictionaries, the model’s labels…', keys: 'Ctrl+Shift+K', matches: (e) => ctrl(e) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k', run: actions.openSettings }
  ]
}

/** Keys the text view handles itself (caret and keyboard selection), listed on the sheet. */
export const TEXT_NAVIGATION: { keys: string; title: string }[] = [
  { keys: '← → ↑ ↓ Home End', title: 'Move the caret in the text (Ctrl+← →: by word)' },
  { keys: 'Shift+arrows', title: 'Select text from the caret (then press a label key)' },
  { keys: '↑ ↓ Page Up/Down Home End', title: 'In the document or span list: move between rows (Enter opens or selects)' }
]

/** Keys of the find bar (its input keeps plain keys for typing the query), listed on the sheet. */
export const FIND_BAR_KEYS: { keys: string; title: string }[] = [
  { keys: 'Enter / Shift+Enter', title: 'In the find bar: next / previous match' },
  { keys: 'Alt+label key', title: 'In the find bar: label the current match (snapped as usual)' },
  { keys: 'Alt+Shift+label key', title: 'In the find bar: label every match in the document (one undo step)' }
]

/** In the find bar: which label Alt(+Shift)+key asks for, by the key's position (Alt changes the character typed). */
export function findBarLabelKey(event: KeyboardEvent, labels: { name: string; hotkey: string }[]): { label: string; all: boolean } | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null
  const key = /^Digit(\d)$/.exec(event.code)?.[1] ?? /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase()
  const label = key && labels.find((l) => l.hotkey.toLowerCase() === key)
  return label ? { label: label.name, all: event.shiftKey } : null
}

/** Keys both the editor and the review share: labels, history, resizing, moving, help. */
interface SharedActions {
  labels: { name: string; hotkey: string }[]
  applyLabel(label: string): void
  undo(): void
  redo(): void
  nextDocument(): void
  previousDocument(): void
  toggleDone(): void
  clearSelection(): void
  adjustSpan(edge: 'start' | 'end', grow: boolean): void
  showShortcuts(): void
}

/** A bare key press, as if `key` were typed with no modifier: asks whether a command owns the key. */
function bareKey(key: string): KeyboardEvent {
  return { key, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false } as KeyboardEvent
}

/**
 * One shortcut per label. A view whose own commands use plain letters (the review's N, U, X…)
 * passes them as `owned`: a label whose hotkey is one of them is reached with Alt+its key there
 * (read from the key's position, as Alt changes the character typed), and the sheet says so.
 */
function labelShortcuts(actions: SharedActions, title: (label: string) => string, owned: Shortcut[] = []): Shortcut[] {
  return actions.labels.map<Shortcut>((label) => {
    const hotkey = label.hotkey.toLowerCase()
    const runLabel = () => actions.applyLabel(label.name)
    if (!owned.some((shortcut) => shortcut.matches(bareKey(hotkey)))) {
      return { id: `label:${label.name}`, title: title(label.name), keys: label.hotkey, matches: (e) => !ctrl(e) && !e.altKey && e.key.toLowerCase() === hotkey, run: runLabel }
    }
    return {
      id: `label:${label.name}`,
      title: `${title(label.name)} (Alt: this view uses ${label.hotkey.toUpperCase()} itself)`,
      keys: `Alt+${label.hotkey.toUpperCase()}`,
      matches: (e) => e.altKey && !ctrl(e) && !e.shiftKey && (e.code === `Key${hotkey.toUpperCase()}` || e.key.toLowerCase() === hotkey),
      run: runLabel
    }
  })
}

/** One shortcut per tag option with a hotkey (the label set editor keeps them apart from label and workbench keys). */
export function tagShortcuts(tagKeys: TagKey[], run: (group: string, option: string) => void, title: (tag: TagKey) => string): Shortcut[] {
  return tagKeys.map<Shortcut>((tag) => ({
    id: `tag:${tag.group}:${tag.option}`,
    title: title(tag),
    keys: tag.hotkey,
    matches: (e) => !ctrl(e) && !e.altKey && e.key.toLowerCase() === tag.hotkey.toLowerCase(),
    run: () => run(tag.group, tag.option)
  }))
}

function historyShortcuts(actions: SharedActions): Shortcut[] {
  return [
    { id: 'undo', title: 'Undo', keys: 'Ctrl+Z', matches: (e) => ctrl(e) && !e.shiftKey && e.key.toLowerCase() === 'z', run: actions.undo },
    {
      id: 'redo',
      title: 'Redo',
      keys: 'Ctrl+Shift+Z',
      matches: (e) => ctrl(e) && ((e.shiftKey && e.key.toLowerCase() === 'z') || e.key.toLowerCase() === 'y'),
      run: actions.redo
    }
  ]
}

function resizeShortcuts(actions: SharedActions, what: string): Shortcut[] {
  return [
    { id: 'grow-end', title: `${what}: extend its end by a word`, keys: 'Alt+→', matches: (e) => e.altKey && !e.shiftKey && e.key === 'ArrowRight', run: () => actions.adjustSpan('end', true) },
    { id: 'shrink-end', title: `${what}: pull its end back by a word`, keys: 'Alt+←', matches: (e) => e.altKey && !e.shiftKey && e.key === 'ArrowLeft', run: () => actions.adjustSpan('end', false) },
    { id: 'grow-start', title: `${what}: extend its start by a word`, keys: 'Alt+Shift+←', matches: (e) => e.altKey && e.shiftKey && e.key === 'ArrowLeft', run: () => actions.adjustSpan('start', true) },
    { id: 'shrink-start', title: `${what}: move its start on by a word`, keys: 'Alt+Shift+→', matches: (e) => e.altKey && e.shiftKey && e.key === 'ArrowRight', run: () => actions.adjustSpan('start', false) }
  ]
}

function documentShortcuts(actions: SharedActions, doneTitle: string): Shortcut[] {
  return [
    { id: 'next-document', title: 'Next document', keys: ']', matches: (e) => e.key === ']' && !ctrl(e), run: actions.nextDocument },
    { id: 'previous-document', title: 'Previous document', keys: '[', matches: (e) => e.key === '[' && !ctrl(e), run: actions.previousDocument },
    { id: 'toggle-done', title: doneTitle, keys: 'Ctrl+Enter', matches: (e) => ctrl(e) && e.key === 'Enter', run: actions.toggleDone },
    { id: 'clear', title: 'Clear the selection', keys: 'Escape', matches: (e) => e.key === 'Escape', run: actions.clearSelection },
    { id: 'shortcuts', title: 'Show keyboard shortcuts', keys: '?', matches: (e) => e.key === '?', run: actions.showShortcuts }
  ]
}

/** Escape while an import runs: it stops and undoes itself, the project stays as it was. */
function importShortcuts(actions: ShortcutActions): Shortcut[] {
  return [
    {
      id: 'cancel-import',
      title: 'While importing: cancel the import (the project stays as it was)',
      keys: 'Escape',
      matches: (e) => actions.importing && e.key === 'Escape' && !ctrl(e) && !e.altKey && !e.shiftKey,
      run: actions.cancelImport,
      first: true
    }
  ]
}

export function buildShortcuts(actions: ShortcutActions): Shortcut[] {
  return [
    // before Escape's other use (clearing the selection)
    ...importShortcuts(actions),
    ...labelShortcuts(actions, (name) => `Label the selection (or relabel the selected span) as ${name}`),
    // before Delete and Ctrl+Enter, which would otherwise take Alt+Delete and Ctrl+Alt+Enter
    ...(actions.suggestions ? suggestionShortcuts(actions.suggestions) : []),
    ...tagShortcuts(actions.tagKeys, actions.toggleTag, (tag) => `Tag the document ${tag.group}: ${tag.option} (or untag it)`),
    {
      id: 'delete',
      title: 'Delete the selected span',
      keys: 'Delete',
      matches: (e) => e.key === 'Delete' || e.key === 'Backspace',
      run: actions.deleteSelected
    },
    ...historyShortcuts(actions),
    { id: 'next-span', title: 'Select the next span', keys: 'Tab', matches: (e) => e.key === 'Tab' && !e.shiftKey && !ctrl(e), run: () => actions.nextSpan(false) },
    { id: 'previous-span', title: 'Select the previous span', keys: 'Shift+Tab', matches: (e) => e.key === 'Tab' && e.shiftKey && !ctrl(e), run: () => actions.nextSpan(true) },
    ...resizeShortcuts(actions, 'Selected span'),
    { id: 'link', title: 'Link the selected span to another (relation mode)', keys: 'R', matches: (e) => !ctrl(e) && !e.altKey && e.key.toLowerCase() === 'r', run: actions.startLink },
    { id: 'confirm-link', title: 'Relation mode: link to the selected span (or the focused row of the span list)', keys: 'Enter', matches: (e) => !ctrl(e) && !e.altKey && !e.shiftKey && e.key === 'Enter', run: actions.confirmLink },
    { id: 'edit-details', title: 'Edit the selected span\'s attributes and note', keys: 'E', matches: (e) => !ctrl(e) && !e.altKey && e.key.toLowerCase() === 'e', run: actions.editDetails },
    { id: 'find', title: 'Find in the document', keys: 'Ctrl+F', matches: (e) => ctrl(e) && e.key.toLowerCase() === 'f', run: actions.openFind },
    { id: 'toggle-relations', title: 'Show or hide relation arrows', keys: 'Ctrl+Shift+H', matches: (e) => ctrl(e) && e.shiftKey && e.key.toLowerCase() === 'h', run: actions.toggleRelations },
    { id: 'cycle-label-tags', title: 'Label tags: on nested spans, on every span, or off', keys: 'Ctrl+Shift+L', matches: (e) => ctrl(e) && e.shiftKey && e.key.toLowerCase() === 'l', run: actions.cycleLabelTags },
    { id: 'text-larger', title: 'Larger text', keys: 'Ctrl+=', matches: (e) => ctrl(e) && !e.altKey && (e.key === '=' || e.key === '+'), run: () => actions.changeTextSize(1) },
    { id: 'text-smaller', title: 'Smaller text', keys: 'Ctrl+−', matches: (e) => ctrl(e) && !e.altKey && (e.key === '-' || e.key === '_'), run: () => actions.changeTextSize(-1) },
    { id: 'text-reset', title: 'Text back to its usual size', keys: 'Ctrl+0', matches: (e) => ctrl(e) && !e.altKey && e.key === '0', run: () => actions.changeTextSize(0) },
    { id: 'toggle-left-panel', title: 'Hide or show the documents panel', keys: 'Ctrl+B', matches: (e) => ctrl(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'b', run: () => actions.togglePanel('left') },
    { id: 'toggle-right-panel', title: 'Hide or show the span details panel', keys: 'Ctrl+Alt+B', matches: (e) => ctrl(e) && e.altKey && !e.shiftKey && e.code === 'KeyB', run: () => actions.togglePanel('right') },
    { id: 'statistics', title: 'Show the project\'s statistics', keys: 'Ctrl+Shift+S', matches: (e) => ctrl(e) && e.shiftKey && e.key.toLowerCase() === 's', run: actions.showStatistics },
    { id: 'rename-document', title: 'Rename the document (in the document list: the focused one)', keys: 'F2', matches: (e) => e.key === 'F2' && !ctrl(e) && !e.altKey && !e.shiftKey, run: actions.renameDocument },
    { id: 'sync', title: 'Sync with your team (commit your work, pull theirs, push)', keys: 'Ctrl+Shift+P', matches: (e) => ctrl(e) && e.shiftKey && e.key.toLowerCase() === 'p', run: actions.sync },
    ...documentShortcuts(actions, 'Mark the document done (or not done)')
  ]
}

export interface ReviewShortcutActions extends SharedActions {
  /** Walks the units that still need a decision (in the current focus). */
  nextConflict(backwards: boolean): void
  /** Walks every unit, decided or not. */
  nextUnit(backwards: boolean): void
  /** Takes annotator k's version of the selected unit (1-based, in the order shown). */
  takeVersion(k: number): void
  takeUnion(): void
  takeIntersection(): void
  rejectUnit(): void
  /** Forgets the selected unit's decision: it is open again. */
  undecide(): void
  /** Takes the selected unit's relations the annotators agree on whose both ends are in gold. */
  takeRelations(): void
  editDetails(): void
  toggleLanes(): void
  toggleAnonymous(): void
  openMerge(): void
  openFeedback(): void
  /** Tag options with a hotkey: the key toggles the gold tag. */
  tagKeys: TagKey[]
  toggleTag(group: string, option: string): void
}

/** Shift+digit, read from the key's position: Shift+1 types "!" (or another sign) on most layouts. */
function shiftedDigit(event: KeyboardEvent): number | null {
  if (!event.shiftKey || ctrl(event) || event.altKey) return null
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1]
  return digit ? Number(digit) : null
}

/** The review's keys: the editor's own keys for labels, resizing and history, plus decisions. */
export function buildReviewShortcuts(actions: ReviewShortcutActions): Shortcut[] {
  const plain = (key: string) => (e: KeyboardEvent) => !ctrl(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === key
  const decisions: Shortcut[] = [
    { id: 'next-conflict', title: 'Next open conflict', keys: 'N', matches: plain('n'), run: () => actions.nextConflict(false) },
    { id: 'previous-conflict', title: 'Previous open conflict', keys: 'Shift+N', matches: (e) => e.shiftKey && !ctrl(e) && !e.altKey && e.key.toLowerCase() === 'n', run: () => actions.nextConflict(true) },
    { id: 'next-unit', title: 'Select the next unit (decided or not)', keys: 'Tab', matches: (e) => e.key === 'Tab' && !e.shiftKey && !ctrl(e), run: () => actions.nextUnit(false) },
    { id: 'previous-unit', title: 'Select the previous unit', keys: 'Shift+Tab', matches: (e) => e.key === 'Tab' && e.shiftKey && !ctrl(e), run: () => actions.nextUnit(true) },
    {
      id: 'take-version',
      title: "Take annotator k's version of the unit (its bounds, label, attributes and note)",
      keys: 'Shift+1 … Shift+9',
      matches: (e) => shiftedDigit(e) !== null,
      run: (e) => actions.takeVersion(shiftedDigit(e)!)
    },
    { id: 'take-union', title: 'Gold span over the union of the versions\' bounds', keys: 'U', matches: plain('u'), run: actions.takeUnion },
    { id: 'take-intersection', title: 'Gold span over the intersection of the versions\' bounds', keys: 'I', matches: plain('i'), run: actions.takeIntersection },
    { id: 'reject-unit', title: 'Reject the whole unit (resolved with nothing in gold)', keys: 'X', matches: plain('x'), run: actions.rejectUnit },
    { id: 'undecide', title: "Forget the unit's decision (open again)", keys: 'Delete', matches: (e) => (e.key === 'Delete' || e.key === 'Backspace') && !ctrl(e), run: actions.undecide },
    { id: 'take-relations', title: "Take the unit's relations that no one drew differently (both ends must be in gold)", keys: 'T', matches: plain('t'), run: actions.takeRelations },
    { id: 'edit-details', title: "Edit the gold span's attributes and note", keys: 'E', matches: plain('e'), run: actions.editDetails },
    { id: 'toggle-lanes', title: 'Show or hide the lanes (one per annotator, plus gold)', keys: 'L', matches: plain('l'), run: actions.toggleLanes },
    { id: 'toggle-anonymous', title: 'Hide or show annotator names (anonymous review)', keys: 'H', matches: plain('h'), run: actions.toggleAnonymous },
    { id: 'open-merge', title: 'Auto-merge this document or the project…', keys: 'M', matches: plain('m'), run: actions.openMerge },
    { id: 'open-feedback', title: 'My labels vs gold…', keys: 'G', matches: plain('g'), run: actions.openFeedback }
  ]
  return [
    ...decisions,
    ...tagShortcuts(actions.tagKeys, actions.toggleTag, (tag) => `Gold tag ${tag.group}: ${tag.option} (or take it away)`),
    ...labelShortcuts(
      actions,
      (name) => `Gold span labelled ${name}: relabels the unit's gold span, takes a version with that label, or adds a gold span over the selected text`,
      decisions
    ),
    ...resizeShortcuts(actions, 'Gold span'),
    ...historyShortcuts(actions),
    ...documentShortcuts(actions, 'Mark the review of the document done (or in progress)')
  ]
}

/** Keys typed into form fields belong to the field, not to the annotation commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** The Agreement view's commands (its charts are walked with the keys of CHART_NAVIGATION). */
export interface AgreementShortcutActions {
  recompute(): void
  /** Charts the next (1) or previous (-1) measure of the report. */
  stepMeasure(step: 1 | -1): void
  showShortcuts(): void
}

export function buildAgreementShortcuts(actions: AgreementShortcutActions): Shortcut[] {
  const plain = (e: KeyboardEvent) => !ctrl(e) && !e.altKey
  return [
    { id: 'agreement-recompute', title: 'Compute the agreement again (after layers changed)', keys: 'R', matches: (e) => plain(e) && e.key.toLowerCase() === 'r', run: actions.recompute },
    { id: 'agreement-next-measure', title: 'Chart the next measure', keys: 'M', matches: (e) => plain(e) && !e.shiftKey && e.key.toLowerCase() === 'm', run: () => actions.stepMeasure(1) },
    { id: 'agreement-previous-measure', title: 'Chart the previous measure', keys: 'Shift+M', matches: (e) => plain(e) && e.shiftKey && e.key.toLowerCase() === 'm', run: () => actions.stepMeasure(-1) },
    { id: 'agreement-shortcuts', title: 'Show keyboard shortcuts', keys: '?', matches: (e) => e.key === '?', run: actions.showShortcuts }
  ]
}

/** Keys of the Agreement view's charts and table, listed on its sheet. */
export const CHART_NAVIGATION: { keys: string; title: string }[] = [
  { keys: 'Tab / Shift+Tab', title: 'Move between the matrix, the label bars and the document rows (each chart is one stop; it remembers the cell last used)' },
  { keys: '← → ↑ ↓', title: 'In a chart: move to the neighbouring cell or bar' },
  { keys: 'Enter', title: 'Open the Review view on the disagreements behind the focused number' }
]

/** The workbench's project commands: keys everywhere (the start page too), the desktop's File menu. */
export interface ProjectShortcutActions {
  newProject(): void
  openProject(): void
  switchProject(): void
  closeProject(): void
}

/**
 * Keys a browser leaves to the page: Ctrl+N and Ctrl+Shift+N belong to the browser (a new window),
 * so a new project is Ctrl+Alt+N. The desktop menu shows the same keys (src/main/electron/menu.ts).
 */
export const PROJECT_COMMANDS: { id: keyof ProjectShortcutActions; title: string; keys: string; matches(event: KeyboardEvent): boolean }[] = [
  { id: 'newProject', title: 'New project…', keys: 'Ctrl+Alt+N', matches: (e) => ctrl(e) && e.altKey && !e.shiftKey && e.code === 'KeyN' },
  { id: 'openProject', title: 'Open project…', keys: 'Ctrl+O', matches: (e) => ctrl(e) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'o' },
  { id: 'switchProject', title: 'Switch project (recent projects)…', keys: 'Ctrl+Alt+O', matches: (e) => ctrl(e) && e.altKey && !e.shiftKey && e.code === 'KeyO' },
  { id: 'closeProject', title: 'Close the project (back to the start page)', keys: 'Ctrl+Alt+W', matches: (e) => ctrl(e) && e.altKey && !e.shiftKey && e.code === 'KeyW' }
]

export function buildProjectShortcuts(actions: ProjectShortcutActions): Shortcut[] {
  return PROJECT_COMMANDS.map((command) => ({ id: `project:${command.id}`, title: command.title, keys: command.keys, matches: command.matches, run: () => actions[command.id]() }))
}
