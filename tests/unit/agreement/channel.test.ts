// The agreement.report channel as both transports serve it (dispatch: validation, errors).
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { AgreementReport } from '../../../src/shared/agreement/report'
import { removeTempDirs, tempDir } from '../../helpers/temp'

let dispatch: Dispatch
const TEXT = 'The mayor said the bridge will cost 3.5 million euros.'

beforeAll(async () => {
  const store = await ProjectStore.open(path.join(await tempDir(), 'p'), { create: true })
  const [id] = (await store.addDocuments([{ text: TEXT, title: 'Bridge', meta: {} }])).ids
  await store.saveLayer(id!, 'ana', { spans: [{ id: 'a', label: 'actor', start: 0, end: 9 }] })
  await store.saveLayer(id!, 'ben', { spans: [{ id: 'b', label: 'actor', start: 4, end: 9 }] })
  dispatch = createDispatch(new Session(store, 'ana'))
})
afterAll(removeTempDirs)

describe('agreement.report', () => {
  it('answers with the report, only the measures asked for', async () => {
    const response = await dispatch('agreement.report', { measures: ['span_f1_overlap', 'span_f1_exact'] })
    expect(response.ok).toBe(true)
    const report = (response as { value: AgreementReport }).value
    expect(report.measures.map((m) => m.id)).toEqual(['span_f1_exact', 'span_f1_overlap'])
    expect(Object.keys(report.project)).toEqual(['span_f1_exact', 'span_f1_overlap'])
    // "The mayor" and "mayor": IoU 5/9 ≥ 0.5
    expect(report.project.span_f1_overlap).toEqual({ value: 1, counts: { compared: 1, matched: 1, onlyRow: 0, onlyColumn: 0 } })
    expect(report.pairs.map((p) => [p.a, p.b])).toEqual([['ana', 'ben']])
  })

  it('refuses an unknown measure as invalid input', async () => {
    const response = await dispatch('agreement.report', { measures: ['kappa_of_doom'] })
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('says why when there is nothing to compare', async () => {
    const response = await dispatch('agreement.report', { status: 'done' })
    expect(response).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'no document that every chosen annotator (ana, ben) marked done: nothing to compare' }
    })
  })
})
