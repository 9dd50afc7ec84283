import type { DocumentStatus, DocumentSummary } from '../../../shared/model'
import { VirtualList } from './VirtualList'

const DOCUMENT_ROW_HEIGHT = 56
const documentKey = (doc: DocumentSummary) => doc.id

const STATUS_TEXT: Record<DocumentStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' }

interface Props {
  documents: DocumentSummary[]
  currentId: string | null
  onOpen(id: string): void
}

export function DocumentList({ documents, currentId, onOpen }: Props) {
  return (
    <nav className="document-list" aria-label="Documents">
      <h2>Documents</h2>
      {documents.length === 0 && <p className="empty">No documents yet: import .txt or .md files, or drop them here.</p>}
      <VirtualList
        items={documents}
        rowHeight={DOCUMENT_ROW_HEIGHT}
        keyOf={documentKey}
        revealKey={currentId}
        renderRow={(doc, tabIndex) => (
          <button
            type="button"
            className={doc.id === currentId ? 'current' : ''}
            aria-current={doc.id === currentId ? 'page' : undefined}
            tabIndex={tabIndex}
            onClick={() => onOpen(doc.id)}
            data-testid="document-item"
          >
            <span className="doc-title">{doc.title}</span>
            {doc.error ? (
              // a damaged file costs only its document: named here, the rest of the list works
              <span className="doc-error" role="status" title={doc.error.message} data-testid="document-error">
                Damaged: {doc.error.file}
              </span>
            ) : (
              <>
                <span className={`status status-${doc.status}`}>{STATUS_TEXT[doc.status]}</span>
                <span className="span-count" aria-label={`${doc.spanCount} spans`}>
                  {doc.spanCount} {doc.spanCount === 1 ? 'span' : 'spans'}
                </span>
              </>
            )}
          </button>
        )}
      />
    </nav>
  )
}

export { STATUS_TEXT }
