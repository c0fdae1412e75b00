/**
 * The report's input from the corpus: every record, each notice's diff against the template (as
 * ingest stored it, computed again only for a corpus from before diffs were stored),
 * the cross-council comparison rows (with each value's evidence located on the notice's page)
 * and the files that could not be ingested.
 */
import { basename } from 'node:path';
import { compareNotices, COMPARE_COLUMNS, FEATURE_NAMES, type CompareRow } from '../diff/compare.js';
import { diffNotice, loadTemplate, type Template } from '../diff/index.js';
import type { DiffResult, DocumentRecord } from '../record.js';
import { KINDS } from '../registry.js';
import { openCorpus, readDistinctDocuments, readLifecycle, readNoticeComparison, readNoticeDiffs } from '../store/read.js';
import { label } from './format.js';
import { evidenceAnchor } from './links.js';
import type { ComparisonColumn, ComparisonRow, IngestError, LifecycleEvent, SiteDocument, SiteInput } from './model.js';
import { siteDocuments } from './site.js';

/** Where a measure's value comes from (the later of its two dates): its link goes to that value's evidence. */
const DERIVED_FROM: Record<string, string> = Object.fromEntries(
  Object.entries(KINDS.get('improvement_notice')?.measures ?? {}).map(([name, measure]) => [name, measure.months_between[1]]),
);
/** The anchor of the redline section, where the wording variations are. */
const REDLINE_ANCHOR = 'redline';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DURATION = /^P\d+[DWMY]$/;

/** A column's type from its values, so any column the comparison gains sorts sensibly. */
function columnType(values: unknown[]): ComparisonColumn['type'] {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length > 0 && present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.length > 0 && present.every((v) => typeof v === 'number')) return 'number';
  if (present.length > 0 && present.every((v) => typeof v === 'string' && ISO_DURATION.test(v))) return 'duration';
  if (present.length > 0 && present.every((v) => typeof v === 'string' && ISO_DATE.test(v))) return 'date';
  return 'text';
}

function anchorFor(record: DocumentRecord, key: string): string | null {
  if (key === 'wording_variations') return REDLINE_ANCHOR;
  const source = DERIVED_FROM[key] ?? key;
  const evidence = record.fact_evidence[source] ?? record.feature_evidence[source];
  return evidence ? evidenceAnchor(record, evidence.clause, evidence.span) : null;
}

export function comparison(rows: CompareRow[], documents: SiteDocument[]): { columns: ComparisonColumn[]; rows: ComparisonRow[] } {
  const keys = COMPARE_COLUMNS.filter((key) => key !== 'council');
  const features = new Set<string>(FEATURE_NAMES);
  const columns = keys.map((key) => ({
    key,
    label: label(key),
    type: columnType(rows.map((row) => row[key])),
    filter: features.has(key),
  }));
  const byPath = new Map(documents.map((document) => [document.record.source.path, document]));
  const located = rows.flatMap((row) => {
    const document = row.sources.map((path) => byPath.get(path)).find((d) => d !== undefined);
    if (!document) return [];
    const cells = Object.fromEntries(keys.map((key) => [key, { value: row[key] as ComparisonRow['cells'][string]['value'], anchor: anchorFor(document.record, key) }]));
    return [{ document, cells }];
  });
  return { columns, rows: located };
}

/** What a corpus knows beyond its records: each record's copies' paths and its notice's stored diff (by sha256), and its views' comparison and lifecycle. */
export interface CorpusViews {
  paths: ReadonlyMap<string, string[]>;
  diffs: ReadonlyMap<string, DiffResult>;
  comparison: CompareRow[];
  lifecycle: LifecycleEvent[];
}

/**
 * The site's input from records; with `corpus`, the comparison and lifecycle are the corpus's
 * views. Without one (records built in memory), the comparison is computed from the records,
 * counting wording variations from the diffs the pages make anyway.
 */
export function siteInput(
  records: DocumentRecord[],
  template: Template,
  ingestErrors: IngestError[],
  source: string,
  corpus?: CorpusViews,
  today: string = new Date().toISOString().slice(0, 10),
): SiteInput {
  const documents = siteDocuments(
    records,
    (record) => (record.kind === 'improvement_notice' ? (corpus?.diffs.get(record.source.sha256) ?? diffNotice(record, template)) : null),
    (record) => corpus?.paths.get(record.source.sha256) ?? [record.source.path],
  );
  const wording = () => new Map(documents.flatMap(({ record, diff }) => (diff ? [[record.source.sha256, diff.variations.filter((v) => v.kind === 'wording').length] as const] : [])));
  const { columns, rows } = comparison(corpus?.comparison ?? compareNotices(records, template, wording()), documents);
  return { documents, template, columns, comparison: rows, ingestErrors, lifecycle: corpus?.lifecycle ?? [], source, today };
}

export function loadSiteInput(dbPath: string, template: Template = loadTemplate()): SiteInput {
  const db = openCorpus(dbPath, { readonly: true });
  try {
    // Each document once, however many copies of it the corpus holds.
    const distinct = readDistinctDocuments(db);
    const ingestErrors = db.prepare('SELECT path, code, message FROM ingest_errors ORDER BY path').all() as IngestError[];
    const paths = new Map(distinct.map(({ record, paths }) => [record.source.sha256, paths]));
    // The footer names the corpus by its file, not the machine's folders it lies in: the site is published.
    return siteInput(distinct.map(({ record }) => record), template, ingestErrors, basename(dbPath), {
      paths,
      diffs: readNoticeDiffs(db, template.name),
      comparison: readNoticeComparison(db, template.name),
      lifecycle: readLifecycle(db),
    });
  } finally {
    db.close();
  }
}
