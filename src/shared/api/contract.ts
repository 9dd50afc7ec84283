// The whole API between the renderer and the backend, declared once. Each channel has a zod
// schema for its input and a TypeScript type for its result; both transports (Electron IPC
// and the loopback HTTP server) serve exactly these channels through the same handlers.
import { z } from 'zod'
import {
  annotatorNameSchema,
  labelNameSchema,
  labelSchema,
  MAX_TITLE_LENGTH,
  relationSchema,
  relationTypeSchema,
  spanSchema,
  STATUSES,
  type AnnotationLayer,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentSummary,
  type DocumentTags,
  type Label,
  type RelationType,
  type TagGroup,
  documentTagsSchema,
  tagGroupSchema,
  tagOptionNameSchema
} from '../model'
import { MEASURE_IDS, type AgreementReport } from '../agreement/report'
import {
  GOLD_DECISIONS,
  MERGE_STRATEGIES,
  REVIEW_STATUSES,
  type FeedbackCounts,
  type FeedbackItem,
  type GoldLayer,
  type ReviewStatus
} from '../review'
import { MODEL_TYPES, SUGGESTION_SOURCES, type Suggestion, type SuggestSettings } from '../suggest/types'

const documentId = z.string().regex(/^[0-9a-f]{8,64}$/, 'not a document id')

/** A file handed over by content: browser uploads, drag and drop. */
export const uploadSchema = z.object({
  name: z.string().min(1).max(1024),
  /** Relative path inside a dropped folder, when there is one. */
  path: z.string().max(4096).optional(),
  base64: z.string()
})
export type Upload = z.infer<typeof uploadSchema>

/** Names a running import for its progress and cancel (chosen by the page that starts it). */
export const importIdSchema = z.string().regex(/^[\w-]{8,64}$/, 'not an import id')

/**
 * What a layer or `project.json` was when it was read: a hash of the file's bytes (like an HTTP
 * ETag), so it needs no counter and means the same in every process and after a `git pull`.
 * A write states the version it edited; if the file is no longer that, it is refused with
 * `conflict` (see docs/architecture.md, "Versions and conflicts").
 */
export type FileVersion = string

export { ABSENT_VERSION, ANNOTATOR_HEADER, CLIENT_HEADER, PROJECT_HEADER } from './wire'

const fileVersion = z.string().min(1).max(128)

/**
 * Who is asking: sent with every request (an HTTP header in browser mode, beside the input over
 * IPC), never remembered by the server, so each tab or window works as its own annotator.
 * Absent fields take the server's defaults (`--annotator`).
 */
export const requestContextSchema = z.object({
  annotator: annotatorNameSchema.optional(),
  /**
   * A random id of the page (tab or window) making the request. A save from the page that wrote
   * the layer last may build on that write before its answer came back (the last save sent as
   * the page closes): see ProjectStore.saveLayerAt.
   */
  client: z.string().regex(/^[\w-]{8,64}$/, 'not a client id').optional(),
  /**
   * The project the page shows (ProjectRef.id). The workbench has one project open at a time;
   * a request naming another one (a tab left on project A after another tab opened B) is
   * refused with `project_changed`, never run against B.
   */
  project: z.string().regex(/^[0-9a-f]{16}$/, 'not a project id').optional()
})
export type RequestContext = z.infer<typeof requestContextSchema>

/** One change on disk, seen by the folder watcher, whoever made it (this process or another). */
export type ProjectChange =
  | { kind: 'project' }
  | { kind: 'document'; documentId: string; present: boolean }
  | {
      kind: 'layer'
      documentId: string
      annotator: string
      /** The layer's version now (ABSENT_VERSION once removed), and what a summary shows of it. */
      version: FileVersion
      status: DocumentStatus
      spanCount: number
      labels: string[]
      tags?: DocumentTags
    }

/** Changes pushed to the UI, numbered so a client can tell that it missed some. */
export interface ProjectChanges {
  sequence: number
  changes: ProjectChange[]
}

export interface ProjectInfo {
  name: string
  folder: string
  /** The annotator of the request that asked (the tab's or window's own). */
  annotator: string
  /** The server's default annotator, which a new tab starts as. */
  defaultAnnotator: string
  labels: Label[]
  /** The version of project.json these labels were read from; `labels.change` states it. */
  labelsVersion: FileVersion
  relationTypes: RelationType[]
  /** Document-level tag groups. */
  tagGroups: TagGroup[]
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
  /** `spans`: written into a layer of a document already in the project. */
  duplicates: { id: string; title: string; file: string; spans?: number }[]
  rejected: ImportIssue[]
  /** What landed in each annotator layer, documents already present included. */
  layers?: LayerImport[]
  /** Present when `added` and `duplicates` list only the first documents (a big import): the counts of all. */
  totals?: { added: number; duplicates: number }
}

