// The peer side of the renderer benchmark: @recogito/text-annotator on the same text and spans,
// laid out like Spanwise's editor (one block per line). Query: renderer=SPANS|CSS_HIGHLIGHTS
// (absent: the library's default), floor=1 (no annotations), w / h: the text column's size.
;(async () => {
  const params = new URLSearchParams(location.search)
  const container = document.querySelector('.peer-text')
  container.style.width = `${params.get('w') || 700}px`
  container.style.height = `${params.get('h') || 600}px`
  const data = await (await fetch('data.json')).json()
  const fragment = document.createDocumentFragment()
  for (const line of data.text.split('\n')) {
    const element = document.createElement('div')
    element.className = 'line'
    element.dir = 'auto'
    element.append(line ? document.createTextNode(line) : document.createElement('br'))
    fragment.append(element)
  }
  container.replaceChildren(fragment)

  const colors = { actor: '#2f7ed8', claim: '#d9822b', figure: '#2e9e5b' }
  const options = { style: (annotation) => ({ fill: colors[annotation.bodies[0]?.value] || '#888', fillOpacity: 0.28 }) }
  if (params.get('renderer')) options.renderer = params.get('renderer')
  const anno = RecogitoJS.createTextAnnotator(container, options)
  // its offsets are UTF-16 units of the container's text nodes, so without the line breaks
  const toAnnotation = ({ id, start, end, label }) => ({
    id,
    bodies: [{ id: `${id}-b`, annotation: id, purpose: 'tagging', value: label }],
    target: { annotation: id, selector: [{ quote: data.flat.slice(start, end), start, end }] }
  })
  anno.setAnnotations(params.get('floor') ? [] : data.spans.map(toAnnotation))
  window.__anno = anno
  window.__peerReady = true

  /** Adds one annotation over a marker word; resolves when it is painted. */
  let added = 0
  window.__peerAdd = (marker) => {
    const at = data.markers[marker]
    const id = `new-${added++}`
    const painted =
      params.get('renderer') === 'CSS_HIGHLIGHTS'
        ? () => CSS.highlights.has(`_${id}`)
        : () => !!document.querySelector(`.r6o-span-highlight-layer [data-annotation="${id}"]`)
    const t0 = performance.now()
    anno.addAnnotation(toAnnotation({ id, start: at.start, end: at.end, label: 'actor' }))
    return window.__bench.when(painted).then((r) => ({ t0, ...r }))
  }
})()
