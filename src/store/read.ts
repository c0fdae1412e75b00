/**
 * Opening the corpus and reading its documents back as records: the entry points for other
 * commands (compare, report) that work over the whole corpus.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { DocumentRecord } from '../record.js';
import { seedCouncils } from './councils.js';
import { writeMetadataTable } from './metadata.js';
import { migrate } from './schema.js';

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
    const db = new Sqlite(path, { readonly: true, fileMustExist: true });
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
