/**
 * What opens a list item, as the normaliser needs to know it: a bullet, a clause number
 * (`5.`, `(5)`, `3.2.1`), a letter or roman numeral (`a.`, `(b)`, `iv)`, `A.`). The segmenter
 * reads the label itself (`src/segment/paragraphs.ts`); here it only marks where a paragraph
 * or a list item begins, and that a cell-like run before a tab is a label, not a table key.
 */
const LABEL = String.raw`(?:[-\u2022\u2013*]|\d{1,3}(?:\.\d{1,3})+\.?|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)])`;

/** A line that opens with a list label and its text. */
export const LIST_MARKER = new RegExp(String.raw`^${LABEL}\s+`, 'i');
const LABEL_ONLY = new RegExp(String.raw`^${LABEL}$`, 'i');

/** A piece of text that is a list label and nothing else (the run a word processor sets before a tab). */
export function isListLabel(text: string): boolean {
  return LABEL_ONLY.test(text.trim());
}
