// Name checks remember valid names (an import checks every span's label): the answers must stay
// exactly those of the zod schemas, for valid and invalid names alike, however often asked.
import { describe, expect, it } from 'vitest'
import { annotatorNameSchema, labelNameSchema } from '../../../src/shared/model'
import { annotatorNameProblem, labelNameProblem } from '../../../src/shared/valid-names'

const schemaProblem = (schema: typeof labelNameSchema | typeof annotatorNameSchema, name: unknown) => {
  const parsed = schema.safeParse(name)
  return parsed.success ? null : parsed.error.issues[0]?.message
}

describe('remembered name checks', () => {
  const labels: unknown[] = ['actor', 'Akteur_2', 'قال', '', 'two words', 'x'.repeat(49), 'a.b', 42, null]
  const annotators: unknown[] = ['alice', 'bob@example.org', 'a.b', '..', 'a..b', '.', 'with space', '', 'x'.repeat(65), undefined]

  it('give the schema’s answer, the first time and every time after', () => {
    for (let round = 0; round < 3; round++) {
      for (const name of labels) expect(labelNameProblem(name)).toBe(schemaProblem(labelNameSchema, name))
      for (const name of annotators) expect(annotatorNameProblem(name)).toBe(schemaProblem(annotatorNameSchema, name))
    }
  })

  it('keep answering right past the memory limit', () => {
    for (let n = 0; n < 10_050; n++) expect(labelNameProblem(`label_${n}`)).toBeNull()
    expect(labelNameProblem('label_0')).toBeNull()
    expect(labelNameProblem('not valid')).toBe(schemaProblem(labelNameSchema, 'not valid'))
  })
})
