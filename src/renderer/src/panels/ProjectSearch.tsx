import { useState } from 'react'
import type { SearchHit } from '../../../shared/api/contract'
import { invoke } from '../api/client'

/** Search the whole project (text, and span labels); choosing a result opens it in the editor. */
export function ProjectSearch({ onOpen, onError }: { onOpen(hit: SearchHit): void; onError(message: string): void }) {
  const [query, setQuery] = useState('')
  const [result, setResult] = useState<{ hits: SearchHit[]; truncated: boolean } | null>(null)
  return (
    <section className="project-search" aria-label="Search the project">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault()
          if (!query.trim()) return setResult(null)
          invoke('project.search', { query: query.trim() }).then(setResult, (error: Error) => onError(error.message))
        }}
      >
        <input type="search" placeholder="Search project (text or label)" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="project-search" />
      </form>
      {result && (
        <div className="search-results">
          <p className="count" aria-live="polite">
            {result.hits.length === 0 ? 'No results' : `${result.hits.length}${result.truncated ? '+' : ''} result${result.hits.length === 1 ? '' : 's'}`}
            <button type="button" onClick={() => setResult(null)} aria-label="Clear search results">
              ×
            </button>
          </p>
          <ol>
            {result.hits.map((hit) => (
              <li key={`${hit.documentId}-${hit.start}-${hit.label ?? ''}`}>
                <button type="button" onClick={() => onOpen(hit)} data-testid="search-hit">
                  <span className="doc-title">{hit.title}</span>
                  <span className="hit-context">
                    {hit.label && <span className="label-chip">{hit.label}</span>}…{hit.before}
                    <mark>{hit.match}</mark>
                    {hit.after}…
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  )
}
