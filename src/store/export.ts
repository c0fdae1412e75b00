/**
 * Exports: document records as NDJSON or JSON (the SPEC contract, checked against the zod
 * schema on the way out), and tables or views as CSV described by a Frictionless
 * `datapackage.json`. Datasette's `metadata.json`/`datasette.yaml` go beside any export folder.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { CORPUS, TABLES, writeDatasetteFiles } from './metadata.js';
import { iterateRecords } from './read.js';

export type RecordFormat = 'ndjson' | 'json';

/** Writes every record to `fd`: one compact JSON per line, or one pretty JSON array. */
export function writeRecords(db: Database, format: RecordFormat, fd: number): number {
  let count = 0;
  if (format === 'json') writeSync(fd, '[\n');
  for (const record of iterateRecords(db)) {
    if (format === 'ndjson') writeSync(fd, `${JSON.stringify(record)}\n`);
    else writeSync(fd, `${count > 0 ? ',\n' : ''}${JSON.stringify(record, null, 2)}`);
    count += 1;
  }
  if (format === 'json') writeSync(fd, `${count > 0 ? '\n' : ''}]\n`);
  return count;
}

/** The tables and views a user may export (not SQLite's or FTS5's internal tables). */
export function exportableTables(db: Database): string[] {
  return db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'clauses_fts%' ORDER BY type, name`,
    )
    .pluck()
    .all() as string[];
}

interface Column {
  name: string;
  type: string;
}

function columnsOf(db: Database, table: string): Column[] {
  return (db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(table) as Column[]).map((c) => ({ name: c.name, type: c.type }));
}

const LIST_COLUMNS = new Set(['spans', 'replaced_by', 'alt_names']);

/** The Frictionless field type for a column, from its declared SQLite type. */
function fieldType(column: Column, table: string): string {
  if (LIST_COLUMNS.has(column.name)) return 'array';
  if (table === 'documents' && column.name === 'record') return 'object';
  const declared = column.type.toUpperCase();
  if (declared.includes('INT')) return 'integer';
  if (declared.includes('REAL') || declared.includes('FLOA') || declared.includes('DOUB')) return 'number';
  if (declared.includes('TEXT') || declared.includes('CHAR')) return 'string';
  return 'any';
}

const CSV_ROWS_PER_WRITE = 500;

/** A CSV field (RFC 4180): quoted where it holds a comma, a quote or a line break, quotes doubled. */
function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\n`;

/**
 * Writes one table or view as CSV (UTF-8, with a BOM if asked for Excel); returns the row count.
 * Rows are encoded here rather than by a CSV library: the documents table's texts and records
 * run to megabytes, and a general encoder's per-row work spent most of a 3,000-document
 * export collecting its garbage.
 */
export function writeTableCsv(db: Database, table: string, path: string, bom: boolean): number {
  const fd = openSync(path, 'w');
  try {
    return writeTableCsvTo(db, table, fd, bom);
  } finally {
    closeSync(fd);
  }
}

/** Writes one table or view as CSV to an open file descriptor (stdout for `--out -`); returns the row count. */
export function writeTableCsvTo(db: Database, table: string, fd: number, bom: boolean): number {
  const columns = columnsOf(db, table).map((c) => c.name);
  writeSync(fd, `${bom ? '\uFEFF' : ''}${csvLine(columns)}`);
  let lines: string[] = [];
  let count = 0;
  const flush = (): void => {
    writeSync(fd, lines.join(''));
    lines = [];
  };
  for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().iterate() as IterableIterator<unknown[]>) {
    lines.push(csvLine(row));
    count += 1;
    if (lines.length === CSV_ROWS_PER_WRITE) flush();
  }
  if (lines.length > 0) flush();
  return count;
}

export interface ExportResult {
  files: string[];
  rows: Record<string, number>;
}

/** The tables `--table` names, checked; every described table and view when none is named. */
export function chooseTables(db: Database, requested: string[]): string[] {
  const available = exportableTables(db);
  if (requested.length === 0) return available.filter((name) => name in TABLES);
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) throw new Error(`no table or view named ${unknown.join(', ')}; the corpus has ${available.join(', ')}`);
  return requested;
}

