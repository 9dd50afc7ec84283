// How deeply a JSON value may nest. Nothing Spanwise reads needs more than a few levels, but
// JSON.parse takes any depth, and the first recursive step after it (writing the value, zod)
// would fail with "Maximum call stack size exceeded", naming no file. So depth is checked where
// JSON comes in, and a value nested too deeply is refused with its file and line.

export const MAX_JSON_DEPTH = 100

/** Whether `value` nests deeper than `max` (never recurses more than `max` levels itself). */
export function nestsTooDeep(value: unknown, max = MAX_JSON_DEPTH, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false
  if (depth >= max) return true
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && nestsTooDeep(item, max, depth + 1)) return true
    return false
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key]
    if (typeof item === 'object' && nestsTooDeep(item, max, depth + 1)) return true
  }
  return false
}

/** Where in a JSON text the nesting first goes past `max` (for the line of the message), or -1. */
export function indexPastDepth(source: string, max = MAX_JSON_DEPTH): number {
  let depth = 0
  let inString = false
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return -1
}

export const TOO_DEEP = `JSON nested more than ${MAX_JSON_DEPTH} levels deep; Spanwise reads at most ${MAX_JSON_DEPTH}`
