// Label, attribute, relation type and annotator names are checked wherever they come in, and an
// import checks the same few names again and again (every span names its label: 500,000 checks
// of three names in a large import). Whether a name is valid depends on the name alone, so the
// valid ones are remembered and only a name not seen before goes through its zod schema.
import type { z } from 'zod'
import { annotatorNameSchema, labelNameSchema } from './model'

/** Enough for any real label set; past it the memory starts again rather than grow without end. */
const MAX_REMEMBERED = 10_000

/** A check returning null for a valid name, else the schema's first message about it. */
export type NameCheck = (name: unknown) => string | null

function remembering(schema: z.ZodType<string>): NameCheck {
  const valid = new Set<string>()
  return (name) => {
    if (typeof name === 'string' && valid.has(name)) return null
    const parsed = schema.safeParse(name)
    if (!parsed.success) return parsed.error.issues[0]?.message ?? 'invalid name'
    if (valid.size >= MAX_REMEMBERED) valid.clear()
    valid.add(parsed.data)
    return null
  }
}

/** Labels, attribute names and relation types share the label-name alphabet. */
export const labelNameProblem: NameCheck = remembering(labelNameSchema)
export const annotatorNameProblem: NameCheck = remembering(annotatorNameSchema)
