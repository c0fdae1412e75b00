/**
 * Notices side by side: one row per notice in the corpus with its key dates, its features and how
 * many clauses are worded differently from the template.
 *
 * A notice ingested from both its PDF and its text is one notice. Two records are the same
 * notice when their content key is equal: the council, the issue date and the clauses (ids and
 * texts, white space folded, case ignored). Clause texts are the same from either format (SPEC),
 * so the key does not depend on where paragraph breaks fell or on the file's bytes.
 */
import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { foldWhiteSpace } from '../normalise/index.js';
import { NoticeFeatures, stringValue, type DocumentRecord, type FactValue } from '../record.js';
import { diffNotice } from './index.js';
import type { Template } from './template.js';

/** The notice features, in their declared order (pipelines/improvement_notice/features.json). */
export const FEATURE_NAMES: string[] = Object.keys(NoticeFeatures.shape);

export type CompareRow = {
  council: string | null;
  issued: string | null;
  inspection_report_published: string | null;
  plan_deadline: string | null;
  /** Months from the inspection report's publication to the plan deadline, to one decimal. */
  months_to_deadline: number | null;
  wording_variations: number;
  /** The files the notice was read from (more than one when ingested in several formats). */
  sources: string[];
  /** And each feature, by name. */
  [feature: string]: FactValue | string[] | undefined;
};

/**
 * Which notice a record is, whatever file it was read from: its council, issue date and clause
 * texts (the same notice from its PDF and its text gives the same identity).
 */
export function noticeIdentity(record: DocumentRecord): string {
  const issued = stringValue(record.facts, 'issued');
  const hash = createHash('sha256');
  for (const clause of record.clauses) hash.update(`${clause.id}\t${foldWhiteSpace(clause.text).toLowerCase()}\n`);
  return `${record.council?.gss ?? record.council?.name ?? ''}|${issued ?? ''}|${hash.digest('hex')}`;
}

const DAYS_PER_MONTH = 365.25 / 12;

export function monthsBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return Math.round((days / DAYS_PER_MONTH) * 10) / 10;
}

/**
 * `storedWording`, where given, holds each notice's count of wording variations as ingest stored
 * it (by the record's sha256), diffed against this same template: the count is read, not
 * computed again (a diff a notice; on 3,000 documents most of `notices compare`'s time).
 */
export function compareNotices(records: DocumentRecord[], template: Template, storedWording?: ReadonlyMap<string, number>): CompareRow[] {
  const byKey = new Map<string, CompareRow>();
  for (const record of records) {
    if (record.kind !== 'improvement_notice' || !('plan_deadline' in record.facts)) continue;
    const key = noticeIdentity(record);
    const seen = byKey.get(key);
    if (seen) {
      seen.sources.push(record.source.path);
      continue;
    }
    const date = (name: string) => stringValue(record.facts, name);
    byKey.set(key, {
      council: record.council?.name ?? null,
      issued: date('issued'),
      inspection_report_published: date('inspection_report_published'),
      plan_deadline: date('plan_deadline'),
      months_to_deadline: monthsBetween(date('inspection_report_published'), date('plan_deadline')),
      ...Object.fromEntries(FEATURE_NAMES.map((name) => [name, record.features[name] ?? null])),
      wording_variations: storedWording?.get(record.source.sha256) ?? diffNotice(record, template).variations.filter((v) => v.kind === 'wording').length,
      sources: [record.source.path],
    });
  }
  return [...byKey.values()].sort((a, b) => (a.issued ?? '').localeCompare(b.issued ?? '') || (a.council ?? '').localeCompare(b.council ?? ''));
}

/** The columns of the table and CSV forms, in order. */
export const COMPARE_COLUMNS: string[] = [
  'council',
  'issued',
  'inspection_report_published',
  'plan_deadline',
  'months_to_deadline',
  ...FEATURE_NAMES,
  'wording_variations',
];

const cell = (value: unknown): string => (value === null || value === undefined ? '' : String(value));

export function compareCsv(rows: CompareRow[]): string {
  return stringify([COMPARE_COLUMNS, ...rows.map((row) => COMPARE_COLUMNS.map((c) => cell(row[c])))]);
}

/** A plain-text table: one column per field, padded to the widest cell. */
export function compareTable(rows: CompareRow[]): string {
  const lines = [COMPARE_COLUMNS.map(String), ...rows.map((row) => COMPARE_COLUMNS.map((c) => cell(row[c]) || '-'))];
  const widths = COMPARE_COLUMNS.map((_, i) => Math.max(...lines.map((line) => line[i].length)));
  return lines.map((line) => line.map((text, i) => text.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}
