// The one way Spanwise turns a stored value into bytes. Project folders are shared through git,
// so the same content must always give the same bytes (no diff when nothing changed) and a
// change must give a small, readable diff:
//   - object keys in sorted order (code unit order), at every depth;
//   - the top-level object one key per line, and a top-level array (a layer's spans) one item
//     per line, so adding a span adds one line; anything deeper stays on its item's line;
//   - one trailing newline.
// Values that JSON cannot hold (undefined, functions) are left out as JSON.stringify does.

function sortedReplacer(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const sorted: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) sorted[key] = (value as Record<string, unknown>)[key]
  return sorted
}

/**
 * Whether every object in `value` already has its keys in sorted order (and none has toJSON):
 * then JSON.stringify without a replacer gives the canonical text, several times faster than
 * calling a replacer for every value. Bulk writers (an import) build their objects so.
 */
function inCanonicalOrder(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true
  if (Array.isArray(value)) {
    for (const item of value) if (!inCanonicalOrder(item)) return false
    return true
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  let previous: string | undefined
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false
    if (previous !== undefined && !(previous < key)) return false
    if (!inCanonicalOrder((value as Record<string, unknown>)[key])) return false
    previous = key
  }
  return true
}

/** A value on one line, keys sorted at every depth. */
function compact(value: unknown): string | undefined {
  return inCanonicalOrder(value) ? JSON.stringify(value) : JSON.stringify(value, sortedReplacer)
}

function topLevelValue(value: unknown): string | undefined {
  if (!Array.isArray(value) || value.length === 0) return compact(value)
  // undefined items become null, as in JSON.stringify
  return `[\n${value.map((item) => `    ${compact(item) ?? 'null'}`).join(',\n')}\n  ]`
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `${compact(value) ?? 'null'}\n`
  const lines: string[] = []
  for (const key of Object.keys(value).sort()) {
    const text = topLevelValue((value as Record<string, unknown>)[key])
    if (text !== undefined) lines.push(`  ${JSON.stringify(key)}: ${text}`)
  }
  return lines.length === 0 ? '{}\n' : `{\n${lines.join(',\n')}\n}\n`
}
