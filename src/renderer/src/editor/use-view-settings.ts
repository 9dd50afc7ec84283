// How the text is shown, kept per user in this browser profile (or the desktop app's): label
// tags and whether relation arrows are drawn. Presentation only: nothing here reaches the project.
import { useCallback, useMemo, useState } from 'react'
import { LABEL_TAG_MODES, type LabelTagMode } from './span-marks'

const KEY = 'spanwise.view'

interface ViewSettings {
  labelTags: LabelTagMode
  showRelations: boolean
}

const DEFAULTS: ViewSettings = { labelTags: 'nested', showRelations: true }

function load(): ViewSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<ViewSettings>
    return {
      labelTags: LABEL_TAG_MODES.some((m) => m.mode === stored.labelTags) ? stored.labelTags! : DEFAULTS.labelTags,
      showRelations: typeof stored.showRelations === 'boolean' ? stored.showRelations : DEFAULTS.showRelations
    }
  } catch {
    return DEFAULTS
  }
}

export function useViewSettings() {
  const [settings, setSettings] = useState<ViewSettings>(load)
  const update = useCallback((change: (current: ViewSettings) => ViewSettings) => {
    setSettings((current) => {
      const next = change(current)
      localStorage.setItem(KEY, JSON.stringify(next))
      return next
    })
  }, [])
  const setLabelTags = useCallback((labelTags: LabelTagMode) => update((s) => ({ ...s, labelTags })), [update])
  const cycleLabelTags = useCallback(
    () =>
      update((s) => {
        const index = LABEL_TAG_MODES.findIndex((m) => m.mode === s.labelTags)
        return { ...s, labelTags: LABEL_TAG_MODES[(index + 1) % LABEL_TAG_MODES.length]!.mode }
      }),
    [update]
  )
  const toggleRelations = useCallback(() => update((s) => ({ ...s, showRelations: !s.showRelations })), [update])
  // one object per settings change, so commands built from it are rebuilt only then
  return useMemo(() => ({ ...settings, setLabelTags, cycleLabelTags, toggleRelations }), [settings, setLabelTags, cycleLabelTags, toggleRelations])
}
