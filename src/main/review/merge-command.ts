// `spanwise merge`: the automatic merge of the Review view, from the command line. Prints, per
// document, what it accepted into gold and what is left to review, then the totals.
import { type Command, InvalidArgumentError, Option } from 'commander'
import { STATUSES, type DocumentStatus } from '../../shared/model'
import { MERGE_STRATEGIES, type MergeStrategy } from '../../shared/review'
import { checkAnnotator, defaultAnnotator } from '../store/annotator'
import { ProjectStore } from '../store/project-store'
import { GoldStore } from './gold-store'
import { mergeProject } from './review-service'

/** `--min 2` is a number of annotators; `--min 0.6` or `--min 60%` a share of them. */
export function parseMinimum(value: string): { minAnnotators: number } | { minShare: number } {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(value.trim())
  const number = percent ? Number(percent[1]) / 100 : Number(value)
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError('--min is a number of annotators (2) or a share of them (0.6 or 60%)')
  if (percent || number < 1) {
    if (number > 1) throw new InvalidArgumentError('a share of annotators is at most 100%')
    return { minShare: number }
  }
  if (!Number.isInteger(number)) throw new InvalidArgumentError('a number of annotators is a whole number')
  return { minAnnotators: number }
}

function annotatorList(value: string): string[] {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean)
  if (names.length === 0) throw new InvalidArgumentError('name at least one annotator')
  try {
    return names.map(checkAnnotator)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

const STATE_TEXT: Record<string, string> = {
  label_conflict: 'label conflict',
  boundary_conflict: 'boundary conflict',
  attribute_conflict: 'attribute conflict',
  one_sided: 'one-sided',
  unanimous: 'unanimous'
}

function listCounts(counts: Record<string, number>, names: Record<string, string> = {}): string {
  const parts = Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([name, count]) => `${names[name] ?? name} ${count}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

export function mergeCommand(program: Command): void {
  program
    .command('merge')
    .description('merge what annotators agree on into the gold layer; fills only undecided units, never overwrites a decision')
    .requiredOption('--project <dir>', 'project folder')
    .addOption(new Option('--strategy <name>', 'unanimous: every annotator marked it alike; agreeing: everyone who marked it agrees; threshold: at least --min of them').choices([...MERGE_STRATEGIES]).makeOptionMandatory())
    .option('--min <n>', 'threshold: the fewest annotators (2) or the smallest share of them (0.6 or 60%) proposing the same span', parseMinimum)
    .option('--annotators <names>', 'compare only these annotators (comma-separated; default: all with a layer)', annotatorList)
    .addOption(new Option('--status <status>', 'only documents every compared annotator marked so').choices([...STATUSES]))
    .option('--document <id...>', 'only these documents (default: every document with two or more layers)')
    .option('--adjudicator <name>', 'who is recorded as deciding (default: your user name)', (value: string) => {
      try {
        return checkAnnotator(value)
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message)
      }
    })
    .action(
      async (options: {
        project: string
        strategy: MergeStrategy
        min?: { minAnnotators: number } | { minShare: number }
        annotators?: string[]
        status?: DocumentStatus
        document?: string[]
        adjudicator?: string
      }) => {
        if (options.strategy === 'threshold' && !options.min) throw new Error('the threshold strategy needs --min (a number of annotators, or a share such as 60%)')
        if (options.strategy !== 'threshold' && options.min) throw new Error(`--min applies to the threshold strategy only, not to ${options.strategy}`)
        const store = await ProjectStore.open(options.project)
        // what opening the project put right (an interrupted import rolled back...)
        for (const notice of store.notices) process.stderr.write(`spanwise: ${notice}\n`)
        const report = await mergeProject(store, new GoldStore(store), {
          strategy: options.strategy,
          ...(options.min ?? {}),
          filter: {
            ...(options.annotators ? { annotators: options.annotators } : {}),
            ...(options.status ? { status: options.status } : {}),
            ...(options.document ? { documentIds: options.document } : {})
          },
          by: options.adjudicator ?? defaultAnnotator()
        })
        for (const doc of report.perDocument) {
          if (doc.accepted + doc.acceptedRelations + doc.left === 0) continue
          const relations = doc.acceptedRelations ? ` and ${doc.acceptedRelations} relation(s)` : ''
          process.stdout.write(
            `${doc.documentId} ${doc.title}: accepted ${doc.accepted}${listCounts(doc.acceptedLabels)}${relations}; left ${doc.left}${listCounts(doc.leftStates, STATE_TEXT)}\n`
          )
        }
        for (const skipped of report.skipped) process.stderr.write(`skipped ${skipped.documentId} ${skipped.title}: ${skipped.reason}\n`)
        process.stdout.write(
          `merged ${report.documents} document(s) (${options.strategy}): accepted ${report.accepted} unit(s) and ${report.acceptedRelations} relation(s); ${report.left} unit(s) left to review\n`
        )
        if (report.skipped.length > 0) process.exitCode = 1
      }
    )
}
