// Shared checks for data read from files: every span offset from outside passes through
// spanFromInput, which validates it in the file's own unit and converts it to code points with
// OffsetMap (the one place units change), so a bad span always names its file and line.
import { annotatorNameProblem, labelNameProblem } from '../../shared/valid-names'
import type { OffsetMap, OffsetUnit } from '../../shared/offsets'
import { ImportError } from '../importing/errors'
import type { AttributeValues, ParsedSpan } from './types'

export interface Where {
  file: string
  line?: number
  /** Extra location for formats without useful lines, e.g. "task 3". */
  context?: string
}

export function fail(where: Where, problem: string): never {
  throw new ImportError(where.file, where.context ? `${where.context}: ${problem}` : problem, where.line)
}

const UNIT_NAME: Record<OffsetUnit, string> = { codepoint: 'code points', utf16: 'UTF-16 units' }

export function unitName(unit: OffsetUnit): string {
  return UNIT_NAME[unit]
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Validates one span given in `unit` and returns it in code points. When the file also gives
 * the span's text, it must match the document text there: that catches offsets in the wrong unit.
 */
export function spanFromInput(
  map: OffsetMap,
  input: { start?: unknown; end?: unknown; label?: unknown; text?: unknown },
  unit: OffsetUnit,
  where: Where
): ParsedSpan {
  const { start, end, label } = input
  if (typeof label !== 'string' || label === '') fail(where, `span label ${JSON.stringify(label)} is not a non-empty string`)
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    fail(where, `span "${label}" has offsets ${JSON.stringify(start)}, ${JSON.stringify(end)}; expected whole numbers`)
  }
  const s = start as number
  const e = end as number
  const length = map.lengthIn(unit)
  if (s < 0) fail(where, `span "${label}" starts at ${s}, before the text`)
  if (e < s) fail(where, `span "${label}" is reversed: it ends at ${e} before it starts at ${s}`)
  if (e === s) fail(where, `span "${label}" at ${s} is empty`)
  if (e > length) fail(where, `span "${label}" [${s}, ${e}) ends past the text, which is ${length} ${unitName(unit)} long`)
  const cs = map.convert(s, unit, 'codepoint')
  const ce = map.convert(e, unit, 'codepoint')
  if (unit === 'utf16' && (map.toUtf16(cs) !== s || map.toUtf16(ce) !== e)) {
    fail(where, `span "${label}" [${s}, ${e}) splits a surrogate pair: these offsets are not UTF-16 units (try --offsets codepoint)`)
  }
  if (typeof input.text === 'string') {
    const actual = map.sliceCodePoints(cs, ce)
    if (actual !== input.text) {
      const other: OffsetUnit = unit === 'utf16' ? 'codepoint' : 'utf16'
      fail(
        where,
        `span "${label}" [${s}, ${e}) says its text is ${JSON.stringify(input.text)} but the text there is ${JSON.stringify(actual)} (offsets read as ${unitName(unit)}; try --offsets ${other})`
      )
    }
  }
  // the line travels with the span, so that a problem found later in the import (its label,
  // its attributes) is reported where the span is
  return where.line === undefined ? { start: cs, end: ce, label } : { start: cs, end: ce, label, line: where.line }
}

/**
 * An annotator named by a file (Prodigy _annotator_id, Label Studio completed_by...), made safe
 * as a folder name the way defaultAnnotator does; undefined when nothing usable is left.
 */
export function annotatorFromFile(value: unknown): string | undefined {
  let name: string | undefined
  if (typeof value === 'string') name = value
  else if (typeof value === 'number' && Number.isFinite(value)) name = String(value)
  else if (isObject(value)) {
    const candidate = value.email ?? value.username ?? value.id
    if (typeof candidate === 'string' || typeof candidate === 'number') name = String(candidate)
  }
  if (name === undefined) return undefined
  const safe = name.normalize('NFC').trim().replace(/[^\p{L}\p{N}_.@-]+/gu, '_').replace(/\.\.+/g, '_')
  return annotatorNameProblem(safe) === null ? safe : undefined
}

/** Meta from a file: its own meta object plus the source file name (kept when already there). */
export function metaWithSource(meta: unknown, file: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const merged = { ...extra, ...(isObject(meta) ? meta : {}) }
  return 'source' in merged ? merged : { ...merged, source: file }
}

/** Limits of the data model (src/shared/model.ts spanSchema), checked on read to name the line. */
export const MAX_ATTRIBUTE_TEXT = 2000
export const MAX_NOTE = 10_000

/** Checks an attribute name as the model requires (the label-name alphabet). */
export function checkAttributeName(where: Where, name: string, owner: string): void {
  const problem = labelNameProblem(name)
  if (problem !== null) fail(where, `${owner}: attribute name ${JSON.stringify(name)}: ${problem}`)
}

/** One attribute value from a file: a string (up to 2000 characters) or a finite number. */
export function checkAttributeValue(where: Where, name: string, value: unknown, owner: string): string | number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string') {
    if (value.length > MAX_ATTRIBUTE_TEXT) fail(where, `${owner}: attribute "${name}" is longer than ${MAX_ATTRIBUTE_TEXT} characters`)
    return value
  }
  return fail(where, `${owner}: attribute "${name}" is ${JSON.stringify(value)}; expected a string or a number`)
}

/** A span's `attributes` object from a JSON file; undefined when absent or empty. */
export function attributesFromInput(value: unknown, where: Where, owner: string): AttributeValues | undefined {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) fail(where, `${owner}: "attributes" must be an object of name: value`)
  const out: AttributeValues = {}
  for (const [name, raw] of Object.entries(value)) {
    checkAttributeName(where, name, owner)
    out[name] = checkAttributeValue(where, name, raw, owner)
  }
  return Object.keys(out).length > 0 ? out : undefined
}

/** A span's note from a file; undefined when absent or empty. */
export function noteFromInput(value: unknown, where: Where, owner: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string') fail(where, `${owner}: "note" must be a string`)
  if (value.length > MAX_NOTE) fail(where, `${owner}: note is longer than ${MAX_NOTE} characters`)
  return value
}

/** Checks a relation type name as the model requires (the label-name alphabet). */
export function checkRelationType(where: Where, type: unknown, owner: string): string {
  if (typeof type !== 'string') return fail(where, `${owner}: relation type ${JSON.stringify(type)} is not a string`)
  const problem = labelNameProblem(type)
  if (problem !== null) fail(where, `${owner}: relation type ${JSON.stringify(type)}: ${problem}`)
  return type
}
