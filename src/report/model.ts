/**
 * What the report is drawn from, independent of where it came from (the SQLite corpus in the
 * CLI, records built in memory in tests): the pages are pure functions of a `SiteInput`.
 */
import type { DiffResult, DocumentRecord } from '../record.js';
import type { LifecycleEvent } from '../store/read.js';

export type { LifecycleEvent };

/** One template clause, as the redline shows it beside the notice's. */
export interface TemplateClause {
  id: string;
  text: string;
}

export interface ReportTemplate {
  name: string;
  clauses: TemplateClause[];
}

export type CellValue = string | number | boolean | null;

/** A column of the cross-council comparison. */
export interface ComparisonColumn {
  key: string;
  label: string;
  /** How the column sorts: dates and text as strings, numbers and durations as numbers. */
  type: 'text' | 'date' | 'number' | 'duration' | 'boolean';
  /** Offered as a filter (the notice features). */
  filter: boolean;
}

export interface ComparisonCell {
  value: CellValue;
  /** The anchor on the notice's page of where the value was read (`clause-5.b`), when known. */
  anchor: string | null;
}

export interface ComparisonRow {
  /** The document page the row links to. */
  document: SiteDocument;
  cells: Record<string, ComparisonCell>;
}

export interface IngestError {
  path: string;
  code: string;
  message: string;
}

export interface SiteDocument {
  /** The page's file name under `documents/`, without `.html`; unique within the site. */
  slug: string;
  record: DocumentRecord;
  /** Every path at which the document's copies were found (its PDF and its text), the shown copy's first. */
  paths: string[];
  /** The notice's diff against the template (improvement notices only). */
  diff: DiffResult | null;
}

export interface SiteInput {
  documents: SiteDocument[];
  template: ReportTemplate | null;
  columns: ComparisonColumn[];
  comparison: ComparisonRow[];
  ingestErrors: IngestError[];
  /** Each council's intervention in date order, where the site is built from a corpus (its view); empty otherwise. */
  lifecycle: LifecycleEvent[];
  /** Where the data came from, for the footer ("output/corpus.sqlite"). */
  source: string;
  /** The day the report is made (ISO): an intervention still in force runs to it. */
  today: string;
}


/** The council a document is about, for grouping pages; documents without one share a group. */
export function councilName(record: DocumentRecord): string {
  return record.council?.name ?? 'Council not identified';
}
