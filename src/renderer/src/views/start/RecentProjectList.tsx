// The recent projects, newest first: a button each to open it; one that has gone is flagged and
// can be removed from the list.
import type { RecentProject } from '../../../../shared/api/contract'

interface Props {
  recent: RecentProject[]
  onOpen(folder: string): void
  onForget(folder: string): void
}

export function RecentProjectList({ recent, onOpen, onForget }: Props) {
  if (recent.length === 0) return <p className="muted">No recent projects yet.</p>
  return (
    <ul className="recent-projects" aria-label="Recent projects">
      {recent.map((project) => (
        <li key={project.folder} data-testid="recent-project" data-missing={project.missing || undefined}>
          <button
            type="button"
            disabled={project.missing}
            aria-current={project.open ? 'true' : undefined}
            onClick={() => onOpen(project.folder)}
            title={project.folder || 'the projects folder itself'}
          >
            <span className="recent-name">{project.name}</span>
            <span className="recent-folder">{project.folder || '.'}</span>
            {project.open && <span className="recent-badge">open</span>}
            {project.missing && <span className="recent-badge missing">missing</span>}
          </button>
          {project.missing && (
            <button type="button" onClick={() => onForget(project.folder)} aria-label={`Remove ${project.name} from the recent projects`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
