/**
 * Metamorphic transformations of a fixture's text: each writes the same document differently
 * (line breaks, line ends, quotes, table layout, label style, heading case, blank lines, spaces
 * in dates), so the pipeline must give the same record for it, spans aside.
 *
 * Every transformation is a pure function of the text (and, for the headings, of the headings
 * the gold names); the text conventions are those of the `.txt` fixtures: one paragraph per
 * line, list items as `1. text`, `1.1 text`, ` - a. text`, `(a) text`, `a) text`, `(i) text`,
 * table rows as `key<TAB>value`, headings as short lines.
 */

/** What a transformation may know besides the text: the heading lines of the document. */
export interface TransformContext {
  /** The section headings the document's gold names (`clauses[].heading`, `sections[].heading`). */
  headings: readonly string[];
}

export interface TextTransform {
  name: string;
  /** What it does, in a few words. */
  description: string;
  apply(text: string, context: TransformContext): string;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** The text as lines, without line-end characters (CRLF or LF), and whether it ended with one. */
function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  const unix = text.replace(/\r\n?/g, '\n');
  const finalNewline = unix.endsWith('\n');
  const lines = (finalNewline ? unix.slice(0, -1) : unix).split('\n');
  return { lines, finalNewline };
}

function joinLines(lines: string[], finalNewline: boolean): string {
  return lines.join('\n') + (finalNewline ? '\n' : '');
}

/** Maps every line (without its line end) and keeps the text's line ends as they were. */
function mapLines(text: string, map: (line: string, index: number, lines: readonly string[]) => string): string {
  const parts = text.split(/(\r\n|\n|\r)/);
  const lines = parts.filter((_, i) => i % 2 === 0);
  let lineIndex = 0;
  return parts.map((part, i) => (i % 2 === 0 ? map(part, lineIndex++, lines) : part)).join('');
}

const isBlank = (line: string): boolean => line.trim() === '';
/** A labelled line ("Key decision? Yes", "Lead Member: …") is a paragraph of its own. */
const LABEL_START = /^[A-Z][\w' ]{0,40}[:?]\s/;
/** A page break written into a text file: no paragraph runs through it. */
const PAGE_MARK = /^\s*page\s+\d+\s+of\s+\d+\s*$/i;
const isTableRow = (line: string): boolean => line.includes('\t');
/** A row of a table a plain text aligns with spaces (cells parted by a run of three or more): wrapping leaves it whole, as it does a TAB row. */
const isRowToKeep = (line: string): boolean => isTableRow(line) || /\S {3,}\S/.test(line.trim()) || PAGE_MARK.test(line);

// ---------------------------------------------------------------------------------------------
// Wrapping

/**
 * The start of a list item: an optional indent, an optional bullet, and a label (`1.`, `1.1`,
 * `3.2.1`, `(1)`, `1)`, `a.`, `(a)`, `a)`, `(i)`, `iv.`), with the white space after it. A bullet
 * alone (`- text`) counts too. The hanging indent of the item's continuation lines is its width.
 */
const LIST_ITEM_START =
  /^(\s*(?:[-–•*]\s+)?(?:\d+(?:\.\d+)*\.|\d+(?:\.\d+)+|\(\d+\)|\d+\)|\((?:[A-Za-z]|[ivx]{1,6}|[IVX]{1,6})\)|(?:[A-Za-z]|[ivx]{1,6}|[IVX]{1,6})[.)])[ ]+|\s*[-–•*][ ]+)(?=\S)/;

/** The width of the label a line starts with (0 for a line that is not a list item). */
export function hangingIndentOf(line: string): number {
  return LIST_ITEM_START.exec(line)?.[1].length ?? 0;
}

