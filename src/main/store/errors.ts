/** A request the store refuses, with a code each transport maps to its own error form. */
export class StoreError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_input' | 'conflict',
    message: string
  ) {
    super(message)
  }
}
