// Transient messages as toasts: they float over a corner, so showing or dismissing one never
// moves the layout. Information leaves by itself; an error stays until the user dismisses it
// and is announced to screen readers at once (role="alert").
import { useEffect, type ReactNode } from 'react'

export interface Message {
  text: string
  error: boolean
  undo?: () => void
}

/** How long information stays: long enough to read, and to reach its Undo button. */
const READ_TIME_MS = 6000
const UNDO_TIME_MS = 12000

export function Toasts({
  message,
  onDismiss,
  children,
  testId = 'toasts'
}: {
  message: Message | null
  onDismiss(): void
  children?: ReactNode
  /** The shell's own corner (project switching) is told apart from a view's. */
  testId?: string
}) {
  useEffect(() => {
    if (!message || message.error) return
    const timer = setTimeout(onDismiss, message.undo ? UNDO_TIME_MS : READ_TIME_MS)
    return () => clearTimeout(timer)
  }, [message, onDismiss])

  return (
    <div className="toasts" data-testid={testId}>
      {children}
      {message && (
        <div className={`toast${message.error ? ' error' : ''}`} role={message.error ? 'alert' : 'status'}>
          <span>{message.text}</span>
          {message.undo && (
            <button type="button" onClick={message.undo} data-testid="message-undo">
              Undo
            </button>
          )}
          <button type="button" onClick={onDismiss} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
    </div>
  )
}
