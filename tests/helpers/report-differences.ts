// Compares agreement reports number by number: sums merged in another order (batches, worker
// threads, the cache) may differ in the last bits, never beyond 1e-9.

/** Every difference between two reports beyond 1e-9, each with where it is. */
export function differences(a: unknown, b: unknown, at = 'report'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 ? [] : [`${at}: ${a} ≠ ${b}`]
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`))
  }
  return a === b ? [] : [`${at}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`]
}
