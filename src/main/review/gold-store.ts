// gold/<documentId>.json: the adjudicated layer of one document. Its one writer is whoever
// adjudicates (the Review view, `spanwise merge`), never an annotator's edit. Saves are
// versioned: the version is a hash of the file's bytes, and a save states the version it edited,
// so a stale save (another window, or a teammate's gold pulled by git) is a conflict, never a
// silent overwrite. Reads never trust memory: every read hashes and parses the file anew.
import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { DocumentTags, ProjectConfig, Relation, Span } from '../../shared/model'
import { hasTags, normaliseTags, tagProblem } from '../../shared/tags'
import { emptyGold, type GoldLayer, type GoldRelation, type GoldSpan, type RejectedRelation, type RejectedUnit, type ReviewStatus } from '../../shared/review'
import { DamagedFileError, StoreError } from '../store/errors'
import { canonicalJson } from '../store/canonical-json'
import { writeJsonAtomic } from '../store/json-file'
import { readBytes, versionOfBytes } from '../store/file-version'
import { KeyedLock } from '../store/keyed-lock'
import { idFromFileName } from '../store/layout'
import type { ProjectStore } from '../store/project-store'
import { followTagLog, type RetiredTags } from '../store/tag-log'

/** The version of a gold file that does not exist yet (no decision saved). */
export const GOLD_ABSENT_VERSION = 'absent'

export function goldDir(folder: string): string {
  return path.join(folder, 'gold')
}

export function goldFile(folder: string, documentId: string): string {
  return path.join(folder, 'gold', `${documentId}.json`)
}

export interface VersionedGold {
  gold: GoldLayer
  version: string
}

export interface GoldChange {
  spans: GoldSpan[]
  relations: GoldRelation[]
  rejected: RejectedUnit[]
  rejectedRelations?: RejectedRelation[]
  /** The gold document tags (absent: as they are). */
  tags?: DocumentTags
  /** The label revision `tags` were read against (absent: the project's current one); older tags are brought forward. */
  labelRevision?: number
  status: ReviewStatus
}

/**
 * Gold tags written against an older label set, brought up to the project's (a tag group or option
 * renamed since follows; one deleted is set aside with its step, and comes back with the step's undo).
 */
function followGoldTags(gold: GoldLayer, config: ProjectConfig): GoldLayer {
  const to = config.labelRevision ?? 0
  const from = gold.labelRevision ?? 0
  if (from >= to) return gold
  const { tags: _tags, retiredTags: _retired, ...rest } = gold
  const followed = followTagLog(gold.tags ?? {}, gold.retiredTags ?? [], from, config)
  return { ...rest, ...withTagFields(followed.tags, followed.retired), labelRevision: to }
}

/** The tag fields of a gold layer: each only when it holds something. */
function withTagFields(tags: DocumentTags, retired: RetiredTags[]): Pick<GoldLayer, 'tags' | 'retiredTags'> {
  return { ...(hasTags(tags) ? { tags } : {}), ...(retired.length > 0 ? { retiredTags: retired } : {}) }
}

export class GoldStore {
  private readonly lock = new KeyedLock()

  constructor(private readonly store: ProjectStore) {}

  /** The gold layer as it is on disk now, with the version of the very bytes it was parsed from. */
  read(documentId: string): VersionedGold {
    const file = goldFile(this.store.folder, documentId)
    const bytes = readBytes(file)
    if (bytes === null) return { gold: emptyGold(documentId), version: GOLD_ABSENT_VERSION }
    let data: Partial<GoldLayer>
    try {
      data = JSON.parse(bytes.toString('utf8')) as Partial<GoldLayer>
    } catch (error) {
      throw new DamagedFileError(file, `not valid JSON: ${(error as Error).message}`)
    }
    if (!data || typeof data !== 'object' || !Array.isArray(data.spans)) throw new DamagedFileError(file, 'not a gold layer: it has no list of spans')
    const gold: GoldLayer = {
      ...emptyGold(documentId),
      ...data,
      relations: data.relations ?? [],
      rejected: data.rejected ?? [],
      rejectedRelations: data.rejectedRelations ?? []
    }
    // the file stays as written until the adjudicator's next save (as an annotator's layer)
    return { gold: followGoldTags(gold, this.store.settings), version: versionOfBytes(bytes) }
  }

  /** Documents that have a gold file. */
  documentIds(): string[] {
    let names: string[] = []
    try {
      names = readdirSync(goldDir(this.store.folder))
    } catch {
      return []
    }
    return names.map(idFromFileName).filter((id): id is string => id !== null)
  }

  /**
   * Replaces a document's gold layer, if the file is still at `baseVersion` (GOLD_ABSENT_VERSION
   * for a first save). Spans and relations are checked like an annotator's; gold relations must
   * link gold spans, and every rejection and provenance must name its sources.
   */
  async save(documentId: string, baseVersion: string, change: GoldChange): Promise<VersionedGold> {
    return this.lock.run(documentId, async () => {
      if (!(await this.store.hasDocument(documentId))) throw new StoreError('not_found', `no document ${documentId} in this project`)
      // the label set first: the gold read next follows its log
      const config = await this.store.freshSettings()
      const current = this.read(documentId)
      if (current.version !== baseVersion) {
        throw new StoreError('conflict', `the gold layer of ${documentId} changed since it was opened (someone else saved it): reload it and decide again`)
      }
      await this.store.checkContent(documentId, change.spans as Span[], change.relations as Relation[])
      const revision = config.labelRevision ?? 0
      // tags chosen on a page that read an older label set (renamed or deleted in another tab since) are brought forward
      const forward = change.tags ? followTagLog(change.tags, current.gold.retiredTags ?? [], change.labelRevision ?? revision, config) : null
      const problem = tagProblem(forward?.tags, config.tagGroups)
      if (problem) throw new StoreError('invalid_input', `gold tags of document ${documentId}: ${problem}`)
      const tags = normaliseTags(forward?.tags ?? current.gold.tags, config.tagGroups)
      const gold: GoldLayer = {
        version: 1,
        documentId,
        status: change.status,
        spans: [...change.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id)),
        relations: change.relations,
        rejected: change.rejected,
        rejectedRelations: change.rejectedRelations ?? current.gold.rejectedRelations ?? [],
        ...withTagFields(tags, forward?.retired ?? current.gold.retiredTags ?? []),
        ...(revision > 0 ? { labelRevision: revision } : {}),
        updatedAt: new Date().toISOString()
      }
      // the folder is made by the first save that needs it
      await writeJsonAtomic(goldFile(this.store.folder, documentId), gold, { makeFolder: true })
      // the store writes canonicalJson's text: hashing that text is hashing the file's bytes
      return { gold, version: versionOfBytes(Buffer.from(canonicalJson(gold), 'utf8')) }
    })
  }
}
