// The Review view saves decision after decision, each stating the version the previous save
// returned: that version must be the one the file on disk has, or the second decision is refused.
import { afterEach, expect, it } from 'vitest'
import { GOLD_ABSENT_VERSION, GoldStore } from '../../../src/main/review/gold-store'
import { emptyGold, rejectUnit, reviewUnits, takeVersion } from '../../../src/shared/review'
import { removeTempDirs } from '../../helpers/temp'
import { BY } from '../review/fixture'
import { reviewProject } from '../review/project'

afterEach(removeTempDirs)

it('a save returns the version of the bytes it wrote, so the next save based on it goes through', async () => {
  const { store, first } = await reviewProject()
  const goldStore = new GoldStore(store)
  const layers = await Promise.all(['ann', 'bob', 'cat'].map((name) => store.getLayer(first, name)))
  const units = reviewUnits(layers, emptyGold(first))
  const once = await goldStore.save(first, GOLD_ABSENT_VERSION, takeVersion(emptyGold(first), units[1]!, 'bob', BY))
  expect(goldStore.read(first).version).toBe(once.version)
  const twice = await goldStore.save(first, once.version, rejectUnit(once.gold, units[3]!, BY))
  expect(goldStore.read(first).version).toBe(twice.version)
  expect(twice.gold.rejected).toHaveLength(1)
})
