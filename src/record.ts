/**
 * The typed records every stage hands on, in one place.
 *
 * The zod schemas are the source of truth: TypeScript types are inferred from them, the CLI
 * validates every record it prints against them, and `notices schema` publishes them as JSON
 * Schema. `../shared/SPEC.md` (copied to docs/SPEC.md) is the floor: fields may be added, never
 * renamed or dropped.
 */
import { z } from 'zod';
import { KINDS, REGISTRY, type ValueDeclaration } from './registry.js';

export const SCHEMA_ID = 'notice-pipeline/document@1' as const;

/** ISO calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** ISO date at day, month or year precision: `2024-03-05`, `2024-02`, `2018`. */
export const IsoPartialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);
/** ISO 8601 duration such as `P6M`, `P6W`, `P18M`. */
export const IsoDuration = z.string().regex(/^P\d+[DWMY]$/);

/** Where a value stands: 1-based page and offsets into the normalised text in Unicode code points (not UTF-16 code units). */
export const Span = z.object({
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof Span>;

/** The declared kinds (pipelines/<kind>/kind.json) and `other`, for a document that is none of them. */
export const DocumentKind = z.enum(['other', ...REGISTRY.map((kind) => kind.kind)]);
export type DocumentKind = string;

export const SourceFormat = z.enum(['pdf', 'txt', 'html', 'docx']);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: SourceFormat,
  pages: z.number().int().min(0),
  /** Pages whose text came from OCR rather than the PDF's text layer. */
  ocr_pages: z.array(z.number().int().min(1)).default([]),
});
export type Source = z.infer<typeof Source>;

