// The data model shared by every part of Spanwise. Offsets stored and exported by Spanwise
// count Unicode code points (what Python's `str` indexes), never UTF-16 units; see offsets.ts.
import { z } from 'zod'

export const STATUSES = ['todo', 'in_progress', 'done'] as const
export type DocumentStatus = (typeof STATUSES)[number]

/** Names Windows keeps for devices, whatever follows a dot (`con.txt` is the console too). */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\.|$)/i

/**
 * Annotator names become folder names, in a folder shared through git with teammates on any
 * system, so they are restricted to a safe alphabet and to names every system can hold.
 * (A name equal to another annotator's but for case is refused by the store, which knows them.)
 */
export const annotatorNameSchema = z
  .string()
  .min(1, 'annotator name is empty')
  .max(64, 'annotator name is longer than 64 characters')
  .regex(/^[\p{L}\p{N}_.@-]+$/u, 'annotator name may only contain letters, digits, "_", "-", "." and "@"')
  .refine((name) => name !== '.' && name !== '..' && !name.includes('..'), 'annotator name may not contain ".."')
  .refine((name) => !name.endsWith('.'), 'annotator name may not end with "." (Windows drops it: the folder would get another name)')
  .refine((name) => !WINDOWS_DEVICE_NAME.test(name), 'annotator name is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9), which cannot be a folder there')

export const labelNameSchema = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[\p{L}\p{N}_-]+$/u, 'label names may only contain letters, digits, "_" and "-"')

/** What an analyst can record about a span of a label, e.g. an actor's type or a figure's unit. */
export const attributeSchema = z.discriminatedUnion('type', [
  z.object({ name: labelNameSchema, type: z.literal('enum'), options: z.array(z.string().min(1).max(80)).min(1).max(50) }),
  z.object({ name: labelNameSchema, type: z.literal('text') }),
  z.object({ name: labelNameSchema, type: z.literal('number') })
])
export type Attribute = z.infer<typeof attributeSchema>

export const labelSchema = z.object({
  name: labelNameSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb'),
  hotkey: z.string().length(1),
  attributes: z.array(attributeSchema).max(20).default([])
})
export type Label = z.infer<typeof labelSchema>

export const spanSchema = z
  .object({
    id: z.string().min(1).max(64),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    label: labelNameSchema,
    /** Values of the label's attributes, by attribute name. */
    attributes: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
    note: z.string().max(10_000).optional()
  })
  .refine((span) => span.start < span.end, 'a span must end after it starts')
export type Span = z.infer<typeof spanSchema>

/** A typed, directed link between two spans, e.g. a claim attributed_to an actor. */
export const relationTypeSchema = z.object({
  name: labelNameSchema,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #rrggbb'),
  /** Labels allowed at each end; empty means any label. */
  from: z.array(labelNameSchema).default([]),
  to: z.array(labelNameSchema).default([])
})
export type RelationType = z.infer<typeof relationTypeSchema>

export const relationSchema = z.object({
  id: z.string().min(1).max(64),
  type: labelNameSchema,
  /** Span ids in the same layer. */
  from: z.string().min(1).max(64),
  to: z.string().min(1).max(64)
})
export type Relation = z.infer<typeof relationSchema>

/**
 * One step of the label log: renames and deletions are recorded in project.json, never written
 * into annotators' layers, which follow the log when read (see src/main/store/label-log.ts).
 * `undoes` marks the undo of an earlier step: its renames are that step's, reversed, and the spans
 * that step deleted come back.
 */
export const labelRevisionSchema = z.object({
  revision: z.number().int().positive(),
  renames: z.array(z.object({ from: labelNameSchema, to: labelNameSchema })),
  deletions: z.array(labelNameSchema),
  undoes: z.number().int().positive().optional(),
  /** The annotator who made the change, for sync reports. */
  by: z.string().optional(),
  at: z.string()
})
export type LabelRevision = z.infer<typeof labelRevisionSchema>

export const projectConfigSchema = z.object({
  version: z.literal(1),
  name: z.string().min(1),
  labels: z.array(labelSchema),
  relationTypes: z.array(relationTypeSchema).default([]),
  createdAt: z.string(),
  /** The latest label log step (0 or absent: labels never renamed or deleted). */
  labelRevision: z.number().int().nonnegative().optional(),
  labelLog: z.array(labelRevisionSchema).optional()
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
  /** Its place (from 0) among the documents of the import that added it: the list's import order. */
  importIndex?: number
  /**
   * Set once the document was renamed in the app (`title` is then the new name): the title its
   * import gave it, and who renamed it when. The text never changes; see ProjectStore.renameDocument.
   */
  renamed?: { importedTitle: string; by: string; at: string }
}

/** The longest title a rename may give (imported titles are cut shorter: formats/title.ts). */
export const MAX_TITLE_LENGTH = 300

/** Spans (and their relations) of labels a label log step deleted, kept so that its undo brings them back. */
export interface RetiredAnnotations {
  revision: number
  spans: Span[]
  relations: Relation[]
}

/** One annotator's work on one document: the only file an edit ever rewrites. */
export interface AnnotationLayer {
  version: 1
  documentId: string
  annotator: string
  status: DocumentStatus
  spans: Span[]
  relations: Relation[]
  updatedAt: string | null
  /** The label log step the span labels are written against (absent: 0). */
  labelRevision?: number
  /** sha256 of the document text the offsets were written against. */
  documentSha256?: string
  retired?: RetiredAnnotations[]
}

export interface DocumentSummary {
  id: string
  /** The title shown and exported: the one the document was renamed to, else its imported one. */
  title: string
  /** Set when the document was renamed: the title its import gave it. */
  importedTitle?: string
  /** The file it was imported from (its `meta.source`, a path inside the import), when known. */
  fileName?: string
  /** When it was imported, and its place in that import: together, the list's import order. */
  importedAt?: string
  importIndex?: number
  length: number
  status: DocumentStatus
  spanCount: number
  /** Labels used in the current annotator's layer. */
  labels: string[]
  /** Annotators who have worked on the document. */
  annotators: string[]
  /** Set when the document's file, or the current annotator's layer of it, cannot be read (file: its path in the project). */
  error?: { file: string; message: string }
}

export const DEFAULT_LABELS: Label[] = [
  {
    name: 'actor',
    color: '#2f7ed8',
    hotkey: '1',
    attributes: [{ name: 'type', type: 'enum', options: ['person', 'organisation', 'state', 'armed group'] }]
  },
  { name: 'claim', color: '#c4741f', hotkey: '2', attributes: [{ name: 'stance', type: 'enum', options: ['supports', 'opposes', 'neutral'] }] },
  {
    name: 'figure',
    color: '#2e9e5b',
    hotkey: '3',
    attributes: [
      { name: 'value', type: 'number' },
      { name: 'unit', type: 'text' }
    ]
  }
]

export const DEFAULT_RELATION_TYPES: RelationType[] = [
  { name: 'attributed_to', color: '#7a4fd0', from: ['claim'], to: ['actor'] },
  { name: 'quantifies', color: '#b0407a', from: ['figure'], to: ['claim', 'actor'] }
]

export { compareSpans } from './span-order'

export function emptyLayer(documentId: string, annotator: string): AnnotationLayer {
  return { version: 1, documentId, annotator, status: 'todo', spans: [], relations: [], updatedAt: null }
}
