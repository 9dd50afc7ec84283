// The application shell: the open project's row of view tabs and the view they pick, or the
// start page when no project is open. It owns no project state: each view (views/<id>/) keeps
// its own, and starts again (a new key) when another project opens.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { chooseFolderWithDesktopDialog, desktop } from '../api/client'
import { buildProjectShortcuts, type ProjectShortcutActions } from '../commands/shortcuts'
import { Toasts, type Message } from '../panels/Toasts'
import { AgreementView } from '../views/agreement/AgreementView'
import { AnnotateView } from '../views/annotate/AnnotateView'
import { ReviewView } from '../views/review/ReviewView'
import { NewProjectDialog } from '../views/start/NewProjectDialog'
import { OpenProjectDialog } from '../views/start/OpenProjectDialog'
import { StartPage } from '../views/start/StartPage'
import { SwitchProjectDialog } from '../views/start/SwitchProjectDialog'
import { NavigationContext, type Route } from './navigation'
import { PreferencesContext, THEMES, usePreferenceState, type Theme } from './preferences'
import { useWorkspace } from './use-workspace'
import { viewForKey, VIEWS } from './views'

type ProjectDialog = 'new' | 'open' | 'switch' | null

export function App() {
  const [route, setRoute] = useState<Route>({ view: 'annotate' })
  const preferences = usePreferenceState()
  const [message, setMessage] = useState<Message | null>(null)
  const showError = useCallback((text: string) => setMessage({ text, error: true }), [])
  const workspace = useWorkspace(showError)
  const [dialog, setDialog] = useState<ProjectDialog>(null)
  const project = workspace.state?.project ?? null
  const canSwitch = workspace.state !== null && workspace.state.folders !== 'none'

  // another project: the views start afresh, on the same view (a document id of the old one means nothing)
  useEffect(() => setRoute((current) => ({ view: current.view })), [project?.id])

  const projectActions = useMemo<ProjectShortcutActions>(
    () => ({
      newProject: () => canSwitch && setDialog('new'),
      openProject: () => {
        if (!canSwitch) return
        if (!desktop) return setDialog('open')
        chooseFolderWithDesktopDialog('open')
          .then((folder) => (folder ? workspace.open(folder) : undefined))
          .catch((error: Error) => showError(error.message))
      },
      switchProject: () => setDialog('switch'),
      closeProject: () => canSwitch && void workspace.close().catch((error: Error) => showError(error.message))
    }),
    [canSwitch, workspace, showError]
  )
  const projectShortcuts = useMemo(() => buildProjectShortcuts(projectActions), [projectActions])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const view = project ? viewForKey(event) : null
      if (view) {
        event.preventDefault()
        setRoute({ view })
        return
      }
      const shortcut = dialog === null ? projectShortcuts.find((s) => s.matches(event)) : undefined
      if (!shortcut) return
      event.preventDefault()
      shortcut.run(event)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [project, dialog, projectShortcuts])

  // the desktop's File menu: its project commands, and Open Recent
  useEffect(() => {
    if (!desktop) return
    const commands: Record<string, (argument?: string) => void> = {
      'project-new': projectActions.newProject,
      'project-open': projectActions.openProject,
      'project-switch': projectActions.switchProject,
      'project-close': projectActions.closeProject,
      'open-recent': (folder) => folder && void workspace.open(folder).catch((error: Error) => showError(error.message))
    }
    return desktop.onMenuCommand((command, argument) => commands[command]?.(argument))
  }, [projectActions, workspace, showError])

  return (
    <NavigationContext.Provider value={setRoute}>
      <PreferencesContext.Provider value={preferences}>
        <div className="shell" style={{ ['--text-size' as string]: `${preferences.textSize}px` }}>
          {workspace.stale && (
            <div className="stale-project" role="alert" data-testid="stale-project">
              <span>{workspace.stale}</span>
              <button type="button" onClick={() => void workspace.reload().catch((error: Error) => showError(error.message))}>
                Show the open project
              </button>
            </div>
          )}
          {workspace.state && !project && (
            <StartPage workspace={workspace} onNew={projectActions.newProject} onOpen={projectActions.openProject} onError={showError} />
          )}
          {project && (
            <div className="view-tabs" key={`tabs-${project.id}`}>
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
              <button
                type="button"
                className="project-button"
                onClick={() => setDialog('switch')}
                aria-keyshortcuts="Control+Alt+O"
                title={`${project.folder} — switch project (Ctrl+Alt+O)`}
                data-testid="project-button"
              >
                Project: {project.name}
              </button>
              <select aria-label="Theme" value={preferences.theme} onChange={(event) => preferences.setTheme(event.target.value as Theme)} data-testid="theme">
                {THEMES.map((option) => (
                  <option key={option.theme} value={option.theme}>
                    {option.title}
                  </option>
                ))}
              </select>
            </div>
          )}
          {project && route.view === 'annotate' && <AnnotateView key={project.id} />}
          {project && route.view === 'review' && <ReviewView key={project.id} route={route} />}
          {project && route.view === 'agreement' && <AgreementView key={project.id} />}
          {dialog === 'new' && workspace.state && (
            <NewProjectDialog state={workspace.state} recent={workspace.recent} onCreate={workspace.create} onClose={() => setDialog(null)} />
          )}
          {dialog === 'open' && workspace.state && <OpenProjectDialog root={workspace.state.root} onOpen={workspace.open} onClose={() => setDialog(null)} />}
          {dialog === 'switch' && (
            <SwitchProjectDialog
              workspace={workspace}
              onNew={projectActions.newProject}
              onOpen={projectActions.openProject}
              onError={showError}
              onClose={() => setDialog(null)}
            />
          )}
          <div className="shell-toasts">
            <Toasts message={message} onDismiss={() => setMessage(null)} />
          </div>
        </div>
      </PreferencesContext.Provider>
    </NavigationContext.Provider>
  )
}
