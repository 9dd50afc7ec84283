import { mergeDocument, emptyGold } from '../src/shared/review'
import { overlapClusters } from '../src/shared/alignment'
import { generateRecords, random } from '../bench/generate'
const LABELS = ['actor', 'claim', 'figure']
function perturb(spans: any[], length: number, seed: number, prefix: string) {
  const next = random(seed); const out: any[] = []
  for (const span of spans) { const roll = next(); if (roll < 0.06) continue; const copy = { ...span, id: prefix + span.id }
    if (roll < 0.13) copy.label = LABELS[(LABELS.indexOf(span.label) + 1) % 3]; else if (roll < 0.2) { if (copy.end - copy.start > 1) copy.start += 1; else copy.end += 1 }
    out.push(copy) }
  return out }
const docs = [...generateRecords(3000, 50, 5)].map((r, i) => ['ann','bob','cat'].map((annotator, a) => ({ version: 1 as const, documentId: 'd'+i, annotator, status: 'done' as const, relations: [], updatedAt: null,
  spans: a === 0 ? r.spans.map(({id,start,end,label}) => ({id,start,end,label})) : perturb(r.spans.map(({id,start,end,label}) => ({id,start,end,label})), 2000, i*7+a, annotator[0]) })))
const sizes = docs.flatMap(layers => overlapClusters(layers.flatMap(l => l.spans), s => s).map(c => c.length))
const hist: Record<number, number> = {}; sizes.forEach(n => hist[Math.min(n, 20)] = (hist[Math.min(n,20)]||0)+1); console.log(JSON.stringify(hist))
for (let k=0;k<3;k++){ const t = performance.now(); for (const layers of docs) mergeDocument(layers, emptyGold('x'), { strategy: 'unanimous', by: 'b' }); console.log('per doc', ((performance.now()-t)/docs.length).toFixed(2)) }
