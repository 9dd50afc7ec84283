// The shape of `window.spanwiseDesktop`, shared by the preload (which builds it) and the renderer.
import type { ApiResponse, ChannelName, ImportReport } from '../shared/api/contract'

export interface DesktopBridge {
  api: { [C in ChannelName]: (input: unknown) => Promise<ApiResponse<unknown>> }
  importWithDialog(folders?: boolean): Promise<ApiResponse<ImportReport | null>>
  exportWithDialog(request: { format: string; statuses: string[]; annotator: string }): Promise<ApiResponse<{ file: string; records: number; damaged: { id: string; file: string; message: string }[] } | null>>
  onMenuCommand(listener: (command: string) => void): () => void
}
