// The one implementation of the API contract. Both transports call `dispatch`, which validates
// the input with the channel's zod schema and turns every failure into a structured ApiError.
import { ZodError } from 'zod'
import {
  channels,
  requestContextSchema,
  type ApiError,
  type ApiResponse,
  type ChannelName,
  type Channels,
  type ImportIssue,
  type ProjectInfo,
  type WorkspaceChannel
} from '../../shared/api/contract'
import type { z } from 'zod'
import { ImportError } from '../importing/errors'
import { ImportCancelled } from '../importing/read-lines'
import { importSources, type ImportSource } from '../importing/import-files'
import { importSource } from '../importing/collect-files'
import { cancelImport, importProgress, runImport } from '../importing/running-imports'
import { discardUpload, uploadedFile } from '../importing/uploaded-files'
import { StoreError } from '../store/project-store'
import { textDrift } from '../store/text-drift'
import { EXPORT_FORMAT_NAMES, ExportError } from '../exporting/export-project'
import { supportedExtensions } from '../formats/registry'
import { emptyLayerNotice } from '../exporting/layer-census'
import { searchProject } from '../search/project-search'
import { projectStatistics } from '../statistics/project-statistics'
import { SyncError } from '../sync/sync-error'
import { checkLabelSet, relationTypesAfter } from './label-rules'
import { projectAgreement } from '../agreement/project-agreement'
import { GoldStore } from '../review/gold-store'
import { feedbackReport, listReviewDocuments, mergeProject, openReviewDocument, ReviewListCache } from '../review/review-service'
import { MergeOptionsError } from '../../shared/review'
import { ProjectChangedError, type RequestScope, type Session } from './session'
import { suggestHandlers } from '../suggest/suggest-handlers'

/** The channels one open project answers (the workspace answers the others: api/workspace-dispatch.ts). */
export type ProjectChannel = Exclude<ChannelName, WorkspaceChannel>

type Handlers = {
  [C in ProjectChannel]: (input: z.output<Channels[C]['input']>, scope: RequestScope) => Promise<Channels[C]['result']>
}

