// Values of the API contract the page needs at run time, kept free of zod (only types may come
// from contract.ts into the renderer: its schemas stay out of the page bundle).

/** The version of a file that does not exist (a layer nobody has saved yet). */
export const ABSENT_VERSION = 'absent'

/** The HTTP header that carries the request's annotator (URI-encoded: names may be any letter). */
export const ANNOTATOR_HEADER = 'x-spanwise-annotator'

/** The HTTP header that carries the page's client id (RequestContext.client). */
export const CLIENT_HEADER = 'x-spanwise-client'

/** The HTTP header that names the project the page shows (RequestContext.project). */
export const PROJECT_HEADER = 'x-spanwise-project'
