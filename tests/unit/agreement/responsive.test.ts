// A report over a few hundred documents takes seconds of CPU: the backend must keep answering
// other requests while it computes (the server and the app's main process share one event loop).
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDispatch, type Dispatch } from '../../../src/main/api/handlers'
import { Session } from '../../../src/main/api/session'
import { ProjectStore } from '../../../src/main/store/project-store'
import type { AgreementReport } from '../../../src/shared/agreement/report'
import { generateTeamLayers } from '../../../bench/generate'
import { removeTempDirs, tempDir } from '../../helpers/temp'

const DOCUMENTS = 200
const RATERS = ['ana', 'ben', 'chloe']
let dispatch: Dispatch

beforeAll(async () => {
  const store = await ProjectStore.open(path.join(await tempDir(), 'p'), { create: true })
  const team = [...generateTeamLayers(DOCUMENTS, 50, RATERS)]
  const { ids } = await store.addDocuments(team.map(({ record }) => ({ text: record.text, title: record.title, meta: {} })))
  for (const [i, { record, layers }] of team.entries()) {
    for (const name of RATERS) await store.saveLayer(ids[i]!, name, { spans: layers[name]!, status: 'done' }, { text: record.text })
  }
  dispatch = createDispatch(new Session(store, 'ana'))
}, 120_000)
afterAll(removeTempDirs)

describe('agreement.report on a few hundred documents', () => {
  it('lets a cheap request answer while it computes', async () => {
    const order: string[] = []
    const report = dispatch('agreement.report', {}).then((response) => {
      order.push('report')
      return response
    })
    // once the report is measuring documents (not only waiting for files), ask for something cheap
    await new Promise((resolve) => setTimeout(resolve, 200))
    const info = await dispatch('project.info', {})
    order.push('info')
    const response = await report
    expect(info.ok).toBe(true)
    expect(order).toEqual(['info', 'report'])
    expect(response.ok).toBe(true)
    expect((response as { value: AgreementReport }).value.filters.documents).toBe(DOCUMENTS)
  }, 120_000)
})
