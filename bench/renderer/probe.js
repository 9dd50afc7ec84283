// Injected into every benchmark page before its own scripts (Playwright addInitScript), as plain
// JavaScript so that nothing a TypeScript transpiler adds ends up in the page. It watches for a
// condition ("the 2,000 spans are in CSS.highlights", "the new span's element exists") and, once
// it holds, waits for the frame that shows it: the next requestAnimationFrame when it was seen
// the moment it happened (a highlight registry call or a DOM mutation), the current one when it
// was seen by the per-frame poll, then a task posted from there, which runs after that frame's
// rendering (style, layout, paint) on the main thread.
// Times are performance.now(), i.e. milliseconds since the page's navigation started.
;(() => {
  const B = (window.__bench = { checks: [], marks: {}, keydown: null })

  // Whether the page is inside a frame's animation callback, and that frame's time stamp: a
  // change made there (the peer draws its spans in a requestAnimationFrame callback) is painted
  // by that same frame, so waiting for the next one would charge it a frame it did not take.
  // Set for the callback and the microtasks it queued (a MutationObserver's among them), so
  // never while an input event runs.
  const originalRequestAnimationFrame = window.requestAnimationFrame.bind(window)
  let currentFrame
  window.requestAnimationFrame = (callback) =>
    originalRequestAnimationFrame((ts) => {
      currentFrame = ts
      try {
        callback(ts)
      } finally {
        queueMicrotask(() => (currentFrame = undefined))
      }
    })

  // `painted`: a task posted from the frame's requestAnimationFrame runs once that frame's style,
  // layout and paint are done on the main thread. It is posted at the highest priority, so that
  // it runs right after the frame rather than after the tasks the page queued before it (an
  // app's deferred render or a timer would otherwise count as paint time). `nextFrame`: the next
  // frame has started.
  const postUrgent = (task) => {
    if (window.scheduler?.postTask) return void scheduler.postTask(task, { priority: 'user-blocking' })
    const channel = new MessageChannel()
    channel.port1.onmessage = task
    channel.port2.postMessage(null)
  }
  // `frameStart`: the painting frame's time stamp (when the display asked for it)
  const afterFrame = (detected, frameStart, resolve) => {
    postUrgent(() => {
      const painted = performance.now()
      requestAnimationFrame(() => resolve({ detected, frameStart, painted, nextFrame: performance.now() }))
    })
  }
  const finish = (check, frameTime) => {
    const detected = performance.now()
    if (frameTime === undefined) requestAnimationFrame((ts) => afterFrame(detected, ts, check.resolve))
    else afterFrame(detected, frameTime, check.resolve)
  }
  /** Settles the checks that hold; `frameTime` is set when called from a frame's callback. */
  const run = (frameTime) => {
    for (const check of B.checks.slice()) {
      let ok = false
      try {
        ok = check.test()
      } catch {
        ok = false
      }
      if (ok) {
        B.checks.splice(B.checks.indexOf(check), 1)
        finish(check, frameTime)
      }
    }
  }
  let polling = false
  const poll = (ts) => {
    run(ts)
    if (B.checks.length) requestAnimationFrame(poll)
    else polling = false
  }
  B.when = (test) =>
    new Promise((resolve) => {
      B.checks.push({ test, resolve })
      run(currentFrame)
      if (!polling && B.checks.length) {
        polling = true
        requestAnimationFrame(poll)
      }
    })

  // synchronous detection: highlight registry changes and DOM mutations
  let queued = false
  const soon = () => {
    if (queued || !B.checks.length) return
    queued = true
    const frame = currentFrame
    queueMicrotask(() => {
      queued = false
      run(frame)
    })
  }
  if (window.HighlightRegistry && window.Highlight) {
    for (const [proto, names] of [
      [HighlightRegistry.prototype, ['set', 'delete', 'clear']],
      [Highlight.prototype, ['add', 'delete', 'clear']]
    ]) {
      for (const name of names) {
        const original = proto[name]
        proto[name] = function (...args) {
          const result = original.apply(this, args)
          soon()
          return result
        }
      }
    }
  }
  new MutationObserver(soon).observe(document, { childList: true, subtree: true })
  window.addEventListener('keydown', () => (B.keydown = performance.now()), true)

  // conditions
  B.labelRanges = (prefix, only) => {
    let n = 0
    for (const [name, highlight] of CSS.highlights) if (only ? name === only : name.startsWith(prefix)) n += highlight.size
    return n
  }
  B.lineCount = (selector) => {
    const container = document.querySelector(selector)
    return container ? container.getElementsByClassName('line').length : 0
  }

  // the scrolling element of a container (itself or the nearest ancestor that scrolls)
  B.scroller = (selector) => {
    for (let el = document.querySelector(selector); el; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowY
      if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el
    }
    return document.scrollingElement
  }
  B.frames = (n) =>
    new Promise((resolve) => {
      const step = () => (--n <= 0 ? resolve() : requestAnimationFrame(step))
      requestAnimationFrame(step)
    })
  /** Scrolls by `step` pixels in each of `steps` frames; returns the frame-to-frame times. */
  B.scrollFrames = async (selector, steps, step) => {
    const el = B.scroller(selector)
    el.scrollTop = 0
    await B.frames(5)
    return new Promise((resolve) => {
      const deltas = []
      let last
      let i = 0
      const frame = (ts) => {
        if (last !== undefined) deltas.push(ts - last)
        last = ts
        if (i++ >= steps) return resolve(deltas)
        el.scrollTop += step
        requestAnimationFrame(frame)
      }
      requestAnimationFrame(frame)
    })
  }

  /** Scrolls `phrase` to the middle and returns viewport points for dragging across it. */
  B.phrasePoints = (selector, phrase) => {
    const container = document.querySelector(selector)
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(phrase)
      if (at < 0) continue
      node.parentElement.scrollIntoView({ block: 'center' })
      const rectOf = (from, to) => {
        const range = document.createRange()
        range.setStart(node, from)
        range.setEnd(node, to)
        return range.getClientRects()[0]
      }
      const first = rectOf(at, at + 1)
      const last = rectOf(at + phrase.length - 1, at + phrase.length)
      return { start: { x: first.left + 1, y: first.top + first.height / 2 }, end: { x: last.right - 1, y: last.top + last.height / 2 } }
    }
    throw new Error(`"${phrase}" is not in the document`)
  }
  B.scrollToPhrase = (selector, phrase) => {
    B.phrasePoints(selector, phrase)
    return B.frames(3)
  }

  B.setup = (config) => {
    B.config = config
    if (config.open === 'spanwise') {
      // open: the text laid out and (unless the floor) every span taken by the painter, whose
      // ranges near the viewport are in the label highlights (the others join as they scroll in)
      B.when(() => B.lineCount('.document-text') === config.lines).then((r) => (B.marks.lines = r))
      B.open = B.when(() => {
        const text = document.querySelector('.document-text')
        return (
          B.lineCount('.document-text') === config.lines &&
          Number(text?.dataset.spans ?? -1) === config.spans &&
          (config.spans === 0 || B.labelRanges('sw-label-') > 0)
        )
      })
    } else if (config.open === 'peer') {
      B.when(() => B.lineCount('.peer-text') === config.lines).then((r) => (B.marks.lines = r))
      B.open = B.when(
        () =>
          window.__peerReady === true &&
          B.lineCount('.peer-text') === config.lines &&
          (config.spans === 0 || (config.renderer === 'CSS_HIGHLIGHTS' ? CSS.highlights.size > 0 : !!document.querySelector('.r6o-span-highlight-layer .r6o-annotation')))
      )
    }
  }
})()
