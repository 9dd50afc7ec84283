import os from 'node:os'
import { annotatorNameSchema } from '../../shared/model'
import { StoreError } from './errors'

/** The annotator name to use when none is given: the OS user, made safe for a folder name. */
export function defaultAnnotator(): string {
  let user = ''
  try {
    user = os.userInfo().username
  } catch {
    user = process.env.USER ?? process.env.USERNAME ?? ''
  }
  const safe = user.normalize('NFC').replace(/[^\p{L}\p{N}_.@-]+/gu, '_').replace(/\.\.+/g, '_')
  return annotatorNameSchema.safeParse(safe).success ? safe : 'annotator'
}

/** Validates a user-supplied annotator name; throws with a readable reason. */
export function checkAnnotator(name: string): string {
  const parsed = annotatorNameSchema.safeParse(name)
  if (!parsed.success) throw new StoreError('invalid_input', `invalid annotator "${name}": ${parsed.error.issues[0]?.message}`)
  return parsed.data
}
