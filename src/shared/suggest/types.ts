// Suggested spans: proposed by a source (the analyst's own labels, dictionaries, patterns, an
// offline model), shown apart from real spans, and written into a layer only when accepted.
// Offsets are code points, like every stored or exchanged offset (see ../offsets.ts).

export const SUGGESTION_SOURCES = ['own', 'dictionary', 'patterns', 'model'] as const
export type SuggestionSourceId = (typeof SUGGESTION_SOURCES)[number]

export interface Suggestion {
  start: number
  end: number
  label: string
  source: SuggestionSourceId
}

/** What a rejection remembers of a suggestion: where it was and what it proposed. */
export interface SuggestionMark {
  start: number
  end: number
  label: string
}

/** The kinds of things the offline model finds; the project maps each to one of its labels (or none). */
export const MODEL_TYPES = ['person', 'organization', 'place', 'value', 'money', 'percent'] as const
export type ModelType = (typeof MODEL_TYPES)[number]

export interface SuggestPattern {
  label: string
  /** `tokens`: words and {number}/{word}/{Cap} slots (see docs/suggestions.md); `regex`: a JavaScript regular expression. */
  kind: 'tokens' | 'regex'
  pattern: string
}

/** suggest/settings.json: the project's patterns and the model's label mapping. */
export interface SuggestSettings {
  version: 1
  patterns: SuggestPattern[]
  /** Model type → project label; null or absent: not suggested. */
  modelMapping: Partial<Record<ModelType, string | null>>
}

export const DEFAULT_SUGGEST_SETTINGS: SuggestSettings = {
  version: 1,
  patterns: [
    // numbers with units: "48 hostages", "41,200 Palestinians", "one million people", "12 %"
    { label: 'figure', kind: 'tokens', pattern: '{number}+ %|percent|per|million|billion|thousand|hostages|people|Palestinians|Israelis|soldiers|civilians|children|dead|killed|wounded|euros|dollars|km|tonnes' }
  ],
  modelMapping: { person: 'actor', organization: 'actor', place: 'actor', value: 'figure', money: 'figure', percent: 'figure' }
}

export function suggestionKey(mark: SuggestionMark): string {
  return `${mark.label}\u0000${mark.start}\u0000${mark.end}`
}

const SOURCE_RANK: Record<SuggestionSourceId, number> = { own: 0, dictionary: 1, patterns: 2, model: 3 }

/** Spans of one label, sorted, to ask in O(log n) whether any overlaps a range. */
class RangeSet {
  private readonly starts: number[]
  /** The largest end among the ranges up to each index. */
  private readonly maxEnds: number[]

  constructor(ranges: SuggestionMark[]) {
    const sorted = [...ranges].sort((a, b) => a.start - b.start)
    this.starts = sorted.map((r) => r.start)
    let max = -1
    this.maxEnds = sorted.map((r) => (max = Math.max(max, r.end)))
  }

  overlaps(start: number, end: number): boolean {
    // ranges starting before `end`: one of them overlaps if it ends after `start`
    let lo = 0
    let hi = this.starts.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.starts[mid]! < end) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.maxEnds[lo - 1]! > start
  }
}

/**
 * The suggestions worth showing against a layer's spans: none that was rejected, none where a
 * span of the same label overlaps or any span has the same bounds, and of suggestions of one
 * label that overlap each other only the longer (the first source in SUGGESTION_SOURCES order
 * on a tie). In text order.
 */
export function visibleSuggestions(
  suggestions: Suggestion[],
  spans: readonly SuggestionMark[],
  rejected: ReadonlySet<string>
): Suggestion[] {
  const spanBounds = new Set(spans.map((span) => `${span.start}:${span.end}`))
  const byLabel = new Map<string, SuggestionMark[]>()
  for (const span of spans) {
    const list = byLabel.get(span.label)
    if (list) list.push(span)
    else byLabel.set(span.label, [span])
  }
  const spanSets = new Map([...byLabel].map(([label, list]) => [label, new RangeSet(list)]))
  const candidates = suggestions
    .filter((s) => !rejected.has(suggestionKey(s)) && !spanBounds.has(`${s.start}:${s.end}`) && !spanSets.get(s.label)?.overlaps(s.start, s.end))
    .sort((a, b) => a.start - b.start || b.end - a.end || SOURCE_RANK[a.source] - SOURCE_RANK[b.source])
  // one sweep in text order: of two overlapping suggestions of a label, the longer stays
  const kept: Suggestion[] = []
  const lastOfLabel = new Map<string, number>()
  for (const suggestion of candidates) {
    const index = lastOfLabel.get(suggestion.label)
    const last = index === undefined ? undefined : kept[index]
    if (last && last.end > suggestion.start) {
      if (suggestion.end - suggestion.start > last.end - last.start) kept[index!] = suggestion
      continue
    }
    lastOfLabel.set(suggestion.label, kept.length)
    kept.push(suggestion)
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label))
}
