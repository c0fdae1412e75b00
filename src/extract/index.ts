/**
 * The extract stage: bytes to pages of lines. The format is told by content (`%PDF-` near the
 * start), not by name alone: a `.pdf` without the signature is `not_a_pdf`.
 */
import { extname } from 'node:path';
import { fail, type Result } from '../record.js';
import { extractPdf, type PdfOptions } from './pdf.js';
import { extractText } from './text.js';
import type { Extracted, MarkupOptions } from './types.js';

export type { Extracted, ExtractedLine, ExtractedPage, LineGeometry, TextRun } from './types.js';

export { type OcrMode } from './pdf.js';

export interface ExtractOptions extends Omit<PdfOptions, 'signal'>, MarkupOptions {
  /** The file's name, for its extension. */
  path?: string;
  /**
   * Give up after this long with `timeout`. The deadline is kept while the event loop turns:
   * OCR (in its worker thread) and pdfjs between pages stop at once; a single synchronous
   * parse cannot be pre-empted, so a hard bound needs a worker thread around the call.
   */
  timeoutMs?: number;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
/** Word files: .docm and .doc are read only to say why they are not read (macros; the older format). */
const DOCX_EXTENSIONS = new Set(['.docx', '.docm', '.doc']);

function hasPdfSignature(bytes: Uint8Array): boolean {
  // The signature may follow a little junk (some producers prepend bytes); readers allow 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

async function extractWithin(bytes: Uint8Array, options: ExtractOptions, signal?: AbortSignal): Promise<Result<Extracted>> {
  if (bytes.length === 0) return fail('empty_file', 'the file is empty');
  const extension = extname(options.path ?? '').toLowerCase();
  if (hasPdfSignature(bytes)) return extractPdf(bytes, { ...options, signal });
  if (extension === '.pdf') return fail('not_a_pdf', 'the file is named .pdf but is not a PDF');
  // The web and Word readers are loaded when a page or a Word file first comes: their parsers
  // cost each worker some 28 MB and 250 ms to load, which a batch of PDFs should not pay.
  if (HTML_EXTENSIONS.has(extension)) return (await import('./html.js')).extractHtml(bytes, options);
  if (DOCX_EXTENSIONS.has(extension)) return (await import('./docx.js')).extractDocx(bytes, options);
  if (!TEXT_EXTENSIONS.has(extension)) return fail('unsupported_format', `files of type ${extension} are not read`);
  return extractText(bytes, options.maxTextChars);
}

export async function extract(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Result<Extracted>> {
  const { timeoutMs } = options;
  if (timeoutMs === undefined) return extractWithin(bytes, options);
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Result<Extracted>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(fail('timeout', `extraction took longer than ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([extractWithin(bytes, options, controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
