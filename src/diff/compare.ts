/**
 * Notices side by side: one row per notice in the corpus with its key dates, its features and how
 * many clauses are worded differently from the template.
 *
 * A notice ingested from both its PDF and its text is one notice. Two records are the same
 * notice when their content key is equal: the council, the issue date and the clauses (ids and
 * texts, white space folded, case ignored). Clause texts are the same from either format (SPEC),
 * so the key does not depend on where paragraph breaks fell or on the file's bytes.
 */
import { stringify } from 'csv-stringify/sync';
import { contentKey } from '../normalise/content-key.js';
import { NoticeFeatures, stringValue, type DocumentRecord, type FactValue } from '../record.js';
import { KINDS } from '../registry.js';
import { diffNotice } from './index.js';
import type { Template } from './template.js';

/** The notice features, in their declared order (pipelines/improvement_notice/features.json). */
export const FEATURE_NAMES: string[] = Object.keys(NoticeFeatures.shape);

const NOTICE = KINDS.get('improvement_notice');
/** The facts and measures compared, as the notice's declaration lists them (`compared`), the first the sort key. */
export const COMPARED: readonly string[] = NOTICE?.compared ?? [];

export type CompareRow = {
  council: string | null;
  wording_variations: number;
  /** The files the notice was read from (more than one when ingested in several formats). */
  sources: string[];
  /** And each compared fact or measure and each feature, by name. */
  [name: string]: FactValue | string[] | undefined;
};

/** A notice's value of a compared fact, or of a measure (months between two of its dates) computed from its facts. */
function comparedValue(record: DocumentRecord, name: string): FactValue {
  const measure = NOTICE?.measures[name];
  if (measure) return monthsBetween(stringValue(record.facts, measure.months_between[0]), stringValue(record.facts, measure.months_between[1]));
  return record.facts[name] ?? null;
}

/** Rows in the order of the first compared value (missing first), then council. */
export function sortCompared(rows: CompareRow[]): CompareRow[] {
  const key = (row: CompareRow) => String(row[COMPARED[0]] ?? '');
  return rows.sort((a, b) => key(a).localeCompare(key(b)) || (a.council ?? '').localeCompare(b.council ?? ''));
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
    if (record.kind !== 'improvement_notice') continue;
    // One notice read from several files (its PDF, text, Word file, web page) is one row, as in the corpus's views.
    const key = contentKey(record.text);
    const seen = byKey.get(key);
    if (seen) {
      seen.sources.push(record.source.path);
      continue;
    }
    byKey.set(key, {
      council: record.council?.name ?? null,
      ...Object.fromEntries(COMPARED.map((name) => [name, comparedValue(record, name)])),
      ...Object.fromEntries(FEATURE_NAMES.map((name) => [name, record.features[name] ?? null])),
      wording_variations: storedWording?.get(record.source.sha256) ?? diffNotice(record, template).variations.filter((v) => v.kind === 'wording').length,
      sources: [record.source.path],
    });
  }
  return sortCompared([...byKey.values()]);
}

/** The columns of the table and CSV forms, in order. */
export const COMPARE_COLUMNS: string[] = ['council', ...COMPARED, ...FEATURE_NAMES, 'wording_variations'];

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
