// γ's best alignment with three raters: on small documents it must equal a brute force over
// every partition of the units into unitary alignments (one unit or ∅ per rater).
import { describe, expect, it } from 'vitest'
import { bestAlignment, dissimilarity, type GammaUnit } from '../../../src/main/agreement/gamma'

/** Σ over rater pairs of d, ∅ against a unit = 1, ∅ against ∅ = 0: written out independently. */
function bruteForce(layers: GammaUnit[][]): number {
  const items = layers.flatMap((units, rater) => units.map((unit) => ({ unit, rater })))
  let best = Infinity
  const blocks: (GammaUnit | null)[][] = []
  const cost = () =>
    blocks.reduce((sum, block) => {
      let c = 0
      for (let i = 0; i < block.length; i++)
        for (let j = i + 1; j < block.length; j++) {
          const u = block[i]
          const v = block[j]
          c += u && v ? dissimilarity(u, v) : u || v ? 1 : 0
        }
      return sum + c
    }, 0)
  const walk = (i: number) => {
    if (i === items.length) return void (best = Math.min(best, cost()))
    const { unit, rater } = items[i]!
    for (const block of blocks) {
      if (block[rater]) continue
      block[rater] = unit
      walk(i + 1)
      block[rater] = null
    }
    blocks.push(layers.map((_, r) => (r === rater ? unit : null)))
    walk(i + 1)
    blocks.pop()
  }
  walk(0)
  return best
}

function lcg(seed: number): () => number {
  let state = seed >>> 0
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

describe('γ best alignment, three raters', () => {
  it('equals the brute force on 200 random small documents', () => {
    const next = lcg(5)
    for (let trial = 0; trial < 200; trial++) {
      const layers = [0, 1, 2].map(() =>
        Array.from({ length: Math.floor(next() * 3) }, () => {
          const start = Math.floor(next() * 30)
          return { start, end: start + 1 + Math.floor(next() * 8), label: next() < 0.5 ? 'actor' : 'claim' }
        })
      )
      expect(bestAlignment(layers).cost).toBeCloseTo(bruteForce(layers), 9)
    }
  })

  it('keeps far apart units in unitary alignments of their own', () => {
    const a = { start: 0, end: 5, label: 'actor' }
    const b = { start: 100, end: 105, label: 'actor' }
    const alignment = bestAlignment([[a], [b], [{ ...a }]])
    expect(alignment.tuples).toHaveLength(2)
    // (a, ∅, a) costs ∅ twice; (∅, b, ∅) costs ∅ twice
    expect(alignment.cost).toBe(4)
  })
})
