// A chart drawn by Observable Plot (SVG, made with DOM calls, never from HTML strings), placed in
// a container React owns. A chart's marks that lead somewhere carry Plot's `href` channel, which
// wraps each of them in an SVG link. A chart is one Tab stop (a roving tabindex, as in an ARIA
// grid): Tab lands on the last link used, arrow keys move between neighbours, Enter activates, so
// every cell and bar is reachable from the keyboard without tabbing through them all. The link's
// target is a key into `targets`; the click is handled here and never navigates the page.
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react'

export interface ChartTarget {
  /** What the element is, for assistive technology (its accessible name). */
  label: string
  open(): void
}

const PREFIX = '#target-'

/** The `href` channel value that makes a mark's element open `targets.get(key)`. */
export function targetHref(key: string): string {
  return `${PREFIX}${encodeURIComponent(key)}`
}

const XLINK = 'http://www.w3.org/1999/xlink'

function targetKey(link: Element): string | null {
  const href = link.getAttributeNS(XLINK, 'href') ?? link.getAttribute('href')
  return href?.startsWith(PREFIX) ? decodeURIComponent(href.slice(PREFIX.length)) : null
}

const STEPS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }

/** The link next to `from` in the arrow's direction, in the same row or column, if any. */
function neighbour(from: Element, links: Element[], [stepX, stepY]: [number, number]): Element | null {
  const a = from.getBoundingClientRect()
  let best: Element | null = null
  let bestDistance = Infinity
  for (const link of links) {
    const b = link.getBoundingClientRect()
    const dx = b.x + b.width / 2 - (a.x + a.width / 2)
    const dy = b.y + b.height / 2 - (a.y + a.height / 2)
    const along = dx * stepX + dy * stepY
    const across = Math.abs(stepX !== 0 ? dy : dx)
    if (along <= 1 || across > (stepX !== 0 ? a.height : a.width) / 2) continue
    if (along < bestDistance) {
      best = link
      bestDistance = along
    }
  }
  return best
}

export function PlotChart({
  draw,
  targets,
  className,
  testId
}: {
  /** Makes the chart; called again whenever it changes identity. */
  draw: () => Element
  targets: ReadonlyMap<string, ChartTarget>
  className?: string
  testId?: string
}) {
  const container = useRef<HTMLDivElement>(null)
  /** The link that holds the chart's Tab stop, kept across redraws (a report refreshed by a
   * teammate's save redraws the chart while the user walks it). */
  const current = useRef<string | null>(null)
  const focusedBeforeRedraw = useRef(false)

  function rove(to: Element): void {
    const host = container.current
    if (!host) return
    for (const link of host.querySelectorAll('a[data-target]')) link.setAttribute('tabindex', link === to ? '0' : '-1')
    current.current = to.getAttribute('data-target')
  }

  useEffect(() => {
    const host = container.current
    if (!host) return
    // the previous chart is removed by this effect's cleanup, which notes whether it had focus
    const hadFocus = focusedBeforeRedraw.current || host.contains(document.activeElement)
    focusedBeforeRedraw.current = false
    const chart = draw()
    // Plot adds <style> elements; the strict CSP would refuse them, so agreement.css has their rules
    for (const style of chart.querySelectorAll('style')) style.remove()
    // Plot names each mark's <g> ("rule", "cell"), a name ARIA allows only on an element with a
    // role: a mark of links is a group (its links name each number); the others (axes, rules,
    // the diagonal, the printed values the links' names repeat) are drawing, hidden from AT
    for (const mark of chart.querySelectorAll('g[aria-label]:not([role])')) {
      if (mark.querySelector('a')) mark.setAttribute('role', 'group')
      else mark.setAttribute('aria-hidden', 'true')
    }
    for (const link of chart.querySelectorAll('a')) {
      const key = targetKey(link)
      const target = key === null ? undefined : targets.get(key)
      if (!target || key === null) continue
      link.setAttribute('aria-label', target.label)
      link.setAttribute('data-target', key)
    }
    host.replaceChildren(chart)
    const links = [...host.querySelectorAll('a[data-target]')]
    const stop = links.find((link) => link.getAttribute('data-target') === current.current) ?? links[0]
    if (stop) {
      rove(stop)
      if (hadFocus && stop instanceof SVGElement) stop.focus()
    }
    return () => {
      focusedBeforeRedraw.current = chart.contains(document.activeElement)
      chart.remove()
    }
  }, [draw, targets])

  function activate(event: MouseEvent | KeyboardEvent): void {
    const link = (event.target as Element).closest('a')
    const key = link && targetKey(link)
    if (key === null || key === undefined) return
    event.preventDefault()
    targets.get(key)?.open()
  }

  return (
    <div
      ref={container}
      className={`agreement-chart ${className ?? ''}`}
      data-testid={testId}
      onClick={activate}
      onFocus={(event) => {
        const link = (event.target as Element).closest('a[data-target]')
        if (link) rove(link)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') activate(event)
        const step = STEPS[event.key]
        const from = (event.target as Element).closest('a')
        if (!step || !from || !container.current) return
        // arrows move between cells as in a table
        const next = neighbour(from, [...container.current.querySelectorAll('a[data-target]')], step)
        if (next instanceof SVGElement) {
          event.preventDefault()
          next.focus()
        }
      }}
    />
  )
}
