/**
 * Plain text filled to a fixed width (an e-mail, a text editor's "fill paragraph", a hard-
 * wrapped transcript): one paragraph runs over several lines, and the normalised text wants it
 * on one. A reader sees such a text by its many lines ending close to one right edge, and
 * joins a line to the next exactly when the next line's first word would not have fitted on
 * it: the line was broken for want of room, not where its paragraph ended. A short line ends
 * its paragraph; a list item, a table row or a blank line starts anew, but for a label run into
 * a sentence ("… the council and a) to chair …; and b) …") that the fill brought to a line start:
 * no list item opens where the sentence before it plainly goes on.
 */
import { endsMidPhrase, endsSentence } from './characters.js';
import { LIST_MARKER } from './markers.js';
import { isKeyValueLine, keyValue } from './tables.js';

const PAGE_OF = /^\s*page\s+\d+\s+of\s+\d+\s*$/i;

/** A verdict: a grade ("requires improvement to be good"), or yes or no. */
const VERDICT = /^(?:outstanding|good|requires?\s+improvement(?:\s+to\s+be\s+good)?|inadequate|adequate|yes|no)$/i;

/** The share of a filled text's lines that end within its width. */
const WIDTH_QUANTILE = 0.97;

/** How close to the widest line a "full" line ends, in characters: room for a long word. */
const FULL_LINE_SLACK = 15;
/** A filled text has at least this many full lines, and they are this share of its lines. */
const MIN_FULL_LINES = 3;
const MIN_FULL_SHARE = 0.3;
/** A line of at most this many words, on its own after a finished sentence, is a heading or a label. */
const SHORT_LINE_WORDS = 4;
/** Wider than this, lines are paragraphs written on one line, not a filled text. */
const MAX_FILL_WIDTH = 100;
/** Narrower than this, lines are a list's (labels, a judgement list with the grade below each), not prose filled to a width: programs fill at 60 to 80 columns. */
const MIN_FILL_WIDTH = 50;

/** The width a text was filled to, or null when its lines were not filled. */
export function fillWidth(lines: readonly string[]): number | null {
  // Table rows, as TAB rows, cells set apart by spaces or `Key: value` lines, are as long as their cells, not the filling's width.
  // A page's footer set at the right margin ("Page 1 of 44") is no line of the prose either.
  const prose = lines
    .filter((line) => line.trim() !== '' && !line.includes('\t') && !/\S {3,}\S/.test(line.trim()) && !isKeyValueLine(line.trim()) && !PAGE_OF.test(line))
    .map((line) => line.trimEnd().length);
  if (prose.length === 0) return null;
  // The width is where nearly all lines end: a text copied from a PDF, whose lines were set in a
  // proportional font, has a few that run past the rest.
  const sorted = [...prose].sort((a, b) => a - b);
  const width = sorted[Math.max(0, Math.ceil(sorted.length * WIDTH_QUANTILE) - 1)];
  if (width > MAX_FILL_WIDTH || width < MIN_FILL_WIDTH) return null;
  const full = prose.filter((length) => length > width - FULL_LINE_SLACK).length;
  return full >= MIN_FULL_LINES && full >= MIN_FULL_SHARE * prose.length ? width : null;
}

/** Whether `line` was broken for want of room before `next`: the next line's first word would not have fitted. */
function brokenForRoom(line: string, next: string, width: number): boolean {
  const text = next.trim();
  if (line.trim() === '' || line.includes('\t') || text === '' || next.includes('\t')) return false;
  // Labelled lines one under another are a table's rows ("Adoption performance: Good"), not a paragraph's lines.
  if (isKeyValueLine(line.trim()) && isKeyValueLine(text)) return false;
  // A label with a verdict ("The experiences and progress of care leavers: good", "Key decision: Yes") is a heading or a row of its own.
  const labelled = keyValue(line.trim());
  if (labelled && VERDICT.test(labelled.value.trim()) && !/^[a-z]/.test(text)) return false;
  // A sentence ended at the edge, then a short line that ends none ("Signed", "Reviews"): a heading or a label of its own.
  if (endsSentence(line) && text.split(/\s+/).length <= SHORT_LINE_WORDS && !endsSentence(text) && !/^[a-z]/.test(text)) return false;
  // "…; and" closes a list item: a label after it opens the next.
  if (LIST_MARKER.test(text) && (!endsMidPhrase(line) || /[;:]\s+(?:and|or)\s*$/i.test(line))) return false;
  // A line ending on a word no sentence ends on goes on, whether or not the next word would have fitted ("ended on / 8 December 2017").
  return line.trimEnd().length + 1 + text.split(/\s+/)[0].length > width || (endsMidPhrase(line.trimEnd()) && !LIST_MARKER.test(text));
}

/** Joins the lines of a filled text into one line per paragraph; other texts are returned as they are. */
export function unwrapFilled(lines: readonly string[], width: number | null): string[] {
  if (width === null) return [...lines];
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && out.length > 0 && brokenForRoom(lines[i - 1], line, width)) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line);
  });
  return out;
}

/**
 * A double-spaced text (a blank line after every line, as a typist or an export may leave it):
 * there one blank line is the spacing between lines, not the end of a paragraph, so one blank
 * after each line is dropped and the rest keep their meaning. A text with any two lines
 * standing together is single-spaced and returned as it is.
 */
export function singleSpaced(lines: readonly string[]): string[] {
  const filled = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.trim() !== '');
  const doubled = filled.length >= 3 && filled.slice(0, -1).every(({ i }) => lines[i + 1] !== undefined && lines[i + 1].trim() === '');
  if (!doubled) return [...lines];
  return lines.filter((line, i) => line.trim() !== '' || i === 0 || lines[i - 1].trim() === '');
}
