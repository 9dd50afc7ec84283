// Agreement's derived cache: the sums of each batch of documents (ReportBuilder.batchSums), kept
// in .spanwise/cache/agreement/ (ignored by git, never synced) so that a report on a project whose
// layers have not changed reads sums instead of measuring every document again, and one whose
// layers changed measures only the batches holding those. Nothing in it is a source of truth:
// a batch's key names everything its sums were computed from (the report's options, the
// project's labels and their log, and the stat of every file read), so a file edited by a
// teammate's pull or another process gives a new key and the batch is measured afresh; a
// missing, damaged or foreign entry is measured afresh too.
//
// Batches are cut where a document id ends in a rare pattern (ids are content hashes, so about
// one in BATCH_ODDS), not every N documents: adding or removing a document then changes its own
// batch only, instead of shifting every batch after it.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { CACHE_DIR } from '../store/listing-index'
import { documentFile, layerFile } from '../store/layout'
import { goldFile } from '../review/gold-store'
import type { BatchSums } from './build-report'
import type { BatchSetup } from './measure-batch'

/** Changes whenever the sums' shape or meaning changes: older entries are then never read. */
const CACHE_FORMAT = 2
/** A batch ends after an id whose last two hex digits are below this (16/256: about 16 documents a batch). */
const CUT_BELOW = 16
/** …or after this many documents, whatever the ids (ids that are not uniform hashes). */
const MAX_BATCH = 256
/** Entries of other reports are forgotten two weeks after they were written (remade when asked for). */
const FORGET_AFTER_MS = 14 * 24 * 3600 * 1000

export interface PlannedBatch {
  documentIds: string[]
  key: string
}

export class ReportCache {
  private readonly dir: string
  /** Names everything a batch's sums depend on but its files: one report's options. */
  private readonly scope: string

  constructor(
    private readonly folder: string,
    private readonly setup: BatchSetup,
    private readonly includeGold: boolean,
    spanwiseVersion: string
  ) {
    this.dir = path.join(folder, CACHE_DIR, 'agreement')
    const { config } = setup.reading
    const inputs = { CACHE_FORMAT, spanwiseVersion, report: setup.report, reading: { ...setup.reading, folder: undefined, config: { labels: config.labels, labelLog: config.labelLog } }, includeGold }
    this.scope = hash(JSON.stringify(inputs)).slice(0, 16)
  }

  /** The documents in batches, each keyed by the stats of every file it reads. */
  plan(documentIds: readonly string[]): PlannedBatch[] {
    const batches: PlannedBatch[] = []
    let current: string[] = []
    const close = () => {
      if (current.length === 0) return
      batches.push({ documentIds: current, key: this.keyOf(current) })
      current = []
    }
    for (const id of documentIds) {
      current.push(id)
      if (current.length >= MAX_BATCH || parseInt(id.slice(-2), 16) < CUT_BELOW) close()
    }
    close()
    return batches
  }

  private keyOf(documentIds: string[]): string {
    const { annotators } = this.setup.reading
    const digest = createHash('sha256')
    for (const id of documentIds) {
      digest.update(`${id}:${stamp(documentFile(this.folder, id))}`)
      for (const name of annotators) digest.update(`|${stamp(layerFile(this.folder, name, id))}`)
      if (this.includeGold) digest.update(`|${stamp(goldFile(this.folder, id))}`)
      digest.update('\n')
    }
    return `${this.scope}-${digest.digest('hex').slice(0, 32)}`
  }

  has(key: string): boolean {
    return existsSync(this.file(key))
  }

  /** A batch's sums from the cache, or null (none, damaged, or not what this build writes). */
  read(key: string): BatchSums | null {
    try {
      const entry = deserialize(readFileSync(this.file(key))) as { key?: string; sums?: BatchSums }
      if (entry.key !== key || !entry.sums) return null
      return entry.sums
    } catch {
      return null
    }
  }

  /** Keeps a batch's sums; a cache that cannot be written (read-only project) costs only speed. */
  write(key: string, sums: BatchSums): void {
    try {
      mkdirSync(this.dir, { recursive: true })
      const temporary = `${this.file(key)}.${process.pid}.tmp`
      writeFileSync(temporary, serialize({ key, sums }))
      renameSync(temporary, this.file(key))
    } catch {
      // derived data: the next report measures this batch again
    }
  }

  /**
   * Removes this report's entries that no batch uses any more (files changed since they were
   * kept), and other reports' entries (other annotators, labels, filters) written more than
   * FORGET_AFTER_MS ago, so the cache does not grow with every choice ever made.
   */
  prune(used: readonly PlannedBatch[]): void {
    const keep = new Set(used.map((batch) => `${batch.key}.v8`))
    let names: string[] = []
    try {
      names = readdirSync(this.dir)
    } catch {
      return
    }
    const now = Date.now()
    for (const name of names) {
      const file = path.join(this.dir, name)
      try {
        if (name.startsWith(`${this.scope}-`) ? !keep.has(name) : now - statSync(file).mtimeMs > FORGET_AFTER_MS) rmSync(file, { force: true })
      } catch {
        // gone already (another process pruned it)
      }
    }
  }

  private file(key: string): string {
    return path.join(this.dir, `${key}.v8`)
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/** A file's identity as of now: replaced (by rename: Spanwise, git) or edited in place, it changes. */
function stamp(file: string): string {
  try {
    const stats = statSync(file, { bigint: true })
    return `${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`
  } catch {
    return '-'
  }
}
