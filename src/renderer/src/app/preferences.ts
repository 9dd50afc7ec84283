// The user's own preferences, kept in this browser profile (or the desktop app's), never in the
// project: how the text is shown (label tags, relation arrows, text size), the theme, the
// side panels' widths and the document list's order. The shell holds them (usePreferenceState) and every view reads the same
// ones through usePreferences.
import { createContext, useCallback, useContext, useMemo, useState } from 'react'
import { isDocumentOrder, type DocumentOrder } from '../../../shared/document-order'
import { LABEL_TAG_MODES, type LabelTagMode } from '../editor/span-marks'

const KEY = 'spanwise.view'

export type Theme = 'system' | 'light' | 'dark'
export const THEMES: { theme: Theme; title: string }[] = [
  { theme: 'system', title: 'Theme: as the system' },
  { theme: 'light', title: 'Theme: light' },
  { theme: 'dark', title: 'Theme: dark' }
]

export const TEXT_SIZE = { min: 12, max: 28, step: 1, initial: 16 }
export const PANEL_WIDTH = { min: 180, max: 560 }

export interface Preferences {
  labelTags: LabelTagMode
  showRelations: boolean
  /** The document text's size in CSS pixels. */
  textSize: number
  theme: Theme
  /** Side panels: width in pixels, or collapsed. */
  panels: { left: number; right: number; leftCollapsed: boolean; rightCollapsed: boolean }
  /** How the document list is sorted. */
  documentOrder: DocumentOrder
}

const DEFAULTS: Preferences = {
  labelTags: 'nested',
  showRelations: true,
  textSize: TEXT_SIZE.initial,
  theme: 'system',
  panels: { left: 280, right: 320, leftCollapsed: false, rightCollapsed: false },
  documentOrder: 'title'
}

const clamp = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback

/** What is stored, checked field by field: a bad or old entry falls back to the default. */
function load(): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Preferences>
    const panels: Partial<Preferences['panels']> = stored.panels ?? {}
    return {
      labelTags: LABEL_TAG_MODES.some((m) => m.mode === stored.labelTags) ? stored.labelTags! : DEFAULTS.labelTags,
      showRelations: typeof stored.showRelations === 'boolean' ? stored.showRelations : DEFAULTS.showRelations,
      textSize: clamp(stored.textSize, TEXT_SIZE.min, TEXT_SIZE.max, DEFAULTS.textSize),
      theme: THEMES.some((t) => t.theme === stored.theme) ? stored.theme! : DEFAULTS.theme,
      panels: {
        left: clamp(panels.left, PANEL_WIDTH.min, PANEL_WIDTH.max, DEFAULTS.panels.left),
        right: clamp(panels.right, PANEL_WIDTH.min, PANEL_WIDTH.max, DEFAULTS.panels.right),
        leftCollapsed: panels.leftCollapsed === true,
        rightCollapsed: panels.rightCollapsed === true
      },
      documentOrder: isDocumentOrder(stored.documentOrder) ? stored.documentOrder : DEFAULTS.documentOrder
    }
  } catch {
    return DEFAULTS
  }
}

/** Puts the chosen theme on the page (the stylesheet's light-dark() colours follow it). */
export function applyTheme(theme: Theme = load().theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme
  else document.documentElement.dataset.theme = theme
}

/** The shell's one copy of the preferences, handed to the views through PreferencesContext. */
export function usePreferenceState() {
  const [preferences, setPreferences] = useState<Preferences>(load)
  const update = useCallback((change: (current: Preferences) => Preferences) => {
    setPreferences((current) => {
      const next = change(current)
      localStorage.setItem(KEY, JSON.stringify(next))
      if (next.theme !== current.theme) applyTheme(next.theme)
      return next
    })
  }, [])
  const actions = useMemo(
    () => ({
      setLabelTags: (labelTags: LabelTagMode) => update((p) => ({ ...p, labelTags })),
      cycleLabelTags: () =>
        update((p) => {
          const index = LABEL_TAG_MODES.findIndex((m) => m.mode === p.labelTags)
          return { ...p, labelTags: LABEL_TAG_MODES[(index + 1) % LABEL_TAG_MODES.length]!.mode }
        }),
      toggleRelations: () => update((p) => ({ ...p, showRelations: !p.showRelations })),
      /** +1 / −1 a step, 0 back to the initial size. */
      changeTextSize: (step: 1 | -1 | 0) =>
        update((p) => ({ ...p, textSize: step === 0 ? TEXT_SIZE.initial : clamp(p.textSize + step * TEXT_SIZE.step, TEXT_SIZE.min, TEXT_SIZE.max, p.textSize) })),
      setTheme: (theme: Theme) => update((p) => ({ ...p, theme })),
      setPanelWidth: (side: 'left' | 'right', width: number) =>
        update((p) => ({ ...p, panels: { ...p.panels, [side]: clamp(width, PANEL_WIDTH.min, PANEL_WIDTH.max, p.panels[side]) } })),
      setDocumentOrder: (documentOrder: DocumentOrder) => update((p) => ({ ...p, documentOrder })),
      togglePanel: (side: 'left' | 'right') =>
        update((p) => ({ ...p, panels: { ...p.panels, [`${side}Collapsed`]: !p.panels[`${side}Collapsed`] } }))
    }),
    [update]
  )
  // one object per change, so commands built from it are rebuilt only then
  return useMemo(() => ({ ...preferences, ...actions }), [preferences, actions])
}

export type PreferenceState = ReturnType<typeof usePreferenceState>

export const PreferencesContext = createContext<PreferenceState | null>(null)

export function usePreferences(): PreferenceState {
  const preferences = useContext(PreferencesContext)
  if (!preferences) throw new Error('usePreferences needs the shell (App) around it')
  return preferences
}
