/**
 * From a PDF page's lines to paragraphs and table rows, by geometry.
 *
 * - Paragraphs: a new paragraph starts where the gap above a line is clearly wider than the
 *   page's ordinary line spacing, where the font size changes, or where a list marker starts
 *   a line at a new indent.
 * - Tables of two columns (the cabinet report's header, a grade table): a column is an x
 *   position where several lines have text starting, away from the left margin. Within a run
 *   of such lines, text left of the column is the key, text right of it the value; a row goes
 *   on while the lines are set at ordinary line spacing, so wrapped cells are joined.
 */
import type { ExtractedLine, LineGeometry } from '../extract/types.js';
import { endsSentence } from './characters.js';
import { isListLabel, LIST_MARKER } from './markers.js';
import { isKeyValueLine } from './tables.js';

export interface Paragraph {
  text: string;
  page: number;
  /** Geometry of the paragraph's first and last line (absent for plain text). */
  first?: LineGeometry;
  last?: LineGeometry;
  /** A table row's cells, each as its lines (joined with a tab, never merged with a neighbour). */
  row?: { key: string[]; value: string[] };
  /** The paragraph's lines, for hyphen joins. */
  lines: string[];
  /** The space above the paragraph, in lines: 1 for a line directly above, more for a gap or blank line; Infinity at a page's top. */
  gapBefore: number;
  /** Where the paragraph runs onto a new page: the index of the page's first line. */
  pageBreaks?: Array<{ line: number; page: number }>;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The ordinary distance between consecutive lines of one paragraph on this page: the typical
 * smaller gap, but never more than single spacing allows (on a page of one-line paragraphs
 * every gap is a paragraph gap).
 */
function lineSpacing(lines: LineGeometry[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i].top - lines[i - 1].top;
    if (gap > 0 && gap < lines[i].fontSize * 3) gaps.push(gap);
  }
  const fontSize = median(lines.map((line) => line.fontSize)) ?? 12;
  const sorted = gaps.sort((a, b) => a - b);
  const lower = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 2)));
  return Math.min(median(lower) ?? Infinity, fontSize * 1.35);
}

/**
 * Whether a run at a known column opens a cell: it follows a gap wider than justified word
 * spacing, abuts the end of the run before it (a cell filled to its edge), or starts the line.
 */
function opensCell(line: LineGeometry, index: number): boolean {
  if (index === 0) return true;
  const gap = line.runs[index].x - line.runs[index - 1].right;
  return gap >= line.fontSize * 0.9 || Math.abs(gap) < 0.5;
}

/** Whether the runs before `index` are only a list label: the label of a list item set before a tab, not a table's key cell. */
function afterListLabel(line: LineGeometry, index: number): boolean {
  return index > 0 && isListLabel(line.runs.slice(0, index).map((run) => run.text).join(' '));
}

/** x positions (to the point) where a second cell opens on at least three lines. */
function columnStarts(lines: LineGeometry[]): number[] {
  const margin = Math.min(...lines.map((line) => line.left));
  const counts = new Map<number, number>();
  for (const line of lines) {
    const seen = new Set<number>();
    line.runs.forEach((run, index) => {
      const x = Math.round(run.x);
      // Only a cell after a wide gap founds a column; an indented line alone is not a table.
      if (index === 0 || x - margin < 40 || seen.has(x) || afterListLabel(line, index)) return;
      if (run.x - line.runs[index - 1].right < line.fontSize * 1.5) return;
      seen.add(x);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    });
  }
  return [...counts.entries()].filter(([, count]) => count >= 3).map(([x]) => x);
}

/** The column this line's value cell opens at, if the line is a table line. */
function columnOf(line: LineGeometry, columns: number[]): number | null {
  for (const [index, run] of line.runs.entries()) {
    const column = columns.find((c) => Math.abs(c - run.x) <= 1);
    if (column !== undefined && opensCell(line, index) && !afterListLabel(line, index)) return column;
  }
  return null;
}

function splitAt(line: LineGeometry, column: number): { key: string; value: string } {
  const key: string[] = [];
  const value: string[] = [];
  for (const run of line.runs) (run.x >= column - 1 ? value : key).push(run.text);
  return { key: key.join(' ').replace(/\s+/g, ' ').trim(), value: value.join(' ').replace(/\s+/g, ' ').trim() };
}

interface RowBuilder {
  keyLines: string[];
  valueLines: string[];
  first: LineGeometry;
  last: LineGeometry;
  gapBefore: number;
}

