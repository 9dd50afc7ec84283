// The one number the review list shows per document: the mean, over every pair of annotators,
// of span F1 with overlapping bounds and the same label (matchSpans' overlap/strict rule). The
// Agreement view has the full measures; this is only "how much do they disagree here".
import { matchSpans } from '../alignment'
import type { AnnotationLayer } from '../model'

/** Mean pairwise overlap span F1 (label-strict); null with fewer than two layers or no spans at all. */
export function meanPairwiseF1(layers: AnnotationLayer[]): number | null {
  let sum = 0
  let pairs = 0
  for (let i = 0; i < layers.length; i++) {
    for (let j = i + 1; j < layers.length; j++) {
      const a = layers[i]!.spans
      const b = layers[j]!.spans
      if (a.length + b.length === 0) continue
      const matched = matchSpans(a, b, { boundaries: 'overlap', labels: 'strict' }).pairs.length
      sum += (2 * matched) / (a.length + b.length)
      pairs++
    }
  }
  return pairs === 0 ? null : sum / pairs
}
