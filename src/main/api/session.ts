// What a running workbench has open: one project and the annotator working in it.
import { checkAnnotator } from '../store/annotator'
import type { ProjectStore } from '../store/project-store'

export class Session {
  constructor(
    readonly store: ProjectStore,
    private currentAnnotator: string
  ) {
    checkAnnotator(currentAnnotator)
  }

  get annotator(): string {
    return this.currentAnnotator
  }

  set annotator(name: string) {
    this.currentAnnotator = checkAnnotator(name)
  }
}
