// Says that a report is being computed and for how long, without blocking anything: the window
// stays usable and the last report stays on screen.
import { useEffect, useState } from 'react'

export function ComputingStatus({ since }: { since: number | null }) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (since === null) return
    const timer = window.setInterval(() => setNow(Date.now()), 1000)
    return () => window.clearInterval(timer)
  }, [since])
  const seconds = since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000))
  return (
    <span className="computing" role="status" data-testid="agreement-status">
      {since !== null && (
        <>
          <progress aria-label="Computing agreement" />
          Computing agreement…{seconds > 0 && ` ${seconds} s`}
        </>
      )}
    </span>
  )
}
