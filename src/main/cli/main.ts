// The `spanwise` command line, on the same modules the desktop app uses.
import path from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { STATUSES, type DocumentStatus } from '../../shared/model'
import { defaultProjectFolder, openOrCreateDemo } from '../demo/demo-project'
import {
  EXPORT_FORMAT_NAMES,
  exportProject,
  exportProjectToFolder,
  isFolderFormat,
  type ExportFormatName,
  type ExportSummary
} from '../exporting/export-project'
import { readers } from '../formats/registry'
import type { OffsetUnit } from '../../shared/offsets'
import { exportToFile } from '../exporting/export-to-file'
import { exportFilePerAnnotator, writesFilePerAnnotator } from '../exporting/export-per-annotator'
import { emptyLayerNotice } from '../exporting/layer-census'
import type { ImportProgress, LayerImport } from '../../shared/api/contract'
import { importTotals } from '../../shared/api/import-report'
import { ImportCancelled } from '../importing/read-lines'
import { MAX_IMPORT_FILE_BYTES } from '../importing/limits'
import { collectFiles } from '../importing/collect-files'
import { importSources } from '../importing/import-files'
import { startServer } from '../server/http-server'
import { checkAnnotator, defaultAnnotator } from '../store/annotator'
import { userDataDir } from '../app-paths'
import { ProjectRoot, noFolders } from '../projects/project-root'
import { RECENT_PROJECTS_FILE, RecentProjects } from '../projects/recent-projects'
import { Workspace } from '../projects/workspace'
import { ProjectStore } from '../store/project-store'
import { MEASURE_IDS, type MeasureId } from '../../shared/agreement/report'
import { mergeCommand } from '../review/merge-command'
import { suggestCommand } from '../suggest/suggest-command'

function annotatorOption(description = 'annotator layer to use (default: your user name)'): Option {
  return new Option('--annotator <name>', description).argParser((value) => {
    try {
      return checkAnnotator(value)
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message)
    }
  })
}

/** What opening the project put right (an interrupted import rolled back...), on stderr. */
function printNotices(store: ProjectStore): void {
  for (const notice of store.notices) process.stderr.write(`spanwise: ${notice}\n`)
}

function portNumber(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is a number from 0 to 65535')
  return port
}

function statusList(value: string, previous: DocumentStatus[] = []): DocumentStatus[] {
  if (!(STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`status is one of ${STATUSES.join(', ')}`)
  return [...previous, value as DocumentStatus]
}

function commaList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((item) => item.trim()).filter(Boolean)]
}

function measureList(value: string, previous: MeasureId[] = []): MeasureId[] {
  const measures = commaList(value)
  const wrong = measures.filter((m) => !(MEASURE_IDS as readonly string[]).includes(m))
  if (wrong.length) throw new InvalidArgumentError(`unknown measure ${wrong.join(', ')}; measures: ${MEASURE_IDS.join(', ')}`)
  return [...previous, ...(measures as MeasureId[])]
}

function offsetsOption(what: string): Option {
  return new Option('--offsets <unit>', `offset unit of the ${what}, where the format allows a choice (default: the format's own; see docs/formats.md)`).choices(['utf16', 'codepoint'])
}

