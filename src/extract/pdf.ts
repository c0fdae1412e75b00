/**
 * PDF through pdfjs-dist: text items grouped into lines by baseline, with the geometry the
 * normaliser needs. pdfjs's exceptions become coded errors here.
 */
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { fail, ok, type ErrorCode, type Result } from '../record.js';
import type { ExtractedLine, ExtractedPage, Extracted, TextRun } from './types.js';

export interface PdfOptions {
  /** Refuse documents with more pages than this. */
  maxPages?: number;
}

interface PlacedItem {
  text: string;
  x: number;
  right: number;
  baseline: number;
  fontSize: number;
  fontName: string;
}

function errorCode(error: unknown): { code: ErrorCode; message: string } {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException') return { code: 'encrypted', message: 'the PDF is encrypted and needs a password' };
  if (name === 'InvalidPDFException') return { code: 'invalid_pdf', message: `the PDF is damaged: ${message}` };
  return { code: 'invalid_pdf', message: `the PDF cannot be read: ${message}` };
}

/** Items on one baseline (within a third of the font size) form a line, left to right. */
function groupLines(items: PlacedItem[]): ExtractedLine[] {
  const sorted = [...items].sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: PlacedItem[][] = [];
  for (const item of sorted) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0].baseline - item.baseline) <= Math.max(1, group[0].fontSize / 3)) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    const inLine = group.sort((a, b) => a.x - b.x);
    const runs: TextRun[] = inLine.map((item) => ({ text: item.text, x: item.x, right: item.right }));
    let text = '';
    let previousRight: number | null = null;
    for (const item of inLine) {
      const gap = previousRight === null ? 0 : item.x - previousRight;
      if (previousRight !== null && gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      previousRight = item.right;
    }
    const fontSize = Math.max(...inLine.map((item) => item.fontSize));
    return {
      text,
      geometry: {
        top: inLine[0].baseline,
        left: inLine[0].x,
        right: Math.max(...inLine.map((item) => item.right)),
        fontSize,
        fontName: inLine[0].fontName,
        runs,
      },
    };
  });
}

async function readPage(doc: PDFDocumentProxy, pageNumber: number): Promise<ExtractedPage> {
  const page = await doc.getPage(pageNumber);
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PlacedItem[] = [];
    for (const raw of content.items) {
      const item = raw as TextItem;
      if (typeof item.str !== 'string' || item.str.trim() === '') continue;
      const [a, b, , , e, f] = item.transform;
      const fontSize = Math.hypot(a, b) || item.height || 1;
      // Page coordinates have y upwards from the bottom; lines are ordered from the top.
      items.push({ text: item.str, x: e, right: e + item.width, baseline: viewport.height - f, fontSize, fontName: item.fontName });
    }
    return { page: pageNumber, width: viewport.width, height: viewport.height, lines: groupLines(items) };
  } finally {
    page.cleanup();
  }
}

export async function openPdf(bytes: Uint8Array): Promise<Result<PDFDocumentProxy>> {
  try {
    // pdfjs may detach the buffer it is given: hand it a copy.
    const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
    return ok(doc);
  } catch (error) {
    const { code, message } = errorCode(error);
    return fail(code, message);
  }
}

export async function extractPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<Result<Extracted>> {
  const opened = await openPdf(bytes);
  if (!opened.ok) return opened;
  const doc = opened.value;
  try {
    if (doc.numPages === 0) return fail('invalid_pdf', 'the PDF has no pages');
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      return fail('too_many_pages', `the PDF has ${doc.numPages} pages, more than the limit of ${options.maxPages}`);
    }
    const pages: ExtractedPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(doc, n));
    return ok({ format: 'pdf', pages, ocrPages: [] });
  } catch (error) {
    const { code, message } = errorCode(error);
    return fail(code, message);
  } finally {
    await doc.destroy();
  }
}