/** One paragraph filled greedily into lines of at most `width` characters (a word longer than the width stands alone). */
export function fillParagraph(line: string, width: number): string[] {
  const prefix = LIST_ITEM_START.exec(line)?.[1] ?? (/^\s*/.exec(line)?.[0] ?? '');
  const words = line.slice(prefix.length).split(/ +/).filter((word) => word !== '');
  if (words.length === 0) return [line.trimEnd()];
  const indent = ' '.repeat(hangingIndentOf(line));
  const out: string[] = [];
  let current = prefix + words[0];
  for (const word of words.slice(1)) {
    if (current.length + 1 + word.length <= width) {
      current += ` ${word}`;
    } else {
      out.push(current);
      current = indent + word;
    }
  }
  out.push(current);
  return out;
}

/**
 * Hard-wraps every paragraph (line) at `width` columns as a text editor fills paragraphs, with
 * one blank line between paragraphs; continuation lines of a list item take a hanging indent of
 * the label's width; table rows (lines with a TAB) are left whole, and the rows of one table
 * stay together as one block.
 */
/**
 * A text already hard-wrapped has paragraphs of several lines: a line whose sentence plainly
 * goes on in the next (the next starts in lower case, or the line ends on a comma or a word no
 * sentence ends on) is joined to it, so that re-wrapping keeps its paragraphs whole.
 */
function paragraphLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  // In a text filled to a width, a full line that ends no sentence was broken for want of room.
  const prose = lines.filter((line) => !isBlank(line) && !isRowToKeep(line)).map((line) => line.trimEnd().length);
  const width = prose.length > 0 ? Math.max(...prose) : 0;
  const filled = width >= 50 && width <= 100 && prose.filter((length) => length > width - 15).length >= 3;
  lines.forEach((line, i) => {
    const previous = i > 0 ? lines[i - 1] : '';
    const goesOn =
      !isBlank(previous) && !isBlank(line) && !isRowToKeep(previous) && !isRowToKeep(line) && !LIST_ITEM_START.test(line) && !PAGE_MARK.test(line) && !PAGE_MARK.test(previous) && !LABEL_START.test(line) &&
      (/^\s*[a-z]/.test(line) ||
        // In a filled text, a line after which the next line's first word would not have fitted was broken for room, even at a sentence's end.
        (filled && previous.trimEnd().length + 1 + (line.trim().split(/\s+/)[0] ?? '').length > width) ||
        /(?:,|\b(?:the|a|an|of|to|and|or|in|on|for|with|by|at|from|that|be|was|were|is|are))$/i.test(previous.trimEnd()) ||
        (filled && previous.trimEnd().length > width - 15 && !/[.:;?!]["')]*$/.test(previous.trimEnd())));
    if (goesOn) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line);
  });
  return out;
}

export function wrapParagraphs(text: string, width: number): string {
  const split = splitLines(text);
  const { finalNewline } = split;
  const lines = paragraphLines(split.lines);
  const blocks: string[][] = [];
  let previousWasRow = false;
  for (const line of lines) {
    if (isBlank(line)) {
      previousWasRow = false;
    } else if (isRowToKeep(line)) {
      if (previousWasRow) blocks[blocks.length - 1].push(line);
      else blocks.push([line]);
      previousWasRow = true;
    } else {
      blocks.push(fillParagraph(line, width));
      previousWasRow = false;
    }
  }
  return joinLines([blocks.map((block) => block.join('\n')).join('\n\n')], finalNewline);
}

// ---------------------------------------------------------------------------------------------
// Line ends, blank lines

export function toCrlf(text: string): string {
  return text.replace(/\r\n?|\n/g, '\r\n');
}

/** A blank line after every line (the last included). */
export function addBlankLines(text: string): string {
  const { lines } = splitLines(text);
  return lines.map((line) => `${line}\n\n`).join('');
}

/** No blank (empty or white-space-only) lines at all. */
export function removeBlankLines(text: string): string {
  const { lines, finalNewline } = splitLines(text);
  return joinLines(
    lines.filter((line) => !isBlank(line)),
    finalNewline,
  );
}

// ---------------------------------------------------------------------------------------------
// Quotes

const STRAIGHT_QUOTE = /['"]/;
const TYPOGRAPHIC_QUOTE = /[‘’“”]/;

/** Straight quotes as typographic ones: opening after a line start, white space, a bracket or a dash; closing (and apostrophes) elsewhere. */
export function straightToTypographic(text: string): string {
  return text
    .replace(/(^|[\s([{\u2013\u2014-])"/gm, '$1“')
    .replace(/"/g, '”')
    .replace(/(^|[\s([{\u2013\u2014“-])'/gm, '$1‘')
    .replace(/'/g, '’');
}

export function typographicToStraight(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

/** Straight quotes to typographic where the text has straight ones, typographic to straight otherwise. */
export function swapQuotes(text: string): string {
  if (STRAIGHT_QUOTE.test(text)) return straightToTypographic(text);
  if (TYPOGRAPHIC_QUOTE.test(text)) return typographicToStraight(text);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** A table row split at its first TAB (the key without trailing white space). */
function tableCells(line: string): { key: string; value: string } {
  const tab = line.indexOf('\t');
  return { key: line.slice(0, tab).trimEnd(), value: line.slice(tab + 1).trimStart() };
}

/**
 * Each `key<TAB>value` row as `key: value`; a key that already ends with a colon
 * ("Subject Heading:") takes no second one ("Is this a Key Decision?" becomes
 * "Is this a Key Decision?: Yes").
 */
/** A line that already reads as `Label: value`. */
const KEY_VALUE_SHAPED = /^[A-Z][^:\t]*:\s+\S/;
/** A row whose key opens with a clause number ("2.1 Adoption performance"). */
const NUMBERED_KEY = /^\s*\d+(?:\.\d+)*\.?\s/;

/**
 * Each TAB row as `key: value`, where that keeps the table's meaning: a row numbered like a
 * clause would read as a clause whose text has a colon, and a table just below a line that
 * already reads `Title: subtitle` would take that line in as its first row; those tables stay
 * as they are (the case is not applicable where every table does).
 */
export function tablesAsKeyValue(text: string): string {
  return mapLines(text, (line, index, lines) => {
    if (!isTableRow(line)) return line;
    let first = index;
    while (first > 0 && isTableRow(lines[first - 1])) first--;
    if (first > 0 && KEY_VALUE_SHAPED.test(lines[first - 1])) return line;
    // A table some of whose rows are numbered like clauses stays whole: its other rows (a "Judgement / Grade" header) are its own.
    let last = index;
    while (last < lines.length - 1 && isTableRow(lines[last + 1])) last++;
    if (lines.slice(first, last + 1).some((row) => NUMBERED_KEY.test(tableCells(row).key))) return line;
    // A table of three or more columns (a header over its rows) has no key and value: as "key: value" lines its header would label its first row.
    if (lines.slice(first, last + 1).some((row) => tableCells(row).value.includes('\t'))) return line;
    const { key, value } = tableCells(line);
    // A key that holds a colon of its own ("Domain one: Organisational delivery") would read as another label.
    if (key.trim() === '' || NUMBERED_KEY.test(key) || /:\s/.test(key)) return line;
    const label = key.endsWith(':') ? key : `${key}:`;
    return value === '' ? label : `${label} ${value}`;
  });
}

/** Each run of two or more consecutive TAB rows as space-aligned columns: keys padded so that every value of the run starts two columns after the longest key. */
export function tablesSpaceAligned(text: string): string {
  return mapLines(text, (line, index, lines) => {
    if (!isTableRow(line)) return line;
    let first = index;
    while (first > 0 && isTableRow(lines[first - 1])) first--;
    let last = index;
    while (last < lines.length - 1 && isTableRow(lines[last + 1])) last++;
    // One row set with spaces is a line of prose to a reader, not a table: it stays a TAB row.
    if (first === last) return line;
    const column = Math.max(...lines.slice(first, last + 1).map((row) => tableCells(row).key.length)) + 2;
    const { key, value } = tableCells(line);
    return key.padEnd(column) + value.replace(/\t/g, '  ');
  });
}

// ---------------------------------------------------------------------------------------------
// Sub-clause labels

export type LabelStyle = 'a.' | 'A.' | '(a)' | 'a)';

/** A lettered or roman label at the start of a line: the indent and bullet before it, the label, and the rest of the line. */
const LABEL_AT_START = /^(\s*(?:[-–•*]\s+)?)(?:\(([A-Za-z]{1,6})\)|([A-Za-z]{1,6})([.)]))(?=[ \t]+\S)/;
const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;

function romanValue(token: string): number | null {
  const lower = token.toLowerCase();
  if (token !== lower && token !== token.toUpperCase()) return null;
  const match = ROMAN.exec(lower);
  if (!match || lower === '') return null;
  const units: Record<string, number> = { '': 0, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9 };
  return match[1].length * 10 + units[match[2]];
}

function toRoman(value: number): string {
  const units = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];
  return 'x'.repeat(Math.floor(value / 10)) + units[value % 10];
}

interface LabelCandidate {
  line: number;
  lead: string;
  token: string;
  /** Characters of the label as written, after the lead. */
  length: number;
}

function labelCandidate(line: string, index: number): LabelCandidate | null {
  const match = LABEL_AT_START.exec(line);
  if (!match) return null;
  const token = match[2] ?? match[3];
  if (token.length > 1 && romanValue(token) === null) return null;
  return { line: index, lead: match[1], token, length: match[0].length - match[1].length };
}

export interface SubClauseLabel {
  /** 0-based line index. */
  line: number;
  kind: 'letter' | 'roman';
  /** 1-based position: a = 1, b = 2 …; i = 1, ii = 2 … */
  ordinal: number;
}

/**
 * The lines that are lettered or roman sub-clauses: a letter label continues the letters
 * (`a`, or the letter after the last one), a roman one starts at `i` or continues the numerals;
 * an `i` after `h` (or `v` after `u`, `x` after `w`) is decided by the label after it. A word
 * such as the pronoun "I" is no label: a label is followed by `.` or `)` (or wrapped in
 * brackets) and then white space and text.
 */
export function subClauseLabels(text: string): SubClauseLabel[] {
  const { lines } = splitLines(text);
  const candidates = lines.map(labelCandidate).filter((c): c is LabelCandidate => c !== null);
  const found: SubClauseLabel[] = [];
  let lastLetter = 0;
  let lastRoman = 0;
  candidates.forEach((candidate, i) => {
    const token = candidate.token.toLowerCase();
    const letter = token.length === 1 ? token.charCodeAt(0) - 96 : 0;
    const roman = romanValue(candidate.token) ?? 0;
    const asLetter = letter === 1 || (letter > 0 && letter === lastLetter + 1);
    const asRoman = roman === 1 || (roman > 0 && roman === lastRoman + 1);
    let kind: 'letter' | 'roman' | null = asLetter ? 'letter' : asRoman ? 'roman' : null;
    if (asLetter && asRoman) {
      const next = candidates[i + 1]?.token.toLowerCase();
      const nextIsRoman = next !== undefined && romanValue(next) === roman + 1;
      const continuesRoman = roman > 1 && roman === lastRoman + 1;
      kind = continuesRoman || nextIsRoman ? 'roman' : 'letter';
    }
    if (kind === 'letter') {
      lastLetter = letter;
      lastRoman = 0;
      found.push({ line: candidate.line, kind, ordinal: letter });
    } else if (kind === 'roman') {
      lastRoman = roman;
      found.push({ line: candidate.line, kind, ordinal: roman });
    }
  });
  return found;
}

/** A label in a style: `(b)`, `b.`, `B.`, `b)`; for a roman label `(ii)`, `ii.`, `II.`, `ii)`. */
export function formatLabel(kind: 'letter' | 'roman', ordinal: number, style: LabelStyle): string {
  const lower = kind === 'letter' ? String.fromCharCode(96 + ordinal) : toRoman(ordinal);
  switch (style) {
    case 'a.':
      return `${lower}.`;
    case 'A.':
      return `${lower.toUpperCase()}.`;
    case '(a)':
      return `(${lower})`;
    case 'a)':
      return `${lower})`;
  }
}

/** Every lettered and roman sub-clause label rewritten in one style, the indent and bullet before it kept. */
export function relabelSubClauses(text: string, style: LabelStyle): string {
  const labels = new Map(subClauseLabels(text).map((label) => [label.line, label]));
  return mapLines(text, (line, index) => {
    const label = labels.get(index);
    if (!label) return line;
    const candidate = labelCandidate(line, index)!;
    const start = candidate.lead.length;
    return line.slice(0, start) + formatLabel(label.kind, label.ordinal, style) + line.slice(start + candidate.length);
  });
}

// ---------------------------------------------------------------------------------------------
// Headings

const foldForMatch = (text: string): string => typographicToStraight(text).replace(/\s+/g, ' ').trim().toLowerCase();

/** Every line that is one of the headings (white space, quotes and case aside) in capitals. */
export function headingsInCapitals(text: string, headings: readonly string[]): string {
  const wanted = new Set(headings.map(foldForMatch).filter((heading) => heading !== ''));
  return mapLines(text, (line) => (!isTableRow(line) && wanted.has(foldForMatch(line)) ? line.toUpperCase() : line));
}

// ---------------------------------------------------------------------------------------------
// Dates

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?\\b';
const YEAR = '\\d{4}\\b';
/** A written date: "16th February 2024", "4 March 2025", "the 5th of June", "February 2024", "Tuesday April 1st, 2025". */
const WRITTEN_DATE = new RegExp(
  `\\b(?:${WEEKDAY} +)?(?:${DAY} +(?:of +)?${MONTH}(?:,? +${YEAR})?|${MONTH} +(?:${YEAR}|${DAY}(?:,? +${YEAR})?))`,
  'g',
);

/** The spaces inside every written date as U+00A0 (no-break space). */
export function nbspInDates(text: string): string {
  return text.replace(WRITTEN_DATE, (date) => date.replace(/ /g, '\u00a0'));
}

// ---------------------------------------------------------------------------------------------
// The registry

const labels = (style: LabelStyle): TextTransform => ({
  name: `labels-${style}`,
  description: `every lettered sub-clause label as ${style}, roman ones likewise`,
  apply: (text) => relabelSubClauses(text, style),
});

export const TRANSFORMS: readonly TextTransform[] = [
  { name: 'wrap-60', description: 'paragraphs hard-wrapped at 60 columns', apply: (text) => wrapParagraphs(text, 60) },
  { name: 'wrap-72', description: 'paragraphs hard-wrapped at 72 columns', apply: (text) => wrapParagraphs(text, 72) },
  { name: 'crlf', description: 'CRLF line ends', apply: toCrlf },
  { name: 'quotes', description: 'straight quotes typographic, or typographic straight', apply: swapQuotes },
  { name: 'tables-key-value', description: 'table rows as key: value', apply: tablesAsKeyValue },
  { name: 'tables-space-aligned', description: 'table rows as space-aligned columns', apply: tablesSpaceAligned },
  labels('a.'),
  labels('A.'),
  labels('(a)'),
  labels('a)'),
  { name: 'headings-capitals', description: 'heading lines in capitals', apply: (text, context) => headingsInCapitals(text, context.headings) },
  { name: 'blank-lines-added', description: 'a blank line after every line', apply: addBlankLines },
  { name: 'blank-lines-removed', description: 'no blank lines', apply: removeBlankLines },
  { name: 'nbsp-in-dates', description: 'no-break spaces inside written dates', apply: nbspInDates },
];
