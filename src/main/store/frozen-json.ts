// The JSON text of a frozen answer, made once: the document list of 100,000 rows is answered
// again while nothing changes (listing-index.ts freezes it), and takes ~0.15 s to stringify.
// A list read back from the listing cache comes with its text already (no stringify at all).

const texts = new WeakMap<object, string>()

/** `value` frozen, its JSON text known to be `json` (when given). */
export function freezeWithJson<T extends object>(value: T, json?: string): T {
  Object.freeze(value)
  if (json !== undefined) texts.set(value, json)
  return value
}

/** The JSON text of a frozen value, made at the first call. */
export function jsonOfFrozen(value: object): string {
  let json = texts.get(value)
  if (json === undefined) texts.set(value, (json = JSON.stringify(value)))
  return json
}