/** How far an import has got, reported while it runs (CLI: stderr; UI: a progress bar). */
export interface ImportProgress {
  /** reading: parsing and staging the files; committing: moving the staged files into the project. */
  phase: 'reading' | 'committing'
  /** Input bytes read, of all files. */
  bytesDone: number
  bytesTotal: number
  /** Documents staged so far (reading) or moved into the project (committing), of `documentsTotal` when known. */
  documents: number
  documentsTotal?: number
  /** The file being read. */
  file?: string
}

export interface LayerImport {
  annotator: string
  /** Spans written, and the documents they were written to. */
  spans: number
  documents: number
  /** Documents whose spans were not written because this layer already had spans there. */
  kept: number
}

/** Spans in one annotator layer over the documents an export would take. */
export interface LayerSpans {
  annotator: string
  spans: number
  documents: number
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

// ---- review (see docs/review.md) ----

const decisionMeta = {
  decision: z.enum(GOLD_DECISIONS),
  decidedBy: annotatorNameSchema,
  decidedAt: z.string().min(1).max(64),
  strategy: z.enum(MERGE_STRATEGIES).optional()
}
const spanSourceSchema = z.object({ annotator: annotatorNameSchema, spanId: z.string().min(1).max(64) })
const relationSourceSchema = z.object({ annotator: annotatorNameSchema, relationId: z.string().min(1).max(64) })
const goldSpanSchema = spanSchema.and(z.object({ provenance: z.object({ ...decisionMeta, sources: z.array(spanSourceSchema).max(1000) }) }))
const goldRelationSchema = relationSchema.and(z.object({ provenance: z.object({ ...decisionMeta, sources: z.array(relationSourceSchema).max(1000) }) }))
const rejectedSchema = z.object({ sources: z.array(spanSourceSchema).min(1).max(1000), decidedBy: annotatorNameSchema, decidedAt: z.string().min(1).max(64) })
const rejectedRelationSchema = z.object({ sources: z.array(relationSourceSchema).min(1).max(1000), decidedBy: annotatorNameSchema, decidedAt: z.string().min(1).max(64) })

/** Which documents to review or merge: by annotators, labels used, annotators' and review status. */
const reviewFilterSchema = {
  /** The annotators compared (default: every annotator with a layer for the document). */
  annotators: z.array(annotatorNameSchema).max(200).optional(),
  /** Only documents where a chosen annotator used one of these labels. */
  labels: z.array(labelNameSchema).max(200).optional(),
  /** Only documents every chosen annotator marked so. */
  status: z.enum(STATUSES).optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).optional()
}

export interface ReviewDocumentRow {
  id: string
  title: string
  /** As in the document list: the file it came from, and its place in its import (for sorting). */
  fileName?: string
  importedTitle?: string
  importedAt?: string
  importIndex?: number
  annotators: { name: string; status: DocumentStatus; spanCount: number }[]
  /** Units of the chosen annotators' spans (gold-only units included). */
  units: number
  /** Undecided units where the annotators disagree or not all of them marked something. */
  openConflicts: number
  /** Undecided units of any state. */
  openUnits: number
  /** Mean pairwise overlap span F1, label-strict; null when no annotator marked anything. */
  agreement: number | null
  reviewStatus: ReviewStatus
  /** Why the gold layer could not be read (a damaged file), if it could not. */
  problem?: string
}

export interface ReviewDocument {
  document: DocumentRecord
  layers: AnnotationLayer[]
  gold: GoldLayer
  /** The gold file's version as read ('absent' before the first save): `gold.save` states it. */
  goldVersion: string
}

export interface MergeReport {
  /** Documents merged (those with layers from two or more chosen annotators). */
  documents: number
  /** Units accepted into gold by this run, and undecided units left. */
  accepted: number
  left: number
  acceptedRelations: number
  perDocument: {
    documentId: string
    title: string
    accepted: number
    acceptedRelations: number
    left: number
    /** Accepted spans by label, and units left by state. */
    acceptedLabels: Record<string, number>
    leftStates: Record<string, number>
  }[]
  /** Documents not merged because their gold file is damaged. */
  skipped: { documentId: string; title: string; reason: string }[]
}

export interface FeedbackDocument extends FeedbackCounts {
  documentId: string
  title: string
  reviewStatus: ReviewStatus
  /** Only when one document was asked for. */
  items?: FeedbackItem[]
}

