// Agreement on document tags, per tag group, with the nominal measures of nominal.ts: Cohen's κ
// per pair, Fleiss' κ and Krippendorff's α (nominal) over all raters. A single-choice group is
// one item per document, its categories "no tag" and each option; a multiple-choice group is one
// yes/no item per document and option, so each option gets its own scores (a document tagged
// {ceasefire, hostages} by one rater and {ceasefire} by the other agrees on ceasefire and
// disagrees on hostages). Raters without a layer for a document leave its items unrated (MISSING).
import type { TagAgreement } from '../../shared/agreement/report'
import type { DocumentTags, TagGroup } from '../../shared/model'
import { MISSING, NominalTable } from './nominal'

export const TAG_AGREEMENT_DEFINITION =
  'Per tag group, over the documents with layers from two or more raters. Single choice: one item per document, categories "no tag" and each option. ' +
  'Multiple choice: one yes/no item per document and option, scored per option. Cohen\'s κ per pair over the items both rated; Fleiss\' κ over the items every rater rated; ' +
  'Krippendorff\'s α (nominal) over the items two or more rated. A rater without a layer for a document does not rate it.'

interface TagItem {
  group: TagGroup
  option?: string
  table: NominalTable
  /** The category a rater's tags give this item. */
  category(tags: DocumentTags): number
}

function itemsOf(groups: TagGroup[], raters: number): TagItem[] {
  return groups.flatMap((group): TagItem[] => {
    if (group.multiple) {
      return group.options.map((option) => ({
        group,
        option: option.name,
        table: new NominalTable(raters, 2),
        category: (tags) => (tags[group.name]?.includes(option.name) ? 1 : 0)
      }))
    }
    return [
      {
        group,
        table: new NominalTable(raters, group.options.length + 1),
        // 0: no tag of the group; an option the group no longer has counts as none
        category: (tags) => 1 + group.options.findIndex((option) => option.name === tags[group.name]?.[0])
      }
    ]
  })
}

export class TagAgreementBuilder {
  private readonly items: TagItem[]
  private readonly values: Int32Array

  constructor(
    private readonly raters: string[],
    groups: TagGroup[]
  ) {
    this.items = itemsOf(groups, raters.length)
    this.values = new Int32Array(raters.length)
  }

  /** One document: the tags of each rater with a layer for it (absent: no layer). */
  add(tags: Record<string, DocumentTags | undefined>): void {
    for (const item of this.items) {
      for (const [r, name] of this.raters.entries()) {
        const mine = tags[name]
        this.values[r] = mine === undefined ? MISSING : item.category(mine)
      }
      item.table.add(this.values)
    }
  }

  /** Its sums: one table per item, in item order (a worker thread's batch, see build-report.ts). */
  tables(): NominalTable[] {
    return this.items.map((item) => item.table)
  }

  /** Adds another builder's tables (same raters and groups), as if its documents were added here. */
  mergeTables(tables: readonly NominalTable[]): void {
    this.items.forEach((item, i) => item.table.merge(tables[i]!))
  }

  finish(): { definition: string; items: TagAgreement[] } {
    const { raters } = this
    return {
      definition: TAG_AGREEMENT_DEFINITION,
      items: this.items.map(({ group, option, table }) => ({
        group: group.name,
        ...(option !== undefined ? { option } : {}),
        pairs: raters.flatMap((a, i) => raters.slice(i + 1).map((b, k) => ({ a, b, cohenKappa: table.cohenKappa(i, i + 1 + k) }))),
        fleissKappa: table.fleissKappa(),
        alpha: table.krippendorffAlpha()
      }))
    }
  }
}
