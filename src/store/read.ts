/**
 * Opening the corpus and reading its documents back as records: the entry points for other
 * commands (compare, report) that work over the whole corpus.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { DocumentRecord } from '../record.js';
import { seedCouncils } from './councils.js';
import { writeMetadataTable } from './metadata.js';
import { SCHEMA_VERSION, migrate } from './schema.js';

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
      // A corpus an older version wrote is brought up to date once, then read as asked.
      if ((db.pragma('user_version', { simple: true }) as number) < SCHEMA_VERSION) {
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

/**
 * Each notice's count of wording variations against a template, as ingest stored them, by the
 * document's sha256; notices diffed against another template are left out.
 */
export function storedWordingCounts(db: Database, templateName: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT d.sha256, SUM(v.kind = 'wording') AS wording FROM documents d JOIN variations v ON v.document_id = d.id
       WHERE d.kind = 'improvement_notice' AND v.template = ? GROUP BY d.id`,
    )
    .all(templateName) as { sha256: string; wording: number }[];
  return new Map(rows.map((row) => [row.sha256, row.wording]));
}
