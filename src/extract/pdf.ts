/**
 * PDF through pdfjs-dist: text items grouped into lines by baseline, with the geometry the
 * normaliser needs; pages without a text layer read by OCR (`./ocr.ts`); limits on pages,
 * text size and compressed streams. pdfjs's exceptions become coded errors here.
 */
import { constants, inflateSync } from 'node:zlib';
import { getDocument, pdfWorker, type PDFDocumentProxy, type PDFPageProxy, type TextItem } from './pdfjs.js';
import { DEFAULT_MAX_PAGES, DEFAULT_MAX_STREAM_BYTES, DEFAULT_MAX_TEXT_CHARS } from '../limits.js';
import { fail, ok, type ErrorCode, type Result } from '../record.js';
import { groupLines, type PlacedItem } from './lines.js';
import { createOcrReader, paintsImages } from './ocr.js';
import type { ExtractedPage, Extracted } from './types.js';

export type OcrMode = 'auto' | 'always' | 'never';

export interface PdfOptions {
  /** Refuse documents with more pages than this. */
  maxPages?: number;
  /** Refuse documents whose text runs to more characters than this. */
  maxTextChars?: number;
  /** Refuse documents with a compressed stream that inflates to more bytes than this (see `checkStreams`). */
  maxStreamBytes?: number;
  /**
   * `auto`: OCR the pages that have no text layer but paint an image (a scan); `always`: OCR
   * every page, ignoring the text layer; `never`: no OCR, so a scan is `no_text_layer`.
   */
  ocr?: OcrMode;
  /** Stops the work: pdfjs is destroyed and the OCR worker terminated. */
  signal?: AbortSignal;
}


/**
 * A guard against compression bombs, run before pdfjs sees the file: pdfjs inflates a content
 * stream whole, so a few hundred kilobytes of Flate data can demand gigabytes. Every Flate
 * stream is inflated here under a byte budget: images each get the whole budget (they are
 * decoded one at a time, and only for OCR), all other streams share it (a page's content
 * streams are parsed together). Streams that do not inflate (damaged, encrypted) are left to
 * pdfjs.
 */
const DEFLATE_MAX_RATIO = 1032;

