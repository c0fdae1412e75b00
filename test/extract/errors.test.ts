/**
 * The extract stage's coded errors, each from a file the test makes: a bad file gives its own
 * code, never an exception. The same files through the built CLI are in ../robustness/cli.test.ts.
 *
 * Decisions recorded here:
 * - A broken cross-reference table with intact objects is read: pdfjs rebuilds the table by
 *   scanning the objects, as every viewer does. Only when no objects can be found is it
 *   `invalid_pdf`.
 * - A PDF with an owner password only (empty user password) is read: the owner password
 *   restricts editing and copying in viewers, it does not hide the text, and these documents
 *   are published by public bodies. A user password gives `encrypted`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/extract/index.js';
import type { Extracted } from '../../src/extract/types.js';
import type { ErrorCode, Result } from '../../src/record.js';
import { brokenXref, encryptPdf, hollowPdf, makeTempDir, randomBytes, scannedCopy, seedBytes, SEEDS } from '../helpers/hostile.js';

const SEED = 'havering-notice-2024';

function codeOf(result: Result<Extracted>): ErrorCode | 'ok' {
  return result.ok ? 'ok' : result.error.code;
}

function allText(result: Result<Extracted>): string {
  if (!result.ok) throw new Error(`expected text, got ${result.error.code}: ${result.error.message}`);
  return result.value.pages.flatMap((page) => page.lines.map((line) => line.text)).join(' ').replace(/\s+/g, ' ');
}

const temp = makeTempDir('errors');
afterAll(() => temp.remove());

describe('coded errors from extract()', () => {
  test('an empty file is empty_file, whatever its name', async () => {
    for (const path of ['empty.pdf', 'empty.txt']) {
      expect(codeOf(await extract(new Uint8Array(0), { path }))).toBe('empty_file');
    }
  });

  test('a text file of only white space is empty_file', async () => {
    expect(codeOf(await extract(new Uint8Array(Buffer.from(' \n\t\r\n \f ')), { path: 'blank.txt' }))).toBe('empty_file');
  });

  test('random bytes named .pdf are not_a_pdf; named .txt they are binary, unsupported_format', async () => {
    for (const seed of [1, 2, 3]) {
      const bytes = randomBytes(4096, seed);
      expect(codeOf(await extract(bytes, { path: 'noise.pdf' }))).toBe('not_a_pdf');
      expect(codeOf(await extract(bytes, { path: 'noise.txt' }))).toBe('unsupported_format');
    }
  });

  test('a file of another type is unsupported_format', async () => {
    expect(codeOf(await extract(new Uint8Array(Buffer.from('PK\u0003\u0004 not really a zip')), { path: 'notice.odt' }))).toBe('unsupported_format');
  });

  test('a seed PDF cut short is invalid_pdf or, where pdfjs recovers whole pages, read in part', async () => {
    const whole = seedBytes(`${SEED}.pdf`);
    const wholeText = allText(await extract(whole, { path: 'whole.pdf' }));
    const codes = new Set<string>();
    for (const fraction of [0.002, 0.05, 0.25, 0.5, 0.75, 0.98]) {
      const cut = whole.subarray(0, Math.max(16, Math.floor(whole.length * fraction)));
      const result = await extract(cut, { path: 'cut.pdf' });
      codes.add(codeOf(result));
      expect(['invalid_pdf', 'no_text_layer', 'ok']).toContain(codeOf(result));
      // What is recovered is the document's own text, never garbage.
      if (result.ok) expect(wholeText).toContain(allText(result).slice(0, 200));
    }
    // Cut before the first page's content, nothing can be read.
    expect(codeOf(await extract(whole.subarray(0, 400), { path: 'cut.pdf' }))).toBe('invalid_pdf');
    expect(codes.has('invalid_pdf')).toBe(true);
  });

  test('a broken cross-reference table is rebuilt: the text is the same', async () => {
    const whole = seedBytes(`${SEED}.pdf`);
    const broken = brokenXref(whole);
    expect(Buffer.compare(broken, Buffer.from(whole))).not.toBe(0);
    expect(allText(await extract(new Uint8Array(broken), { path: 'xref.pdf' }))).toBe(allText(await extract(whole, { path: 'whole.pdf' })));
  });

  test('a PDF signature with nothing recoverable behind it is invalid_pdf', async () => {
    expect(codeOf(await extract(new Uint8Array(hollowPdf()), { path: 'hollow.pdf' }))).toBe('invalid_pdf');
  });

  test('a user password is encrypted; an owner password alone is read', async () => {
    const input = join(SEEDS, `${SEED}.pdf`);
    const locked = join(temp.dir, 'user.pdf');
    const ownerOnly = join(temp.dir, 'owner.pdf');
    encryptPdf(input, locked, 'user-secret', 'owner-secret');
    encryptPdf(input, ownerOnly, '', 'owner-secret');
    const lockedResult = await extract(new Uint8Array(readFileSync(locked)), { path: locked });
    expect(codeOf(lockedResult)).toBe('encrypted');
    expect(allText(await extract(new Uint8Array(readFileSync(ownerOnly)), { path: ownerOnly }))).toBe(allText(await extract(seedBytes(`${SEED}.pdf`), { path: input })));
  });

  test('a scan without a text layer is no_text_layer when OCR is off', async () => {
    const scan = await scannedCopy(join(SEEDS, `${SEED}.pdf`), 100);
    const result = await extract(scan, { path: 'scan.pdf', ocr: 'never' });
    expect(codeOf(result)).toBe('no_text_layer');
    if (!result.ok) expect(result.error.message).toMatch(/OCR is off/);
  });

  test('a PDF whose only page is blank is no_text_layer, without starting OCR', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    const started = Date.now();
    const result = await extract(await doc.save(), { path: 'blank.pdf' });
    expect(codeOf(result)).toBe('no_text_layer');
    if (!result.ok) expect(result.error.message).toMatch(/no images/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
