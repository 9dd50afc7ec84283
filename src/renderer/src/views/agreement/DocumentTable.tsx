// Agreement per document, lowest first, so the documents that need a look lead the list (or by
// title or import order, as the document list sorts), each with the file it came from. A row's
// button (or a click anywhere on the row) opens the Review view on that document's disagreements.
// Long projects show the rows a page at a time.
import { useMemo, useState } from 'react'
import { sortRowsBy, type DocumentOrder } from '../../../../shared/document-order'
import { fileNameOnly, rowDetails } from '../../panels/document-file'
import { DocumentOrderSelect } from '../../panels/DocumentOrderSelect'
import { describeScore, documentRows, formatScore, type AgreementChartProps, type DocumentRow } from './report-data'
import { scoreColor, textColorOn } from './score-colors'
import { useDocumentListing } from './use-document-listing'

const PAGE = 50

type TableOrder = 'agreement' | DocumentOrder
const AGREEMENT_ORDER: { order: 'agreement'; title: string }[] = [{ order: 'agreement', title: 'Lowest agreement first' }]
/** A document's status is each annotator's own: the table is sorted by title or import order only. */
const SHARED_ORDERS: DocumentOrder[] = ['title', 'import']

export function DocumentTable({ report, measure, openFocus, focusFor }: AgreementChartProps<DocumentRow>) {
  const byScore = useMemo(() => documentRows(report, measure.id), [report, measure.id])
  const listing = useDocumentListing(useMemo(() => report.documents.map((doc) => doc.documentId), [report]))
  const [order, setOrder] = useState<TableOrder>('agreement')
  const rows = useMemo(() => {
    const listed = byScore.map((row) => ({ ...listing.get(row.documentId), ...row, id: row.documentId }))
    return order === 'agreement' ? listed : sortRowsBy(listed, order, () => 0)
  }, [byScore, listing, order])
  const [shown, setShown] = useState(PAGE)

  return (
    <section className="agreement-section" aria-labelledby="agreement-documents-heading">
      <div className="agreement-section-header">
        <h2 id="agreement-documents-heading">
          Documents <span className="count">({rows.length})</span>
        </h2>
        <DocumentOrderSelect<'agreement'> value={order} onChange={setOrder} extra={AGREEMENT_ORDER} orders={SHARED_ORDERS} data-testid="agreement-document-order" />
      </div>
      {rows.length === 0 ? (
        <p className="empty">No document has layers from two of the chosen annotators.</p>
      ) : (
        <table className="agreement-documents" data-testid="document-agreement">
          <thead>
            <tr>
              <th scope="col">{measure.name}</th>
              <th scope="col">Document</th>
              <th scope="col">Annotators</th>
              <th scope="col" className="number">Compared</th>
              <th scope="col" className="number">Matched</th>
              <th scope="col" className="number" title="Units only one of two annotators marked (pairwise measures)">
                Only one side
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((row) => {
              const color = scoreColor(row.score?.value)
              const counts = row.score?.counts
              return (
                <tr key={row.documentId} data-testid="document-agreement-row" title={rowDetails(row) || undefined} onClick={() => openFocus(focusFor(row))}>
                  <td className="score-cell" style={{ background: color, color: textColorOn(color) }}>
                    {formatScore(row.score)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`${row.title}: ${describeScore(measure.name, row.score)}. Open its disagreements.`}
                      onClick={(event) => {
                        event.stopPropagation()
                        openFocus(focusFor(row))
                      }}
                    >
                      {row.title}
                    </button>
                    {row.fileName && (
                      <span className="doc-file" data-testid="document-file">
                        {fileNameOnly(row.fileName)}
                      </span>
                    )}
                  </td>
                  <td>{row.annotators.join(', ')}</td>
                  <td className="number">{counts?.compared ?? '—'}</td>
                  <td className="number">{counts?.matched ?? '—'}</td>
                  <td className="number">{counts && measure.scope === 'pairwise' ? counts.onlyRow + counts.onlyColumn : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {rows.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, rows.length - shown)} more of {rows.length - shown}
        </button>
      )}
    </section>
  )
}
