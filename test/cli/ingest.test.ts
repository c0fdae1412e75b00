/**
 * `notices ingest` end to end through the built CLI (dist/): idempotence over the fixtures, a
 * batch with bad files, the per-file limits, and exports/search/schema over the result.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, encryptPdf, makeTempDir, randomBytes, runCli, SEEDS, writeFile } from '../helpers/hostile.js';
import { expectSoundCorpus, openReadonly, rowCounts } from './ingest-corpus.js';

const FIXTURES = join(SEEDS, '..');
let temp: ReturnType<typeof makeTempDir>;
beforeAll(() => {
  temp = makeTempDir('ingest');
});
afterAll(() => temp.remove());

interface Summary {
  files: number;
  added: number;
  already_stored: number;
  failures: { path: string; code: string }[];
  corpus: { documents: number; by_kind: Record<string, number> };
}

function ingest(args: string[]): { status: number | null; summary: Summary; stderr: string } {
  const run = runCli(['ingest', ...args, '--json'], 300_000);
  if (run.stdout.trim() === '') throw new Error(`ingest printed nothing on stdout (exit ${run.status}): ${run.stderr}`);
  return { status: run.status, summary: JSON.parse(run.stdout) as Summary, stderr: run.stderr };
}

test('the CLI under test is the built one', () => {
  expect(readFileSync(CLI, 'utf8')).toContain('registerIngest');
});

describe('ingesting the fixtures', () => {
  let db: string;
  let first: ReturnType<typeof ingest>;
  beforeAll(() => {
    db = join(temp.dir, 'fixtures.sqlite');
    first = ingest([FIXTURES, '--db', db]);
  });

  test('stores every fixture document, exits 0 and summarises by kind on stderr', () => {
    expect(first.status).toBe(0);
    expect(first.summary.failures).toEqual([]);
    expect(first.summary.added).toBe(first.summary.files);
    expect(first.summary.corpus.by_kind.improvement_notice).toBeGreaterThanOrEqual(3);
    expect(first.stderr).toMatch(/improvement_notice/);
    expect(first.stderr).toMatch(/\d+ councils?/);
    expectSoundCorpus(db);
  });

  test('a second run adds nothing and leaves every table as it was', () => {
    const before = rowCounts(db);
    const second = ingest([FIXTURES, '--db', db]);
    expect(second.status).toBe(0);
    expect(second.summary.added).toBe(0);
    expect(second.summary.already_stored).toBe(first.summary.files);
    expect(rowCounts(db)).toEqual(before);
  });

  test('a copy of a file at a new path adds a path, not a document', () => {
    const before = rowCounts(db);
    const copy = join(temp.dir, 'copy-of-harrow.pdf');
    copyFileSync(join(SEEDS, 'harrow-notice-2025.pdf'), copy);
    const run = ingest([copy, '--db', db]);
    expect(run.summary).toMatchObject({ added: 0, already_stored: 1 });
    expect(rowCounts(db)).toEqual({ ...before, document_paths: before.document_paths + 1 });
  });

  test('search finds clauses and names council, document and clause id', () => {
    const run = runCli(['search', 'MASH', '--db', db, '--json']);
    expect(run.status).toBe(0);
    const hits = JSON.parse(run.stdout) as { council: string | null; path: string; clause: string; snippet: string }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(hit.snippet).toMatch(/\[MASH\]/i);
      expect(hit.clause).toMatch(/^[0-9a-z.]+$/i);
    }
    const text = runCli(['search', 'MASH', '--db', db]);
    expect(text.stdout.split('\n')[0]).toContain(hits[0].path);
  });

  test('export --format ndjson gives the records that extract --json gives, but for source.path', () => {
    const out = join(temp.dir, 'export');
    const run = runCli(['export', '--db', db, '--format', 'ndjson', '--out', out]);
    expect(run.status).toBe(0);
    const records = readFileSync(join(out, 'documents.ndjson'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const harrow = join(SEEDS, 'harrow-notice-2025.txt');
    const exported = records.find((r) => r.source.path.endsWith('seeds/harrow-notice-2025.txt'));
    const extracted = JSON.parse(runCli(['extract', harrow, '--json']).stdout);
    expect({ ...exported, source: { ...exported.source, path: harrow } }).toEqual(extracted);
    expect(readFileSync(join(out, 'metadata.json'), 'utf8')).toContain('mySociety');
  });

  test('export --format csv writes a table and its datapackage.json', () => {
    const out = join(temp.dir, 'csv');
    const run = runCli(['export', '--db', db, '--format', 'csv', '--table', 'notice_summary', '--out', out, '--bom']);
    expect(run.status).toBe(0);
    const datapackage = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8'));
    expect(datapackage.resources.map((r: { path: string }) => r.path)).toEqual(['notice_summary.csv']);
    const csv = readFileSync(join(out, 'notice_summary.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFdocument_id,council,gss,issued')).toBe(true);
    const bad = runCli(['export', '--db', db, '--format', 'csv', '--table', 'nope', '--out', out]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no table or view named nope/);
  });
});

describe('a batch with bad files', () => {
  test('stores every good document, records each bad one with its code, and exits 3', () => {
    const dir = join(temp.dir, 'mixed');
    const good = ['harrow-notice-2025.pdf', 'havering-press-release-2024.pdf', 'newham-notice-2019.txt'];
    mkdirSync(dir);
    for (const name of good) copyFileSync(join(SEEDS, name), join(dir, name));
    writeFile(dir, 'empty.pdf', '');
    writeFile(dir, 'random.pdf', randomBytes(4096, 7));
    const seedPdf = readFileSync(join(SEEDS, 'havering-notice-2024.pdf'));
    writeFile(dir, 'truncated.pdf', seedPdf.subarray(0, Math.floor(seedPdf.length / 2)));
    encryptPdf(join(SEEDS, 'havering-notice-2024.pdf'), join(dir, 'encrypted.pdf'), 'user', 'owner');
    writeFile(dir, 'sidecar.expected.json', '{"not": "a document"}');
    const db = join(temp.dir, 'mixed.sqlite');

    const run = ingest([dir, join(temp.dir, 'no-such-folder'), '--db', db]);
    expect(run.status).toBe(3);
    expect(run.summary.added).toBe(good.length);
    const failures = Object.fromEntries(run.summary.failures.map((f) => [f.path.split('/').pop(), f.code]));
    expect(failures).toEqual({ 'empty.pdf': 'empty_file', 'random.pdf': 'not_a_pdf', 'truncated.pdf': 'invalid_pdf', 'encrypted.pdf': 'encrypted', 'no-such-folder': 'unreadable' });
    for (const name of Object.keys(failures)) expect(run.stderr).toContain(name);

    const corpus = openReadonly(db);
    const recorded = corpus.prepare('SELECT path, code FROM ingest_errors ORDER BY path').all() as { path: string; code: string }[];
    corpus.close();
    expect(Object.fromEntries(recorded.map((r) => [r.path.split('/').pop(), r.code]))).toEqual(failures);
    expectSoundCorpus(db);
  });

  test('per-file limits: too large without being read, timeout and out-of-memory with the worker replaced', () => {
    const dir = join(temp.dir, 'limits');
    mkdirSync(dir);
    for (const name of ['harrow-notice-2025.txt', 'newham-notice-2019.txt', 'havering-notice-2024.txt']) copyFileSync(join(SEEDS, name), join(dir, name));
    const db = join(temp.dir, 'limits.sqlite');
    const tooLarge = ingest([dir, '--db', db, '--max-bytes', '100']);
    expect(tooLarge.status).toBe(3);
    expect(tooLarge.summary.failures.map((f) => f.code)).toEqual(['too_large', 'too_large', 'too_large']);

    const timedOut = ingest([dir, '--db', db, '--timeout-ms', '1', '--concurrency', '1']);
    expect(timedOut.status).toBe(3);
    expect(timedOut.summary.failures.map((f) => f.code)).toEqual(['timeout', 'timeout', 'timeout']);

    const starved = ingest([dir, '--db', db, '--worker-heap-mb', '16']);
    expect(starved.status).toBe(3);
    expect(starved.summary.failures.map((f) => f.code)).toEqual(['too_large', 'too_large', 'too_large']);

    const fine = ingest([dir, '--db', db]);
    expect(fine.status).toBe(0);
    expect(fine.summary.added).toBe(3);
    expect(rowCounts(db).ingest_errors).toBe(0);
  });
});

test('notices schema prints the published JSON Schema', () => {
  const run = runCli(['schema']);
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(readFileSync(join(SEEDS, '..', '..', 'docs', 'document.schema.json'), 'utf8'));
});
