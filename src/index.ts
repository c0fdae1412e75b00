/**
 * notice-pipeline as a library: what `import … from 'notice-pipeline'` gives.
 *
 * - **The pipeline** — `processFile(path)` / `processBytes(bytes, path)` read one PDF or text
 *   file into a `DocumentRecord` (the `notice-pipeline/document@1` record of docs/SPEC.md), or
 *   a coded `PipelineError`: both return a `Result`, they do not throw on bad input.
 * - **The corpus** — `ingest(paths, {db})` stores files in a SQLite corpus on worker threads
 *   (the `notices ingest` command); `openCorpus(db)` opens one (`{readonly: true}` to read
 *   without migrating), `readRecords(db)` / `iterateRecords(db)` give its records back.
 * - **Diff and compare** — `diffNotice(record, loadTemplate())` aligns a notice with the
 *   standard notice and lists its variations; `compareNotices(records, template)` gives one
 *   row per notice; `buildTemplate(records)` derives a template from notices of one generation.
 * - **The report** — `buildSite(loadSiteInput(db))` is the static HTML site of `notices report`
 *   as a map from relative path to contents; `writeSite(dir, files)` writes it.
 * - **The record's schemas** — the zod schemas every record is checked against, each exported
 *   under one name as a value (the schema: `DocumentRecord.parse(json)`) and as a type (what
 *   it infers: `const r: DocumentRecord`); `documentJsonSchema()` is the same as JSON Schema.
 *
 * Everything here is re-exported from the module that defines it; names not exported here are
 * internal and may change.
 */

// The pipeline: one file or buffer to one record.
export { REGISTRY, KINDS, loadRegistry, type KindDeclaration, type FactDeclaration, type ValueDeclaration } from './registry.js';
export { processBytes, processFile, type ProcessOptions } from './pipeline.js';
export type { OcrMode } from './extract/index.js';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_TEXT_CHARS,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_WORKER_HEAP_MIB,
} from './limits.js';

// The corpus.
export { ingest, type IngestFailure, type IngestOptions, type IngestProgress, type IngestSummary } from './store/ingest.js';
export { iterateRecords, openCorpus, readRecords, type Database, type OpenOptions } from './store/read.js';
export { documentJsonSchema, JSON_SCHEMA_ID } from './store/json-schema.js';

// Diff against the standard notice, templates, and notices compared.
export { diffNotice, wordDiff, type DiffOptions } from './diff/index.js';
export type { AlignOptions } from './diff/align.js';
export { loadTemplate, Template, TemplateClause, templatePath } from './diff/template.js';
export { buildTemplate, templateJson, type BuildOptions } from './diff/build.js';
export { compareNotices, compareCsv, compareTable, COMPARE_COLUMNS, FEATURE_NAMES, type CompareRow } from './diff/compare.js';
export { redline } from './diff/redline.js';

// The static HTML report.
export { loadSiteInput, siteInput } from './report/corpus.js';
export { buildSite, writeSite } from './report/site.js';
export type { SiteDocument, SiteInput } from './report/model.js';

// The document record: zod schemas and the types they infer (docs/SPEC.md is the contract).
export {
  SCHEMA_ID,
  IsoDate,
  IsoPartialDate,
  IsoDuration,
  Span,
  DocumentKind,
  SourceFormat,
  Source,
  PageRange,
  CouncilRef,
  Address,
  Clause,
  DatePrecision,
  DateEntity,
  DateRangeEntity,
  RelativeDeadline,
  DeadlineEntity,
  CadenceEntity,
  GradeValue,
  JudgementArea,
  GradeEntity,
  CostEntity,
  PersonEntity,
  OrganisationEntity,
  StatuteEntity,
  CouncilEntity,
  Facts,
  Features,
  NoticeFeatures,
  factsSchema,
  featuresSchema,
  valueSchema,
  stringValue,
  type FactValue,
  type FeatureName,
  Evidence,
  AnomalyCode,
  Anomaly,
  Message,
  ClassificationEvidence,
  TableRow,
  Section,
  Signature,
  DocumentRecord,
  VariationKind,
  WordDiffPart,
  Variation,
  AlignedPair,
  DiffResult,
  ErrorCode,
  PipelineError,
  type Result,
} from './record.js';
