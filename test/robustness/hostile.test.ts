/**
 * Hostile and awkward inputs through extract(): each is refused with its own code, or read
 * correctly, within bounded time and memory, and nothing throws.
 */
import { extract } from '../../src/extract/index.js';
import { checkStreams } from '../../src/extract/pdf.js';
import { extractText } from '../../src/extract/text.js';
import type { Extracted } from '../../src/extract/types.js';
import { normalise } from '../../src/normalise/index.js';
import type { Result } from '../../src/record.js';
import {
  compressionBomb,
  deeplyNestedPdf,
  lyingPageCountPdf,
  manyPagePdf,
  onePagePdf,
  pageTreeLoopPdf,
  streamObject,
  textContent,
  utf16,
  windows1252,
  wordyPdf,
} from '../helpers/hostile.js';
import { deflateSync } from 'node:zlib';

function codeOf(result: Result<unknown>): string {
  return result.ok ? 'ok' : result.error.code;
}

function textOf(result: Result<Extracted>): string {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return normalise(result.value).text;
}

describe('PDF bombs and tricks', () => {
  test('a compression bomb (512 MB of spaces in a 500 KB stream) is too_large, fast, without inflating it all', async () => {
    const bomb = await compressionBomb(512 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const result = await extract(new Uint8Array(bomb), { path: 'bomb.pdf' });
    expect(codeOf(result)).toBe('too_large');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  });

  test('the stream budget is the option: a 2 MB stream passes a 4 MB budget and fails a 1 MB one', () => {
    const pdf = new Uint8Array(onePagePdf(streamObject('/Filter /FlateDecode', deflateSync(Buffer.alloc(2 * 1024 * 1024, 0x20)))));
    expect(codeOf(checkStreams(pdf, 4 * 1024 * 1024))).toBe('ok');
    expect(codeOf(checkStreams(pdf, 1024 * 1024))).toBe('too_large');
  });

  test('streams share the budget, images each have their own', () => {
    const half = deflateSync(Buffer.alloc(600 * 1024, 0x20));
    const twoContents = Buffer.concat([
      streamObject('/Filter /FlateDecode', half),
      Buffer.from('\nendobj\n9 0 obj\n'),
      streamObject('/Filter /FlateDecode', half),
    ]);
    expect(codeOf(checkStreams(new Uint8Array(onePagePdf(twoContents)), 1024 * 1024))).toBe('too_large');
    const twoImages = Buffer.concat([
      streamObject('/Type /XObject /Subtype /Image /Width 10 /Height 10 /Filter /FlateDecode', half),
      Buffer.from('\nendobj\n9 0 obj\n'),
      streamObject('/Type /XObject /Subtype /Image /Width 10 /Height 10 /Filter /FlateDecode', half),
    ]);
    expect(codeOf(checkStreams(new Uint8Array(onePagePdf(twoImages)), 1024 * 1024))).toBe('ok');
  });

  test('arrays nested 100,000 deep neither hang nor overflow the stack', async () => {
    const started = Date.now();
    const result = await extract(new Uint8Array(deeplyNestedPdf(100_000)), { path: 'nested.pdf' });
    expect(['ok', 'invalid_pdf', 'no_text_layer']).toContain(codeOf(result));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('a page tree claiming a billion pages is read as the one page it has', async () => {
    // pdfjs checks /Count against the kids it finds, so the lie never reaches the page limit.
    const result = await extract(new Uint8Array(lyingPageCountPdf()), { path: 'lying.pdf' });
    expect(textOf(result)).toBe('one page only');
    if (result.ok) expect(result.value.pages).toHaveLength(1);
  });

  test('a page tree that contains itself ends with a code, not a hang', async () => {
    const result = await extract(new Uint8Array(pageTreeLoopPdf()), { path: 'loop.pdf' });
    expect(['invalid_pdf', 'ok']).toContain(codeOf(result));
  });

  test('a page of 400,000 characters is text_too_large under a 200,000 limit and read under the default', async () => {
    const pdf = new Uint8Array(wordyPdf(400_000));
    expect(codeOf(await extract(pdf, { path: 'wordy.pdf', maxTextChars: 200_000 }))).toBe('text_too_large');
    const result = await extract(pdf, { path: 'wordy.pdf' });
    if (!result.ok) throw new Error(result.error.message);
    const text = result.value.pages[0].lines.map((line) => line.text).join(' ');
    expect(text.length).toBeGreaterThan(200_000);
    // Overlapping runs are joined without spaces ("iplorem"), but nothing foreign comes in.
    expect(/^[loremipsu ]+$/.test(text)).toBe(true);
  });

  test('a plain text over the text limit is text_too_large', async () => {
    const big = new Uint8Array(Buffer.from('word '.repeat(300_000)));
    expect(codeOf(await extract(big, { path: 'big.txt', maxTextChars: 1_000_000 }))).toBe('text_too_large');
    expect(codeOf(await extract(big, { path: 'big.txt' }))).toBe('ok');
  });

  test('a 500-page PDF is read whole, and refused with too_many_pages under a limit of 100', async () => {
    const pdf = await manyPagePdf(500);
    const started = Date.now();
    const result = await extract(pdf, { path: 'long.pdf' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.pages).toHaveLength(500);
    expect(result.value.pages[499].lines.map((line) => line.text)).toEqual(["Paragraph 500 of the long report on children's services."]);
    expect(Date.now() - started).toBeLessThan(30_000);
    const refused = await extract(pdf, { path: 'long.pdf', maxPages: 100 });
    expect(codeOf(refused)).toBe('too_many_pages');
    if (!refused.ok) expect(refused.error.message).toMatch(/500 pages/);
  });

  test('a time limit shorter than the work gives timeout', async () => {
    const pdf = await manyPagePdf(500);
    expect(codeOf(await extract(pdf, { path: 'long.pdf', timeoutMs: 5 }))).toBe('timeout');
  });

  test('a minimal hand-written PDF reads', async () => {
    expect(textOf(await extract(new Uint8Array(onePagePdf(textContent('Barchester Borough Council'))), { path: 'tiny.pdf' }))).toBe('Barchester Borough Council');
  });
});

describe('text encodings', () => {
  const passage = 'The Council – Barchester – shall spend £5,000 on the café’s “front door” review…';
  const expected = 'The Council – Barchester – shall spend £5,000 on the café\'s "front door" review…';

  test('Windows-1252 is decoded, not mangled', () => {
    const bytes = new Uint8Array(windows1252(passage));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(textOf(extractText(bytes))).toBe(expected);
  });

  test.each(['le', 'be'] as const)('UTF-16 %s with a byte-order mark is decoded', (endian) => {
    const bytes = new Uint8Array(utf16(`${passage}\r\nSecond line: Ōsaka, Zürich.`, endian));
    expect(textOf(extractText(bytes))).toBe(`${expected}\nSecond line: Ōsaka, Zürich.`);
  });

  test('UTF-8 with a byte-order mark loses the mark', () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(passage)]));
    expect(textOf(extractText(bytes))).toBe(expected);
  });
});
