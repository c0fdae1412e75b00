/**
 * Two-column tables written without table geometry: the normalised text writes every row of a
 * key/value table as `key<TAB>value` (docs/ARCHITECTURE.md), whether the document drew it
 * with cell borders, aligned it with spaces, or wrote it as `Key: value` lines.
 *
 * - `Key: value` lines: two or more paragraphs in a row, each a short label (no sentence in
 *   it, no list number before it) followed by a colon and a value, evenly spaced as a table's
 *   rows are: a line set further apart above them (a title, a date line) is not one of its
 *   rows. One such line alone is a sentence with a colon ("Note: …"), not a table.
 * - Space-aligned columns (plain text only, where spaces are the layout): two or more lines
 *   in a row whose second column starts at the same character after a gap of two or more
 *   spaces; a line indented to that column carries on the value above it.
 */
import { LIST_MARKER } from './markers.js';

/** A label, then a colon and the value: `Subject: …`, `Is this a key decision?: Yes`. */
const KEY_VALUE = /^([A-Z0-9][^:\t]*?[^\s:]):[ \t]+(\S.*)$/;
const MAX_KEY_WORDS = 16;
/** The most words a label listing things with commas may have. */
const MAX_LISTING_KEY_WORDS = 6;

/** How much more space above a line than between the rows sets it apart from a table, in lines. */
const SET_APART = 0.5;

/** A `Key: value` line's label and value, or null where the line is no such line. */
export function keyValue(text: string): { key: string; value: string } | null {
  if (text.includes('\t') || LIST_MARKER.test(text)) return null;
  const match = KEY_VALUE.exec(text);
  if (!match) return null;
  const key = match[1];
  // A label holds no sentence: no full stop inside it, few words, no closing punctuation. A
  // comma may list the label's own words ("Leadership, management and governance"), not
  // open a clause ("However, the plan: …"): only in a short label.
  const words = key.split(/\s+/).length;
  if (/[.;!]\s/.test(key) || (/,\s/.test(key) && words > MAX_LISTING_KEY_WORDS) || /[.,;]$/.test(key) || words > MAX_KEY_WORDS) return null;
  return { key, value: match[2] };
}

/** Whether a line opens a `Key: value` row (so a paragraph that runs on to it ends before it). */
export function isKeyValueLine(text: string): boolean {
  return keyValue(text) !== null;
}

/**
 * Rewrites runs of two or more evenly spaced `Key: value` paragraphs as `key<TAB>value` rows;
 * returns, for each paragraph, its row text or null where it is no such row. `gaps[i]` is the
 * space above paragraph i, in lines (a blank line in plain text is one more).
 */
export function keyValueRows(paragraphs: readonly string[], gaps: readonly number[]): Array<string | null> {
  const parsed = paragraphs.map(keyValue);
  const rows: Array<string | null> = paragraphs.map(() => null);
  let i = 0;
  while (i < parsed.length) {
    let end = i;
    while (end < parsed.length && parsed[end]) end++;
    // A run of candidates; the rows are the longest evenly spaced stretches of it.
    let start = i;
    while (start < end) {
      let stop = start + 1;
      const spacing = Math.min(...gaps.slice(start + 1, end));
      while (stop < end && gaps[stop] <= spacing + SET_APART) stop++;
      if (stop - start >= 2) for (let k = start; k < stop; k++) rows[k] = `${parsed[k]!.key}\t${parsed[k]!.value}`;
      start = stop;
    }
    i = Math.max(end, i + 1);
  }
  return rows;
}

/**
 * A column set by hand with spaces wanders by a character or two from row to row (a table typed
 * rather than printed): a value starting within this many characters of the first row's is in
 * its column.
 */
const COLUMN_SLACK = 3;
const sameColumn = (at: number | null, column: number): boolean => at !== null && Math.abs(at - column) <= COLUMN_SLACK;

/** Where a line's second column starts: after a gap of two or more spaces, or null. */
function secondColumn(line: string): number | null {
  const match = /^(\S(?:.*?\S)?) {2,}(?=\S)/.exec(line);
  if (!match || /\.$/.test(match[1])) return null;
  return match[0].length;
}

/**
 * Plain-text lines with space-aligned two-column tables rewritten as `key<TAB>value` lines
 * (a wrapped value cell joined to its row); other lines unchanged.
 */
export function alignedRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const column = secondColumn(lines[i]);
    // The run: lines whose value starts at this column, and value lines indented to it.
    let end = i + 1;
    let rows = 1;
    if (column !== null) {
      while (end < lines.length) {
        const next = lines[end];
        if (sameColumn(secondColumn(next), column)) rows++;
        else if (!(next.length > column && /^ +$/.test(next.slice(0, column)) && next[column] !== ' ')) break;
        end++;
      }
    }
    if (column === null || rows < 2) {
      out.push(lines[i]);
      i++;
      continue;
    }
    for (let k = i; k < end; k++) {
      const line = lines[k];
      const at = secondColumn(line);
      if (sameColumn(at, column)) out.push(`${line.slice(0, at!).trimEnd()}\t${line.slice(at!).trim()}`);
      else out[out.length - 1] += ` ${line.trim()}`;
    }
    i = end;
  }
  return out;
}
