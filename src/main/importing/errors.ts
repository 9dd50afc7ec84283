import type { ImportIssue } from '../../shared/api/contract'

/** A problem with one input file, located as precisely as we can (file, and line when known). */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number
  ) {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`)
  }

  toIssue(): ImportIssue {
    return this.line === undefined
      ? { file: this.file, message: this.problem }
      : { file: this.file, line: this.line, message: this.problem }
  }
}
