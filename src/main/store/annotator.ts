import os from 'node:os'
import { annotatorNameProblem } from '../../shared/valid-names'
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
  return annotatorNameProblem(safe) === null ? safe : 'annotator'
}

/** Validates a user-supplied annotator name; throws with a readable reason. */
export function checkAnnotator(name: string): string {
  // every read and write of a layer checks its annotator: valid names are remembered
  const problem = annotatorNameProblem(name)
  if (problem !== null) throw new StoreError('invalid_input', `invalid annotator "${name}": ${problem}`)
  return name
}
