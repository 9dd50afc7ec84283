import { describe, expect, it } from 'vitest'
import { htmlReader } from '../../../src/main/formats/html'
import { file } from './helpers'

const page = `<!doctype html><html><head><title>Site | Ports reopen</title>
<meta property="og:title" content="Ports reopen after the storm">
<link rel="canonical" href="https://news.example.org/ports">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<script>window.tracking = "do not keep"</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ports reopen after the storm</h1>
<p>The harbour   authority said on <b>Tuesday</b> that all berths were open again, after three days of closures that held up more than forty ships.</p>
<p>Officials estimated losses at 12 million euros, and warned that 👍🏽 repairs to the northern breakwater would take until the summer.</p>
<ul><li>Berth 4: open</li></ul>
</article>
<aside class="advert">Buy cheap flights now!</aside><footer>© News Corp</footer></body></html>`

describe('HTML', () => {
  it('keeps the readable article: title, blank line, paragraphs; no scripts or navigation', () => {
    const [doc] = htmlReader.read(file('ports.html', page), {})
    expect(doc!.title).toBe('Ports reopen after the storm')
    const paragraphs = doc!.text.split('\n\n')
    expect(paragraphs[0]).toBe('Ports reopen after the storm')
    expect(paragraphs[1]).toMatch(/^The harbour authority said on Tuesday that all berths/)
    expect(paragraphs[2]).toMatch(/👍🏽 repairs/)
    expect(doc!.text).toContain('Berth 4: open')
    for (const junk of ['tracking', 'color', 'Home', 'World', 'News Corp']) expect(doc!.text).not.toContain(junk)
  })
  it('keeps the source URL and publication date as meta', () => {
    const [doc] = htmlReader.read(file('ports.html', page), {})
    expect(doc!.meta).toMatchObject({ url: 'https://news.example.org/ports', publishedAt: '2024-03-05T08:00:00Z', source: 'ports.html' })
    const other = page.replace(/<link rel="canonical"[^>]*>/, '<meta property="og:url" content="https://og.example/x">').replace(/<meta property="article:published_time"[^>]*>/, '').replace('<article>', '<article><time datetime="2024-01-01">Jan 1</time>')
    expect(htmlReader.read(file('p.html', other), {})[0]!.meta).toMatchObject({ url: 'https://og.example/x', publishedAt: '2024-01-01' })
  })
  it('rejects a page with no readable text', () => {
    expect(() => htmlReader.read(file('empty.html', '<html><head><script>x()</script></head><body></body></html>'), {})).toThrow(/no readable article text/)
  })
})
