// HTML articles: Mozilla Readability (on a linkedom DOM, no regular expressions over markup)
// finds the readable article, dropping scripts, navigation, footers and most ads. The stored
// text is the title line, a blank line, then one paragraph per block element (p, headings, list
// items, quotes, pre), separated by blank lines, inner whitespace collapsed (pre kept as is).
// Meta keeps the source URL (link rel=canonical, else og:url) and publication date
// (article:published_time, else the first <time datetime>) when the page has them.
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { decodeText } from '../importing/decode'
import { ImportError } from '../importing/errors'
import type { FormatReader } from './types'

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, dd, dt'

interface Node {
  textContent: string | null
  tagName?: string
  querySelector(selector: string): Node | null
  querySelectorAll(selector: string): Iterable<Node>
  getAttribute?(name: string): string | null
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()

function attr(document: Node, selector: string, name: string): string | undefined {
  const value = document.querySelector(selector)?.getAttribute?.(name)?.trim()
  return value ? value : undefined
}

/** Paragraph texts of an HTML fragment: innermost block elements only, so nothing repeats. */
function paragraphs(root: Node): string[] {
  const out: string[] = []
  for (const element of root.querySelectorAll(BLOCKS)) {
    if (element.querySelector(BLOCKS)) continue
    const text = element.tagName?.toLowerCase() === 'pre' ? (element.textContent ?? '').replace(/^\n+|\s+$/g, '') : collapse(element.textContent ?? '')
    if (text) out.push(text)
  }
  return out
}

export const htmlReader: FormatReader = {
  name: 'html',
  extensions: ['.html', '.htm', '.xhtml'],
  read(file) {
    const source = decodeText(file.name, file.bytes)
    const { document } = parseHTML(source)
    const page = document as unknown as Node
    // read the metadata first: Readability rewrites the document it is given
    const url = attr(page, 'link[rel="canonical"]', 'href') ?? attr(page, 'meta[property="og:url"]', 'content')
    const published = attr(page, 'meta[property="article:published_time"]', 'content') ?? attr(page, 'time[datetime]', 'datetime')
    const ogTitle = attr(page, 'meta[property="og:title"]', 'content')
    const pageTitle = collapse(page.querySelector('title')?.textContent ?? '')
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()
    let body: string[] = []
    if (article?.content) body = paragraphs(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document as unknown as Node)
    const title = collapse(ogTitle ?? article?.title ?? pageTitle) || body[0] || ''
    if (body[0] === title) body = body.slice(1)
    if (body.length === 0) throw new ImportError(file.name, 'no readable article text found in this page')
    const text = `${title}\n\n${body.join('\n\n')}`
    const meta: Record<string, unknown> = { source: file.name }
    if (url) meta.url = url
    if (published) meta.publishedAt = published
    if (article?.byline) meta.byline = article.byline
    if (article?.siteName) meta.siteName = article.siteName
    return [{ file: file.name, text, title, meta, spans: [] }]
  }
}
