// The one implementation of the API contract. Both transports call `dispatch`, which validates
// the input with the channel's zod schema and turns every failure into a structured ApiError.
import { ZodError } from 'zod'
import {
  channels,
  type ApiError,
  type ApiResponse,
  type ChannelName,
  type Channels,
  type ProjectInfo
} from '../../shared/api/contract'
import type { z } from 'zod'
import { ImportError } from '../importing/errors'
import { importSources } from '../importing/import-files'
import { StoreError } from '../store/project-store'
import { textDrift } from '../store/text-drift'
import { EXPORT_FORMAT_NAMES, ExportError } from '../exporting/export-project'
import { supportedExtensions } from '../formats/registry'
import { searchProject } from '../search/project-search'
import { projectStatistics } from '../statistics/project-statistics'
import { SyncError } from '../sync/sync-error'
import { checkLabelSet, relationTypesAfter } from './label-rules'
import { projectAgreement } from '../agreement/project-agreement'
import type { Session } from './session'

type Handlers = {
  [C in ChannelName]: (input: z.output<Channels[C]['input']>) => Promise<Channels[C]['result']>
}

async function projectInfo(session: Session): Promise<ProjectInfo> {
  const summaries = await session.store.summaries(session.annotator)
  return {
    name: session.store.settings.name,
    folder: session.store.folder,
    annotator: session.annotator,
    labels: session.store.settings.labels,
    relationTypes: session.store.settings.relationTypes,
    annotators: await session.store.annotators(),
    importExtensions: supportedExtensions(),
    exportFormats: [...EXPORT_FORMAT_NAMES],
    progress: {
      done: summaries.filter((s) => s.status === 'done').length,
      inProgress: summaries.filter((s) => s.status === 'in_progress').length,
      total: summaries.length
    },
    notices: session.store.notices
  }
}

export function createHandlers(session: Session): Handlers {
  const { store } = session
  return {
    'project.info': () => projectInfo(session),
    'annotator.set': async ({ annotator }) => {
      session.annotator = await store.checkAnnotatorName(annotator)
      return projectInfo(session)
    },
    'documents.list': () => store.summaries(session.annotator),
    'documents.get': async ({ id }) => {
      const document = await store.getDocument(id)
      const layer = await store.getLayer(id, session.annotator)
      // offsets laid on a text that changed under them would mark the wrong words
      const drift = textDrift(document, layer)
      if (drift) throw new StoreError('conflict', drift)
      return { document, layer }
    },
    'documents.import': ({ files }) =>
      importSources(
        store,
        files.map((file) => ({ name: file.path || file.name, bytes: Buffer.from(file.base64, 'base64') })),
        { annotator: session.annotator }
      ),
    'annotations.save': ({ documentId, spans, relations, status }) =>
      store.saveLayer(documentId, session.annotator, { spans, ...(relations ? { relations } : {}), ...(status ? { status } : {}) }),
    'labels.change': async (change) => {
      // a label that is gone and was not renamed is deleted, whether or not the caller said so
      const kept = new Set([...change.labels.map((l) => l.name), ...change.renames.map((r) => r.from)])
      const deletions = [...new Set([...change.deletions, ...store.settings.labels.map((l) => l.name).filter((n) => !kept.has(n))])]
      // relation types follow the labels they name
      const relationTypes = relationTypesAfter(change.relationTypes ?? store.settings.relationTypes, change.renames, deletions)
      checkLabelSet(change.labels, relationTypes, change.renames)
      const { previous } = await store.changeLabels({ ...change, relationTypes, deletions }, session.annotator)
      return { info: await projectInfo(session), undo: previous }
    },
    'labels.restore': async (snapshot) => {
      checkLabelSet(snapshot.labels, snapshot.relationTypes, [])
      await store.restoreLabels(snapshot, session.annotator)
      return projectInfo(session)
    },
    'project.search': ({ query, limit }) => searchProject(store, session.annotator, query, limit),
    'project.statistics': () => projectStatistics(store),
    // git's modules load with the first sync, not with the app
    'project.sync': async ({ remote }) =>
      (await import('../sync/sync-project')).syncProject(store, { annotator: session.annotator, ...(remote ? { remote } : {}) }),
    'annotations.setStatus': ({ documentId, status }) => store.saveLayer(documentId, session.annotator, { status }),
    'agreement.report': (request) => projectAgreement(store, request)
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ZodError) {
    return {
      code: 'invalid_input',
      message: error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '),
      issues: error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    }
  }
  if (error instanceof StoreError) return { code: error.code, message: error.message }
  if (error instanceof SyncError) return { code: 'io', message: error.message }
  if (error instanceof ImportError || error instanceof ExportError) return { code: 'invalid_input', message: error.message }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

export function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name)
}

export type Dispatch = (channel: string, input: unknown) => Promise<ApiResponse<unknown>>

export function createDispatch(session: Session): Dispatch {
  const handlers = createHandlers(session)
  return async (channel, input) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'not_found', message: `unknown channel "${channel}"` } }
    try {
      const parsed = channels[channel].input.parse(input ?? {})
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed) }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  }
}
