import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { loadRegister } from '../../src/recognise/register.js';
import { DocumentRecord } from '../../src/record.js';
import { openCorpus, readNoticeDiffs, readRecords } from '../../src/store/read.js';
import { SCHEMA_VERSION } from '../../src/store/schema.js';
import { searchClauses } from '../../src/store/search.js';
import { contentKey } from '../../src/normalise/content-key.js';
import { CorpusWriter } from '../../src/store/write.js';
import { NOTICE_TEXT, councilNamed, noticeRecord, sampleDiff } from './sample-records.js';

let dir: string;
let db: Database;
let writer: CorpusWriter;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'notices-corpus-'));
  db = openCorpus(join(dir, 'corpus.sqlite'));
  writer = new CorpusWriter(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const count = (sql: string, ...params: unknown[]): number => db.prepare(sql).pluck().get(...params) as number;

describe('schema and metadata', () => {
  test('a new corpus is at the latest schema version, in WAL mode, with the council register loaded', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(count('SELECT COUNT(*) FROM councils')).toBe(loadRegister().councils.length);
    const credit = db.prepare("SELECT value FROM _metadata WHERE key = 'register_credit'").pluck().get() as string;
    expect(credit).toMatch(/mySociety/);
  });

  test('reopening runs no migration twice and keeps the data', () => {
    writer.store({ record: noticeRecord(), diff: null }, 'a.txt', 100);
    db.close();
    db = openCorpus(join(dir, 'corpus.sqlite'));
    expect(count('SELECT COUNT(*) FROM documents')).toBe(1);
    expect(count('SELECT COUNT(*) FROM councils')).toBe(loadRegister().councils.length);
  });

  test('a corpus keyed the older way (white space folded) is keyed by its words when opened, so its copies of one document meet', () => {
    const gateshead = councilNamed('Gateshead');
    writer.store({ record: { ...noticeRecord(), publisher: { name: gateshead.name, council_gss: gateshead.gss } }, diff: null }, 'notice.txt', 100);
    // A corpus of schema version 2: its keys by the older rule, no stored diffs and no publisher columns yet.
    db.prepare('UPDATE documents SET content_key = ?').run('keyed-by-the-older-rule');
    db.exec('DROP TABLE notice_diffs; DROP INDEX documents_publisher; ALTER TABLE documents DROP COLUMN publisher_gss; ALTER TABLE documents DROP COLUMN publisher_name');
    db.pragma('user_version = 2');
    db.close();
    db = openCorpus(join(dir, 'corpus.sqlite'), { readonly: true });
    expect(db.prepare('SELECT content_key FROM documents').pluck().get()).toBe(contentKey(NOTICE_TEXT));
    // Migration 5 takes each document's publisher from its record.
    expect(db.prepare('SELECT publisher_name, publisher_gss FROM documents').get()).toEqual({ publisher_name: gateshead.name, publisher_gss: gateshead.gss });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  });

  test('the copies of one document share a key: the same words in the same order, whatever the spacing, punctuation and list markers', () => {
    expect(contentKey('- 1. This Notice is given.\n- a. the plan;')).toBe(contentKey('1. This Notice is given. a. The plan;'));
    expect(contentKey('• X People Things')).toBe(contentKey('**X** People Things'));
    expect(contentKey('1. This Notice is given.')).not.toBe(contentKey('This Notice is given.'));
  });

  test('a corpus from a newer program is refused rather than damaged', () => {
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => openCorpus(join(dir, 'corpus.sqlite'))).toThrow(/newer/);
    db = openCorpus(join(dir, 'corpus.sqlite'), { readonly: true });
  });
});

