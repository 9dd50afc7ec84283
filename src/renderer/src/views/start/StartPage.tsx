// What the workbench shows when no project is open: the recent projects, New and Open. In a
// browser it works on folders under the root `spanwise serve --root` was given.
import type { WorkspaceControls } from '../../app/use-workspace'
import { PROJECT_COMMANDS } from '../../commands/shortcuts'
import { RecentProjectList } from './RecentProjectList'
import './start.css'

interface Props {
  workspace: WorkspaceControls
  onNew(): void
  onOpen(): void
  onError(message: string): void
}

const keysOf = (id: string) => PROJECT_COMMANDS.find((command) => command.id === id)?.keys ?? ''

export function StartPage({ workspace, onNew, onOpen, onError }: Props) {
  const state = workspace.state!
  const canSwitch = state.folders !== 'none'
  return (
    <main className="start-page" aria-labelledby="start-title" data-testid="start-page">
      <h1 id="start-title">Spanwise</h1>
      <p>Open a project to annotate, or make a new one.</p>
      {state.notice && (
        <p className="error" role="alert">
          {state.notice}
        </p>
      )}
      <div className="start-actions">
        <button type="button" onClick={onNew} disabled={!canSwitch} aria-keyshortcuts="Control+Alt+N" title={keysOf('newProject')}>
          New project…
        </button>
        <button type="button" onClick={onOpen} disabled={!canSwitch} aria-keyshortcuts="Control+O" title={keysOf('openProject')}>
          Open project…
        </button>
      </div>
      {state.folders === 'root' && <p className="muted">Projects are opened and made in folders under {state.root}.</p>}
      {!canSwitch && (
        <p className="muted">
          This workbench serves one project. To open and make projects from the browser, start it with <code>spanwise serve --root DIR</code>.
        </p>
      )}
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">Recent projects</h2>
        <RecentProjectList
          recent={workspace.recent}
          onOpen={(folder) => workspace.open(folder).catch((error: Error) => onError(error.message))}
          onForget={(folder) => workspace.forget(folder).catch((error: Error) => onError(error.message))}
        />
      </section>
    </main>
  )
}
