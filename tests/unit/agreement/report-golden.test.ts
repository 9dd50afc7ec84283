// The whole report for a generated project, compared with a golden file written by the code
// before the speed work (commit 6f2ad01): restructuring the computation must not move a single
// number. Regenerate only for an intended change of results: UPDATE_GOLDEN=1 npx vitest run <this>.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { buildReport, type AgreementDocument } from '../../../src/main/agreement/build-report'
import { generateTeamLayers } from '../../../bench/generate'

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'report-golden.json')
const RATERS = ['ana', 'ben', 'chloe']

/** 30 documents × 3 raters × 50 spans; every fifth lacks a rater, so pairs and partial documents count too. */
function project(): AgreementDocument[] {
  return [...generateTeamLayers(30, 50, RATERS)].map(({ record, layers }, i) => {
    if (i % 5 === 4) delete layers[RATERS[i % 3]!]
    return { documentId: record.id, title: record.title, text: record.text, layers }
  })
}

describe('the agreement report of a generated project', () => {
  it('is, number for number, what the code before the speed work gave', () => {
    const { createdAt: _createdAt, ...report } = buildReport(project(), {
      raters: RATERS,
      labels: ['actor', 'claim', 'figure'],
      spanwiseVersion: 'golden',
      filters: { status: null, includeGold: false }
    })
    const json = JSON.parse(JSON.stringify(report)) as unknown
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(json, null, 1)}\n`)
    expect(json).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')))
  })
})