/** The range each page covers in the normalised text, in code points as every span. */
export const PageRange = z.object({
  page: z.number().int().min(1),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type PageRange = z.infer<typeof PageRange>;

export const CouncilRef = z.object({ name: z.string(), gss: z.string() });
export type CouncilRef = z.infer<typeof CouncilRef>;

/**
 * Who published the document, where it shows it: a web page's site name, a letterhead, a
 * masthead, a by-line's outlet. `council_gss` where the publisher is a council.
 */
export const Publisher = z.object({ name: z.string(), council_gss: z.string().nullable() });
export type Publisher = z.infer<typeof Publisher>;

export const Address = z.object({
  lines: z.array(z.string()),
  postcode: z.string().nullable(),
  span: Span.optional(),
});
export type Address = z.infer<typeof Address>;

export const Clause = z.object({
  id: z.string(),
  parent: z.string().nullable(),
  heading: z.string().nullable(),
  text: z.string(),
  page: z.number().int().min(1),
  span: Span,
});
export type Clause = z.infer<typeof Clause>;

/** Every entity keeps the text as written and where it stands. */
const entity = <T extends z.ZodRawShape>(shape: T) => z.object({ text: z.string(), span: Span, ...shape });

export const DatePrecision = z.enum(['day', 'month', 'year']);
export const DateEntity = entity({
  value: IsoPartialDate,
  precision: DatePrecision,
  /** What the date is: `issued`, `signed`, `inspection_report_published`, `meeting`, … or null. */
  role: z.string().nullable(),
  /** The year (or month) was not written and was taken from context. */
  inferred: z.boolean().default(false),
  /** The weekday written beside the date, if any ("Tuesday"). */
  weekday: z.string().nullable().default(null),
});
export type DateEntity = z.infer<typeof DateEntity>;

export const DateRangeEntity = entity({ start: IsoPartialDate, end: IsoPartialDate, role: z.string().nullable().default(null) });
export type DateRangeEntity = z.infer<typeof DateRangeEntity>;

/**
 * A period counted from an event (`after`, as written), or from none the text names (`null`: "a
 * progress report in six months"); `working_days` where the period counts working days only.
 */
export const RelativeDeadline = z.object({ every: IsoDuration, after: z.string().nullable(), working_days: z.boolean().optional() });
export const DeadlineEntity = entity({
  due: IsoDate.nullable(),
  relative: RelativeDeadline.nullable(),
});
export type DeadlineEntity = z.infer<typeof DeadlineEntity>;

export const CadenceEntity = entity({
  every: IsoDuration,
  at_least: z.boolean(),
  /** What recurs: `review`, `report`, `meeting`, `monitoring_visit`, … or null. */
  subject: z.string().nullable().default(null),
});
export type CadenceEntity = z.infer<typeof CadenceEntity>;

/** `adequate` is the 2009–2013 frameworks' third grade. */
export const GradeValue = z.enum(['outstanding', 'good', 'requires_improvement', 'inadequate', 'adequate']);
export type GradeValue = z.infer<typeof GradeValue>;
export const JudgementArea = z.enum([
  'impact_of_leaders',
  'help_and_protection',
  'children_in_care',
  'care_leavers',
  'overall_effectiveness',
]);
export type JudgementArea = z.infer<typeof JudgementArea>;
export const GradeEntity = entity({
  area: JudgementArea.nullable(),
  grade: GradeValue,
  /**
   * An older framework's judgement that is none of the SPEC's areas, as its judgement table
   * names it ("Adoption performance"); `area` is then null. Null for every other grade.
   */
  judgement: z.string().nullable().default(null),
  /** ISO date (any precision) of the inspection the grade comes from, where the text says. */
  when: IsoPartialDate.nullable(),
  /** False for a grade the text gives as an earlier one ("Good overall" in June 2018). */
  current: z.boolean().default(true),
});
export type GradeEntity = z.infer<typeof GradeEntity>;

export const CostEntity = entity({
  amount_gbp: z.number().int().min(0),
  approximate: z.boolean(),
  unit_inferred: z.boolean(),
});
export type CostEntity = z.infer<typeof CostEntity>;

export const PersonEntity = entity({
  name: z.string(),
  /** `signatory`, `cabinet_member`, `report_author`, `slt_lead`, `adviser`, `hmi`, … or null. */
  role: z.string().nullable(),
});
export type PersonEntity = z.infer<typeof PersonEntity>;

export const OrganisationEntity = entity({ name: z.string() });
export type OrganisationEntity = z.infer<typeof OrganisationEntity>;

export const StatuteEntity = entity({ act: z.string(), section: z.string().nullable() });
export type StatuteEntity = z.infer<typeof StatuteEntity>;

export const CouncilEntity = entity({ name: z.string(), gss: z.string() });
export type CouncilEntity = z.infer<typeof CouncilEntity>;

/** A fact's or feature's value: a date, duration, text or choice as a string, a number, a flag, names. */
export type FactValue = string | number | boolean | string[] | null;
/** The facts of a document: those its kind declares (pipelines/<kind>/kind.json), each null where not stated. */
export type Facts = Record<string, FactValue>;
export type Features = Record<string, FactValue>;

/** The zod schema of a declared value (src/registry.ts): its type, and null where it may be unstated. */
export function valueSchema(declared: ValueDeclaration): z.ZodType<FactValue> {
  const base: z.ZodType<FactValue> =
    declared.type === 'date' ? IsoDate
    : declared.type === 'duration' ? IsoDuration
    : declared.type === 'text' ? z.string()
    : declared.type === 'names' ? z.array(z.string())
    : declared.type === 'list' ? z.array(declared.values ? z.enum(declared.values as [string, ...string[]]) : z.string())
    : declared.type === 'boolean' ? z.boolean()
    : declared.type === 'integer' ? z.number().int()
    : z.enum(declared.values as [string, ...string[]]);
  return declared.nullable ? base.nullable() : base;
}

/** An object of exactly the declared values. */
function declaredObject(values: Record<string, ValueDeclaration>): z.ZodObject<Record<string, z.ZodType<FactValue>>> {
  return z.object(Object.fromEntries(Object.entries(values).map(([name, declared]) => [name, valueSchema(declared)]))).strict();
}

/** A kind's facts as its declaration gives them. */
export const factsSchema = (kind: string) => declaredObject(KINDS.get(kind)?.facts ?? {});
/** A kind's features as its features.json declares them (none for most kinds). */
export const featuresSchema = (kind: string) => declaredObject(KINDS.get(kind)?.features ?? {});

/**
 * Facts of any kind: one of the kinds' declared objects (strict, so one kind's facts are never
 * read as another's with some dropped), or none (`other`).
 */
export const Facts: z.ZodType<Facts> = z.union([...REGISTRY.map((kind) => factsSchema(kind.kind)), z.object({}).strict()]);
export const Features: z.ZodType<Features> = z.union([
  ...REGISTRY.filter((kind) => Object.keys(kind.features).length > 0).map((kind) => featuresSchema(kind.kind)),
  z.object({}).strict(),
]);
/** The improvement notice's features, the ones the notices are compared on. */
export const NoticeFeatures = featuresSchema('improvement_notice');
export type FeatureName = string;

/** A fact or feature that is a date, duration, text or choice: its string, or null. */
export function stringValue(values: Facts, name: string): string | null {
  const value = values[name];
  return typeof value === 'string' ? value : null;
}

/** Where a fact or feature came from: the clause (if any) and the span of the evidence. */
/** Where a value was read: the clause (if any), the section heading it stands under (if any), its span and words. */
export const Evidence = z.object({ clause: z.string().nullable(), section: z.string().nullable().optional(), span: Span, text: z.string() });
export type Evidence = z.infer<typeof Evidence>;

export const AnomalyCode = z.enum([
  'signed_before_issued',
  'date_year_mismatch',
  'weekday_mismatch',
  'cost_mismatch',
  'cost_unit_missing',
  'costs_do_not_sum',
]);
export type AnomalyCode = z.infer<typeof AnomalyCode>;
export const Anomaly = z.object({ code: AnomalyCode, message: z.string(), spans: z.array(Span) });
export type Anomaly = z.infer<typeof Anomaly>;

/**
 * A recogniser's note on the record (after vfile's messages): why a fact is null, which
 * candidate it passed over and why. `notices extract --json --explain` prints them.
 */
export const Message = z.object({ source: z.string(), code: z.string(), message: z.string(), span: Span.nullable() });
export type Message = z.infer<typeof Message>;

/** Why the classifier chose the kind it did. */
export const ClassificationEvidence = z.object({ kind: DocumentKind, rule: z.string(), weight: z.number(), span: Span.nullable() });
export type ClassificationEvidence = z.infer<typeof ClassificationEvidence>;

/** One row of a two-column key/value table (the cabinet report's header). */
/** A `key<TAB>value` row or a `Label: value` line: `span` is the row as written, `value_span` its value. */
export const TableRow = z.object({ key: z.string(), value: z.string(), span: Span, value_span: Span.optional() });
export type TableRow = z.infer<typeof TableRow>;

export const Section = z.object({ heading: z.string(), span: Span });
export type Section = z.infer<typeof Section>;

export const Signature = z.object({
  name: z.string().nullable(),
  /** Where the name is written (in capitals, with honorifics), when there is one. */
  name_span: Span.nullable().optional(),
  title: z.string().nullable(),
  date_text: z.string().nullable(),
  span: Span,
});
export type Signature = z.infer<typeof Signature>;

export const DocumentRecord = z.object({
  schema: z.literal(SCHEMA_ID),
  source: Source,
  kind: DocumentKind,
  classification: z.array(ClassificationEvidence).default([]),
  publisher: Publisher.nullable().default(null),
  council: CouncilRef.nullable(),
  address: Address.nullable(),
  signature: Signature.nullable().default(null),
  header_table: z.array(TableRow).default([]),
  sections: z.array(Section).default([]),
  text: z.string(),
  pages: z.array(PageRange),
  clauses: z.array(Clause),
  dates: z.array(DateEntity),
  date_ranges: z.array(DateRangeEntity),
  deadlines: z.array(DeadlineEntity),
  cadences: z.array(CadenceEntity),
  grades: z.array(GradeEntity),
  costs: z.array(CostEntity),
  people: z.array(PersonEntity),
  organisations: z.array(OrganisationEntity),
  statutes: z.array(StatuteEntity),
  councils: z.array(CouncilEntity),
  facts: Facts,
  /** For each fact, the evidence it was read from. */
  fact_evidence: z.record(z.string(), Evidence).default({}),
  features: Features,
  /** For each feature, the clause and span it was decided on. */
  feature_evidence: z.record(z.string(), Evidence).default({}),
  anomalies: z.array(Anomaly),
  /** The recognisers' and checks' notes on how they read the document. */
  messages: z.array(Message).default([]),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

export const VariationKind = z.enum(['parameter', 'wording', 'added', 'removed', 'feature']);
export type VariationKind = z.infer<typeof VariationKind>;
export const WordDiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });
export type WordDiffPart = z.infer<typeof WordDiffPart>;
export const Variation = z.object({
  kind: VariationKind,
  /** The notice's clause id (the template's for `removed`). */
  clause: z.string().nullable(),
  template_clause: z.string().nullable(),
  template_text: z.string().nullable(),
  notice_text: z.string().nullable(),
  feature: z.string().optional(),
  template_value: z.unknown().optional(),
  notice_value: z.unknown().optional(),
  /** Placeholder fills, for `parameter`. */
  parameters: z.record(z.string(), z.string()).optional(),
  /** Word-level diff, for `wording`. */
  diff: z.array(WordDiffPart).optional(),
  span: Span.nullable().optional(),
});
export type Variation = z.infer<typeof Variation>;

export const AlignedPair = z.object({
  template_clause: z.string().nullable(),
  notice_clause: z.string().nullable(),
  confidence: z.number().min(0).max(1),
});
export type AlignedPair = z.infer<typeof AlignedPair>;

export const DiffResult = z.object({
  template: z.string(),
  alignment: z.record(z.string(), z.string().nullable()),
  pairs: z.array(AlignedPair),
  variations: z.array(Variation),
});
export type DiffResult = z.infer<typeof DiffResult>;

/** Coded failures: values, turned into messages only at the CLI's edge. */
export const ErrorCode = z.enum([
  'empty_file',
  'not_a_pdf',
  'invalid_pdf',
  'encrypted',
  'no_text_layer',
  'unsupported_format',
  'too_large',
  'too_many_pages',
  'text_too_large',
  'timeout',
  'unreadable',
  'ocr_failed',
  'invalid_docx',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
export const PipelineError = z.object({ code: ErrorCode, message: z.string(), path: z.string().optional() });
export type PipelineError = z.infer<typeof PipelineError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: PipelineError };
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({ ok: false, error: { code, message } });

/** What the segment stage finds: the document's structure. */
export const Segmented = z.object({
  clauses: z.array(Clause),
  address: Address.nullable(),
  signature: Signature.nullable(),
  header_table: z.array(TableRow),
  sections: z.array(Section),
  /** Every labelled value of the document, the header table's rows first: the rows of other tables, `Label: value` lines, a label alone on its line and the line after it. */
  fields: z.array(TableRow).default([]),
});
export type Segmented = z.infer<typeof Segmented>;

export const Classification = z.object({ kind: DocumentKind, evidence: z.array(ClassificationEvidence), publisher: Publisher.nullable(), messages: z.array(Message) });
export type Classification = z.infer<typeof Classification>;

/** What the recognise stage finds: entities, the document's council, facts and features. */
export const Recognised = DocumentRecord.pick({
  council: true,
  councils: true,
  dates: true,
  date_ranges: true,
  deadlines: true,
  cadences: true,
  grades: true,
  costs: true,
  people: true,
  organisations: true,
  statutes: true,
  facts: true,
  fact_evidence: true,
  features: true,
  feature_evidence: true,
  messages: true,
});
export type Recognised = z.infer<typeof Recognised>;
