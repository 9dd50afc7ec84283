// `spanwise suggest`: pre-annotates a corpus before people start. For every document it stores the
// chosen sources' suggestions in the annotator's suggestion files, where the editor shows them to
// accept or reject, or with --accept adds them to the annotator's layer as spans. Prints the
// count per label.
import { type Command, InvalidArgumentError, Option } from 'commander'
import { SUGGESTION_SOURCES, type SuggestionSourceId } from '../../shared/suggest/types'
import { checkAnnotator, defaultAnnotator } from '../store/annotator'
import { ProjectStore } from '../store/project-store'
import { suggestProject } from './suggest-service'

function sourceList(value: string, previous: SuggestionSourceId[] = []): SuggestionSourceId[] {
  if (!(SUGGESTION_SOURCES as readonly string[]).includes(value)) throw new InvalidArgumentError(`a source is one of ${SUGGESTION_SOURCES.join(', ')}`)
  return [...previous, value as SuggestionSourceId]
}

export function suggestCommand(program: Command): void {
  program
    .command('suggest')
    .description('suggest spans in every document from your own labels, dictionaries, patterns and the offline model; stored for review in the editor, or added as spans with --accept')
    .requiredOption('--project <dir>', 'project folder')
    .option('--annotator <name>', 'whose layer and suggestions (default: your user name)', (value: string) => {
      try {
        return checkAnnotator(value)
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message)
      }
    })
    .addOption(new Option('--source <source>', `a source to use, repeatable (default: all): ${SUGGESTION_SOURCES.join(', ')}`).argParser(sourceList))
    .option('--accept', 'add the suggestions to the layer as spans instead of storing them for review')
    .action(async (options: { project: string; annotator?: string; source?: SuggestionSourceId[]; accept?: boolean }) => {
      const store = await ProjectStore.open(options.project)
      for (const notice of store.notices) process.stderr.write(`spanwise: ${notice}\n`)
      const annotator = await store.checkAnnotatorName(options.annotator ?? defaultAnnotator())
      const sources = [...new Set(options.source ?? SUGGESTION_SOURCES)]
      const started = performance.now()
      const run = await suggestProject(store, annotator, { sources, accept: options.accept ?? false })
      const counts = Object.entries(run.labels).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      const total = counts.reduce((sum, [, count]) => sum + count, 0)
      for (const [label, count] of counts) process.stdout.write(`${label}\t${count}\n`)
      for (const skipped of run.skipped) process.stderr.write(`skipped ${skipped.documentId}: ${skipped.reason}\n`)
      const what = options.accept ? `added ${total} span(s) to ${annotator}'s layers` : `stored ${total} suggestion(s) for ${annotator} to review`
      process.stdout.write(`${what} in ${run.documents} document(s) from ${sources.join(', ')} (${((performance.now() - started) / 1000).toFixed(1)} s)\n`)
      if (run.skipped.length > 0) process.exitCode = 1
    })
}
