/** A request the store refuses, with a code each transport maps to its own error form. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input' | 'conflict' | 'io',
    message: string
  ) {
    super(message)
  }
}

/**
 * A project file that cannot be read as what it should be (truncated, garbage, wrong shape). It
 * names the file, so that one damaged file costs only its own document and the user knows which.
 */
export class DamagedFileError extends StoreError {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super('io', `${file} is damaged (${problem}): restore it from a backup or from git, or remove it`)
  }
}

/** For `.catch`: a damaged file's read gives null (the caller skips that one document); anything else still fails. */
export function nullIfDamaged(error: unknown): null {
  if (error instanceof DamagedFileError) return null
  throw error
}
