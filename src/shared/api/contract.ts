// The whole API between the renderer and the backend, declared once. Each channel has a zod
// schema for its input and a TypeScript type for its result; both transports (Electron IPC
// and the loopback HTTP server) serve exactly these channels through the same handlers.
import { z } from 'zod'
import {
  annotatorNameSchema,
  spanSchema,
  STATUSES,
  type AnnotationLayer,
  type DocumentRecord,
  type DocumentSummary,
  type Label
} from '../model'

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
  progress: { done: number; inProgress: number; total: number }
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

export const EXPORT_FORMATS = ['jsonl'] as const

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
      status: z.enum(STATUSES).optional()
    }),
    result: {} as AnnotationLayer
  },
  'annotations.setStatus': {
    input: z.object({ documentId, status: z.enum(STATUSES) }),
    result: {} as AnnotationLayer
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
