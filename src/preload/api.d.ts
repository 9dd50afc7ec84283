// The shape of `window.spanwiseDesktop`, shared by the preload (which builds it) and the renderer.
import type { ApiResponse, ChannelName, ImportReport, ProjectChanges, RequestContext } from '../shared/api/contract'

export interface DesktopBridge {
  /** Each call carries the window's RequestContext (its annotator) beside the input. */
  api: { [C in ChannelName]: (input: unknown, context?: RequestContext) => Promise<ApiResponse<unknown>> }
  importWithDialog(folders?: boolean, context?: RequestContext): Promise<ApiResponse<ImportReport | null>>
  exportWithDialog(
    request: { format: string; statuses: string[]; annotator: string; layer?: 'gold' },
    context?: RequestContext
  ): Promise<ApiResponse<{ file: string; records: number; damaged: { id: string; file: string; message: string }[] } | null>>
  /** The system's folder dialog: a project to open, or where to make a new one. Null when cancelled. */
  chooseFolder(purpose: 'open' | 'parent'): Promise<ApiResponse<string | null>>
  /** `argument`: what the command is about (Open Recent: the project's folder). */
  onMenuCommand(listener: (command: string, argument?: string) => void): () => void
  /** The folder watcher's notices (another process, window or teammate changed the project). */
  onProjectChanges(listener: (notice: ProjectChanges) => void): () => void
}
