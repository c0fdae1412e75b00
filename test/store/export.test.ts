import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { parseCsv } from '../../src/recognise/register.js';
import { DocumentRecord } from '../../src/record.js';
import { chooseTables, exportCsv, writeRecords } from '../../src/store/export.js';
import { openCorpus } from '../../src/store/read.js';
import { CorpusWriter } from '../../src/store/write.js';
import { NOTICE_TEXT, noticeRecord, sampleDiff } from './sample-records.js';

let dir: string;
let db: Database;
const records = [noticeRecord(), noticeRecord(NOTICE_TEXT.replace('Issued on', 'Issued, "with quotes", on'), 'second.txt')];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'notices-export-'));
  db = openCorpus(join(dir, 'corpus.sqlite'));
  const writer = new CorpusWriter(db);
  for (const record of records) writer.store({ record, diff: sampleDiff(record) }, record.source.path, 100);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function exportTo(format: 'ndjson' | 'json'): string {
  const path = join(dir, `documents.${format}`);
  const fd = openSync(path, 'w');
  try {
    expect(writeRecords(db, format, fd)).toBe(records.length);
  } finally {
    closeSync(fd);
  }
  return readFileSync(path, 'utf8');
}

test('NDJSON holds one schema-valid record per line, equal to what was stored', () => {
  const lines = exportTo('ndjson').trimEnd().split('\n');
  expect(lines).toHaveLength(records.length);
  const parsed = lines.map((line) => DocumentRecord.parse(JSON.parse(line)));
  expect(parsed).toEqual(records);
});

test('JSON is one array of the same records', () => {
  expect(JSON.parse(exportTo('json'))).toEqual(JSON.parse(JSON.stringify(records)));
});

test('CSV of tables and views comes with a datapackage.json that describes exactly the files written', () => {
  const out = join(dir, 'csv');
  const tables = chooseTables(db, ['notice_summary', 'entities', 'councils']);
  const result = exportCsv(db, tables, out, join(dir, 'corpus.sqlite'), false);
  const datapackage = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
  expect(datapackage.resources.map((r: { path: string }) => r.path)).toEqual(['notice_summary.csv', 'entities.csv', 'councils.csv']);
  for (const resource of datapackage.resources as { path: string; schema: { fields: { name: string; type: string }[] } }[]) {
    const rows = parseCsv(readFileSync(join(out, resource.path), 'utf8'));
    expect(rows[0]).toEqual(resource.schema.fields.map((f) => f.name));
    expect(rows.length - 1).toBe(result.rows[resource.path.replace('.csv', '')]);
  }
  expect(result.rows.entities).toBe(20);
  expect(result.rows.notice_summary).toBe(2);
  const councils = datapackage.resources.find((r: { path: string }) => r.path === 'councils.csv');
  expect(councils.licenses[0].name).toBe('CC-BY-4.0');
  const entityFields = datapackage.resources[1].schema.fields as { name: string; type: string; description?: string }[];
  expect(entityFields.find((f) => f.name === 'start')).toMatchObject({ type: 'integer', description: expect.stringContaining('offset') });

  const metadata = JSON.parse(readFileSync(join(out, 'metadata.json'), 'utf8'));
  expect(metadata.databases.corpus.tables.documents.columns.content_key).toMatch(/letters and digits/);
  const yaml = readFileSync(join(out, 'datasette.yaml'), 'utf8');
  expect(yaml).toMatch(/^title: "England/m);
  expect(yaml).toContain('mySociety');
});

test('--bom starts each CSV with a UTF-8 byte-order mark and keeps quoting intact', () => {
  const out = join(dir, 'bom');
  exportCsv(db, ['documents'], out, 'corpus.sqlite', true);
  const bytes = readFileSync(join(out, 'documents.csv'));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...cells] = parseCsv(bytes.toString('utf8').slice(1));
  const rows = cells.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
  expect(rows.map((r) => r.text)).toEqual(records.map((r) => r.text));
  expect(JSON.parse(rows[1].record)).toEqual(records[1]);
});

test('an unknown table is refused with the list of those there are', () => {
  expect(() => chooseTables(db, ['nope'])).toThrow(/no table or view named nope.*notice_summary/);
  expect(chooseTables(db, [])).toEqual(expect.arrayContaining(['documents', 'clauses', 'notice_summary', 'council_timeline']));
  expect(chooseTables(db, [])).not.toContain('clauses_fts');
});
