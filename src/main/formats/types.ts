// What every dataset format plugs into. Readers turn input files into documents (with any spans
// they carry, in code points); writers turn export records into an output stream.
import type { DocumentStatus, DocumentTags, Relation, TagGroup } from '../../shared/model'
import type { OffsetUnit } from '../../shared/offsets'
import type { Provenance, RejectedUnit, RelationProvenance, ReviewStatus } from '../../shared/review'

/** An input file: its name (or relative path) for messages, and its raw bytes. */
export interface SourceFile {
  name: string
  bytes: Uint8Array
}

/**
 * A record file too big to read whole (over the 20 MiB limit of single documents): read from
 * disk in batches by a reader's `stream` (JSONL, CSV/TSV, Label Studio JSON).
 */
export interface StreamSource {
  name: string
  path: string
  size: number
}

/** What a streaming read reports and obeys: bytes read so far, and a cancel. */
export interface ReadControl {
  signal?: AbortSignal
  /** Called with the bytes of each chunk read. */
  onBytes?: (bytes: number) => void
}

/** Attribute values of one span, by attribute name (as stored on Span). */
export type AttributeValues = Record<string, string | number>

export interface ParsedSpan {
  /** Code point offsets into the parsed document's text. */
  start: number
  end: number
  label: string
  /** Attribute values as the file gives them; the import fits them to the label's definitions. */
  attributes?: AttributeValues
  note?: string
  /** Line the span was read from, for messages about its attributes (formats that carry them). */
  line?: number
}

/** A typed, directed link read from a file; `from` and `to` index the document's `spans`. */
export interface ParsedRelation {
  type: string
  from: number
  to: number
  /** Line the relation was read from, for messages. */
  line?: number
}

/** A document tag read from a file; `group` absent where the format has flat categories and the name says none (resolved on import). */
export interface ParsedTag {
  group?: string
  option: string
}

export interface ParsedDocument {
  /** The input file it came from, for reports. */
  file: string
  text: string
  title: string
  meta: Record<string, unknown>
  spans: ParsedSpan[]
  /** Relations between `spans` (by index); span ids are new on import, so indexes link them. */
  relations?: ParsedRelation[]
  /** The annotator layer the spans belong to, when the file says. */
  annotator?: string
  status?: DocumentStatus
  /** Document tags of the layer, when the file has some. */
  tags?: ParsedTag[]
}

export interface ReadOptions {
  /** Offset unit of the input where the format's unit is ambiguous. */
  offsets?: OffsetUnit
  /** CSV/TSV: the column holding the text. */
  textColumn?: string
}

export interface FormatReader {
  name: string
  /** File name endings this reader takes, lower case, with the dot. */
  extensions: string[]
  /**
   * Parses every file it is given; throws ImportError (file + line) for a file it cannot take,
   * which rejects that whole file and nothing else.
   */
  read(file: SourceFile, options: ReadOptions): ParsedDocument[]
  /**
   * Record formats read a file of any size in batches of documents (each batch about
   * STREAM_BATCH_BYTES of input), with memory that does not grow with the file. A batch is
   * checked, fitted and staged as `read`'s whole result is; an ImportError in any batch rejects
   * the whole file.
   */
  stream?(source: StreamSource, options: ReadOptions, control: ReadControl): AsyncIterable<ParsedDocument[]>
  /**
   * For formats whose documents take several files (brat: X.txt + X.ann). Called with every
   * file of an import before files are read one by one; returns the groups it claims, each then
   * parsed by readGroup. Unclaimed files go to read() as usual.
   */
  group?(files: SourceFile[]): SourceFile[][]
  readGroup?(files: SourceFile[], options: ReadOptions): ParsedDocument[]
}

export interface WriteOptions {
  /** Offset unit of the output (each writer has a default; see docs/formats.md). */
  offsets: OffsetUnit
  /** The project's tag groups (formats that list every option, or a column per group). */
  tagGroups?: TagGroup[]
}

/** A format written as one stream (one file, stdout or an HTTP download). */
export interface StreamWriter {
  name: string
  kind: 'stream'
  /** File name ending and MIME type for downloads. */
  extension: string
  contentType: string
  /** Default offset unit, or null where offsets are fixed or absent (--offsets is refused). */
  defaultOffsets: OffsetUnit | null
  header?(options?: WriteOptions): string
  /** The text for one record; `index` counts records written before it. */
  record(record: ExportRecord, index: number, options: WriteOptions): string
  /**
   * For formats that hold every layer of a document in one item (a Label Studio task with one
   * annotation per annotator): the records of one document, in annotator order, written as one;
   * `index` counts items written before it. Exporters call it instead of `record` when present.
   */
  document?(records: ExportRecord[], index: number, options: WriteOptions): string
  /**
   * With every annotator selected and an output folder, one file per annotator
   * (`<annotator>.<extension>`), as doccano's own export writes `<username>.jsonl`.
   */
  filePerAnnotator?: boolean
  footer?(records: number): string
}

/** A format written as a folder of files (brat: X.txt + X.ann per document). */
export interface FolderWriter {
  name: string
  kind: 'folder'
  defaultOffsets: OffsetUnit | null
  /** Files for one record, paths relative to the output folder. */
  files(record: ExportRecord, options: WriteOptions & { allAnnotators: boolean }): { path: string; content: string }[]
}

export type FormatWriter = StreamWriter | FolderWriter

/** One document's annotations as every exporter receives them (offsets in code points). */
export interface ExportRecord {
  id: string
  title: string
  text: string
  meta: Record<string, unknown>
  annotator: string
  status: DocumentStatus
  /** In text order; `attributes` and `note` only when the span has them. */
  spans: ExportSpan[]
  /** The layer's relations; `from`/`to` are ids of spans in this record. Absent means none. */
  relations?: ExportRelation[]
  /** The layer's document tags (absent when none). */
  tags?: DocumentTags
  /** Set on records of the adjudicated gold layer (`--layer gold`), with its review status and rejections. */
  gold?: { reviewStatus: ReviewStatus; rejected: RejectedUnit[] }
}

/** A relation; gold relations say where they came from. */
export type ExportRelation = Relation & { provenance?: RelationProvenance }

export interface ExportSpan {
  id: string
  start: number
  end: number
  label: string
  text: string
  attributes?: AttributeValues
  note?: string
  /** Gold spans only: where the span came from (see docs/review.md). */
  provenance?: Provenance
}