export interface FeedbackReport {
  annotator: string
  /** Documents with a gold layer and a layer of this annotator. */
  documents: FeedbackDocument[]
  totals: FeedbackCounts
  /** Documents left out because their gold file is damaged. */
  skipped: { documentId: string; title: string; reason: string }[]
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
  tagGroups: z.array(tagGroupSchema).max(60).optional(),
  revision: z.number().int().positive().optional()
})
export type LabelSnapshotInput = z.infer<typeof labelSnapshotSchema>

// ---- suggestions (see docs/suggestions.md) ----

const suggestionMarkSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), label: labelNameSchema })
export const suggestSettingsSchema = z.object({
  version: z.literal(1),
  patterns: z.array(z.object({ label: labelNameSchema, kind: z.enum(['tokens', 'regex']), pattern: z.string().min(1).max(2000) })).max(200),
  modelMapping: z.partialRecord(z.enum(MODEL_TYPES), labelNameSchema.nullable())
})

export interface SuggestSettingsInfo {
  settings: SuggestSettings
  /** The version of suggest/settings.json read ('absent': the defaults); a save states it. */
  version: FileVersion
  /** Labels with a dictionary and how many entries each has. */
  dictionaries: { label: string; entries: number }[]
}

// ---- projects (the workbench's open project; see docs/architecture.md, "Projects") ----

/** The open project as a page names it. */
export interface ProjectRef {
  /** Stands for the folder (a hash of its real path): the same folder has the same id. */
  id: string
  name: string
  /** As the client names folders: relative to the root in a browser, absolute on the desktop. */
  folder: string
}

export interface RecentProject {
  folder: string
  name: string
  openedAt: string
  /** The folder has gone or holds no project any more. */
  missing: boolean
  /** It is the project open now. */
  open: boolean
}

export interface LabelTemplate {
  id: string
  title: string
}

export interface WorkspaceState {
  project: ProjectRef | null
  /**
   * How folders are named and chosen: 'root' in a browser (`spanwise serve --root DIR`: folders
   * under DIR, relative to it), 'any' on the desktop (absolute paths, from the native dialog),
   * 'none' when the server serves one project and cannot switch.
   */
  folders: 'root' | 'any' | 'none'
  /** The root folder itself ('root' only), for people to read. */
  root: string | null
  /** Where a new project goes unless the user picks another folder. */
  defaultParent: string
  templates: LabelTemplate[]
  /** Why no project is open, when opening the last one failed (locked by another app...). */
  notice: string | null
}

export interface FolderListing {
  folder: string
  /** The folder above, or null at the root. */
  parent: string | null
  entries: { name: string; folder: string; project: boolean }[]
}

const clientFolder = z.string().max(1024)

/** The channels that work with no project open; every other channel needs one. */
export const WORKSPACE_CHANNELS = ['project.current', 'project.recent', 'project.open', 'project.create', 'project.close', 'project.browse', 'project.forget'] as const
export type WorkspaceChannel = (typeof WORKSPACE_CHANNELS)[number]

