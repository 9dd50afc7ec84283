// Builds an agreement report from documents already read. The levels: the project and each
// label (every chosen rater; each gives its pairs' scores too, for the matrices) and each
// document (its raters). Span matchings and token sequences are made once per document and
// shared by the levels.
import type { AlignableSpan } from '../../shared/alignment'
import { MEASURE_IDS, type AgreementFilters, type AgreementReport, type MeasureId, type Scores } from '../../shared/agreement/report'
import { OffsetMap } from '../../shared/offsets'
import { DEFINITIONS } from './definitions'
import { DEFAULT_GAMMA_SEED, expectedDisorder, gammaValue } from './gamma'
import { Level, addCounts, alignedLabels, type LevelDocument } from './scope'
import { OVERLAP_THRESHOLD, SPAN_MEASURES, SPAN_RULES, spanMatchCountsByLabel } from './span-f1'
import { documentTokens, tokenLabels, TOKENIZER_DESCRIPTION } from './tokens'
import { TagAgreementBuilder } from './tag-agreement'
import type { NominalTable } from './nominal'
import type { DocumentTags, TagGroup } from '../../shared/model'

export interface AgreementDocument {
  documentId: string
  title: string
  text: string
  /** Spans of each rater with a layer for this document; raters without one are absent. */
  layers: Record<string, readonly AlignableSpan[]>
  /** Document tags of each rater with a layer (see tag-agreement.ts). */
  tags?: Record<string, DocumentTags>
}

export interface ReportOptions {
  /** Raters in report order (pairs are a < b in this order). */
  raters: string[]
  /** Labels compared; spans of other labels are left out. */
  labels: string[]
  measures?: MeasureId[]
  gammaSeed?: number
  spanwiseVersion: string
  /** The project's tag groups: agreement on document tags is measured per group when there are some. */
  tagGroups?: TagGroup[]
  filters: Omit<AgreementFilters, 'annotators' | 'labels' | 'documents'>
}

interface DocumentRow {
  documentId: string
  title: string
  annotators: string[]
  scores: Scores
  disorder: number | null
}

/** The sums of a batch of documents (see ReportBuilder.batchSums). */
export interface BatchSums {
  project: Level
  byLabel: Level[]
  rows: DocumentRow[]
  /** The document tags' tables, one per tag item (null without tag groups). */
  tagTables: NominalTable[] | null
}

/**
 * Takes documents one at a time (so a project is never all in memory, and a caller reading files
 * lets other work run between them), then gives the report.
 */
export class ReportBuilder {
  private readonly measures: Set<MeasureId>
  private readonly seed: number
  private readonly project: Level
  private readonly byLabel: { label: string; level: Level }[]
  private readonly rows: DocumentRow[] = []
  private readonly labelCode: Map<string, number>
  private readonly kept: Set<string>
  private readonly tags: TagAgreementBuilder | null

  constructor(private readonly options: ReportOptions) {
    const { raters, labels } = options
    // in the canonical order, whatever order they were asked in
    this.measures = new Set<MeasureId>(MEASURE_IDS.filter((id) => !options.measures || options.measures.includes(id)))
    this.seed = options.gammaSeed ?? DEFAULT_GAMMA_SEED
    this.project = new Level(raters, labels, this.measures, true)
    // a label's α_U comes from the project's study, which keeps each category apart anyway
    this.byLabel = labels.map((label) => ({ label, level: new Level(raters, [label], this.measures, false, false) }))
    this.labelCode = new Map(labels.map((label, i) => [label, i + 1]))
    this.kept = new Set(labels)
    this.tags = options.tagGroups?.length ? new TagAgreementBuilder(raters, options.tagGroups) : null
  }

  get documents(): number {
    return this.rows.length
  }

