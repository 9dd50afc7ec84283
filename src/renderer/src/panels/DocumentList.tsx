import type { DocumentOrder } from '../../../shared/document-order'
import type { DocumentStatus, DocumentSummary, TagGroup } from '../../../shared/model'
import { fileNameOnly, rowDetails } from './document-file'
import { DocumentTagChips, describeTags, tagChips } from './DocumentTagChips'
import { DocumentOrderSelect } from './DocumentOrderSelect'
import { VirtualList } from './VirtualList'

const DOCUMENT_ROW_HEIGHT = 56
const documentKey = (doc: DocumentSummary) => doc.id

const STATUS_TEXT: Record<DocumentStatus, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done' }

interface Props {
  /** In the order shown (`order`). */
  documents: DocumentSummary[]
  currentId: string | null
  onOpen(id: string): void
  order: DocumentOrder
  onOrder(order: DocumentOrder): void
  /** The project's tag groups: a row's tags in their colours and order. */
  tagGroups: TagGroup[]
}

/** The row's tooltip: the file and imported title, then the tags in words. */
function rowTooltip(doc: DocumentSummary, tagGroups: TagGroup[]): string {
  const tags = describeTags(tagChips(doc.tags, tagGroups))
  return [rowDetails(doc), tags && `Tags: ${tags}`].filter(Boolean).join('\n')
}

export function DocumentList({ documents, currentId, onOpen, order, onOrder, tagGroups }: Props) {
  return (
    <nav className="document-list" aria-label="Documents">
      <div className="document-list-header">
        <h2>Documents</h2>
        <DocumentOrderSelect value={order} onChange={onOrder} data-testid="document-order" />
      </div>
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
            title={rowTooltip(doc, tagGroups) || undefined}
            data-document-id={doc.id}
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
                <span className="doc-meta">
                  <DocumentTagChips tags={doc.tags} groups={tagGroups} />
                  {/* the file name, secondary: a headline may be shared, a file name tells them apart */}
                  <span className="doc-file" data-testid="document-file">
                    {fileNameOnly(doc.fileName)}
                  </span>
                </span>
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
