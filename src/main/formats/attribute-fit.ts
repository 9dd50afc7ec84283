// Fits attribute values read from files to the project's label definitions before anything is
// stored, so that saveLayer accepts them (docs/formats.md, "Attributes, notes and relations"):
// - an attribute the label does not define yet is added to it: "number" when every value the
//   importing file gives it is a JSON number, else "text" (numbers then become strings);
// - a "number" attribute takes numbers and numeric strings (brat has only strings); any other
//   string rejects the file;
// - a "text" attribute takes strings; numbers become strings;
// - an "enum" attribute takes its options; a value it lacks is added as a new option (up to the
//   model's 50 options of 1-80 characters; beyond that the file is rejected).
// A file's documents fit all together or the file is rejected (ImportError naming file and line).
import type { Attribute, Label } from '../../shared/model'
import { ImportError } from '../importing/errors'
import type { ParsedDocument, ParsedSpan } from './types'

const MAX_ATTRIBUTES = 20
const MAX_OPTIONS = 50
const MAX_OPTION_LENGTH = 80
const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/

const clone = (definitions: Map<string, Attribute[]>) =>
  new Map([...definitions].map(([label, attributes]) => [label, attributes.map((a) => (a.type === 'enum' ? { ...a, options: [...a.options] } : { ...a }))]))

/** One value fitted to its definition; an enum may gain the value as an option. */
function fitValue(attribute: Attribute, value: string | number, problem: (message: string) => never): string | number {
  if (attribute.type === 'number') {
    if (typeof value === 'number') return value
    if (NUMERIC.test(value.trim())) return Number(value.trim())
    return problem(`attribute "${attribute.name}" is ${JSON.stringify(value)}, but the label defines it as a number`)
  }
  const text = typeof value === 'number' ? String(value) : value
  if (attribute.type === 'text' || attribute.options.includes(text)) return text
  if (text.length === 0 || text.length > MAX_OPTION_LENGTH || attribute.options.length >= MAX_OPTIONS) {
    return problem(
      `attribute "${attribute.name}" is ${JSON.stringify(text)}, not one of its options (${attribute.options.join(', ')}), and cannot become one (at most ${MAX_OPTIONS} options of 1-${MAX_OPTION_LENGTH} characters)`
    )
  }
  attribute.options.push(text)
  return text
}

export class AttributeFit {
  private definitions: Map<string, Attribute[]>
  private readonly original: Map<string, Attribute[]>

  constructor(labels: Label[]) {
    this.original = new Map(labels.map((label) => [label.name, label.attributes]))
    this.definitions = clone(this.original)
  }

  /**
   * Fits the attribute values of one file's documents (coercing them in place) or throws an
   * ImportError and changes nothing, neither the documents nor the definitions.
   */
  fitFile(docs: ParsedDocument[]): void {
    const draft = clone(this.definitions)
    const spans = docs.flatMap((doc) => doc.spans.filter((span) => span.attributes).map((span) => ({ doc, span })))
    // new definitions first, typed by every value this file gives them
    const unknown = new Map<string, { label: string; name: string; allNumbers: boolean; first: { doc: ParsedDocument; span: ParsedSpan } }>()
    for (const entry of spans) {
      const defined = draft.get(entry.span.label) ?? []
      for (const [name, value] of Object.entries(entry.span.attributes!)) {
        if (defined.some((a) => a.name === name)) continue
        const key = `${entry.span.label}\u0000${name}`
        const seen = unknown.get(key)
        if (seen) seen.allNumbers &&= typeof value === 'number'
        else unknown.set(key, { label: entry.span.label, name, allNumbers: typeof value === 'number', first: entry })
      }
    }
    for (const { label, name, allNumbers, first } of unknown.values()) {
      const defined = draft.get(label) ?? []
      if (defined.length >= MAX_ATTRIBUTES) {
        throw this.error(first.doc, first.span, `label "${label}" already has ${MAX_ATTRIBUTES} attributes; cannot add "${name}"`)
      }
      draft.set(label, [...defined, { name, type: allNumbers ? 'number' : 'text' }])
    }
    // then every value, fitted to its definition; applied only when the whole file fits
    const fitted: { span: ParsedSpan; attributes: Record<string, string | number> }[] = []
    for (const { doc, span } of spans) {
      const attributes: Record<string, string | number> = {}
      for (const [name, value] of Object.entries(span.attributes!)) {
        const attribute = draft.get(span.label)!.find((a) => a.name === name)!
        attributes[name] = fitValue(attribute, value, (problem) => {
          throw this.error(doc, span, problem)
        })
      }
      fitted.push({ span, attributes })
    }
    for (const { span, attributes } of fitted) span.attributes = attributes
    this.definitions = draft
  }

  private error(doc: ParsedDocument, span: ParsedSpan, problem: string): ImportError {
    return new ImportError(doc.file, `span "${span.label}" [${span.start}, ${span.end}): ${problem}`, span.line)
  }

  /** The definitions as they are now, to go back to when a streamed file is rejected after some batches fitted. */
  mark(): Map<string, Attribute[]> {
    return clone(this.definitions)
  }

  reset(mark: Map<string, Attribute[]>): void {
    this.definitions = mark
  }

  /** Definitions to add to the project, per label: new attributes, and enums with new options. */
  additions(): { label: string; attributes: Attribute[] }[] {
    const out: { label: string; attributes: Attribute[] }[] = []
    for (const [label, attributes] of this.definitions) {
      const before = this.original.get(label) ?? []
      const changed = attributes.filter((attribute) => {
        const old = before.find((a) => a.name === attribute.name)
        return !old || (old.type === 'enum' && attribute.type === 'enum' && old.options.length !== attribute.options.length)
      })
      if (changed.length > 0) out.push({ label, attributes: changed })
    }
    return out
  }
}
