/**
 * The extract stage: bytes to pages of lines. The format is told by content (`%PDF-` near the
 * start), not by name alone: a `.pdf` without the signature is `not_a_pdf`.
 */
import { extname } from 'node:path';
import { fail, type Result } from '../record.js';
import { extractPdf, type PdfOptions } from './pdf.js';
import { extractText } from './text.js';
import type { Extracted } from './types.js';

export type { Extracted, ExtractedLine, ExtractedPage, LineGeometry, TextRun } from './types.js';

export interface ExtractOptions extends PdfOptions {
  /** The file's name, for its extension. */
  path?: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '']);

function hasPdfSignature(bytes: Uint8Array): boolean {
  // The signature may follow a little junk (some producers prepend bytes); readers allow 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

export async function extract(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Result<Extracted>> {
  if (bytes.length === 0) return fail('empty_file', 'the file is empty');
  const extension = extname(options.path ?? '').toLowerCase();
  if (hasPdfSignature(bytes)) {
    const extracted = await extractPdf(bytes, options);
    if (!extracted.ok) return extracted;
    const textless = extracted.value.pages.every((page) => page.lines.length === 0);
    if (textless) return fail('no_text_layer', `the PDF has ${extracted.value.pages.length} page(s) but no text layer (scanned?)`);
    return extracted;
  }
  if (extension === '.pdf') return fail('not_a_pdf', 'the file is named .pdf but is not a PDF');
  if (!TEXT_EXTENSIONS.has(extension)) return fail('unsupported_format', `files of type ${extension} are not read`);
  return extractText(bytes);
}
