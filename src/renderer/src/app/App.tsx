// The application shell: a row of view tabs and the view they pick. It owns no project state:
// each view (views/<id>/) keeps its own, so a capability grows in its folder, not here.
import { useEffect, useState } from 'react'
import { AgreementView } from '../views/agreement/AgreementView'
import { AnnotateView } from '../views/annotate/AnnotateView'
import { ReviewView } from '../views/review/ReviewView'
import { NavigationContext, type Route } from './navigation'
import { PreferencesContext, THEMES, usePreferenceState, type Theme } from './preferences'
import { viewForKey, VIEWS } from './views'

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'annotate' })
  const preferences = usePreferenceState()

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const view = viewForKey(event)
      if (!view) return
      event.preventDefault()
      setRoute({ view })
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <NavigationContext.Provider value={setRoute}>
      <PreferencesContext.Provider value={preferences}>
        <div className="shell" style={{ ['--text-size' as string]: `${preferences.textSize}px` }}>
          <div className="view-tabs">
            <nav aria-label="Views">
              {VIEWS.map((view) => (
                <button
                  key={view.id}
                  type="button"
                  aria-current={route.view === view.id ? 'page' : undefined}
                  aria-keyshortcuts={view.keys}
                  title={`${view.title} (${view.keys})`}
                  onClick={() => setRoute({ view: view.id })}
                >
                  {view.title}
                </button>
              ))}
            </nav>
            <select aria-label="Theme" value={preferences.theme} onChange={(event) => preferences.setTheme(event.target.value as Theme)} data-testid="theme">
              {THEMES.map((option) => (
                <option key={option.theme} value={option.theme}>
                  {option.title}
                </option>
              ))}
            </select>
          </div>
          {route.view === 'annotate' && <AnnotateView />}
          {route.view === 'review' && <ReviewView route={route} />}
          {route.view === 'agreement' && <AgreementView />}
        </div>
      </PreferencesContext.Provider>
    </NavigationContext.Provider>
  )
}
