/**
 * Numbered clauses: ids as written (`5`, `5.a`, `1.11`, `9.b.ii`), each with its parent, the
 * heading it sits under and its own text, joined across line and page breaks.
 *
 * Numbers (`5.`, `1.1.`) open top-level clauses; letters and roman numerals (`a.`, `(a)`,
 * `a)`, `(i)`) open sub-clauses of the clause open at the time. A heading ends the reach of
 * sub-clause labels, so a lettered list in a later, unnumbered section is no clause.
 */
import type { Clause } from '../record.js';
import { foldWhiteSpace, spanOf, type NormalisedDocument } from '../normalise/index.js';
import type { Layout } from './layout.js';
import { continues, isRoman, type Paragraph } from './paragraphs.js';

type Style = 'number' | 'alpha' | 'roman';
/** Nesting order of label styles: letters sit under numbers, roman numerals under letters. */
const RANK: Record<Style, number> = { number: 0, alpha: 1, roman: 2 };

interface Level {
  style: Style;
  label: string;
  id: string;
}

const ROMAN_DIGITS: Array<[string, number]> = [
  ['x', 10],
  ['ix', 9],
  ['v', 5],
  ['iv', 4],
  ['i', 1],
];

export function romanValue(label: string): number {
  let value = 0;
  let rest = label;
  for (const [digits, worth] of ROMAN_DIGITS) {
    while (rest.startsWith(digits)) {
      value += worth;
      rest = rest.slice(digits.length);
    }
  }
  return value;
}

function romanOf(value: number): string {
  let out = '';
  let rest = value;
  for (const [digits, worth] of ROMAN_DIGITS) {
    while (rest >= worth) {
      out += digits;
      rest -= worth;
    }
  }
  return out;
}

function follows(style: Style, previous: string, label: string): boolean {
  if (style === 'roman') return romanOf(romanValue(previous) + 1) === label;
  return previous.length === 1 && String.fromCharCode(previous.charCodeAt(0) + 1) === label;
}

function deepest(levels: Level[], style: Style): number {
  for (let i = levels.length - 1; i >= 0; i--) if (levels[i].style === style) return i;
  return -1;
}

/**
 * Where a label goes: `i` after `h` is a letter, otherwise a roman numeral; a label that
 * continues an open list is its next item, any other opens a list under the nearest level
 * ranked above it.
 */
function placeLabel(levels: Level[], label: string): Level[] {
  const alpha = deepest(levels, 'alpha');
  const continuesAlpha = alpha >= 0 && follows('alpha', levels[alpha].label, label);
  const roman = deepest(levels, 'roman');
  const style: Style =
    !continuesAlpha && isRoman(label) && (roman >= 0 || label === 'i' || label.length > 1) ? 'roman' : 'alpha';
  const open = style === 'alpha' ? alpha : roman;
  const parentIndex =
    open >= 0 && follows(style, levels[open].label, label)
      ? open - 1
      : levels.map((level) => RANK[level.style] < RANK[style]).lastIndexOf(true);
  const parent = levels[parentIndex];
  return [...levels.slice(0, parentIndex + 1), { style, label, id: `${parent.id}.${label}` }];
}

interface OpenClause {
  id: string;
  parent: string | null;
  heading: string | null;
  start: number;
  last: Paragraph;
}

export function clausesOf(doc: NormalisedDocument, layout: Layout): Clause[] {
  const clauses: Clause[] = [];
  const ids = new Set<string>();
  let heading: string | null = null;
  let levels: Level[] = [];
  let open: OpenClause | null = null;

  const finish = () => {
    if (!open) return;
    const span = spanOf(doc, open.start, open.last.end);
    const text = foldWhiteSpace(doc.text.slice(span.start, span.end));
    clauses.push({ id: open.id, parent: open.parent, heading: open.heading, text, page: span.page, span });
    open = null;
  };
  const begin = (next: Level[], textStart: number, paragraph: Paragraph) => {
    finish();
    const level = next[next.length - 1];
    const parentId = next.length > 1 ? next[next.length - 2].id : level.id.split('.').slice(0, -1).join('.');
    levels = next;
    ids.add(level.id);
    open = { id: level.id, parent: ids.has(parentId) ? parentId : null, heading, start: textStart, last: paragraph };
  };

  layout.paragraphs.forEach((paragraph, i) => {
    const role = layout.roles[i];
    const marker = layout.markers[i];
    if (role === 'heading') {
      finish();
      heading = layout.titles[i];
      levels = [];
    } else if (marker?.type === 'number') {
      begin([{ style: 'number', label: marker.path.join('.'), id: marker.path.join('.') }], marker.textStart, paragraph);
    } else if (marker?.type === 'label' && levels.length > 0) {
      begin(placeLabel(levels, marker.label), marker.textStart, paragraph);
    } else if (open && role === 'text' && continues(open.last, paragraph)) {
      open.last = paragraph;
    } else {
      finish();
    }
  });
  finish();
  return clauses;
}
