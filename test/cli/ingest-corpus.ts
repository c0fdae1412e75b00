/**
 * Checks shared by the ingest CLI tests: what every corpus must satisfy after any run, finished
 * or killed.
 */
import { existsSync, statSync } from 'node:fs';
import Sqlite from 'better-sqlite3';
import { DocumentRecord } from '../../src/record.js';
import { entityRows } from '../../src/store/write.js';

export type Counts = Record<string, number>;

export const TABLES = ['documents', 'document_paths', 'pages', 'clauses', 'entities', 'facts', 'notice_features', 'anomalies', 'variations', 'ingest_errors'];

export function openReadonly(path: string): Sqlite.Database {
  return new Sqlite(path, { readonly: true, fileMustExist: true });
}

export function rowCounts(path: string): Counts {
  const db = openReadonly(path);
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

/**
 * The database opens, passes SQLite's own checks and the FTS index's, and every document is
 * whole: its pages, clauses and entities all present, each entity slicing the stored text.
 */
export function expectSoundCorpus(path: string): void {
  const db = new Sqlite(path, { fileMustExist: true });
  try {
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const rows = db.prepare('SELECT id, text, record FROM documents').all() as { id: number; text: string; record: string }[];
    const count = (sql: string, id: number): number => db.prepare(sql).pluck().get(id) as number;
    for (const row of rows) {
      const record = DocumentRecord.parse(JSON.parse(row.record));
      expect(record.text).toBe(row.text);
      expect(count('SELECT COUNT(*) FROM pages WHERE document_id = ?', row.id)).toBe(record.pages.length);
      expect(count('SELECT COUNT(*) FROM clauses WHERE document_id = ?', row.id)).toBe(record.clauses.length);
      expect(count('SELECT COUNT(*) FROM entities WHERE document_id = ?', row.id)).toBe(entityRows(record).length);
      expect(count('SELECT COUNT(*) FROM document_paths WHERE document_id = ?', row.id)).toBeGreaterThan(0);
      // The size of the file as read, not of a buffer already handed to a worker thread.
      const stored = db.prepare('SELECT bytes, (SELECT path FROM document_paths WHERE document_id = d.id LIMIT 1) AS path FROM documents d WHERE id = ?').get(row.id) as { bytes: number; path: string };
      if (existsSync(stored.path)) expect(stored.bytes).toBe(statSync(stored.path).size);
    }
    const misplaced = db
      .prepare('SELECT e.id FROM entities e JOIN documents d ON d.id = e.document_id WHERE substr(d.text, e.start + 1, e."end" - e.start) IS NOT e.text')
      .all();
    expect(misplaced).toEqual([]);
    // FTS5's own check that the index matches the clauses table (a write statement, hence a
    // writable connection).
    expect(() => db.exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  } finally {
    db.close();
  }
}
