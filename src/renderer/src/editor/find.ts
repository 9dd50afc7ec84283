/** Case-insensitive matches of `query` in `text`, as UTF-16 ranges (for painting). */
export function findMatches(text: string, query: string, limit = 10_000): { start: number; end: number }[] {
  if (!query) return []
  const haystack = text.toLocaleLowerCase()
  const needle = query.toLocaleLowerCase()
  // lower-casing can change lengths (e.g. "İ"): then match the exact text instead
  const [inText, what] = haystack.length === text.length ? [haystack, needle] : [text, query]
  const matches: { start: number; end: number }[] = []
  for (let at = inText.indexOf(what); at >= 0 && matches.length < limit; at = inText.indexOf(what, at + what.length)) {
    matches.push({ start: at, end: at + what.length })
  }
  return matches
}
