/**
 * Hostile inputs, PDFs, texts, Word files and web pages, through the built CLI (`npm test`
 * builds first): `notices extract` exits 2 with
 * `notices: <path>: <code>: <message>` and no stack trace for each, 0 for the awkward but good
 * ones; `notices ingest` over a folder of all of them (and a symlink loop) stores every good file
 * and nothing of the bad ones.
 */
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { strToU8, unzipSync, zipSync } from 'fflate';
import {
  brokenXref,
  compressionBomb,
  encryptPdf,
  hollowPdf,
  makeTempDir,
  randomBytes,
  runCli,
  scannedCopy,
  seedBytes,
  SEEDS,
  utf16,
  windows1252,
} from '../helpers/hostile.js';

jest.setTimeout(300_000);

const temp = makeTempDir('cli');
const bad = join(temp.dir, 'batch');
const SEED = 'havering-notice-2024';
/** File name → the code `notices extract` must give. */
const expectedCodes = new Map<string, string>();
const goodNames: string[] = [];

beforeAll(async () => {
  mkdirSync(bad);
  const put = (name: string, bytes: Uint8Array | string, code: string | null) => {
    writeFileSync(join(bad, name), bytes);
    if (code) expectedCodes.set(name, code);
    else goodNames.push(name);
  };
  const seed = seedBytes(`${SEED}.pdf`);
  put('empty.pdf', new Uint8Array(0), 'empty_file');
  put('noise.pdf', randomBytes(8192, 11), 'not_a_pdf');
  put('noise.txt', randomBytes(8192, 12), 'unsupported_format');
  put('cut.pdf', seed.subarray(0, 400), 'invalid_pdf');
  put('hollow.pdf', hollowPdf(), 'invalid_pdf');
  put('bomb.pdf', await compressionBomb(256 * 1024 * 1024), 'too_large');
  put('scan.pdf', await scannedCopy(join(SEEDS, `${SEED}.pdf`), 100), null);
  encryptPdf(join(SEEDS, `${SEED}.pdf`), join(bad, 'locked.pdf'), 'user-secret', 'owner-secret');
  expectedCodes.set('locked.pdf', 'encrypted');
  encryptPdf(join(SEEDS, `${SEED}.pdf`), join(bad, 'owner-only.pdf'), '', 'owner-secret');
  goodNames.push('owner-only.pdf');
  put('xref.pdf', brokenXref(seed), null);
  put('ansi.txt', windows1252('Barchester Borough Council – café budget of £5,000.'), null);
  put('utf16.txt', utf16('Barchester Borough Council – café budget of £5,000.', 'le'), null);
  put(`it's a "notice" – Ōsaka Zürich.txt`, readFileSync(join(SEEDS, 'newham-notice-2019.txt')), null);
  copyFileSync(join(SEEDS, `${SEED}.txt`), join(bad, 'seed.txt'));
  goodNames.push('seed.txt');
  // Word files and web pages, good and bad.
  const word = readFileSync(join(SEEDS, `${SEED}.docx`));
  put('seed.docx', word, null);
  put('seed.html', readFileSync(join(SEEDS, 'newham-notice-2019.html')), null);
  put('ansi.html', windows1252('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Barchester Borough Council – café budget of £5,000.</p></body></html>'), null);
  put('noise.docx', randomBytes(8192, 13), 'invalid_docx');
  put('cut.docx', word.subarray(0, Math.floor(word.length / 2)), 'invalid_docx');
  put('parts-only.docx', zipSync({ 'word/styles.xml': strToU8('<w:styles/>') }), 'invalid_docx');
  put('macros.docm', zipSync({ 'word/document.xml': unzipSync(word)['word/document.xml'], 'word/vbaProject.bin': strToU8('Attribute VB_Name') }), 'unsupported_format');
  put('locked.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from('EncryptedPackage', 'utf16le')]), 'encrypted');
  put('old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024), Buffer.from('WordDocument', 'utf16le')]), 'unsupported_format');
  put('bomb.docx', zipSync({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024).fill(0x20) }, { level: 9 }), 'too_large');
  put('noise.html', randomBytes(8192, 14), 'unsupported_format');
  put('huge.html', `<html><body>${'<div class="row"><span class="cell">x</span></div>'.repeat(200_000)}</body></html>`, 'too_large');
  symlinkSync(bad, join(bad, 'loop'), 'dir');
});
afterAll(() => temp.remove());

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Error:/);
}

