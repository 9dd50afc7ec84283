// What a running workbench has open: one project, and the annotator a new tab or window starts
// as. The annotator of a request is the request's own (see RequestContext): the server never
// switches annotator for everyone.
import type { RequestContext } from '../../shared/api/contract'
import { checkAnnotator } from '../store/annotator'
import type { ProjectStore } from '../store/project-store'

/** A request's context with the server's defaults filled in. */
export interface RequestScope {
  annotator: string
  /** The page that asked, when it said (RequestContext.client). */
  client?: string
}

export class Session {
  readonly defaultAnnotator: string

  constructor(
    readonly store: ProjectStore,
    defaultAnnotator: string
  ) {
    this.defaultAnnotator = checkAnnotator(defaultAnnotator)
  }

  /** The scope one request runs in: its own annotator, or the default one. */
  scope(context: RequestContext = {}): RequestScope {
    const annotator = context.annotator === undefined ? this.defaultAnnotator : checkAnnotator(context.annotator)
    return context.client === undefined ? { annotator } : { annotator, client: context.client }
  }
}

/**
 * A request named a project that is not the open one: its page still shows a project that was
 * closed, or switched for another in another tab or window. Nothing was done.
 */
export class ProjectChangedError extends Error {}
