/**
 * The normalise stage: from extracted pages to the one normalised text every offset points
 * into (see docs/ARCHITECTURE.md, "The normalised text").
 */
import type { Extracted, ExtractedLine } from '../extract/types.js';
import type { PageRange, Span } from '../record.js';
import { foldSpaces, normaliseCharacters } from './characters.js';
import { documentWords, joinHyphenated, type HyphenContext } from './hyphenation.js';
import { continuesAcrossPages, reflowPage, type Paragraph } from './reflow.js';
import { removeRunningLines } from './running-lines.js';
import { alignedRows, keyValueRows } from './tables.js';
import { fillWidth, singleSpaced, unwrapFilled } from './wrapped.js';

export interface NormalisedDocument {
  text: string;
  pages: PageRange[];
  /** The publisher the extract stage found apart from the text (a web page's site), for the councils recogniser. */
  publisher?: string;
}

function cleanLine(text: string): string {
  return foldSpaces(normaliseCharacters(text));
}

/** Plain text: every non-blank line is a paragraph already; each blank line above it is one more line of space. */
function textParagraphs(page: number, lines: string[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let gapBefore = Infinity;
  for (const text of lines) {
    if (text === '') {
      gapBefore++;
      continue;
    }
    paragraphs.push({ text, page, lines: [text], gapBefore });
    gapBefore = 1;
  }
  return paragraphs;
}

/** Joins a paragraph's lines; `lineStarts[i]` is where line i begins in the joined text. */
function joinLines(lines: string[], context: HyphenContext): { text: string; lineStarts: number[] } {
  let text = lines[0] ?? '';
  const lineStarts = [0];
  for (const line of lines.slice(1)) {
    const hyphenJoin = joinHyphenated(text, line, context);
    text = hyphenJoin ?? `${text} ${line}`;
    lineStarts.push(text.length - line.length);
  }
  return { text, lineStarts };
}

/**
 * A plain-text page's lines as paragraphs, read before spaces are folded (they are its layout):
 * space-aligned tables become `key<TAB>value` rows, lines filled to the text's width are joined.
 */
function textLines(rows: readonly string[], width: number | null): ExtractedLine[] {
  return unwrapFilled(rows, width).map((text) => ({ text }));
}

export function normalise(extracted: Extracted): NormalisedDocument {
  const withoutRunningLines = removeRunningLines(extracted.pages);
  // Plain-text pages' characters, normalised once: the fill width is the whole text's.
  // Space-aligned tables become TAB rows first, so that the fill width is the prose's, not a wide table's.
  const plainLines = withoutRunningLines.map((page) =>
    page.lines.some((line) => line.geometry) ? null : alignedRows(singleSpaced(page.lines.map((line) => normaliseCharacters(line.text)))),
  );
  const width = fillWidth(plainLines.flatMap((lines) => lines ?? []));
  const pages = withoutRunningLines.map((page, i) => ({
    ...page,
    lines: (plainLines[i] ? textLines(plainLines[i], width) : page.lines).map((line) => ({
      ...line,
      text: cleanLine(line.text),
      geometry: line.geometry && {
        ...line.geometry,
        runs: line.geometry.runs.map((run) => ({ ...run, text: cleanLine(run.text) })),
      },
    })),
  }));
  const context: HyphenContext = { documentWords: documentWords(pages.flatMap((page) => page.lines.map((line) => line.text))) };

  const paragraphs: Paragraph[] = [];
  for (const page of pages) {
    const hasGeometry = page.lines.some((line) => line.geometry);
    const pageParagraphs = hasGeometry ? reflowPage(page.page, page.lines) : textParagraphs(page.page, page.lines.map((line) => line.text));
    const pageRight = Math.max(0, ...page.lines.map((line) => line.geometry?.right ?? 0));
    const previous = paragraphs[paragraphs.length - 1];
    const first = pageParagraphs[0];
    if (previous && first && continuesAcrossPages(previous, first, pageRight)) {
      previous.pageBreaks = [...(previous.pageBreaks ?? []), { line: previous.lines.length, page: page.page }];
      previous.lines.push(...first.lines);
      previous.last = first.last;
      pageParagraphs.shift();
    }
    paragraphs.push(...pageParagraphs);
  }

  // A wrapped table cell is joined like any paragraph's lines, hyphens and all.
  const joined = paragraphs.map((paragraph) =>
    paragraph.row ? { text: `${joinLines(paragraph.row.key, context).text}\t${joinLines(paragraph.row.value, context).text}`, lineStarts: [0] } : joinLines(paragraph.lines, context),
  );
  const rows = keyValueRows(
    joined.map((paragraph) => paragraph.text),
    paragraphs.map((paragraph) => paragraph.gapBefore),
  );
  let text = '';
  const starts = new Map<number, number>();
  paragraphs.forEach((paragraph, i) => {
    if (text !== '') text += '\n';
    if (!starts.has(paragraph.page)) starts.set(paragraph.page, text.length);
    const written = rows[i] ?? joined[i].text;
    for (const pageBreak of paragraph.pageBreaks ?? []) {
      if (!starts.has(pageBreak.page)) starts.set(pageBreak.page, text.length + Math.min(joined[i].lineStarts[pageBreak.line], written.length));
    }
    text += written;
  });

  // A page runs to where the next one starts; a page with no text is empty where the next
  // page's text begins.
  const ranges: PageRange[] = [];
  let next = text.length;
  for (const page of [...extracted.pages].reverse()) {
    const start = Math.min(starts.get(page.page) ?? next, next);
    ranges.unshift({ page: page.page, start, end: next });
    next = start;
  }
  return { text, pages: ranges, ...(extracted.publisher && { publisher: extracted.publisher }) };
}

export interface Line {
  text: string;
  start: number;
  end: number;
}

/** The lines of a normalised text (one paragraph each) with their offsets. */
export function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ text: line, start, end: start + line.length });
    start += line.length + 1;
  }
  return lines;
}

/** The 1-based page an offset of the normalised text falls on. */
export function pageAt(doc: NormalisedDocument, offset: number): number {
  for (let i = doc.pages.length - 1; i >= 0; i--) {
    if (offset >= doc.pages[i].start) return doc.pages[i].page;
  }
  return doc.pages[0]?.page ?? 1;
}

export function spanOf(doc: NormalisedDocument, start: number, end: number): Span {
  return { page: pageAt(doc, start), start, end };
}

export { endsMidPhrase, endsSentence, foldWhiteSpace } from './characters.js';