  add(doc: AgreementDocument): void {
    const { raters, labels } = this.options
    const { measures, project, byLabel, kept, labelCode } = this
    const layers = raters.map((name) => doc.layers[name]?.filter((span) => kept.has(span.label)) ?? null)
    const present = raters.flatMap((_, r) => (layers[r] ? [r] : []))
    if (present.length < 2) return
    this.tags?.add(doc.tags ?? {})
    const text = new OffsetMap(doc.text)
    const length = text.codePointLength
    const tokens = project.wantsTokens ? documentTokens(text, layers) : null
    const painted = tokens ? layers.map((spans) => spans && tokenLabels(tokens, spans, labelCode, labels.length)) : []
    const sequences = painted.map((rater) => rater && rater.all)
    // the document's own level holds only its raters; when that is everyone it becomes part of
    // the project as it is, otherwise the project takes the document on its own
    const complete = present.length === raters.length
    const docLevel = new Level(present.map((r) => raters[r]!), labels, measures, true)
    const docLayers = present.map((r) => layers[r]!)
    for (const measure of SPAN_MEASURES) {
      if (!measures.has(measure)) continue
      for (const [i, [a, b]] of docLevel.pairs.entries()) {
        const { total, byLabel: counts } = spanMatchCountsByLabel(docLayers[a]!, docLayers[b]!, SPAN_RULES[measure])
        addCounts(docLevel.spanCounts.get(measure)![i]!, total)
        if (!complete) addCounts(project.spanCounts.get(measure)![project.pairIndex(present[a]!, present[b]!)]!, total)
        // within one label, boundary-only matching is overlap matching
        if (measure === 'span_f1_boundary') continue
        for (const { label, level } of byLabel) {
          const labelCounts = counts.get(label)
          if (!labelCounts) continue
          const pair = level.pairIndex(present[a]!, present[b]!)
          addCounts(level.spanCounts.get(measure)![pair]!, labelCounts)
          if (measure === 'span_f1_overlap' && measures.has('span_f1_boundary')) addCounts(level.spanCounts.get('span_f1_boundary')![pair]!, labelCounts)
        }
      }
    }
    // one alignment per document: each label's level reads the units someone gave that label
    const units = project.wantsUnits ? alignedLabels(layers) : []
    docLevel.addDocument({
      length,
      layers: docLayers,
      tokens: tokens && { sequences: present.map((r) => sequences[r]!), count: tokens.count },
      units: units.map((unit) => present.map((r) => unit[r]))
    })
    if (complete) project.merge(docLevel)
    else project.addDocument({ length, layers, tokens: tokens && { sequences, count: tokens.count }, units })
    for (const [index, { label, level }] of byLabel.entries()) {
      const labelLayers = layers.map((spans) => spans && spans.filter((span) => span.label === label))
      const labelDoc: LevelDocument = {
        length,
        layers: labelLayers,
        tokens: tokens && { sequences: painted.map((rater) => rater && rater.byLabel[index]!), count: tokens.count },
        units
      }
      level.addDocument(labelDoc)
    }
    // scored now; γ waits for the project's expected disorder
    this.rows.push({ documentId: doc.documentId, title: doc.title, annotators: [...docLevel.raters], scores: docLevel.scores(null), disorder: docLevel.observedDisorder() })
  }

  /**
   * What the documents added so far summed to, for another builder of the same options to merge
   * (a worker thread's batch: the value is structured-cloned on its way, so it holds no function).
   */
  batchSums(): BatchSums {
    return { project: this.project, byLabel: this.byLabel.map(({ level }) => level), rows: this.rows, tagTables: this.tags?.tables() ?? null }
  }

  /** Adds the sums of a batch measured elsewhere, as if its documents were added here now. */
  mergeBatch(sums: BatchSums): void {
    this.project.merge(Level.revive(sums.project))
    this.byLabel.forEach(({ level }, i) => level.merge(Level.revive(sums.byLabel[i]!)))
    for (const row of sums.rows) this.rows.push(row)
    if (sums.tagTables) this.tags?.mergeTables(sums.tagTables)
  }

  finish(): AgreementReport {
    const { raters, labels } = this.options
    const { measures, project, seed } = this
    const wantsGamma = measures.has('gamma')
    const expected = (shapes: Level['shapes'], ratersCount: number, key: string) => (wantsGamma ? expectedDisorder(shapes, ratersCount, seed, key) : null)
    const projectExpected = expected(project.shapes, raters.length, '*')
    const pairExpected = project.pairs.map(([a, b], i) => expected(project.pairShapes[i]!, 2, `*:${raters[a]}|${raters[b]}`))
    // a document is compared with chance for its own raters: everyone's, or its pair's
    const expectedFor = (names: readonly string[]): number | null => {
      if (names.length === raters.length) return projectExpected
      if (names.length !== 2) return null
      return pairExpected[project.pairIndex(raters.indexOf(names[0]!), raters.indexOf(names[1]!))] ?? null
    }
    return {
      spanwiseVersion: this.options.spanwiseVersion,
      createdAt: new Date().toISOString(),
      tokenizer: TOKENIZER_DESCRIPTION,
      filters: { annotators: raters, labels, ...this.options.filters, documents: this.rows.length },
      measures: [...measures].map((id) => DEFINITIONS[id]),
      project: project.scores(projectExpected),
      pairs: project.pairs.map(([a, b], i) => ({ a: raters[a]!, b: raters[b]!, scores: project.pairScores(i, pairExpected[i]!) })),
      labels: this.byLabel.map(({ label, level }) => {
        const withUnitizing = (scores: Scores, pair?: number[]): Scores =>
          measures.has('alpha_unitizing')
            ? { ...scores, alpha_unitizing: { value: project.categoryUnitizingAlpha(label, pair), counts: scores.alpha_unitizing!.counts } }
            : scores
        return {
          label,
          scores: withUnitizing(level.scores(expected(level.shapes, raters.length, label))),
          pairs: level.pairs.map(([a, b], i) => ({ a: raters[a]!, b: raters[b]!, scores: withUnitizing(level.pairScores(i, null), [a, b]) }))
        }
      }),
      documents: this.rows.map(({ disorder, ...row }) => {
        if (row.scores.gamma) row.scores.gamma.value = gammaValue(disorder, expectedFor(row.annotators))
        return row
      }),
      gammaSeed: seed,
      overlapThreshold: OVERLAP_THRESHOLD,
      ...(this.tags ? { tags: this.tags.finish() } : {})
    }
  }
}

export function buildReport(documents: Iterable<AgreementDocument>, options: ReportOptions): AgreementReport {
  const builder = new ReportBuilder(options)
  for (const doc of documents) builder.add(doc)
  return builder.finish()
}
