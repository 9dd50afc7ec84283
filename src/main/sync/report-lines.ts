// The sync report in lines for people: the CLI prints them, the app shows them as a message.
import type { SyncReport } from '../../shared/api/contract'
import { describeChanges } from './changes'

/** `problems`: git's own words for what stopped the sync (an unreachable remote, a conflict). */
export function describeReport(report: SyncReport, problems: string[]): string[] {
  const lines: string[] = []
  const incoming = describeChanges(report.incoming)
  const outgoing = describeChanges(report.outgoing)
  const committed = report.committed > 0 ? `committed ${report.committed} changed file${report.committed === 1 ? '' : 's'} here` : 'nothing new to commit here'
  switch (report.outcome) {
    case 'synced':
      lines.push(`Synced with ${report.remote} (${report.branch}).`)
      lines.push(incoming ? `In: ${incoming}.` : 'In: nothing new from teammates.')
      lines.push(outgoing ? `Out: ${outgoing}.` : 'Out: nothing.')
      break
    case 'up_to_date':
      lines.push(report.remote ? `Up to date with ${report.remote} (${report.branch}): nothing to pull, nothing to send.` : 'Nothing to sync yet.')
      break
    case 'local_only':
      lines.push(`This repository has no remote: ${committed}, nothing pulled or pushed. Add your team's repository with "git remote add origin URL".`)
      break
    case 'unreachable':
      lines.push(`Could not reach ${report.remote}: ${problems[0] ?? 'unknown error'}. Your work is safe (${committed}); sync again when the remote can be reached.`)
      break
    case 'conflict':
      lines.push(`Pulling from ${report.remote} met a change to the same file (${problems[0] ?? 'conflict'}): nothing was pulled, and your work is committed here. Each file should have one writer; see docs/teams.md, "Conflicts".`)
      break
    case 'push_rejected':
      lines.push(`${report.remote} moved again while sending your work (twice): your work is committed here; sync again.`)
      if (incoming) lines.push(`In: ${incoming}.`)
      break
  }
  for (const problem of report.textProblems) lines.push(`Text changed: ${problem}.`)
  if (report.notCommitted.length > 0) {
    const owners = [...new Set(report.notCommitted.map((path) => path.split('/').slice(0, 2).join('/')))]
    lines.push(`Not committed: ${report.notCommitted.length} changed file(s) of other writers (${owners.join(', ')}): only their owners commit them.`)
  }
  return lines
}