/** A table's primary key from SQLite's own description of it (views have none). */
function primaryKey(db: Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').pluck().all(table) as string[]);
}

interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A table's foreign keys from SQLite's description, those whose table is in the package. */
function foreignKeys(db: Database, table: string, exported: ReadonlySet<string>): ForeignKey[] {
  const rows = db.prepare('SELECT id, seq, "table" AS target, "from" AS source, "to" AS field FROM pragma_foreign_key_list(?) ORDER BY id, seq').all(table) as {
    id: number;
    seq: number;
    target: string;
    source: string;
    field: string | null;
  }[];
  const keys = new Map<number, ForeignKey>();
  for (const row of rows) {
    if (!exported.has(row.target)) continue;
    const key = keys.get(row.id) ?? { fields: [], reference: { resource: row.target, fields: [] } };
    key.fields.push(row.source);
    // A key naming no column points at the target's primary key.
    key.reference.fields.push(row.field ?? primaryKey(db, row.target)[row.seq]);
    keys.set(row.id, key);
  }
  return [...keys.values()];
}

/**
 * When the corpus last changed (the latest document, path or failure it recorded), so that the
 * same corpus exported twice gives the same `created`; null for an empty corpus.
 */
function lastChanged(db: Database): string | null {
  return db
    .prepare(
      `SELECT MAX(at) FROM (SELECT MAX(ingested_at) AS at FROM documents UNION ALL SELECT MAX(added_at) FROM document_paths
       UNION ALL SELECT MAX(at) FROM ingest_errors)`,
    )
    .pluck()
    .get() as string | null;
}

/**
 * CSV files for `tables` in `dir`, with a Frictionless (v2) `datapackage.json` — each table's
 * fields, primary key and foreign keys as SQLite declares them — and the Datasette metadata.
 */
export function exportCsv(db: Database, tables: string[], dir: string, databasePath: string, bom: boolean): ExportResult {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  const rows: Record<string, number> = {};
  const exported = new Set(tables);
  const resources = tables.map((table) => {
    const file = `${table}.csv`;
    rows[table] = writeTableCsv(db, table, join(dir, file), bom);
    files.push(join(dir, file));
    const described = TABLES[table];
    const isRegister = table === 'councils';
    const key = primaryKey(db, table);
    const references = foreignKeys(db, table, exported);
    return {
      name: table,
      type: 'table',
      path: file,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: bom ? 'utf-8-sig' : 'utf-8',
      ...(described ? { description: described.description } : {}),
      ...(isRegister
        ? {
            licenses: [{ name: CORPUS.register_licence, path: 'https://creativecommons.org/licenses/by/4.0/' }],
            sources: [{ title: 'mySociety: UK Local Authority Names and Codes', path: CORPUS.register_url }],
          }
        : {}),
      schema: {
        $schema: 'https://datapackage.org/profiles/2.0/tableschema.json',
        fields: columnsOf(db, table).map((column) => ({
          name: column.name,
          type: fieldType(column, table),
          ...(described?.columns[column.name] ? { description: described.columns[column.name] } : {}),
        })),
        ...(key.length > 0 ? { primaryKey: key } : {}),
        ...(references.length > 0 ? { foreignKeys: references } : {}),
      },
    };
  });
  const created = lastChanged(db);
  const datapackage = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'notice-pipeline-corpus',
    title: CORPUS.title,
    description: CORPUS.description,
    ...(created ? { created } : {}),
    licenses: [{ name: CORPUS.licence, path: CORPUS.licence_url }],
    sources: [{ title: CORPUS.source }, { title: CORPUS.register_credit, path: CORPUS.register_url }],
    resources,
  };
  const datapackagePath = join(dir, 'datapackage.json');
  writeFileSync(datapackagePath, `${JSON.stringify(datapackage, null, 2)}\n`);
  files.push(datapackagePath, ...writeDatasetteFiles(dir, databaseName(databasePath)));
  return { files, rows };
}

/** Datasette names a database after its file, without the extension. */
export function databaseName(path: string): string {
  return basename(path, extname(path));
}