describe('notices extract', () => {
  test('each bad file exits 2 with its own code on one line and no stack trace', () => {
    expect([...new Set(expectedCodes.values())].sort()).toEqual(['empty_file', 'encrypted', 'invalid_docx', 'invalid_pdf', 'not_a_pdf', 'too_large', 'unsupported_format']);
    for (const [name, code] of expectedCodes) {
      const path = join(bad, name);
      const run = runCli(['extract', path, '--json']);
      expect({ name, status: run.status }).toEqual({ name, status: 2 });
      expect(run.stderr).toMatch(new RegExp(`^notices: ${escape(path)}: ${code}: .+\\n$`));
      expect(run.stdout).toBe('');
      expectNoStack(run.stderr);
    }
  });

  test('awkward but good files exit 0 with a valid record', () => {
    for (const name of goodNames.filter((n) => n !== 'scan.pdf')) {
      const run = runCli(['extract', join(bad, name), '--json']);
      expect({ name, status: run.status, stderr: run.stderr }).toEqual({ name, status: 0, stderr: '' });
      const record = JSON.parse(run.stdout);
      expect(record.source.path).toBe(join(bad, name));
      expect(record.text.length).toBeGreaterThan(20);
    }
  });

  test('a scan is read by OCR by default, refused with --ocr never, and stopped by --timeout-ms', () => {
    const path = join(bad, 'scan.pdf');
    const never = runCli(['extract', path, '--ocr', 'never']);
    expect(never.status).toBe(2);
    expect(never.stderr).toContain(': no_text_layer: ');
    const quick = runCli(['extract', path, '--timeout-ms', '300']);
    expect(quick.status).toBe(2);
    expect(quick.stderr).toContain(': timeout: ');
    const read = runCli(['extract', path, '--json']);
    expect(read.status).toBe(0);
    const record = JSON.parse(read.stdout);
    expect(record.source.ocr_pages).toEqual([1, 2]);
    expect(record.text).toMatch(/Havering/);
  });

  test('limit flags give their codes; a bad flag value is a usage error (exit 1)', () => {
    const seed = join(SEEDS, `${SEED}.pdf`);
    expect(runCli(['extract', seed, '--max-pages', '1']).stderr).toContain(': too_many_pages: ');
    expect(runCli(['extract', seed, '--max-bytes', '1000']).stderr).toContain(': too_large: ');
    expect(runCli(['extract', seed, '--max-text-chars', '100']).stderr).toContain(': text_too_large: ');
    for (const args of [['--ocr', 'sometimes'], ['--max-pages', 'ten'], ['--timeout-ms', '0']]) {
      const run = runCli(['extract', seed, ...args]);
      expect({ args, status: run.status }).toEqual({ args, status: 1 });
      expectNoStack(run.stderr);
    }
  });

  test('--explain says why a fact is null: after the summary, or on stderr beside --json', () => {
    const report = join(temp.dir, 'explain-report.txt');
    writeFileSync(report, "Sefton Metropolitan Borough Council\nReport to Cabinet: Children's Services Improvement Plan\nDate of meeting: 17 July 2024\n1. The plan costs £2.5m.\n");
    const summary = runCli(['extract', report, '--explain']);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toMatch(/messages:\n(?:.*\n)*\s+\[facts\] fact_not_found: grant_gbp: /);
    const json = runCli(['extract', report, '--json', '--explain']);
    const record = JSON.parse(json.stdout);
    expect(record.facts.grant_gbp).toBeNull();
    expect(record.messages).toContainEqual(expect.objectContaining({ source: 'facts', code: 'fact_not_found' }));
    expect(json.stderr).toContain('[facts] fact_not_found: grant_gbp: ');
    expect(runCli(['extract', report]).stdout).not.toContain('messages:');
  });
});

describe('notices ingest over all of them', () => {
  test('stores every good file, none of the bad, follows no loop, and exits 3', () => {
    const db = join(temp.dir, 'corpus.sqlite');
    const run = runCli(['ingest', bad, '--db', db, '--json']);
    expect(run.status).toBe(3);
    expectNoStack(run.stderr);
    const summary = JSON.parse(run.stdout);
    const failed = new Map<string, string>(summary.failures.map((f: { path: string; code: string }) => [f.path.split('/').pop(), f.code]));
    // Files reached through the symlink loop are the same files: none may be stored twice.
    expect(summary.corpus.documents).toBe(goodNames.length);
    for (const [name, code] of expectedCodes) {
      expect({ name, code: failed.get(name) }).toEqual({ name, code });
    }
    for (const name of goodNames) expect(failed.has(name)).toBe(false);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
