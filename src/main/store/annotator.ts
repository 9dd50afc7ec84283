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

/**
 * Refuses a new annotator whose name equals an existing one's but for case (`Alice` beside
 * `alice`): on Windows and macOS disks both are one folder, so the two would write each
 * other's layers once the project is cloned there.
 */
export function checkAnnotatorCase(name: string, existing: string[]): string {
  const twin = existing.find((other) => other !== name && other.toLowerCase() === name.toLowerCase())
  if (twin !== undefined) {
    throw new StoreError(
      'invalid_input',
      `invalid annotator "${name}": the project already has an annotator "${twin}", a name that differs only in case (one folder on Windows and macOS disks); use "${twin}" or another name`
    )
  }
  return name
}
