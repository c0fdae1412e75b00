/**
 * What the extract stage hands to the normaliser: pages of lines. PDF lines carry their
 * geometry (PDF points, y measured from the page top) so the normaliser can tell paragraph
 * breaks, indents, running headers and table columns apart; text lines carry none.
 */
import type { SourceFormat } from '../record.js';

/** A run of text at one horizontal position on a line (a table cell is one or more runs). */
export interface TextRun {
  text: string;
  x: number;
  right: number;
}

export interface LineGeometry {
  /** Distance of the baseline from the top of the page. */
  top: number;
  left: number;
  right: number;
  fontSize: number;
  fontName: string;
  /** Runs separated by a horizontal gap wider than a word space: candidate table cells. */
  runs: TextRun[];
}

export interface ExtractedLine {
  text: string;
  geometry?: LineGeometry;
}

export interface ExtractedPage {
  page: number;
  width?: number;
  height?: number;
  lines: ExtractedLine[];
}

export interface Extracted {
  format: SourceFormat;
  pages: ExtractedPage[];
  /** Pages read by OCR because they had no text layer. */
  ocrPages: number[];
  /** Who published the document, where the format names it apart from the text: a web page's site. */
  publisher?: string;
}

/** The limits on the formats that are markup: HTML pages and Word files. */
export interface MarkupOptions {
  /** Refuse documents whose text runs to more characters than this. */
  maxTextChars?: number;
  /** Refuse a page, or a Word file's document part, with more markup than this, before parsing it. */
  maxMarkupBytes?: number;
}
