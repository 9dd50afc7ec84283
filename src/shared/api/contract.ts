// The whole API between the renderer and the backend, declared once. Each channel has a zod
// schema for its input and a TypeScript type for its result; both transports (Electron IPC
// and the loopback HTTP server) serve exactly these channels through the same handlers.
import { z } from 'zod'
import {
  annotatorNameSchema,
  labelSchema,
  relationSchema,
  relationTypeSchema,
  spanSchema,
  STATUSES,
  type AnnotationLayer,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentSummary,
  type Label,
  type RelationType
} from '../model'
import { MEASURE_IDS, type AgreementReport } from '../agreement/report'

const documentId = z.string().regex(/^[0-9a-f]{8,64}$/, 'not a document id')

/** A file handed over by content: browser uploads, drag and drop. */
export const uploadSchema = z.object({
  name: z.string().min(1).max(1024),
  /** Relative path inside a dropped folder, when there is one. */
  path: z.string().max(4096).optional(),
  base64: z.string()
})
export type Upload = z.infer<typeof uploadSchema>

export interface ProjectInfo {
  name: string
  folder: string
  annotator: string
  labels: Label[]
  relationTypes: RelationType[]
  /** Every annotator with a layer in the project (for filters). */
  annotators: string[]
  /** File endings the import accepts, and the export format names. */
  importExtensions: string[]
  exportFormats: string[]
  progress: { done: number; inProgress: number; total: number }
  /** What opening the project found and put right (an interrupted import rolled back), for the user. */
  notices: string[]
}

export interface ImportIssue {
  file: string
  line?: number
  message: string
}

export interface ImportReport {
  added: { id: string; title: string; file: string; spans: number }[]
  duplicates: { id: string; title: string; file: string }[]
  rejected: ImportIssue[]
}

export interface SearchHit {
  documentId: string
  title: string
  /** Code point offsets of the match in the document's text. */
  start: number
  end: number
  /** The match with some text around it. */
  before: string
  match: string
  after: string
  /** Set when the hit is a span whose label matched the query. */
  label?: string
}

/** Counts for the Statistics panel, per annotator; documents with no layer count as to do. */
export interface ProjectStatistics {
  annotators: string[]
  documents: number
  statuses: { annotator: string; status: DocumentStatus; documents: number }[]
  spans: { annotator: string; label: string; count: number }[]
  relations: { annotator: string; type: string; count: number }[]
  /** Layers that could not be read, left out of the counts. */
  unreadable: { file: string; message: string }[]
}

/** Files a sync brought in or sent out, by what they are. */
export interface SyncChanges {
  documents: { added: number; changed: number; removed: number }
  /** Layer files per annotator. */
  layers: { annotator: string; added: number; changed: number; removed: number }[]
  /** Files of the gold layer. */
  gold: number
  /** Label changes recorded in project.json, with who made them. */
  labels: { by: string; what: string }[]
  /** project.json changed (labels or other settings). */
  settings: boolean
  /** Other files of the project folder. */
  other: string[]
}

export interface SyncReport {
  /**
   * synced: something came in or went out; up_to_date: nothing to do; local_only: no remote, work
   * committed here; unreachable: the remote could not be reached; conflict: the pull met a change
   * to the same file and was undone; push_rejected: the remote moved again while pushing.
   */
  outcome: 'synced' | 'up_to_date' | 'local_only' | 'unreachable' | 'conflict' | 'push_rejected'
  remote: string | null
  branch: string
  /** Files this sync committed. */
  committed: number
  incoming: SyncChanges
  outgoing: SyncChanges
  /** Changed files of other annotators in this folder: never committed by this annotator's sync. */
  notCommitted: string[]
  /** Documents whose text no longer matches the hash their layers were written against. */
  textProblems: string[]
  /** The report in lines for people (the CLI prints them, the app shows them). */
  lines: string[]
}

