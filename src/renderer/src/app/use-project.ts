// The open project as the renderer sees it: its info (labels, annotator, formats) and its
// document summaries, refreshed from the backend and patched locally after each save.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProjectInfo } from '../../../shared/api/contract'
import type { AnnotationLayer, DocumentSummary } from '../../../shared/model'
import { invoke } from '../api/client'

export function useProject(onError: (message: string) => void) {
  const [info, setInfo] = useState<ProjectInfo | null>(null)
  const [documents, setDocuments] = useState<DocumentSummary[]>([])
  const noticesShown = useRef(false)

  const refresh = useCallback(async () => {
    const [project, list] = await Promise.all([invoke('project.info', {}), invoke('documents.list', {})])
    setInfo(project)
    setDocuments(list)
    // what opening the project put right (an interrupted import rolled back): said once, and
    // kept on screen until dismissed
    if (!noticesShown.current && project.notices.length > 0) onError(project.notices.join('\n'))
    noticesShown.current = true
    return list
  }, [onError])

  useEffect(() => {
    refresh().catch((error: Error) => onError(error.message))
  }, [refresh, onError])

  /** A save changed one document's status and spans: update its summary without a round trip. */
  const onSaved = useCallback((layer: AnnotationLayer) => {
    setDocuments((list) =>
      list.map((doc) =>
        doc.id === layer.documentId
          ? {
              ...doc,
              status: layer.status,
              spanCount: layer.spans.length,
              labels: [...new Set(layer.spans.map((span) => span.label))].sort(),
              annotators: doc.annotators.includes(layer.annotator) ? doc.annotators : [...doc.annotators, layer.annotator]
            }
          : doc
      )
    )
  }, [])

  return { info, setInfo, documents, refresh, onSaved }
}