export function checkStreams(bytes: Uint8Array, budget: number): Result<void> {
  // Deflate expands at most 1032-fold: a file too small to reach the budget that way cannot
  // hold a bomb, and most notices are that small, so they skip the inflating.
  if (bytes.length * DEFLATE_MAX_RATIO <= budget) return ok(undefined);
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const source = raw.toString('latin1');
  let shared = budget;
  for (const match of source.matchAll(/(?<!end)stream\r?\n/g)) {
    const dictionaryStart = source.lastIndexOf(' obj', match.index);
    const dictionary = source.slice(Math.max(dictionaryStart, match.index - 4096, 0), match.index);
    if (!/\/FlateDecode\b/.test(dictionary)) continue;
    const dataStart = match.index + match[0].length;
    const dataEnd = source.indexOf('endstream', dataStart);
    const data = raw.subarray(dataStart, dataEnd < 0 ? raw.length : dataEnd);
    const image = /\/Subtype\s*\/Image\b/.test(dictionary);
    const allowance = image ? budget : shared;
    let size: number;
    try {
      size = inflateSync(data, { maxOutputLength: allowance + 1, finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') size = allowance + 1;
      else continue;
    }
    if (size > allowance) {
      return fail('too_large', `a compressed stream of ${data.length} bytes inflates past the limit of ${budget} bytes (a compression bomb?)`);
    }
    if (!image) shared -= size;
  }
  return ok(undefined);
}

function errorCode(error: unknown): { code: ErrorCode; message: string } {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException') return { code: 'encrypted', message: 'the PDF is encrypted and needs a password' };
  if (name === 'InvalidPDFException') return { code: 'invalid_pdf', message: `the PDF is damaged: ${message}` };
  return { code: 'invalid_pdf', message: `the PDF cannot be read: ${message}` };
}

async function readPage(page: PDFPageProxy): Promise<ExtractedPage> {
  const viewport = page.getViewport({ scale: 1 });
  // Ligatures and compatibility forms are mapped by the normaliser, for text files too.
  const content = await page.getTextContent({ disableNormalization: true });
  const items: PlacedItem[] = [];
  for (const raw of content.items) {
    const item = raw as TextItem;
    if (typeof item.str !== 'string' || item.str.trim() === '') continue;
    const [a, b, , , e, f] = item.transform;
    const fontSize = Math.hypot(a, b) || item.height || 1;
    // Page coordinates have y upwards from the bottom; lines are ordered from the top.
    items.push({ text: item.str, x: e, right: e + item.width, baseline: viewport.height - f, fontSize, fontName: item.fontName });
  }
  return { page: page.pageNumber, width: viewport.width, height: viewport.height, lines: groupLines(items) };
}

export async function openPdf(bytes: Uint8Array): Promise<Result<PDFDocumentProxy>> {
  try {
    // pdfjs may detach the buffer it is given: hand it a copy. Font faces are never needed in
    // Node (glyphs are drawn as paths when a page is rendered for OCR), and loading them costs
    // a quarter of the parse.
    const doc = await getDocument({
      worker: pdfWorker(),
      data: new Uint8Array(bytes),
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
    }).promise;
    return ok(doc);
  } catch (error) {
    const { code, message } = errorCode(error);
    return fail(code, message);
  }
}

function isReadable(page: ExtractedPage): boolean {
  return page.lines.some((line) => line.text.trim() !== '');
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Result<Extracted>> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const maxTextChars = options.maxTextChars ?? DEFAULT_MAX_TEXT_CHARS;
  const ocrMode = options.ocr ?? 'auto';
  const streams = checkStreams(bytes, options.maxStreamBytes ?? DEFAULT_MAX_STREAM_BYTES);
  if (!streams.ok) return streams;
  const opened = await openPdf(bytes);
  if (!opened.ok) return opened;
  const doc = opened.value;
  const ocr = createOcrReader();
  const stop = () => {
    void doc.destroy();
    void ocr.close();
  };
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    if (options.signal?.aborted) return fail('timeout', 'the time limit ran out');
    if (doc.numPages === 0) return fail('invalid_pdf', 'the PDF has no pages');
    if (doc.numPages > maxPages) {
      return fail('too_many_pages', `the PDF has ${doc.numPages} pages, more than the limit of ${maxPages}`);
    }
    const pages: ExtractedPage[] = [];
    const ocrPages: number[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      // pdfjs answers through promises alone, which never let a timer run: yield to the event
      // loop once a page so that a time limit can fire.
      if (options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) return fail('timeout', 'the time limit ran out');
      const page = await doc.getPage(n);
      try {
        let extracted = ocrMode === 'always' ? null : await readPage(page);
        if (extracted === null || (ocrMode === 'auto' && !isReadable(extracted) && (await paintsImages(page)))) {
          try {
            extracted = await ocr.read(doc, page);
          } catch (error) {
            if (options.signal?.aborted) return fail('timeout', 'the time limit ran out');
            return fail('ocr_failed', `OCR of page ${n} failed: ${(error as Error)?.message ?? String(error)}`);
          }
          ocrPages.push(n);
        }
        characters += extracted.lines.reduce((sum, line) => sum + line.text.length + 1, 0);
        if (characters > maxTextChars) {
          return fail('text_too_large', `the text runs past the limit of ${maxTextChars} characters by page ${n}`);
        }
        pages.push(extracted);
      } finally {
        page.cleanup();
      }
    }
    if (!pages.some(isReadable)) {
      const reason = ocrMode === 'never' ? 'and OCR is off' : ocrPages.length > 0 ? 'and OCR found no text' : 'and no images to read';
      return fail('no_text_layer', `the PDF has ${pages.length} page(s) but no text layer (scanned?), ${reason}`);
    }
    return ok({ format: 'pdf', pages, ocrPages });
  } catch (error) {
    if (options.signal?.aborted) return fail('timeout', 'the time limit ran out');
    const { code, message } = errorCode(error);
    return fail(code, message);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await ocr.close();
    await doc.destroy();
  }
}
