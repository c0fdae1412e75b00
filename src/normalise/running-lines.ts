/**
 * Running headers, footers and page numbers: lines at the top or bottom of a page that belong
 * to the page, not to the document's text.
 *
 * A line is running matter when it stands first or last on its page and
 *  - reads as a page number (`Page 2 of 4`, `- 2 -`, `2/4`, `2`), or holds one set apart from
 *    its other text, as a header line with the page number in the middle does, or
 *  - recurs, digits aside, at the same end of at least half the pages (two at the least), or
 *  - (PDF) is set smaller than the body text and stands apart from it, as a header does on a
 *    document of one page.
 */
import type { ExtractedLine, ExtractedPage } from '../extract/types.js';
import { foldSpaces, normaliseCharacters } from './characters.js';

const PAGE_NUMBER = [
  /^(page|p\.?)\s*\d+(\s*(of|\/)\s*\d+)?$/i,
  /^[-\u2013\u2014]\s*\d+\s*[-\u2013\u2014]$/,
  /^\d+\s*(of|\/)\s*\d+$/i,
];

const EDGE_LINES = 2;
/** "Page 2 of 3": a page number that says so in full. */
const FULL_PAGE_NUMBER = /^page\s+\d+\s+of\s+\d+$/i;

function shape(line: ExtractedLine): string {
  return foldSpaces(normaliseCharacters(line.text)).toLowerCase().replace(/\d+/g, '#');
}

/** `pageNumber` lets a bare number count only when it is the page's own number. */
export function isPageNumber(text: string, pageNumber?: number): boolean {
  const folded = foldSpaces(text);
  if (pageNumber !== undefined && folded === String(pageNumber)) return true;
  return PAGE_NUMBER.some((pattern) => pattern.test(folded));
}

/** The font size most of the page's characters are set in. */
function bodyFontSize(pages: ExtractedPage[]): number | null {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!line.geometry) continue;
      const size = Math.round(line.geometry.fontSize * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + line.text.length);
    }
  }
  let best: number | null = null;
  for (const [size, count] of weight) if (best === null || count > (weight.get(best) ?? 0)) best = size;
  return best;
}

/** Indices of the first and last few non-blank lines of a page, each end listed from the edge inwards. */
function edgeLines(page: ExtractedPage): Array<{ index: number; end: 'top' | 'bottom' }> {
  const filled = page.lines.map((line, index) => ({ line, index })).filter(({ line }) => line.text.trim() !== '');
  const top = filled.slice(0, EDGE_LINES).map(({ index }) => ({ index, end: 'top' as const }));
  const bottom = filled
    .slice(Math.max(EDGE_LINES, filled.length - EDGE_LINES))
    .reverse()
    .map(({ index }) => ({ index, end: 'bottom' as const }));
  return [...top, ...bottom];
}

/** A small-type line set apart from its neighbour by more than two body lines. */
function isSetApart(page: ExtractedPage, index: number, end: 'top' | 'bottom', bodySize: number): boolean {
  const line = page.lines[index].geometry;
  if (!line || line.fontSize >= bodySize * 0.85) return false;
  const neighbour = page.lines[end === 'top' ? index + 1 : index - 1]?.geometry;
  if (!neighbour) return true;
  return Math.abs(neighbour.top - line.top) > bodySize * 2;
}

export function removeRunningLines(pages: ExtractedPage[]): ExtractedPage[] {
  const recurring = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const { index, end } of edgeLines(page)) {
      const key = `${end}:${shape(page.lines[index])}`;
      if (!recurring.has(key)) recurring.set(key, new Set());
      recurring.get(key)!.add(page.page);
    }
  }
  const minPages = Math.max(2, Math.ceil(pages.length / 2));
  const bodySize = bodyFontSize(pages);

  return pages.map((page) => {
    const drop = new Set<number>();
    // Peel from each end inwards: a header is only running matter while everything outside it is.
    for (const end of ['top', 'bottom'] as const) {
      // A page carries a running line once: the same words again just inside it (a report's
      // title under a header that repeats the title) are the page's own.
      const peeled = new Set<string>();
      for (const { index } of edgeLines(page).filter((edge) => edge.end === end)) {
        const line = page.lines[index];
        const key = `${end}:${shape(line)}`;
        const running =
          isPageNumber(line.text, page.page) ||
          // A header line that carries the page number in a cell of its own ("Department for Education   - 2 -").
          (line.geometry?.runs.some((run) => isPageNumber(run.text, page.page)) ?? false) ||
          (!peeled.has(key) && (recurring.get(key)?.size ?? 0) >= minPages) ||
          (bodySize !== null && isSetApart(page, index, end, bodySize));
        if (!running) break;
        peeled.add(key);
        drop.add(index);
      }
    }
    // In plain text a page break may be written as a "Page 2 of 3" line wherever the page ended:
    // a page number of that full form is never the document's text.
    page.lines.forEach((line, index) => {
      if (!line.geometry && FULL_PAGE_NUMBER.test(foldSpaces(line.text))) drop.add(index);
    });
    return { ...page, lines: page.lines.filter((_, index) => !drop.has(index)) };
  });
}