describe('storing a document', () => {
  test('every part of the record gets its rows, each entity slicing the stored text and sitting in its innermost clause', () => {
    const record = noticeRecord();
    const id = writer.store({ record, diff: sampleDiff(record) }, record.source.path, 1234);
    expect(count('SELECT COUNT(*) FROM pages WHERE document_id = ?', id)).toBe(2);
    expect(count('SELECT COUNT(*) FROM clauses WHERE document_id = ?', id)).toBe(record.clauses.length);
    expect(count('SELECT COUNT(*) FROM facts WHERE document_id = ?', id)).toBe(Object.keys(record.facts).length);
    expect(count('SELECT COUNT(*) FROM variations WHERE document_id = ?', id)).toBe(1);
    // The whole diff too, for the report's redline, under its template's name.
    const diff = sampleDiff(record);
    expect(readNoticeDiffs(db, diff.template).get(record.source.sha256)).toEqual(diff);
    expect(readNoticeDiffs(db, 'another template').size).toBe(0);

    const entities = db
      .prepare(`SELECT e.type, e.text, e.start, e."end", e.page, d.text AS doc, c.clause FROM entities e
        JOIN documents d ON d.id = e.document_id LEFT JOIN clauses c ON c.id = e.clause_id`)
      .all() as { type: string; text: string; start: number; end: number; page: number; doc: string; clause: string | null }[];
    expect(entities).toHaveLength(10);
    for (const e of entities) expect(e.doc.slice(e.start, e.end)).toBe(e.text);
    const clauseOf = (text: string) => entities.find((e) => e.text === text)?.clause;
    expect(clauseOf('at least every 6 weeks')).toBe('2.b');
    expect(clauseOf('at least every six months')).toBe('3');
    expect(clauseOf('Gateshead Council')).toBeNull();
    expect(entities.find((e) => e.text === 'at least every six months')?.page).toBe(2);

    const features = db.prepare('SELECT * FROM notice_features WHERE document_id = ?').get(id) as Record<string, unknown>;
    expect(features).toMatchObject({ board_chair: 'independent', review_every: 'P6M', review_scope_mash: 1, department_at_board: 0 });
    const evidence = db.prepare("SELECT clause, start, \"end\" FROM facts WHERE name = 'plan_deadline'").get() as { clause: string; start: number; end: number };
    expect(record.text.slice(evidence.start, evidence.end)).toBe('by 30 June 2024');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  test('the same bytes at a second path add the path, not a document', () => {
    const record = noticeRecord();
    const first = writer.store({ record, diff: null }, 'one/notice.txt', 10);
    expect(writer.documentIdBySha(record.source.sha256)).toBe(first);
    writer.addPath(first, 'two/notice.txt');
    const again = writer.store({ record, diff: null }, 'three/notice.txt', 10);
    expect(again).toBe(first);
    expect(count('SELECT COUNT(*) FROM documents')).toBe(1);
    expect(count('SELECT COUNT(*) FROM clauses')).toBe(record.clauses.length);
    expect(db.prepare('SELECT path FROM document_paths ORDER BY path').pluck().all()).toEqual(['one/notice.txt', 'three/notice.txt', 'two/notice.txt']);
  });

  test('a document that fails part-way leaves no row behind', () => {
    const record = noticeRecord();
    // A clause without a page breaks the NOT NULL constraint after the document, its pages
    // and earlier clauses were inserted: all of them must be rolled back.
    const broken = { ...record, clauses: record.clauses.map((c, i) => (i === 3 ? { ...c, page: null as unknown as number } : c)) };
    expect(() => writer.store({ record: broken, diff: null }, 'broken.txt', 10)).toThrow();
    for (const table of ['documents', 'document_paths', 'pages', 'clauses', 'entities', 'facts', 'notice_features']) {
      expect(count(`SELECT COUNT(*) FROM ${table}`)).toBe(0);
    }
    expect(count("SELECT COUNT(*) FROM clauses_fts WHERE clauses_fts MATCH 'Ofsted'")).toBe(0);
  });

  test('a failure is recorded once per path and cleared when the path later succeeds', () => {
    writer.recordError('x.pdf', null, 'invalid_pdf', 'bad xref');
    writer.recordError('x.pdf', null, 'timeout', 'slow');
    expect(db.prepare('SELECT code FROM ingest_errors').pluck().all()).toEqual(['timeout']);
    writer.store({ record: noticeRecord(), diff: null }, 'x.pdf', 10);
    expect(count('SELECT COUNT(*) FROM ingest_errors')).toBe(0);
  });
});

describe('views', () => {
  test('notice_summary counts the PDF and text of one notice once, with months from issue to deadline', () => {
    writer.store({ record: noticeRecord(), diff: null }, 'notice.txt', 10);
    // The same notice as read from a PDF: paragraph breaks fall elsewhere, bytes differ.
    const reflowed = NOTICE_TEXT.replace('\nIssued on', ' Issued on');
    expect(contentKey(reflowed)).toBe(contentKey(NOTICE_TEXT));
    writer.store({ record: noticeRecord(reflowed, 'notice.pdf'), diff: null }, 'notice.pdf', 10);
    expect(count('SELECT COUNT(*) FROM documents')).toBe(2);
    const rows = db.prepare('SELECT * FROM notice_summary').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      council: councilNamed('Gateshead').name,
      issued: '2023-05-14',
      inspection_report_published: '2023-04-03',
      plan_deadline: '2024-06-30',
      months_to_deadline: 14.9,
      board_chair: 'independent',
      copies: 2,
    });
  });

  test('council_timeline lists each dated event in date order with its clause', () => {
    writer.store({ record: noticeRecord(), diff: null }, 'notice.txt', 10);
    const events = db.prepare('SELECT date, event, clause FROM council_timeline').all();
    expect(events).toEqual([
      { date: '2023-04-03', event: 'inspection_report_published', clause: '1' },
      { date: '2023-05-14', event: 'issued', clause: null },
      { date: '2023-05-15', event: 'signed', clause: null },
      { date: '2024-06-30', event: 'deadline', clause: '4' },
    ]);
  });
});

describe('search and read-back', () => {
  test('FTS5 finds clauses, stays in step when documents go, and survives punctuation in queries', () => {
    const id = writer.store({ record: noticeRecord(), diff: null }, 'notice.txt', 10);
    expect(searchClauses(db, 'MASH').map((h) => h.clause)).toEqual(['2.b']);
    expect(searchClauses(db, 'reviewing').map((h) => h.clause)).toEqual(['3']);
    expect(searchClauses(db, 'front-door').map((h) => h.clause)).toEqual(['2.b']);
    expect(searchClauses(db, 'MASH')[0]).toMatchObject({ council: councilNamed('Gateshead').name, path: 'notice.txt', page: 1 });
    db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    expect(searchClauses(db, 'MASH')).toEqual([]);
    expect(() => db.exec("INSERT INTO clauses_fts(clauses_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  test('readRecords gives back exactly the records stored, valid against the schema', () => {
    const records = [noticeRecord(), noticeRecord(NOTICE_TEXT.replace('Gateshead Council', 'Gateshead Council,'), 'b.txt')];
    for (const record of records) writer.store({ record, diff: null }, record.source.path, 10);
    const back = readRecords(openCorpus(join(dir, 'corpus.sqlite'), { readonly: true }));
    expect(back).toEqual(records);
    for (const record of back) expect(DocumentRecord.safeParse(record).success).toBe(true);
  });

  test('a read-only corpus refuses writes', () => {
    db.close();
    db = openCorpus(join(dir, 'corpus.sqlite'), { readonly: true });
    expect(() => db.exec("INSERT INTO _metadata VALUES ('k', 'v')")).toThrow(/readonly/);
    expect(readFileSync(join(dir, 'corpus.sqlite')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});