function progressOnStderr(label: string): (done: number, total: number) => void {
  let last = 0
  return (done, total) => {
    const now = Date.now()
    if (!process.stderr.isTTY || (now - last < 200 && done !== total)) return
    last = now
    process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`)
  }
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e8 ? 1 : 0)

/**
 * An import's progress on stderr: on a terminal, one line rewritten in place; when stderr is a
 * file or pipe, a line every two seconds for an import of over 20 MiB (so logs show a long
 * import's progress, and an import of a few files prints nothing).
 */
function importProgressOnStderr(): { update: (progress: ImportProgress) => void; end: () => void } {
  const started = Date.now()
  const tty = process.stderr.isTTY === true
  const interval = tty ? 200 : 2000
  let lastLine = 0
  let open = false
  const line = (p: ImportProgress) => {
    const seconds = (Date.now() - started) / 1000
    const rate = seconds > 0 ? ` (${megabytes(p.bytesDone / seconds)} MB/s)` : ''
    if (p.phase === 'committing') return `importing: moving ${p.documents}/${p.documentsTotal ?? '?'} files into the project`
    const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100
    return `importing: ${percent}%, ${megabytes(p.bytesDone)} of ${megabytes(p.bytesTotal)} MB read, ${p.documents} document(s)${rate}`
  }
  let printed = false
  return {
    update(progress) {
      const now = Date.now()
      const last = progress.phase === 'committing' && progress.documents === progress.documentsTotal
      if (!tty && progress.bytesTotal <= MAX_IMPORT_FILE_BYTES) return
      if (now - lastLine < interval && !(last && printed)) return
      lastLine = now
      printed = true
      if (tty) {
        process.stderr.write(`\r\x1b[K${line(progress)}`)
        open = true
      } else process.stderr.write(`${line(progress)}\n`)
    },
    end() {
      if (open) process.stderr.write('\n')
      open = false
    }
  }
}

interface ImportCommandOptions {
  project: string
  annotator?: string
  format?: string
  textColumn: string
  offsets?: OffsetUnit
  annotatorFromFileName?: boolean
  annotatorFromFolder?: boolean
}

function layerLine(layer: LayerImport): string {
  const kept = layer.kept > 0 ? `; ${layer.kept} document(s) left as they were (the layer already had spans there)` : ''
  return `layer ${layer.annotator}: ${layer.spans} span(s) in ${layer.documents} document(s)${kept}`
}

export function buildProgram(): Command {
  const program = new Command('spanwise')
    .description('Annotate text: mark actors, claims and figures in articles, export datasets with exact offsets.')
    .showHelpAfterError()

  program
    .command('import')
    .description('import documents (txt, md, html, csv, tsv) and annotated datasets (Spanwise/doccano/Prodigy JSONL, Label Studio JSON, brat, CoNLL) into a project (created if missing)')
    .requiredOption('--project <dir>', 'project folder')
    .addOption(new Option('--format <name>', 'read every file as this format instead of choosing by file name').choices(readers.map((r) => r.name)))
    .addOption(annotatorOption())
    .option('--text-column <name>', 'CSV/TSV: the column holding the text', 'text')
    .addOption(offsetsOption('input'))
    .addOption(new Option('--annotator-from-file-name', "each file's layer is its name without extension (doccano's <username>.jsonl)").conflicts('annotatorFromFolder'))
    .option('--annotator-from-folder', "each file's layer is the name of its folder (brat: one folder per annotator)")
    .argument('<paths...>', 'files or folders to import')
    .action(async (paths: string[], options: ImportCommandOptions) => {
      const store = await ProjectStore.open(options.project, { create: true })
      printNotices(store)
      const { files, rejected } = await collectFiles(paths, { anyExtension: options.format !== undefined, ...(options.format ? { format: options.format } : {}) })
      // Ctrl+C cancels: the run is undone (nothing of it stays in the project), then we exit
      const cancel = new AbortController()
      const onInterrupt = () => {
        if (cancel.signal.aborted) process.exit(130)
        process.stderr.write('\nspanwise: cancelling the import (Ctrl+C again to stop at once)…\n')
        cancel.abort()
      }
      process.on('SIGINT', onInterrupt)
      const progress = importProgressOnStderr()
      const report = await importSources(
        store,
        files,
        {
          annotator: await store.checkAnnotatorName(options.annotator ?? defaultAnnotator()),
          textColumn: options.textColumn,
          ...(options.format ? { format: options.format } : {}),
          ...(options.offsets ? { offsets: options.offsets } : {}),
          ...(options.annotatorFromFileName ? { annotatorFromPath: 'file-name' as const } : options.annotatorFromFolder ? { annotatorFromPath: 'folder' as const } : {})
        },
        rejected,
        { signal: cancel.signal, onProgress: progress.update }
      )
        .catch((error: unknown) => {
          if (!(error instanceof ImportCancelled)) throw error
          progress.end()
          process.stderr.write('spanwise: import cancelled; the project is as it was\n')
          process.exit(130)
        })
        .finally(() => {
          progress.end()
          process.off('SIGINT', onInterrupt)
        })
      const totals = importTotals(report)
      const spans = (report.layers ?? []).reduce((sum, layer) => sum + layer.spans, 0)
      for (const issue of report.rejected) {
        process.stderr.write(`rejected ${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}\n`)
      }
      for (const dup of report.duplicates) process.stderr.write(`already in the project: ${dup.file} (${dup.title})\n`)
      process.stdout.write(
        `imported ${totals.added} document(s) with ${spans} span(s); ${totals.duplicates} already present; ${report.rejected.length} rejected\n`
      )
      // a layer is listed when the import wrote to it or left it alone for its spans (not for plain texts)
      for (const layer of report.layers ?? []) if (layer.spans > 0 || layer.kept > 0) process.stdout.write(`  ${layerLine(layer)}\n`)
      // the same texts in several files of one import, all in one layer: likely one file per annotator
      if (!options.annotatorFromFileName && !options.annotatorFromFolder && report.layers?.some((layer) => layer.kept > 0)) {
        process.stderr.write(
          'hint: if these files are several annotators\' work (doccano\'s <username>.jsonl, brat folders per annotator), import them with --annotator-from-file-name or --annotator-from-folder\n'
        )
      }
      // the good files are imported either way; a rejected one still makes the run a failure
      if (report.rejected.length > 0) process.exitCode = 1
    })

  program
    .command('export')
    .description("export a project's annotations (stdout unless --out is given; brat needs --out DIR)")
    .requiredOption('--project <dir>', 'project folder')
    .addOption(new Option('--format <name>', 'output format').choices([...EXPORT_FORMAT_NAMES]).default('jsonl'))
    .option('--out <path>', 'write to this file (a folder for brat, and for doccano with --all-annotators: one <annotator>.jsonl each) instead of stdout')
    .addOption(annotatorOption())
    .option('--all-annotators', 'every annotator layer: a record per document and annotator (Label Studio: a task per document with an annotation each; doccano: a file each; brat: a folder each)')
    .option('--status <status>', `only documents with this status (${STATUSES.join(', ')}); repeatable`, statusList)
    .addOption(offsetsOption('output'))
    .option('--skip-damaged', 'leave out documents whose file is damaged and still exit 0 (they are always left out and named)')
    .addOption(new Option('--layer <layer>', "whose spans: an annotator's layer, or the adjudicated gold layer (documents with one)").choices(['annotator', 'gold']).default('annotator'))
    .action(
      async (options: {
        project: string
        format: ExportFormatName
        out?: string
        annotator?: string
        allAnnotators?: boolean
        status?: DocumentStatus[]
        offsets?: OffsetUnit
        skipDamaged?: boolean
        layer: 'annotator' | 'gold'
      }) => {
        if (options.layer === 'gold' && (options.annotator || options.allAnnotators)) {
          throw new Error('--layer gold exports the adjudicated layer: --annotator and --all-annotators do not apply')
        }
        const store = await ProjectStore.open(options.project)
        printNotices(store)
        const selection = {
          annotator: options.allAnnotators ? ({ all: true } as const) : (options.annotator ?? defaultAnnotator()),
          ...(options.status ? { statuses: options.status } : {}),
          ...(options.layer === 'gold' ? { layer: 'gold' as const } : {})
        }
        const exportOptions = options.offsets ? { offsets: options.offsets } : {}
        let summary: ExportSummary
        if (isFolderFormat(options.format)) {
          if (!options.out) throw new Error(`${options.format} writes a folder of files: give one with --out DIR`)
          summary = await exportProjectToFolder(store, options.format, selection, options.out, progressOnStderr('exported'), exportOptions)
        } else if (options.out && writesFilePerAnnotator(options.format, selection)) {
          const written = await exportFilePerAnnotator(store, options.format, selection, options.out, progressOnStderr('exported'), exportOptions)
          for (const file of written.files) process.stderr.write(`wrote ${file}\n`)
          summary = written
        } else if (!options.out) {
          summary = await exportProject(store, options.format, selection, process.stdout, progressOnStderr('exported'), exportOptions)
        } else {
          summary = await exportToFile(store, options.format, selection, options.out, progressOnStderr('exported'), exportOptions)
        }
        if (options.out) process.stderr.write(`wrote ${summary.records} record(s) with ${summary.spans} span(s) to ${options.out}\n`)
        for (const damaged of summary.damaged) process.stderr.write(`left out document ${damaged.id}: ${damaged.message}\n`)
        // an empty layer exported while other layers hold spans is a mistake until said otherwise
        const notice = summary.spans === 0 ? await emptyLayerNotice(store, selection) : null
        if (notice) process.stderr.write(`warning: ${notice.message}; export one of them with --annotator NAME, or every layer with --all-annotators\n`)
        // the rest is exported either way; a document left out fails the run unless asked not to
        if (summary.damaged.length > 0 && !options.skipDamaged) {
          process.stderr.write(`spanwise: ${summary.damaged.length} damaged document(s) left out of the export (--skip-damaged to accept that)\n`)
          process.exitCode = 1
        }
      }
    )

  program
    .command('agreement')
    .description('inter-annotator agreement: every measure with its definition and counts, per project, annotator pair, label and document (docs/agreement.md)')
    .requiredOption('--project <dir>', 'project folder')
    .option('--annotators <names>', 'annotators to compare, comma-separated (default: all with layers)', commaList)
    .option('--labels <names>', 'labels to compare, comma-separated (default: all)', commaList)
    .addOption(new Option('--status <status>', 'only documents every chosen annotator marked so').choices([...STATUSES]))
    .option('--measure <ids>', `measures, comma-separated or repeated (default: all): ${MEASURE_IDS.join(', ')}`, measureList)
    .addOption(new Option('--format <format>', 'output').choices(['table', 'json', 'csv']).default('table'))
    .option('--include-gold', 'count the adjudicated gold layer as one more rater ("gold")')
    .action(
      async (options: { project: string; annotators?: string[]; labels?: string[]; status?: DocumentStatus; measure?: MeasureId[]; format: 'table' | 'json' | 'csv'; includeGold?: boolean }) => {
        // loaded on use: the measures are a good deal of code every other command can do without
        const { projectAgreement } = await import('../agreement/project-agreement')
        const { reportCsv, reportTable } = await import('../agreement/format-report')
        const store = await ProjectStore.open(options.project)
        const report = await projectAgreement(store, {
          ...(options.annotators ? { annotators: options.annotators } : {}),
          ...(options.labels ? { labels: options.labels } : {}),
          ...(options.status ? { status: options.status } : {}),
          ...(options.measure ? { measures: [...new Set(options.measure)] } : {}),
          includeGold: options.includeGold ?? false
        })
        const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : options.format === 'csv' ? reportCsv(report) : reportTable(report)
        process.stdout.write(text)
      }
    )

  mergeCommand(program)
  suggestCommand(program)

  program
    .command('init')
    .description('create a project folder (with the default labels); with --git, make it a git repository ready for team sync')
    .requiredOption('--project <dir>', 'project folder')
    .option('--name <name>', 'project name (default: the folder name)')
    .option('--git', 'make the project a git repository (no line-ending conversion, temp and lock files ignored) and commit it')
    .addOption(annotatorOption())
    .action(async (options: { project: string; name?: string; git?: boolean; annotator?: string }) => {
      const store = await ProjectStore.open(options.project, { create: true, ...(options.name ? { name: options.name } : {}) })
      process.stdout.write(`Project "${store.settings.name}" in ${store.folder}\n`)
      if (!options.git) return
      // git's modules load only for the commands that use git: every other command starts sooner
      const { initProjectRepository } = await import('../sync/init-repository')
      const report = await initProjectRepository(store.folder, options.annotator ?? defaultAnnotator())
      for (const line of report.lines) process.stdout.write(`${line}\n`)
    })

  program
    .command('rename')
    .description("rename a document (its title; the text never changes), or with --reset put back the title its import gave")
    .requiredOption('--project <dir>', 'project folder')
    .argument('<document>', 'document id, or the start of one that no other id shares')
    .argument('[title]', 'the new title')
    .option('--reset', 'put back the imported title')
    .addOption(annotatorOption('who renames it, recorded with the rename (default: your user name)'))
    .action(async (document: string, title: string | undefined, options: { project: string; reset?: boolean; annotator?: string }) => {
      if ((title === undefined) === !options.reset) throw new Error('give either a new title or --reset')
      const store = await ProjectStore.open(options.project)
      printNotices(store)
      const matches = (await store.documentIds()).filter((id) => id.startsWith(document.toLowerCase()))
      if (matches.length !== 1) throw new Error(matches.length === 0 ? `no document ${document} in ${store.folder}` : `${document} starts ${matches.length} document ids: give more of it`)
      const id = matches[0]!
      // renamed from the file as read now: a rename elsewhere in between is a conflict, not lost
      const { version } = await store.getDocumentVersioned(id)
      const { document: renamed } = await store.renameDocument(id, options.reset ? null : title!, version, options.annotator ?? defaultAnnotator())
      process.stdout.write(`${id}: ${renamed.title}${renamed.renamed ? ` (imported as ${renamed.renamed.importedTitle})` : ''}\n`)
    })

  program
    .command('sync')
    .description("share your work through git: commit your layers (and documents/project.json changed here), pull teammates' work, push")
    .requiredOption('--project <dir>', 'project folder (inside a git repository)')
    .option('--remote <name>', "remote to sync with (default: the branch's upstream, else origin)")
    .addOption(annotatorOption())
    .action(async (options: { project: string; remote?: string; annotator?: string }) => {
      const store = await ProjectStore.open(options.project)
      const { syncProject } = await import('../sync/sync-project')
      const report = await syncProject(store, { annotator: options.annotator ?? defaultAnnotator(), ...(options.remote ? { remote: options.remote } : {}) })
      for (const line of report.lines) process.stdout.write(`${line}\n`)
      // the work is committed either way; a sync that could not exchange it is still a failure
      if (['unreachable', 'conflict', 'push_rejected'].includes(report.outcome) || report.textProblems.length > 0) process.exitCode = 1
    })

  program
    .command('serve')
    .description('serve the workbench to a browser on 127.0.0.1 (prints the URL with its session token)')
    .option('--project <dir>', 'project folder (default: the last project opened, else the demo project, created on first use)')
    .option('--root <dir>', 'let the browser open, create and switch projects in folders under DIR (never elsewhere); without it the server serves one project')
    .option('--port <n>', 'port to listen on (default: any free port)', portNumber)
    .addOption(annotatorOption('annotator a new browser tab starts as; each tab can switch to its own (default: your user name)'))
    .action(async (options: { project?: string; root?: string; port?: number; annotator?: string }) => {
      const annotator = options.annotator ?? defaultAnnotator()
      const workspace = new Workspace({
        defaultAnnotator: annotator,
        access: options.root ? new ProjectRoot(options.root) : noFolders,
        recents: new RecentProjects(path.join(userDataDir(), RECENT_PROJECTS_FILE)),
        // one app per folder: a second `serve` (or the desktop app) on it is refused, naming the first
        lockCommand: `spanwise serve (port ${options.port ?? 'any'})`
      })
      if (options.project) await workspace.openStore(await ProjectStore.open(options.project, { create: true }))
      // with a root, nothing opened before under it means the start page: the demo lives elsewhere
      else await workspace.openMostRecent(options.root ? null : () => openOrCreateDemo(defaultProjectFolder(), annotator))
      const open = workspace.current?.session.store
      if (open) printNotices(open)
      if (workspace.notice) process.stderr.write(`spanwise: ${workspace.notice}\n`)
      const server = await startServer(workspace, options.port === undefined ? {} : { port: options.port })
      const stop = () => void server.close().then(() => process.exit(0))
      // before the URL is printed: whoever reads it may stop us at once
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
      const what = [open ? open.folder : null, options.root ? `projects under ${workspace.access.root}` : null].filter(Boolean).join(' and ')
      process.stderr.write(`Spanwise is serving ${what || 'its start page'} to your browser. Open:\n`)
      process.stdout.write(`${server.url}\n`)
    })

  return program
}

export async function runCli(argv: string[]): Promise<void> {
  // `spanwise export | head` closes stdout early: that is the reader's choice, not an error
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
  try {
    await buildProgram().parseAsync(argv)
  } catch (error) {
    process.stderr.write(`spanwise: ${(error as Error).message.split('\n')[0]}\n`)
    process.exitCode = 1
  }
}