async function projectInfo(session: Session, { annotator }: RequestScope): Promise<ProjectInfo> {
  // the label set as it is on disk now: another process may have changed it
  const settings = await session.store.freshSettings()
  const summaries = await session.store.summaries(annotator)
  return {
    name: settings.name,
    folder: session.store.folder,
    annotator,
    defaultAnnotator: session.defaultAnnotator,
    labels: settings.labels,
    labelsVersion: session.store.settingsVersion,
    relationTypes: settings.relationTypes,
    tagGroups: settings.tagGroups,
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
  const goldStore = new GoldStore(store)
  const reviewList = new ReviewListCache()
  return {
    'project.info': (_input, scope) => projectInfo(session, scope),
    'documents.list': (_input, { annotator }) => store.summaries(annotator),
    'documents.summaries': async ({ ids }, { annotator }) => {
      const wanted = new Set(ids)
      return (await store.summaries(annotator)).filter((row) => wanted.has(row.id))
    },
    'documents.get': async ({ id }, { annotator }) => {
      const { document, version: documentVersion } = await store.getDocumentVersioned(id)
      const read = await store.readLayer(id, annotator)
      // offsets laid on a text that changed under them would mark the wrong words
      const drift = textDrift(document, read.layer)
      if (drift) throw new StoreError('conflict', drift)
      return { document, documentVersion, ...read }
    },
    // renaming is a curation of the project's documents (docs/architecture.md, "Document titles")
    'documents.rename': ({ id, baseVersion, title }, { annotator }) => store.renameDocument(id, title, baseVersion, annotator),
    'documents.import': ({ files }, { annotator }) =>
      importSources(
        store,
        files.map((file) => ({ name: file.path || file.name, bytes: Buffer.from(file.base64, 'base64') })),
        { annotator }
      ),
    'documents.importUploads': ({ importId, uploads }, { annotator }) =>
      runImport(importId, async (control) => {
        try {
          const rejected: ImportIssue[] = []
          const files: ImportSource[] = []
          for (const upload of uploads) {
            const name = upload.path || upload.name
            const stored = uploadedFile(upload.id)
            const source = stored ? await importSource(name, stored.file, stored.size) : { file: name, message: 'the upload is gone (not imported within an hour): pick the file again' }
            if ('message' in source) rejected.push(source)
            else files.push(source)
          }
          return await importSources(store, files, { annotator }, rejected, control)
        } finally {
          await Promise.all(uploads.map((upload) => discardUpload(upload.id)))
        }
      }),
    'imports.progress': async ({ importId }) => importProgress(importId),
    'imports.cancel': async ({ importId }) => ({ cancelled: cancelImport(importId) }),
    'annotations.save': ({ documentId, baseVersion, spans, relations, status, labelRevision, tags }, { annotator, client }) =>
      store.saveLayerAt(
        documentId,
        annotator,
        baseVersion,
        {
          spans,
          ...(relations ? { relations } : {}),
          ...(status ? { status } : {}),
          ...(labelRevision !== undefined ? { labelRevision } : {}),
          ...(tags ? { tags } : {})
        },
        client
      ),
    'labels.change': async ({ baseVersion, ...change }, scope) => {
      // the change was made from the label set at baseVersion: one changed since is a conflict
      // (the store checks again under its lock), never a write derived from a stale copy
      await store.reloadSettings()
      if (store.settingsVersion !== baseVersion) {
        throw new StoreError('conflict', 'the label set was changed elsewhere (another tab, window or process) since it was read: reload the labels and try again')
      }
      // a label that is gone and was not renamed is deleted, whether or not the caller said so
      const kept = new Set([...change.labels.map((l) => l.name), ...change.renames.map((r) => r.from)])
      const deletions = [...new Set([...change.deletions, ...store.settings.labels.map((l) => l.name).filter((n) => !kept.has(n))])]
      // relation types follow the labels they name
      const relationTypes = relationTypesAfter(change.relationTypes ?? store.settings.relationTypes, change.renames, deletions)
      checkLabelSet(change.labels, relationTypes, change.renames, change.tagGroups ?? store.settings.tagGroups)
      const { previous } = await store.changeLabels({ ...change, relationTypes, deletions }, baseVersion, scope.annotator)
      return { info: await projectInfo(session, scope), undo: previous }
    },
    'labels.restore': async (snapshot, scope) => {
      checkLabelSet(snapshot.labels, snapshot.relationTypes, [], snapshot.tagGroups ?? store.settings.tagGroups)
      await store.restoreLabels(snapshot, scope.annotator)
      return projectInfo(session, scope)
    },
    'project.search': ({ query, limit }, { annotator }) => searchProject(store, annotator, query, limit),
    'project.statistics': () => projectStatistics(store),
    // git's modules load with the first sync, not with the app
    'project.sync': async ({ remote }, { annotator }) =>
      (await import('../sync/sync-project')).syncProject(store, { annotator, ...(remote ? { remote } : {}) }),
    'annotations.setStatus': ({ documentId, baseVersion, status }, { annotator, client }) =>
      store.saveLayerAt(documentId, annotator, baseVersion, { status }, client),
    'export.check': async ({ annotator, statuses }, scope) => {
      const notice = await emptyLayerNotice(store, { annotator: annotator || scope.annotator, ...(statuses.length ? { statuses } : {}) })
      return { notice: notice?.message ?? null, layers: notice?.layers ?? [] }
    },
    'agreement.report': (request) => projectAgreement(store, request),
    'review.documents': (filter) => listReviewDocuments(store, goldStore, filter, reviewList),
    'review.document': ({ documentId, annotators }) => openReviewDocument(store, goldStore, documentId, annotators),
    // the adjudicator is whoever runs the review: the request's annotator
    'gold.save': ({ documentId, baseVersion, ...change }) => goldStore.save(documentId, baseVersion, change),
    'review.merge': ({ documentIds, strategy, minAnnotators, minShare, ...filter }, { annotator }) =>
      mergeProject(store, goldStore, {
        strategy,
        ...(minAnnotators !== undefined ? { minAnnotators } : {}),
        ...(minShare !== undefined ? { minShare } : {}),
        filter: { ...filter, ...(documentIds ? { documentIds } : {}) },
        by: annotator
      }),
    'review.feedback': ({ annotator, documentId }) => feedbackReport(store, goldStore, annotator, documentId),
    ...suggestHandlers(store)
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
  if (error instanceof ProjectChangedError) return { code: 'project_changed', message: error.message }
  if (error instanceof StoreError) return { code: error.code, message: error.message }
  if (error instanceof ImportCancelled) return { code: 'cancelled', message: error.message }
  if (error instanceof SyncError) return { code: 'io', message: error.message }
  if (error instanceof ImportError || error instanceof ExportError || error instanceof MergeOptionsError) return { code: 'invalid_input', message: error.message }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

export function isChannel(name: string): name is ChannelName {
  return Object.hasOwn(channels, name)
}

/** `context`: who is asking (RequestContext), as the transport received it; validated here. */
export type Dispatch = (channel: string, input: unknown, context?: unknown) => Promise<ApiResponse<unknown>>

/**
 * Reads a request's context as a transport received it; its problems name the context. A name
 * equal to an existing annotator's but for case is refused here, before anything is read as it.
 */
export async function requestScope(session: Session, context: unknown): Promise<RequestScope> {
  const parsed = requestContextSchema.safeParse(context ?? {})
  if (!parsed.success) throw new StoreError('invalid_input', `request annotator: ${parsed.error.issues[0]?.message}`)
  const scope = session.scope(parsed.data)
  if (parsed.data.annotator !== undefined) await session.store.checkAnnotatorName(scope.annotator)
  return scope
}

export function createDispatch(session: Session): Dispatch {
  const handlers: Partial<Record<ChannelName, unknown>> = createHandlers(session)
  return async (channel, input, context) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'not_found', message: `unknown channel "${channel}"` } }
    if (!handlers[channel]) return { ok: false, error: { code: 'not_found', message: `"${channel}" is answered by the workspace, not by one project` } }
    try {
      const scope = await requestScope(session, context)
      const parsed = channels[channel].input.parse(input ?? {})
      const handler = handlers[channel] as (input: unknown, scope: RequestScope) => Promise<unknown>
      return { ok: true, value: await handler(parsed, scope) }
    } catch (error) {
      return { ok: false, error: toApiError(error) }
    }
  }
}
