// How annotators are named in the review: by name, or, in an anonymous review, as "Annotator 1…"
// numbered once for the whole project (alphabetical order), so a number means the same person
// in every document (INCEpTION's numbering shifts as annotators finish or re-open documents).
import type { ReviewStatus } from '../../../../shared/review'

export interface AnnotatorNames {
  anonymous: boolean
  of(name: string): string
}

export function annotatorNames(all: string[], anonymous: boolean): AnnotatorNames {
  const order = [...new Set(all)].sort()
  return {
    anonymous,
    of: (name) => {
      if (!anonymous) return name
      const index = order.indexOf(name)
      return `Annotator ${index < 0 ? '?' : index + 1}`
    }
  }
}

export const REVIEW_STATUS_TEXT: Record<ReviewStatus, string> = { not_started: 'Not started', in_progress: 'In review', done: 'Reviewed' }