/**
 * What `labels.change` hands back for its undo: the label set before, and the label log step to
 * undo (absent when the change renamed and deleted nothing). No layer is in it: a label change
 * and its undo write project.json only.
 */
const labelSnapshotSchema = z.strictObject({
  labels: z.array(labelSchema).min(1).max(60),
  relationTypes: z.array(relationTypeSchema).max(60),
  revision: z.number().int().positive().optional()
})
export type LabelSnapshotInput = z.infer<typeof labelSnapshotSchema>

export const channels = {
  'project.info': {
    input: z.object({}),
    result: {} as ProjectInfo
  },
  'annotator.set': {
    input: z.object({ annotator: annotatorNameSchema }),
    result: {} as ProjectInfo
  },
  'documents.list': {
    input: z.object({}),
    result: {} as DocumentSummary[]
  },
  'documents.get': {
    input: z.object({ id: documentId }),
    result: {} as { document: DocumentRecord; layer: AnnotationLayer }
  },
  'documents.import': {
    input: z.object({ files: z.array(uploadSchema).min(1) }),
    result: {} as ImportReport
  },
  /** Replaces one document's layer for the current annotator: the only write an edit makes. */
  'annotations.save': {
    input: z.object({
      documentId,
      spans: z.array(spanSchema).max(100_000),
      relations: z.array(relationSchema).max(100_000).optional(),
      status: z.enum(STATUSES).optional()
    }),
    result: {} as AnnotationLayer
  },
  /** Edits the label set; renames and deletions reach every span that uses the label (through the label log). */
  'labels.change': {
    input: z.object({
      labels: z.array(labelSchema).min(1).max(60),
      /** New relation types; when absent, the current ones, following renamed and deleted labels. */
      relationTypes: z.array(relationTypeSchema).max(60).optional(),
      renames: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
      deletions: z.array(z.string()).default([])
    }),
    result: {} as { info: ProjectInfo; undo: LabelSnapshotInput }
  },
  'labels.restore': {
    input: labelSnapshotSchema,
    result: {} as ProjectInfo
  },
  /** Finds text (and span labels) across the whole project. */
  'project.search': {
    input: z.object({ query: z.string().min(1).max(500), limit: z.number().int().min(1).max(1000).default(200) }),
    result: {} as { hits: SearchHit[]; truncated: boolean }
  },
  'project.statistics': {
    input: z.object({}),
    result: {} as ProjectStatistics
  },
  /** Commits this annotator's changed files, pulls teammates' work and pushes (git). */
  'project.sync': {
    input: z.object({ remote: z.string().min(1).max(200).optional() }),
    result: {} as SyncReport
  },
  'annotations.setStatus': {
    input: z.object({ documentId, status: z.enum(STATUSES) }),
    result: {} as AnnotationLayer
  },
  /** Inter-annotator agreement over the project, every level (see docs/agreement.md). */
  'agreement.report': {
    input: z.object({
      /** Raters to compare (default: every annotator with a layer). */
      annotators: z.array(annotatorNameSchema).max(100).optional(),
      /** Labels to compare (default: every label in use). */
      labels: z.array(z.string().min(1).max(48)).max(200).optional(),
      /** Only documents every chosen annotator marked so. */
      status: z.enum(STATUSES).optional(),
      measures: z.array(z.enum(MEASURE_IDS)).min(1).optional(),
      /** The adjudicated gold layer takes part as one more rater ("gold"). */
      includeGold: z.boolean().optional()
    }),
    result: {} as AgreementReport
  }
} as const

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ChannelResult<C extends ChannelName> = Channels[C]['result']

export const channelNames = Object.keys(channels) as ChannelName[]

/** Every failure crosses a transport in this shape, so the renderer shows one kind of error. */
export interface ApiError {
  code: 'invalid_input' | 'not_found' | 'conflict' | 'io' | 'internal'
  message: string
  issues?: { path: string; message: string }[]
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The function both transports expose to the renderer. */
export type Invoke = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelResult<C>>
