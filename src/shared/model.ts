// The data model shared by every part of Spanwise. Offsets stored and exported by Spanwise
// count Unicode code points (what Python's `str` indexes), never UTF-16 units; see offsets.ts.
import { z } from 'zod'

export const STATUSES = ['todo', 'in_progress', 'done'] as const
export type DocumentStatus = (typeof STATUSES)[number]

/** Annotator names become folder names, so they are restricted to a safe alphabet. */
export const annotatorNameSchema = z
  .string()
  .min(1, 'annotator name is empty')
  .max(64, 'annotator name is longer than 64 characters')
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'annotator name may only contain letters, digits, "_", "-", "." and "@"')
  .refine((name) => name !== '.' && name !== '..' && !name.includes('..'), 'annotator name may not contain ".."')

export const labelNameSchema = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'label names may only contain letters, digits, "_" and "-"')

export const labelSchema = z.object({
  name: labelNameSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb'),
  hotkey: z.string().length(1)
})
export type Label = z.infer<typeof labelSchema>

export const spanSchema = z
  .object({
    id: z.string().min(1).max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    label: labelNameSchema
  })
  .refine((span) => span.start < span.end, 'a span must end after it starts')
export type Span = z.infer<typeof spanSchema>

export const projectConfigSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1),
  labels: z.array(labelSchema),
  createdAt: z.string()
})
export type ProjectConfig = z.infer<typeof projectConfigSchema>

export interface DocumentRecord {
  version: 1
  id: string
  title: string
  text: string
  /** Free-form metadata: source file name, URL, publication date, CSV columns... */
  meta: Record<string, unknown>
  /** sha256 of the text, hex: the same text is never stored twice. */
  sha256: string
  importedAt: string
}

/** One annotator's work on one document: the only file an edit ever rewrites. */
export interface AnnotationLayer {
  version: 1
  documentId: string
  annotator: string
  status: DocumentStatus
  spans: Span[]
  updatedAt: string | null
}

export interface DocumentSummary {
  id: string
  title: string
  length: number
  status: DocumentStatus
  spanCount: number
}

export const DEFAULT_LABELS: Label[] = [
  { name: 'actor', color: '#2f7ed8', hotkey: '1' },
  { name: 'claim', color: '#d9822b', hotkey: '2' },
  { name: 'figure', color: '#2e9e5b', hotkey: '3' }
]

/** Spans in text order: by start, then longer first so a span precedes the spans nested in it. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || a.label.localeCompare(b.label) || a.id.localeCompare(b.id)
}

export function emptyLayer(documentId: string, annotator: string): AnnotationLayer {
  return { version: 1, documentId, annotator, status: 'todo', spans: [], updatedAt: null }
}