export function reflowPage(page: number, lines: ExtractedLine[]): Paragraph[] {
  const placed = lines.filter((line): line is ExtractedLine & { geometry: LineGeometry } => !!line.geometry && line.text.trim() !== '');
  if (placed.length === 0) return [];
  const geometry = placed.map((line) => line.geometry);
  const spacing = lineSpacing(geometry);
  const columns = columnStarts(geometry);
  const paragraphs: Paragraph[] = [];
  let row: RowBuilder | null = null;

  const flushRow = () => {
    if (!row) return;
    const text = `${row.keyLines.join(' ')}\t${row.valueLines.join(' ')}`;
    paragraphs.push({ text, page, first: row.first, last: row.last, row: { key: row.keyLines, value: row.valueLines }, lines: [text], gapBefore: row.gapBefore });
    row = null;
  };

  for (let i = 0; i < placed.length; i++) {
    const line = placed[i].geometry;
    const previous = i > 0 ? placed[i - 1].geometry : null;
    const gap = previous ? line.top - previous.top : Infinity;
    const sameBlock = gap <= spacing * 1.25 && previous !== null && Math.abs(line.fontSize - previous.fontSize) < 0.5;
    const gapBefore = gap / spacing;
    const column = columnOf(line, columns);

    if (column !== null) {
      const cells = splitAt(line, column);
      // Both cells opening after more than the ordinary line spacing (a row's padding or rule)
      // is a new row; a wrapped cell goes on at the ordinary spacing.
      const newRow = cells.key !== '' && cells.value !== '' && gap > spacing + 1;
      if (row && sameBlock && !newRow) {
        if (cells.key) row.keyLines.push(cells.key);
        if (cells.value) row.valueLines.push(cells.value);
        row.last = line;
      } else {
        flushRow();
        row = { keyLines: cells.key ? [cells.key] : [], valueLines: cells.value ? [cells.value] : [], first: line, last: line, gapBefore };
      }
      continue;
    }
    if (row && sameBlock) {
      // A wrapped key cell with nothing in the value column on this line.
      row.keyLines.push(placed[i].text.trim());
      row.last = line;
      continue;
    }
    flushRow();

    const text = placed[i].text.trim();
    const current = paragraphs[paragraphs.length - 1];
    const startsList = LIST_MARKER.test(text) && previous !== null && Math.abs(line.left - previous.left) > 1;
    // `Key: value` lines set one under another are rows, each a paragraph of its own.
    const startsRow = current !== undefined && isKeyValueLine(text) && isKeyValueLine(current.lines[0]);
    const continues =
      current !== undefined && !current.row && sameBlock && !startsList && !startsRow && !(LIST_MARKER.test(text) && endsSentence(current.text));
    if (continues) {
      current.lines.push(text);
      current.last = line;
    } else {
      paragraphs.push({ text, page, first: line, last: line, lines: [text], gapBefore });
    }
  }
  flushRow();
  return paragraphs;
}


/**
 * Where a paragraph's text lines start: the indent of its wrapped lines, or on a one-line list
 * item the run after its label. A hanging indent puts this right of the paragraph's first line.
 */
function textLeft(paragraph: Paragraph): number | null {
  if (!paragraph.first || !paragraph.last) return null;
  if (paragraph.lines.length > 1) return paragraph.last.left;
  const runs = paragraph.first.runs;
  const afterLabel = runs.findIndex((_, index) => afterListLabel(paragraph.first!, index));
  return afterLabel > 0 ? runs[afterLabel].x : paragraph.first.left;
}

/**
 * Whether the page's first paragraph carries on the previous page's last one: the last line
 * ran to the margin, and the next line goes on with the sentence, starts lower-case, or stands
 * at the hanging indent of a list item's text, where no new paragraph starts.
 */
export function continuesAcrossPages(previous: Paragraph, next: Paragraph, pageRight: number): boolean {
  if (previous.row || next.row || !previous.last || !next.first || !previous.first) return false;
  const text = next.lines[0];
  if (LIST_MARKER.test(text)) return false;
  if (Math.abs(previous.last.fontSize - next.first.fontSize) >= 0.5) return false;
  // The last line ran to the margin, or the next line's first word would not have fitted on it.
  const firstWord = text.split(' ')[0];
  const firstWordWidth = ((next.first.right - next.first.left) * firstWord.length) / Math.max(1, text.length);
  const fullLine = previous.last.right >= pageRight - Math.max(previous.last.fontSize * 2, firstWordWidth + previous.last.fontSize * 0.3);
  const indent = textLeft(previous);
  const atHangingIndent = indent !== null && indent > previous.first.left + 1 && Math.abs(next.first.left - indent) < 1;
  return fullLine && (atHangingIndent || !endsSentence(previous.lines[previous.lines.length - 1]) || /^[a-z]/.test(text));
}
