// Suggested spans are drawn apart from real ones: no fill, a dashed underline in the label's
// colour, so an analyst never takes a proposal for an annotation. They are painted by a second
// HighlightPainter under their own scope (its highlight names never meet the spans').
import type { Label } from '../../../shared/model'
import { highlightName } from './highlight-painter'

/** The painter scope of the main text's suggestions. */
export const SUGGESTION_SCOPE = 'sws'

function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `${(n >> 16) & 255} ${(n >> 8) & 255} ${n & 255}`
}

export function suggestionStyles(labels: Label[], chunks: number, scope = SUGGESTION_SCOPE): string {
  const rules = labels.map((label) => {
    const names = Array.from({ length: chunks }, (_, chunk) => `::highlight(${highlightName(label.name, chunk, scope)})`).join(', ')
    return `${names} { background-color: rgb(${rgb(label.color)} / 0.07); text-decoration: underline dashed rgb(${rgb(label.color)}) 2px; text-underline-offset: 4px; }`
  })
  // the selected suggestion: what Alt+Enter accepts and Alt+Delete rejects
  rules.push(`::highlight(${scope}-selected) { background-color: rgb(255 214 0 / 0.35); color: #000; text-decoration: underline dashed #000 2px; text-underline-offset: 4px; }`)
  return rules.join('\n')
}
