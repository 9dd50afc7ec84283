// gold/<documentId>.json: the adjudicated layer of one document. Its one writer is whoever
// adjudicates (the Review view, `spanwise merge`), never an annotator's edit. Saves are
// versioned: the version is a hash of the file's bytes, and a save states the version it edited,
// so a stale save (another window, or a teammate's gold pulled by git) is a conflict, never a
// silent overwrite. Reads never trust memory: every read hashes and parses the file anew.
import { readdirSync } from 'node:fs'
import type { DocumentTags } from '../../shared/model'
import { hasTags, normaliseTags, tagProblem } from '../../shared/tags'
import path from 'node:path'
import type { Relation, Span } from '../../shared/model'
import { emptyGold, type GoldLayer, type GoldRelation, type GoldSpan, type RejectedRelation, type RejectedUnit, type ReviewStatus } from '../../shared/review'
import { DamagedFileError, StoreError } from '../store/errors'
import { canonicalJson } from '../store/canonical-json'
import { writeJsonAtomic } from '../store/json-file'
import { readBytes, versionOfBytes } from '../store/file-version'
import { KeyedLock } from '../store/keyed-lock'
import { idFromFileName } from '../store/layout'
import type { ProjectStore } from '../store/project-store'

/** The version of a gold file that does not exist yet (no decision saved). */
export const GOLD_ABSENT_VERSION = 'absent'

export function goldDir(folder: string): string {
  return path.join(folder, 'gold')
}

export function goldFile(folder: string, documentId: string): string {
  return path.join(folder, 'gold', `${documentId}.json`)
}

/** A gold file's version: the same hash of its bytes as every other file's (store/file-version.ts). */
export const goldVersionOf = versionOfBytes

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
  status: ReviewStatus
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
    return { gold, version: goldVersionOf(bytes) }
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
      const current = this.read(documentId)
      if (current.version !== baseVersion) {
        throw new StoreError('conflict', `the gold layer of ${documentId} changed since it was opened (someone else saved it): reload it and decide again`)
      }
      await this.store.checkContent(documentId, change.spans as Span[], change.relations as Relation[])
      const groups = (await this.store.freshSettings()).tagGroups
      const problem = tagProblem(change.tags, groups)
      if (problem) throw new StoreError('invalid_input', `gold tags of document ${documentId}: ${problem}`)
      const tags = normaliseTags(change.tags ?? current.gold.tags, groups)
      const gold: GoldLayer = {
        version: 1,
        documentId,
        status: change.status,
        spans: [...change.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id)),
        relations: change.relations,
        rejected: change.rejected,
        rejectedRelations: change.rejectedRelations ?? current.gold.rejectedRelations ?? [],
        ...(hasTags(tags) ? { tags } : {}),
        updatedAt: new Date().toISOString()
      }
      // the folder is made by the first save that needs it
      await writeJsonAtomic(goldFile(this.store.folder, documentId), gold, { makeFolder: true })
      // the store writes canonicalJson's text: hashing that text is hashing the file's bytes
      return { gold, version: goldVersionOf(Buffer.from(canonicalJson(gold), 'utf8')) }
    })
  }
}
