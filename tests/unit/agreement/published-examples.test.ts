// The chance-corrected coefficients against the worked examples their authors published.
import { describe, expect, it } from 'vitest'
import { MISSING, NominalTable } from '../../../src/main/agreement/nominal'

describe("Krippendorff's α (nominal)", () => {
  it('gives 0.743 on the reliability data of Krippendorff (2011), 4 observers × 12 units with missing values', () => {
    // "Computing Krippendorff's Alpha-Reliability" (2011), section C: rows are observers A–D,
    // columns units 1–12, "." a missing value
    const data = [
      '1 2 3 3 2 1 4 1 2 . . .',
      '1 2 3 3 2 2 4 1 2 5 . 3',
      '. 3 3 3 2 3 4 2 2 5 1 .',
      '1 2 3 3 2 4 4 1 2 5 1 .'
    ].map((row) => row.split(' ').map((v) => (v === '.' ? MISSING : Number(v))))
    const table = new NominalTable(4, 6)
    for (let unit = 0; unit < 12; unit++) table.add(data.map((row) => row[unit]!))
    const alpha = table.krippendorffAlpha()
    expect(alpha.value).toBeCloseTo(0.743, 3)
    // unit 12 has one value only (observer B): it cannot be paired
    expect(alpha.counts.compared).toBe(11)
  })

  it('a unit rated by one observer only changes nothing', () => {
    const table = new NominalTable(3, 3)
    table.add([1, 1, 2])
    table.add([2, 2, 2])
    table.add([0, 1, 1])
    const before = table.krippendorffAlpha().value
    table.add([MISSING, 2, MISSING])
    expect(table.krippendorffAlpha().value).toBe(before)
  })
})

describe("Fleiss' κ", () => {
  it("gives 0.210 on the classic 10 subjects × 14 raters × 5 categories example (after Fleiss 1971)", () => {
    // number of raters who put each subject in each category
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7]
    ]
    const table = new NominalTable(14, 5)
    for (const row of counts) table.add(row.flatMap((n, category) => Array.from({ length: n }, () => category)))
    const kappa = table.fleissKappa()
    expect(kappa.value).toBeCloseTo(0.21, 3)
    expect(kappa.counts).toEqual({ compared: 10, matched: 1, onlyRow: 0, onlyColumn: 0 })
  })

  it('leaves out items some rater did not rate', () => {
    const table = new NominalTable(3, 2)
    table.add([0, 0, 1])
    table.add([1, 1, 1])
    const complete = table.fleissKappa().value
    table.add([0, MISSING, 1])
    expect(table.fleissKappa().value).toBe(complete)
    expect(table.fleissKappa().counts.compared).toBe(2)
  })
})

describe("Cohen's κ", () => {
  it('matches the hand computation on a 2×2 table', () => {
    // a: yes yes no no no, b: yes no no no yes → p_o = 3/5, p_e = (2/5)(2/5) + (3/5)(3/5) = 13/25
    const table = new NominalTable(2, 2)
    for (const pair of [
      [1, 1],
      [1, 0],
      [0, 0],
      [0, 0],
      [0, 1]
    ]) table.add(pair)
    const kappa = table.cohenKappa(0, 1)
    expect(kappa.value).toBeCloseTo((3 / 5 - 13 / 25) / (1 - 13 / 25), 12)
    expect(kappa.counts).toEqual({ compared: 5, matched: 3, onlyRow: 1, onlyColumn: 1 })
  })

  it('is undefined (null), not 1 or NaN, when both raters use one category only', () => {
    const table = new NominalTable(2, 2)
    table.add([0, 0], 7)
    expect(table.cohenKappa(0, 1).value).toBeNull()
  })
})
