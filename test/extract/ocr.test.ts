/**
 * OCR of pages without a text layer: scans made by the test (seed pages rendered by pdftoppm and
 * placed back as images), read by tesseract with the packaged English model. The same through
 * the whole pipeline is in ./ocr-pipeline.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Line } from 'tesseract.js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { extract } from '../../src/extract/index.js';
import { matchMarkerCase, placedFromOcr } from '../../src/extract/ocr.js';
import type { Extracted } from '../../src/extract/types.js';
import { normalise } from '../../src/normalise/index.js';
import type { Result } from '../../src/record.js';
import { scannedCopy, SEEDS } from '../helpers/hostile.js';

jest.setTimeout(180_000);

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** The share of `expected`'s words found by `actual`, counted with multiplicity. */
function wordRecall(expected: string, actual: string): number {
  const found = new Map<string, number>();
  for (const word of words(actual)) found.set(word, (found.get(word) ?? 0) + 1);
  const all = words(expected);
  let hits = 0;
  for (const word of all) {
    const left = found.get(word) ?? 0;
    if (left > 0) {
      hits++;
      found.set(word, left - 1);
    }
  }
  return hits / all.length;
}

function textOf(result: Result<Extracted>): string {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return normalise(result.value).text;
}

describe('placedFromOcr', () => {
  const word = (text: string, x0: number, x1: number) => ({ text, bbox: { x0, y0: 100, x1, y1: 140 } });
  const line = (wordsOnLine: ReturnType<typeof word>[]) =>
    ({
      text: wordsOnLine.map((w) => w.text).join(' '),
      words: wordsOnLine,
      bbox: { x0: wordsOnLine[0].bbox.x0, y0: 100, x1: wordsOnLine[wordsOnLine.length - 1].bbox.x1, y1: 140 },
      baseline: { x0: 0, y0: 132, x1: 0, y1: 132 },
      rowAttributes: { rowHeight: 48, ascenders: 10, descenders: 10 },
    }) as unknown as Line;

  test('converts pixels to points and merges words at word spacing into one piece', () => {
    // At scale 4 (288 dpi), a 48 px row is a 12 pt font; a 10 px gap is 2.5 pt, a word space.
    const pieces = placedFromOcr(line([word('Report', 400, 600), word('author', 610, 800)]), 4);
    expect(pieces).toEqual([{ text: 'Report author', x: 100, right: 200, baseline: 33, fontSize: 12, fontName: 'ocr' }]);
  });

  test('keeps a table column, a gap of several ems, as a separate piece', () => {
    const pieces = placedFromOcr(line([word('Ward', 400, 560), word('All', 1600, 1700), word('wards', 1712, 1900)]), 4);
    expect(pieces.map((piece) => [piece.text, piece.x])).toEqual([
      ['Ward', 100],
      ['All wards', 400],
    ]);
  });

  test('skips empty words', () => {
    expect(placedFromOcr(line([word(' ', 400, 410)]), 4)).toEqual([]);
  });
});

describe('matchMarkerCase', () => {
  const lines = (texts: string[]) =>
    texts.map((text) => ({ text, geometry: { top: 0, left: 0, right: 100, fontSize: 12, fontName: 'ocr', runs: [{ text, x: 0, right: 100 }] } }));
  const texts = (result: ReturnType<typeof lines>) => result.map((line) => [line.text, line.geometry.runs[0].text]);

  test('lower-cases an ambiguous capital marker among lower-case markers, in text and runs', () => {
    const fixed = matchMarkerCase(lines(['- a. first', '- b. second', '- C. third', '(d) fourth', 'S. sixth', 'Council of Barchester']));
    expect(texts(fixed as ReturnType<typeof lines>)).toEqual([
      ['- a. first', '- a. first'],
      ['- b. second', '- b. second'],
      ['- c. third', '- c. third'],
      ['(d) fourth', '(d) fourth'],
      ['s. sixth', 's. sixth'],
      ['Council of Barchester', 'Council of Barchester'],
    ]);
  });

  test('leaves capital markers alone where the page uses capitals, and non-ambiguous letters always', () => {
    const input = ['A. Scope', 'B. Terms', 'C. Review', 'D. Failure'];
    expect(matchMarkerCase(lines(input)).map((line) => line.text)).toEqual(input);
    const mixed = ['a. one', 'b. two', 'E. three'];
    expect(matchMarkerCase(lines(mixed)).map((line) => line.text)).toEqual(mixed);
  });
});

describe('OCR of scanned PDFs', () => {
  test('--ocr auto reads every page of a scanned notice: its words, with geometry, page by page', async () => {
    const seed = 'newham-notice-2019';
    const scan = await scannedCopy(join(SEEDS, `${seed}.pdf`), 200);
    const result = await extract(scan, { path: 'scan.pdf' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.ocrPages).toEqual(result.value.pages.map((page) => page.page));
    expect(result.value.pages.length).toBeGreaterThan(1);
    for (const page of result.value.pages) {
      expect(page.lines.length).toBeGreaterThan(5);
      for (const line of page.lines) {
        expect(line.geometry).toBeDefined();
        expect(line.geometry!.top).toBeGreaterThan(0);
        expect(line.geometry!.top).toBeLessThanOrEqual(page.height!);
        expect(line.geometry!.right).toBeLessThanOrEqual(page.width!);
      }
    }
    const recall = wordRecall(readFileSync(join(SEEDS, `${seed}.txt`), 'utf8'), textOf(result));
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  test('--ocr auto reads only the scanned page of a mixed PDF; --ocr always reads every page', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText('The Council of Barchester shall report every quarter.', { x: 72, y: 760, size: 12, font });
    const scanned = await PDFDocument.load(await scannedCopy(join(SEEDS, 'havering-press-release-2024.pdf'), 200));
    const [scanPage] = await doc.copyPages(scanned, [0]);
    doc.addPage(scanPage);
    const bytes = await doc.save();

    const auto = await extract(bytes, { path: 'mixed.pdf' });
    if (!auto.ok) throw new Error(auto.error.message);
    expect(auto.value.ocrPages).toEqual([2]);
    expect(auto.value.pages[0].lines.map((line) => line.text)).toEqual(['The Council of Barchester shall report every quarter.']);
    expect(words(auto.value.pages[1].lines.map((line) => line.text).join(' ')).length).toBeGreaterThan(50);

    const always = await extract(bytes, { path: 'mixed.pdf', ocr: 'always' });
    if (!always.ok) throw new Error(always.error.message);
    expect(always.value.ocrPages).toEqual([1, 2]);
    expect(always.value.pages[0].lines.map((line) => line.text).join(' ')).toMatch(/Council of Barchester shall report every quarter/);
  });

  test('a time limit stops OCR with timeout, promptly', async () => {
    const scan = await scannedCopy(join(SEEDS, 'harrow-notice-2025.pdf'), 200);
    const started = Date.now();
    const result = await extract(scan, { path: 'scan.pdf', timeoutMs: 1500 });
    expect(result.ok ? 'ok' : result.error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(4000);
  });
});
