/**
 * The segment stage: a document's structure — numbered clauses, the addressee and signature
 * blocks of a letter, a leading key/value header table, and headed sections — read from the
 * form of the normalised text (one paragraph per line), never from known wording.
 */
import { REGISTRY } from '../registry.js';
import type { DocumentKind, Section, Segmented, TableRow } from '../record.js';
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import { findAddress, findSignature } from './blocks.js';
import { keyValue } from '../normalise/tables.js';
import { clausesOf } from './clauses.js';
import { readLayout, type Layout } from './layout.js';
import { isTableRow, markerOf, paragraphsOf, type Paragraph } from './paragraphs.js';

/**
 * Which kinds are letters with an addressee and a signature. A report or press release may
 * hold a `To:` or `Signed` line that is no letter block; an unclassified document may be a letter.
 */
const LETTER_KINDS: ReadonlySet<DocumentKind> = new Set(['other', ...REGISTRY.filter((kind) => kind.letter).map((kind) => kind.kind)]);

/** A paragraph's `key<TAB>value` as a row: the key without the colon that ends it in most tables; the span keeps the row as written. */
function tableRow(doc: NormalisedDocument, paragraph: Paragraph): TableRow {
  const tab = paragraph.text.indexOf('\t');
  return {
    key: paragraph.text.slice(0, tab).replace(/\s*:$/, ''),
    value: paragraph.text.slice(tab + 1),
    span: spanOf(doc, paragraph.start, paragraph.end),
    value_span: spanOf(doc, paragraph.start + tab + 1, paragraph.end),
  };
}

/**
 * The first run of two or more `key<TAB>value` rows, if it comes before any heading or clause,
 * with the `Key: value` lines just above it: a date line set apart above a table ("Date: 4
 * February 2025", a blank line, then the rows) is still a field of the report's header.
 */
function headerTable(doc: NormalisedDocument, layout: Layout): TableRow[] {
  // A lone row before it (two names set side by side, as a joint letterhead sets its bodies) is no table.
  const lone = (i: number) => layout.roles[i] === 'row' && layout.roles[i + 1] !== 'row';
  const first = layout.roles.findIndex((role, i) => role !== 'text' && role !== 'block' && !lone(i));
  if (first < 0 || layout.roles[first] !== 'row') return [];
  const rows: TableRow[] = [];
  for (let i = first; layout.roles[i] === 'row'; i++) rows.push(tableRow(doc, layout.paragraphs[i]));
  if (rows.length < 2) return [];
  for (let i = first - 1; i >= 0 && layout.roles[i] === 'text'; i--) {
    const paragraph = layout.paragraphs[i];
    const labelled = keyValue(paragraph.text);
    if (!labelled) break;
    const valueStart = paragraph.end - labelled.value.length;
    rows.unshift({ key: labelled.key, value: labelled.value, span: spanOf(doc, paragraph.start, paragraph.end), value_span: spanOf(doc, valueStart, paragraph.end) });
  }
  return rows;
}

/** A label and its value on one line: "Report author: Daniel Okafor", "Key decision: No", "Report title — …". */
const LABELLED_LINE = /^([A-Z][A-Za-z' ]{0,40}?)(?:\s*[:?]|\s+[-\u2013\u2014])\s+(?=\S)/;
/** A label alone on its line ("Author", "Contact officer:", "Is this a key decision?"), its value on the next. */
const LABEL_LINE = /^[A-Z][A-Za-z' ]{0,40}([:?]?)$/;
const MAX_LABEL_WORDS = 5;

/**
 * Every labelled value: the header table's rows, then the document's other `key<TAB>value`
 * rows, `Label: value` lines and labels alone on their line with the line after them.
 */
function fieldsOf(doc: NormalisedDocument, paragraphs: Paragraph[], header: TableRow[]): TableRow[] {
  const fields = [...header];
  const inHeader = (paragraph: Paragraph) => header.some((row) => row.span.start === paragraph.start);
  paragraphs.forEach((paragraph, i) => {
    if (inHeader(paragraph)) return;
    if (isTableRow(paragraph)) {
      fields.push(tableRow(doc, paragraph));
      return;
    }
    const labelled = LABELLED_LINE.exec(paragraph.text);
    if (labelled && labelled[1].split(' ').length <= MAX_LABEL_WORDS) {
      const valueStart = paragraph.start + labelled[0].length;
      fields.push({ key: labelled[1], value: doc.text.slice(valueStart, paragraph.end), span: spanOf(doc, paragraph.start, paragraph.end), value_span: spanOf(doc, valueStart, paragraph.end) });
      return;
    }
    const next = paragraphs[i + 1];
    // A label that says it is one (a colon, a question) may be a word longer than one that does not.
    const label = LABEL_LINE.exec(paragraph.text);
    if (next && label && paragraph.text.split(' ').length <= MAX_LABEL_WORDS - (label[1] ? 0 : 1) && !markerOf(next) && !isTableRow(next)) {
      fields.push({ key: paragraph.text.replace(/\s*:$/, ''), value: next.text, span: spanOf(doc, paragraph.start, next.end), value_span: spanOf(doc, next.start, next.end) });
    }
  });
  return fields;
}

/** Each heading opens a section that runs to the next heading or the end of the text. */
function sectionsOf(doc: NormalisedDocument, layout: Layout): Section[] {
  const headings = layout.paragraphs.flatMap((paragraph, i) => (layout.roles[i] === 'heading' ? [{ paragraph, title: layout.titles[i]! }] : []));
  return headings.map(({ paragraph, title }, k) => {
    const end = k + 1 < headings.length ? headings[k + 1].paragraph.start - 1 : doc.text.length;
    return { heading: title, span: spanOf(doc, paragraph.start, end) };
  });
}

export function segment(doc: NormalisedDocument, kind: DocumentKind): Segmented {
  const paragraphs = paragraphsOf(doc);
  const letter = LETTER_KINDS.has(kind);
  const address = letter ? findAddress(doc, paragraphs) : null;
  const signature = letter ? findSignature(doc, paragraphs) : null;
  const layout = readLayout(paragraphs, new Set([...(address?.paragraphs ?? []), ...(signature?.paragraphs ?? [])]));
  const header = headerTable(doc, layout);
  return {
    clauses: clausesOf(doc, layout),
    address: address?.value ?? null,
    signature: signature?.value ?? null,
    header_table: header,
    sections: sectionsOf(doc, layout),
    fields: fieldsOf(doc, paragraphs, header),
  };
}

/**
 * The innermost clause whose span holds the whole of a range, or null (the preamble): a value
 * is credited to the sub-clause it stands in. Generic so that stored rows with spans serve too.
 */
export function clauseHolding<C extends { span: { start: number; end: number } }>(clauses: readonly C[], range: { start: number; end: number }): C | null {
  let best: C | null = null;
  for (const clause of clauses) {
    if (clause.span.start > range.start || clause.span.end < range.end) continue;
    if (!best || clause.span.end - clause.span.start < best.span.end - best.span.start) best = clause;
  }
  return best;
}
