/**
 * Opening the corpus and reading its documents back as records: the entry points for other
 * commands (compare, report) that work over the whole corpus.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { COMPARED, FEATURE_NAMES, sortCompared, type CompareRow } from '../diff/compare.js';
import { DiffResult, DocumentRecord } from '../record.js';
import { KINDS } from '../registry.js';
import { seedCouncils } from './councils.js';
import { writeMetadataTable } from './metadata.js';
import { SCHEMA_VERSION, migrate } from './schema.js';
import { addDeclaredFeatureColumns, createDerivedViews, derivedViewsDigest } from './views.js';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Open an existing corpus for reading only: no migration, no writes. */
  readonly?: boolean;
}

/**
 * Opens (creating if need be) a corpus. Writable corpora run in WAL mode, so a reader never
 * blocks the writer and a killed writer leaves the last committed state.
 */
export function openCorpus(path: string, options: OpenOptions = {}): Database {
  if (options.readonly) {
    if (path !== ':memory:' && !existsSync(path)) throw new Error(`no corpus at ${path}: make one with \`notices ingest\`, or name it with --db`);
    let db: Database;
    try {
      db = new Sqlite(path, { readonly: true, fileMustExist: true });
      // A corpus an older version wrote (its schema, or views from other declarations) is brought up to date once, then read as asked.
      const views = db.prepare("SELECT value FROM _metadata WHERE key = 'views_digest'").pluck().get() as string | undefined;
      if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION || views !== derivedViewsDigest()) {
        db.close();
        openCorpus(path).close();
        db = new Sqlite(path, { readonly: true, fileMustExist: true });
      }
    } catch (error) {
      throw new Error(`cannot open the corpus ${path}: ${(error as Error).message}`);
    }
    db.pragma('foreign_keys = ON');
    return db;
  }
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Sqlite(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  addDeclaredFeatureColumns(db);
  createDerivedViews(db);
  seedCouncils(db);
  writeMetadataTable(db);
  return db;
}

/**
 * Every document's record in ingest order, checked against the schema. `source.path` is the
 * path the content was first ingested from.
 */
export function readRecords(db: Database): DocumentRecord[] {
  return [...iterateRecords(db)];
}

/** The records one at a time, for exports that should not hold the whole corpus in memory. */
export function* iterateRecords(db: Database): Generator<DocumentRecord> {
  const rows = db.prepare('SELECT record FROM documents ORDER BY id').pluck().iterate() as IterableIterator<string>;
  for (const json of rows) yield DocumentRecord.parse(JSON.parse(json));
}

/** A document as the corpus shows it once: the record of the copy shown, and every copy's paths. */
export interface DistinctDocument {
  record: DocumentRecord;
  paths: string[];
}

/**
 * One record per distinct content (the `distinct_documents` view: the PDF and the text of one
 * document are one), in ingest order, each with the paths of all its copies.
 */
export function readDistinctDocuments(db: Database): DistinctDocument[] {
  const rows = db
    .prepare('SELECT d.record, v.paths FROM distinct_documents v JOIN documents d ON d.id = v.document_id ORDER BY v.document_id')
    .all() as { record: string; paths: string }[];
  return rows.map((row) => ({ record: DocumentRecord.parse(JSON.parse(row.record)), paths: JSON.parse(row.paths) as string[] }));
}

/** Each notice's diff against `templateName` as ingest stored it, by the document's sha256. */
export function readNoticeDiffs(db: Database, templateName: string): Map<string, DiffResult> {
  const rows = db
    .prepare('SELECT d.sha256, n.diff FROM notice_diffs n JOIN documents d ON d.id = n.document_id WHERE n.template = ?')
    .all(templateName) as { sha256: string; diff: string }[];
  return new Map(rows.map((row) => [row.sha256, DiffResult.parse(JSON.parse(row.diff))]));
}

/**
 * The notices side by side, as the corpus's `notice_summary` view derives them (each notice
 * once however many copies; months from the inspection report to the plan deadline), with each
 * notice's count of wording variations against `templateName` as ingest stored them, by issue
 * date. Flags come back as booleans, as the features declare them.
 */
export function readNoticeComparison(db: Database, templateName: string): CompareRow[] {
  const rows = db
    .prepare(
      `SELECT s.*, (SELECT COUNT(*) FROM variations v WHERE v.document_id = s.document_id AND v.template = ? AND v.kind = 'wording') AS wording_variations
       FROM notice_summary s`,
    )
    .all(templateName) as Record<string, string | number | null>[];
  const features = KINDS.get('improvement_notice')?.features ?? {};
  return sortCompared(
    rows.map((row) => ({
      council: row.council as string | null,
      ...Object.fromEntries(COMPARED.map((name) => [name, row[name]])),
      ...Object.fromEntries(FEATURE_NAMES.map((name) => [name, features[name]?.type === 'boolean' && row[name] !== null ? row[name] === 1 : row[name]])),
      wording_variations: row.wording_variations as number,
      sources: JSON.parse(row.paths as string) as string[],
    })),
  );
}

/** One step of a council's intervention, as the corpus's `council_lifecycle` view lists it. */
export interface LifecycleEvent {
  gss: string | null;
  date: string;
  event: string;
  /** The document it was read from, by its sha256. */
  sha256: string;
  clause: string | null;
  span: { page: number; start: number; end: number } | null;
}

/**
 * Every council's intervention in date order (the `council_lifecycle` view), each event with its
 * document's sha256. The view's order is said again: a join over a view need not keep it.
 */
export function readLifecycle(db: Database): LifecycleEvent[] {
  const rows = db
    .prepare('SELECT l.gss, l.date, l.event, d.sha256, l.clause, l.page, l.start, l."end" FROM council_lifecycle l JOIN documents d ON d.id = l.document_id ORDER BY l.gss, l.date, l.document_id, l.fact')
    .all() as { gss: string | null; date: string; event: string; sha256: string; clause: string | null; page: number | null; start: number | null; end: number | null }[];
  return rows.map(({ page, start, end, ...row }) => ({ ...row, span: page !== null && start !== null && end !== null ? { page, start, end } : null }));
}
