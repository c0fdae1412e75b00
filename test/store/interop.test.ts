/**
 * The corpus as the tools data users already have read it: sqlite-utils (Debian package),
 * Python's sqlite3 module, Datasette's metadata and a Frictionless v2 data package; typed
 * fact values and entity columns; the pipeline version and `--reprocess`; and each document
 * once however many copies (the seeds come as PDF and text).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { DocumentRecord } from '../../src/record.js';
import { factType } from '../../src/store/write.js';
import { makeTempDir, runCli, SEEDS } from '../helpers/hostile.js';

let temp: ReturnType<typeof makeTempDir>;
let db: string;
const SEED_FILES = readdirSync(SEEDS).filter((name) => /\.(pdf|txt|docx|html)$/.test(name));

function ingest(...args: string[]): Record<string, unknown> {
  const run = runCli(['ingest', ...args, '--db', db, '--json'], 300_000);
  if (run.status !== 0) throw new Error(`ingest exited ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

const query = <T>(sql: string, ...params: unknown[]): T[] => {
  const handle = new Sqlite(db, { readonly: true });
  try {
    return handle.prepare(sql).all(...params) as T[];
  } finally {
    handle.close();
  }
};

beforeAll(() => {
  temp = makeTempDir('interop');
  db = join(temp.dir, 'corpus.sqlite');
  ingest(SEEDS);
});
afterAll(() => temp.remove());

describe('sqlite-utils', () => {
  const sqliteUtils = (...args: string[]) => execFileSync('sqlite-utils', args, { encoding: 'utf8' });

  test('finds the clauses full-text index and searches it', () => {
    const hits = JSON.parse(sqliteUtils('search', db, 'clauses', 'MASH', '-c', 'clause', '-c', 'document_id')) as { clause: string }[];
    const expected = query<{ n: number }>("SELECT COUNT(*) AS n FROM clauses_fts WHERE clauses_fts MATCH 'MASH'")[0].n;
    expect(expected).toBeGreaterThan(0);
    expect(hits).toHaveLength(expected);
  });

  test('tables --counts lists every table with its row count', () => {
    const listed = JSON.parse(sqliteUtils('tables', db, '--counts')) as { table: string; count: number }[];
    const tables = query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").map((t) => t.name);
    expect(listed.map((t) => t.table).sort()).toEqual(tables.sort());
    expect(listed.find((t) => t.table === 'documents')?.count).toBe(SEED_FILES.length);
  });
});

describe('typed values', () => {
  test('each fact has its declared type and the storage class of that type', () => {
    const facts = query<{ kind: string; name: string; type: string; storage: string }>('SELECT d.kind, f.name, f.type, typeof(f.value) AS storage FROM facts f JOIN documents d ON d.id = f.document_id');
    expect(facts.length).toBeGreaterThan(0);
    const storage: Record<string, string> = { date: 'text', duration: 'text', text: 'text', choice: 'text', names: 'text', integer: 'integer', boolean: 'integer' };
    for (const fact of facts) {
      expect(fact.type).toBe(factType(fact.kind, fact.name));
      if (fact.storage !== 'null') expect(`${fact.name}: ${fact.storage}`).toBe(`${fact.name}: ${storage[fact.type]}`);
    }
    expect(facts.some((fact) => fact.storage === 'integer')).toBe(true);
  });

  test('Python reads whole-number facts as int, not float', () => {
    const script = `import sqlite3, sys, json
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT name, type, value FROM facts WHERE type IN ('integer', 'boolean') AND value IS NOT NULL").fetchall()
print(json.dumps([[name, kind, type(value).__name__] for name, kind, value in rows]))`;
    const rows = JSON.parse(execFileSync('python3', ['-c', script, db], { encoding: 'utf8' })) as [string, string, string][];
    expect(rows.length).toBeGreaterThan(0);
    for (const [name, , pythonType] of rows) expect(`${name}: ${pythonType}`).toBe(`${name}: int`);
  });

  test('entity values are split by type: dates, durations and words each in their own column', () => {
    const rows = query<{ type: string; value: string | null; date: string | null; date_end: string | null; duration: string | null }>(
      'SELECT type, value, date, date_end, duration FROM entities',
    );
    for (const row of rows) {
      for (const date of [row.date, row.date_end]) if (date !== null) expect(date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (row.duration !== null) expect(row.duration).toMatch(/^P\d+[DWMY]$/);
      if (row.value !== null) {
        expect(row.value).not.toMatch(/^\d{4}-\d{2}/);
        expect(row.value).not.toMatch(/^P\d+[DWMY]$/);
      }
    }
    const byType = (type: string) => rows.filter((row) => row.type === type);
    expect(byType('date').every((row) => row.date !== null && row.value === null)).toBe(true);
    expect(byType('cadence').every((row) => row.duration !== null && row.date === null)).toBe(true);
    expect(byType('person').every((row) => row.value !== null && row.date === null && row.duration === null)).toBe(true);
  });
});

describe('the pipeline version', () => {
  test('is on every document and in _metadata, and is the one --version prints', () => {
    const version = runCli(['--version']).stdout;
    const metadata = query<{ value: string }>("SELECT value FROM _metadata WHERE key = 'pipeline_version'")[0].value;
    expect(version).toContain(`(pipeline ${metadata})`);
    const versions = query<{ pipeline_version: string | null }>('SELECT DISTINCT pipeline_version FROM documents');
    expect(versions).toEqual([{ pipeline_version: metadata }]);
  });

  test('ingest --reprocess reads again the documents another version made, keeping their ids and paths; --reprocess all reads every one', () => {
    const before = query<{ id: number; sha256: string; paths: string }>(
      'SELECT d.id, d.sha256, (SELECT json_group_array(path) FROM document_paths p WHERE p.document_id = d.id) AS paths FROM documents d ORDER BY d.id',
    );
    const writable = new Sqlite(db);
    writable.prepare("UPDATE documents SET pipeline_version = 'an-old-version' WHERE id IN (?, ?)").run(before[0].id, before[1].id);
    writable.prepare("UPDATE facts SET value = 'stale' WHERE document_id = ?").run(before[0].id);
    writable.close();

    const plain = ingest(SEEDS);
    expect(plain).toMatchObject({ added: 0, reprocessed: 0, corpus: { outdated: 2 } });

    const outdated = ingest(SEEDS, '--reprocess');
    expect(outdated).toMatchObject({ added: 0, reprocessed: 2, already_stored: SEED_FILES.length - 2, corpus: { outdated: 0 } });
    const after = query<{ id: number; sha256: string; paths: string }>(
      'SELECT d.id, d.sha256, (SELECT json_group_array(path) FROM document_paths p WHERE p.document_id = d.id) AS paths FROM documents d ORDER BY d.id',
    );
    expect(after).toEqual(before);
    expect(query("SELECT * FROM facts WHERE value = 'stale'")).toEqual([]);

    expect(ingest(SEEDS, '--reprocess', 'all')).toMatchObject({ added: 0, reprocessed: SEED_FILES.length, already_stored: 0 });
    const handle = new Sqlite(db, { readonly: true });
    try {
      expect(handle.pragma('foreign_key_check')).toEqual([]);
      const fts = handle.prepare("SELECT COUNT(*) FROM clauses_fts WHERE clauses_fts MATCH 'MASH'").pluck().get() as number;
      const clauses = handle.prepare("SELECT COUNT(*) FROM clauses WHERE text LIKE '%MASH%'").pluck().get() as number;
      expect(fts).toBe(clauses);
    } finally {
      handle.close();
    }
  });
});

describe('one document, however many copies', () => {
  test('the copies of a seed (PDF, text, and Word file and web page where their words are the same) are one row of distinct_documents, with every path', () => {
    const distinct = query<{ document_id: number; format: string; copies: number; paths: string }>('SELECT document_id, format, copies, paths FROM distinct_documents');
    const contents = query<{ n: number }>('SELECT COUNT(DISTINCT content_key) AS n FROM documents')[0].n;
    expect(distinct).toHaveLength(contents);
    expect(contents).toBeLessThan(SEED_FILES.length);
    const shared = distinct.filter((d) => d.copies > 1);
    // Each seed's text and PDF at least are one document; its Word and web copies join them where their words are the same.
    expect(shared.length).toBeGreaterThanOrEqual(5);
    for (const row of shared) {
      const paths = JSON.parse(row.paths) as string[];
      expect(paths).toHaveLength(row.copies);
      // The copy shown is the PDF where the document has one.
      if (paths.some((path) => path.endsWith('.pdf'))) {
        expect(row.format).toBe('pdf');
        expect(paths[0]).toMatch(/\.pdf$/);
      }
    }
  });

  test('search gives one hit per clause of a document, with its copies’ paths', () => {
    const run = runCli(['search', 'MASH', '--db', db, '--json']);
    const hits = JSON.parse(run.stdout) as { document_id: number; clause: string; path: string; paths: string[] }[];
    expect(hits.length).toBeGreaterThan(0);
    const keys = hits.map((hit) => `${hit.document_id} ${hit.clause}`);
    expect(new Set(keys).size).toBe(keys.length);
    const texts = query<{ content_key: string }>('SELECT content_key FROM documents WHERE id IN (' + hits.map((h) => h.document_id).join(',') + ')');
    expect(new Set(texts.map((t) => t.content_key)).size).toBe(new Set(hits.map((h) => h.document_id)).size);
    expect(hits.some((hit) => hit.paths.length === 2 && hit.paths.some((p) => p.endsWith('.txt')))).toBe(true);
  });

  test('the council timeline holds each event once, from the copy shown', () => {
    const events = query<{ key: string; n: number }>(
      `SELECT document_id || date || event || text || start AS key, COUNT(*) AS n FROM council_timeline GROUP BY document_id, date, event, text, start HAVING n > 1`,
    );
    expect(events).toEqual([]);
    const shown = new Set(query<{ document_id: number }>('SELECT document_id FROM distinct_documents').map((d) => d.document_id));
    for (const row of query<{ document_id: number }>('SELECT DISTINCT document_id FROM council_timeline')) expect(shown.has(row.document_id)).toBe(true);
  });

  test('the report shows each document once with its copies’ paths', () => {
    const out = join(temp.dir, 'report');
    expect(runCli(['report', '--db', db, '--out', out]).status).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const documents = index.slice(index.indexOf('id="documents"'));
    const items = documents.match(/<li>/g) ?? [];
    expect(items).toHaveLength(query<{ n: number }>('SELECT COUNT(*) AS n FROM distinct_documents')[0].n);
    for (const name of SEED_FILES) expect(documents).toContain(name);
  });
});

describe('Datasette and Frictionless', () => {
  let out: string;
  let datapackage: {
    $schema: string;
    created?: string;
    resources: { name: string; path: string; type: string; schema: { primaryKey?: string[]; foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[]; fields: { name: string }[] } }[];
  };
  beforeAll(() => {
    out = join(temp.dir, 'csv');
    expect(runCli(['export', '--format', 'csv', '--db', db, '--out', out]).status).toBe(0);
    datapackage = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  });

  test('metadata.json names the FTS table, facets and label columns', () => {
    const metadata = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8'));
    const tables = metadata.databases.corpus.tables;
    expect(tables.clauses).toMatchObject({ fts_table: 'clauses_fts', fts_pk: 'id' });
    expect(tables.documents.label_column).toBe('title');
    expect(tables.councils.label_column).toBe('name');
    const columns = (table: string) => query<{ name: string }>('SELECT name FROM pragma_table_info(?)', table).map((c) => c.name);
    for (const [name, table] of Object.entries(tables) as [string, { facets?: string[]; label_column?: string }][]) {
      for (const column of [...(table.facets ?? []), ...(table.label_column ? [table.label_column] : [])]) expect(columns(name)).toContain(column);
    }
  });

  test('datapackage.json is Frictionless v2 with each table’s primary and foreign keys', () => {
    expect(datapackage.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    const resource = (name: string) => datapackage.resources.find((r) => r.name === name)!;
    expect(resource('documents').schema.primaryKey).toEqual(['id']);
    expect(resource('facts').schema.primaryKey).toEqual(['document_id', 'name']);
    expect(resource('clauses').schema.foreignKeys).toEqual([{ fields: ['document_id'], reference: { resource: 'documents', fields: ['id'] } }]);
    expect(resource('notice_summary').schema.primaryKey).toBeUndefined();
    const names = new Set(datapackage.resources.map((r) => r.name));
    for (const r of datapackage.resources) {
      expect(r.type).toBe('table');
      for (const key of r.schema.foreignKeys ?? []) {
        expect(names.has(key.reference.resource)).toBe(true);
        const target = resource(key.reference.resource).schema.fields.map((f) => f.name);
        for (const field of key.reference.fields) expect(target).toContain(field);
      }
    }
  });

  test('the same corpus exported again gives the same datapackage.json, created included', () => {
    const again = join(temp.dir, 'csv-again');
    expect(runCli(['export', '--format', 'csv', '--db', db, '--out', again]).status).toBe(0);
    expect(readFileSync(join(again, 'datapackage.json'), 'utf8')).toBe(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    const latest = query<{ at: string }>('SELECT MAX(ingested_at) AS at FROM documents')[0].at;
    expect(datapackage.created! >= latest).toBe(true);
  });

  test('the records in the corpus still parse as the SPEC’s record', () => {
    for (const row of query<{ record: string }>('SELECT record FROM documents')) expect(() => DocumentRecord.parse(JSON.parse(row.record))).not.toThrow();
  });
});