export const channels = {
  'project.info': {
    input: z.object({}),
    result: {} as ProjectInfo
  },
  'documents.list': {
    input: z.object({}),
    result: {} as DocumentSummary[]
  },
  /**
   * The list's rows of some documents (those still in the project), so that a list can take in
   * documents added or removed (an import, a pull) without fetching every row again.
   */
  'documents.summaries': {
    input: z.object({ ids: z.array(documentId).min(1).max(10_000) }),
    result: {} as DocumentSummary[]
  },
  'documents.get': {
    input: z.object({ id: documentId }),
    /**
     * The request's annotator's layer, and the version a save of it must state; `documentVersion`
     * is the document file's, which a rename states.
     */
    result: {} as { document: DocumentRecord; documentVersion: FileVersion; layer: AnnotationLayer; version: FileVersion }
  },
  /**
   * Renames a document (its title, stored in its file, never its text); `title` empty or null
   * puts back the imported title. `baseVersion` is `documents.get`'s `documentVersion`: a file
   * changed since (renamed elsewhere) is a `conflict`.
   */
  'documents.rename': {
    input: z.object({ id: documentId, baseVersion: fileVersion, title: z.string().max(MAX_TITLE_LENGTH * 4).nullable() }),
    result: {} as { document: DocumentRecord; version: FileVersion }
  },
  'documents.import': {
    input: z.object({ files: z.array(uploadSchema).min(1) }),
    result: {} as ImportReport
  },
  /**
   * Imports files the browser uploaded (browser mode: each streamed to the server's disk first,
   * by POST `imports?name=`). `importId` (the page's choice) names the run for
   * `imports.progress` and `imports.cancel`; a cancelled run answers with an error and changes nothing.
   */
  'documents.importUploads': {
    input: z.object({
      importId: importIdSchema,
      uploads: z.array(z.object({ id: z.string().regex(/^[0-9a-f]{24}$/, 'not an upload id'), name: z.string().min(1).max(1024), path: z.string().max(4096).optional() })).min(1).max(100_000)
    }),
    result: {} as ImportReport
  },
  /** How far a running import has got (null: not started yet, or over). */
  'imports.progress': {
    input: z.object({ importId: importIdSchema }),
    result: {} as ImportProgress | null
  },
  /** Cancels a running import: it stops and undoes what it did; false when it is not running. */
  'imports.cancel': {
    input: z.object({ importId: importIdSchema }),
    result: {} as { cancelled: boolean }
  },
  /**
   * Replaces one document's layer for the request's annotator: the only write an edit makes.
   * `baseVersion` is the version the edit started from; a layer changed since is a `conflict`.
   */
  'annotations.save': {
    input: z.object({
      documentId,
      baseVersion: fileVersion,
      spans: z.array(spanSchema).max(100_000),
      relations: z.array(relationSchema).max(100_000).optional(),
      status: z.enum(STATUSES).optional(),
      /**
       * The label revision the edit's labels were read against (the layer's `labelRevision` as
       * loaded). A page that has not seen a later rename or deletion (another tab changed the
       * labels) still saves: the store brings its spans forward through the label log.
       */
      labelRevision: z.number().int().nonnegative().optional(),
      /** The document's tags (absent: unchanged). */
      tags: documentTagsSchema.optional()
    }),
    result: {} as { layer: AnnotationLayer; version: FileVersion }
  },
  /** Edits the label set; renames and deletions reach every span that uses the label (through the label log). */
  'labels.change': {
    input: z.object({
      /** `ProjectInfo.labelsVersion` the change was made from; a label set changed since is a `conflict`. */
      baseVersion: fileVersion,
      labels: z.array(labelSchema).min(1).max(60),
      /** New relation types; when absent, the current ones, following renamed and deleted labels. */
      relationTypes: z.array(relationTypeSchema).max(60).optional(),
      renames: z.array(z.object({ from: z.string(), to: z.string() })).default([]),
      deletions: z.array(z.string()).default([]),
      /** New tag groups (absent: unchanged); groups and options gone and not renamed lose their tags (through the label log). */
      tagGroups: z.array(tagGroupSchema).max(60).optional(),
      tagGroupRenames: z.array(z.object({ from: labelNameSchema, to: labelNameSchema })).max(60).default([]),
      tagRenames: z.array(z.object({ group: labelNameSchema, from: tagOptionNameSchema, to: tagOptionNameSchema })).max(1000).default([])
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
  /**
   * Before an export of one layer: when it has no spans in the chosen documents but other layers
   * do, a notice naming them (null otherwise). `annotator` '' is the current annotator.
   */
  'export.check': {
    input: z.object({ annotator: z.union([z.literal(''), annotatorNameSchema]), statuses: z.array(z.enum(STATUSES)).default([]) }),
    result: {} as { notice: string | null; layers: LayerSpans[] }
  },
  'annotations.setStatus': {
    input: z.object({ documentId, baseVersion: fileVersion, status: z.enum(STATUSES) }),
    result: {} as { layer: AnnotationLayer; version: FileVersion }
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
  },
  /** Documents with layers from two or more of the chosen annotators, for the Review view. */
  'review.documents': {
    input: z.object(reviewFilterSchema),
    result: {} as ReviewDocumentRow[]
  },
  /** One document with the chosen annotators' layers and its gold layer, to adjudicate. */
  'review.document': {
    input: z.object({ documentId, annotators: z.array(annotatorNameSchema).max(200).optional() }),
    result: {} as ReviewDocument
  },
  /** Replaces a document's gold layer; refused with `conflict` when it changed since `baseVersion`. */
  'gold.save': {
    input: z.object({
      documentId,
      baseVersion: z.string().min(1).max(128),
      spans: z.array(goldSpanSchema).max(100_000),
      relations: z.array(goldRelationSchema).max(100_000),
      rejected: z.array(rejectedSchema).max(100_000),
      rejectedRelations: z.array(rejectedRelationSchema).max(100_000).optional(),
      /** The gold document tags (absent: unchanged). */
      tags: documentTagsSchema.optional(),
      /** The label revision `tags` were read against (the gold layer's `labelRevision`): older tags follow the label log. */
      labelRevision: z.number().int().nonnegative().optional(),
      status: z.enum(REVIEW_STATUSES)
    }),
    result: {} as { gold: GoldLayer; version: string }
  },
  /** Automatic merge into gold of one document, some, or all: fills only undecided units. */
  'review.merge': {
    input: z.object({
      documentIds: z.array(documentId).max(1_000_000).optional(),
      strategy: z.enum(MERGE_STRATEGIES),
      minAnnotators: z.number().int().min(1).max(1000).optional(),
      minShare: z.number().gt(0).max(1).optional(),
      ...reviewFilterSchema
    }),
    result: {} as MergeReport
  },
  /** "My labels vs gold" for an annotator: one document (with items) or the whole project. */
  'review.feedback': {
    input: z.object({ annotator: annotatorNameSchema, documentId: documentId.optional() }),
    result: {} as FeedbackReport
  },
  /** What is open, and how this workbench names and chooses folders (the start page reads it). */
  'project.current': {
    input: z.object({}),
    result: {} as WorkspaceState
  },
  /** Recent projects, newest first (only those the client may open: under the root in a browser). */
  'project.recent': {
    input: z.object({}),
    result: {} as RecentProject[]
  },
  /** Opens the project in `folder` in place of the open one (for every tab of this workbench). */
  'project.open': {
    input: z.object({ folder: clientFolder }),
    result: {} as ProjectRef
  },
  /** Makes `<parent>/<name>` a new project with a template's labels or another project's, and opens it. */
  'project.create': {
    input: z
      .object({ parent: clientFolder, name: z.string().min(1).max(100), template: z.string().max(40).optional(), copyFrom: clientFolder.optional() })
      .refine((input) => (input.template === undefined) !== (input.copyFrom === undefined), 'give either a label template or a project to copy the labels from'),
    result: {} as ProjectRef
  },
  /** Closes the open project (its watcher and app lock): the start page shows. */
  'project.close': {
    input: z.object({}),
    result: null
  },
  /** The folders in `folder` (under the root), and which of them are projects: the browser's Open dialog. */
  'project.browse': {
    input: z.object({ folder: clientFolder }),
    result: {} as FolderListing
  },
  /** Removes a folder from the recent projects (one that has gone). */
  'project.forget': {
    input: z.object({ folder: clientFolder }),
    result: {} as RecentProject[]
  },
  /** Suggested spans for one document as the request's annotator, less the ones they rejected there. */
  'suggestions.document': {
    input: z.object({ documentId, sources: z.array(z.enum(SUGGESTION_SOURCES)).min(1).optional() }),
    result: {} as { suggestions: Suggestion[]; version: FileVersion }
  },
  /** Remembers rejected suggestions for the document (they never come back there); `baseVersion` as `suggestions.document` gave it. */
  'suggestions.reject': {
    input: z.object({
      documentId,
      baseVersion: fileVersion,
      suggestions: z.array(suggestionMarkSchema).min(1).max(100_000),
      /** Takes these rejections back (the undo of a rejection): the suggestions may come again. */
      undo: z.boolean().optional()
    }),
    result: {} as { version: FileVersion }
  },
  /** The project's patterns, model mapping and dictionaries. */
  'suggest.settings': {
    input: z.object({}),
    result: {} as SuggestSettingsInfo
  },
  'suggest.saveSettings': {
    input: z.object({ baseVersion: fileVersion, settings: suggestSettingsSchema }),
    result: {} as SuggestSettingsInfo
  },
  /** Adds entries to dictionaries: plain lists (one entry a line, all of `label`) or CSV `text,label`. */
  'suggest.importDictionary': {
    input: z.object({ files: z.array(uploadSchema).min(1).max(100), label: labelNameSchema.optional() }),
    result: {} as SuggestSettingsInfo & { added: Record<string, number> }
  }
} as const

export type Channels = typeof channels
export type ChannelName = keyof Channels
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>
export type ChannelResult<C extends ChannelName> = Channels[C]['result']

export const channelNames = Object.keys(channels) as ChannelName[]

/** Every failure crosses a transport in this shape, so the renderer shows one kind of error. */
export interface ApiError {
  /**
   * project_changed: the request named a project that is no longer the open one.
   * cancelled: the user cancelled it (an import), and it changed nothing.
   */
  code: 'invalid_input' | 'not_found' | 'conflict' | 'io' | 'internal' | 'project_changed' | 'cancelled'
  message: string
  issues?: { path: string; message: string }[]
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** The function both transports expose to the renderer. */
export type Invoke = <C extends ChannelName>(channel: C, input: ChannelInput<C>, context?: RequestContext) => Promise<ChannelResult<C>>
