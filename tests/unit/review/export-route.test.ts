// The Export dialog's gold choice in browser mode: GET export?layer=gold streams the gold layer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session } from '../../../src/main/api/session'
import { GoldStore } from '../../../src/main/review/gold-store'
import { mergeProject } from '../../../src/main/review/review-service'
import { startServer, type RunningServer } from '../../../src/main/server/http-server'
import { removeTempDirs } from '../../helpers/temp'
import { reviewProject } from './project'

let server: RunningServer
let second: string

beforeAll(async () => {
  const project = await reviewProject()
  second = project.second
  await mergeProject(project.store, new GoldStore(project.store), { strategy: 'unanimous', filter: {}, by: 'rita' })
  server = await startServer(new Session(project.store, 'rita'), { port: 0 })
})

afterAll(async () => {
  await server?.close()
  await removeTempDirs()
})

describe('export route, gold layer', () => {
  it('streams gold records with provenance', async () => {
    const res = await fetch(`${server.url}export?format=jsonl&layer=gold`)
    expect(res.status).toBe(200)
    const records = (await res.text()).trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(records).toHaveLength(2)
    expect(records.every((r) => r.layer === 'gold' && r.annotator === 'gold' && r.review_status === 'in_progress')).toBe(true)
    expect(records.find((r) => r.id === second).spans).toEqual([
      {
        id: 'g1',
        start: 0,
        end: 14,
        label: 'actor',
        text: 'Mayor Ana Lind',
        provenance: {
          decision: 'auto_merged',
          strategy: 'unanimous',
          sources: [
            { annotator: 'ann', spanId: 'x1' },
            { annotator: 'bob', spanId: 'y1' }
          ],
          decidedBy: 'rita',
          decidedAt: expect.any(String)
        }
      }
    ])
  })

  it('refuses an unknown layer', async () => {
    const res = await fetch(`${server.url}export?layer=silver`)
    expect(res.status).toBe(400)
    expect(await res.text()).toMatch(/layer is gold/)
  })
})
