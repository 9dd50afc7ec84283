// The sort control of a document list: title, import order or status (document-order.ts), with
// a view's own orders first (the Review view's "most disagreement first"). The Annotate, Review
// and Agreement views' lists all sort through it.
import { DOCUMENT_ORDERS, type DocumentOrder } from '../../../shared/document-order'

interface Props<Extra extends string> {
  value: DocumentOrder | Extra
  onChange(order: DocumentOrder | Extra): void
  /** The view's own orders, offered before the shared ones. */
  extra?: { order: Extra; title: string }[]
  /** The shared orders this list offers (all by default). */
  orders?: DocumentOrder[]
  /** What "status" means in this list (the review's status in the Review view). */
  statusTitle?: string
  'data-testid'?: string
}

export function DocumentOrderSelect<Extra extends string = never>({ value, onChange, extra = [], orders, statusTitle, 'data-testid': testId }: Props<Extra>) {
  const shared = DOCUMENT_ORDERS.filter((option) => !orders || orders.includes(option.order)).map((option) => ({
    order: option.order,
    title: option.order === 'status' && statusTitle ? statusTitle : option.title
  }))
  return (
    <select aria-label="Sort documents by" className="document-order" value={value} onChange={(event) => onChange(event.target.value as DocumentOrder | Extra)} data-testid={testId}>
      {[...extra, ...shared].map((option) => (
        <option key={option.order} value={option.order}>
          Sort: {option.title.toLowerCase()}
        </option>
      ))}
    </select>
  )
}
