/**
 * The normalised text as paragraphs with their offsets, and the tests of form the segmenter
 * reads them by: list markers, sentence ends, continuations, heading shape.
 */
import { endsMidPhrase, endsSentence, linesOf, type Line, type NormalisedDocument } from '../normalise/index.js';

export interface Paragraph extends Line {
  index: number;
}

/** The document's non-blank lines (one paragraph each), numbered. */
export function paragraphsOf(doc: NormalisedDocument): Paragraph[] {
  return linesOf(doc.text)
    .filter((line) => line.text.trim() !== '')
    .map((line, index) => ({ index, ...line }));
}

/** What opens a paragraph: a clause number, a sub-clause label, a bare bullet, or nothing. */
export type Marker =
  | { type: 'number'; path: string[]; textStart: number }
  | { type: 'label'; label: string; textStart: number }
  | { type: 'bullet'; textStart: number };

const BULLET = String.raw`(?:[-\u2022\u2013*]\s*)?`;
/** `1.1.` / `1.1` (several levels, final dot optional), or `5.` / `5)` / `(5)` (one level, punctuation needed). */
const NUMBER = new RegExp(String.raw`^${BULLET}(?:(\d{1,3}(?:\.\d{1,3})+)\.?|(\d{1,3})[.)]|\((\d{1,3})\))\s+(?=\S)`);
/** `(a)`, `a)`, `a.`, `A.`, `(iv)`, with an optional bullet before. */
const LABEL = new RegExp(String.raw`^${BULLET}(?:\(([a-z]{1,5}|[A-Z]{1,5})\)|([a-z]{1,5}|[A-Z]{1,5})[.)])\s+(?=\S)`);
const BARE_BULLET = /^[-\u2022\u2013*]\s+(?=\S)/;
const ROMAN = /^(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})$/;

export function isRoman(label: string): boolean {
  return ROMAN.test(label);
}

export function markerOf(paragraph: Paragraph): Marker | null {
  const number = NUMBER.exec(paragraph.text);
  if (number) {
    const path = (number[1] ?? number[2] ?? number[3]).split('.');
    return { type: 'number', path, textStart: paragraph.start + number[0].length };
  }
  const label = LABEL.exec(paragraph.text);
  if (label) {
    // A label's case is its style, like its brackets: `A.` and `a.` are the same item.
    const written = (label[1] ?? label[2]).toLowerCase();
    // A label is one letter or a roman numeral; "e.g." and words never match this far.
    if (written.length === 1 || isRoman(written)) {
      return { type: 'label', label: written, textStart: paragraph.start + label[0].length };
    }
  }
  const bullet = BARE_BULLET.exec(paragraph.text);
  return bullet ? { type: 'bullet', textStart: paragraph.start + bullet[0].length } : null;
}

export function isTableRow(paragraph: Paragraph): boolean {
  return paragraph.text.includes('\t');
}

/** Ends a sentence, a list item or a lead-in: `.`, `!`, `?`, `:`, `;`, maybe inside quotes or brackets. */

/**
 * A paragraph that carries on the one before: it starts lower-case, or the one before did not
 * end a sentence (a paragraph break that falls mid-sentence, at a page break or in a PDF).
 */
export function continues(previous: Paragraph, paragraph: Paragraph): boolean {
  return /^[a-z]/.test(paragraph.text) || !endsSentence(previous.text);
}

export function isCapitalsHeading(text: string): boolean {
  return /^[A-Z][A-Z0-9 &'/()-]*:?$/.test(text) && (text.match(/[A-Z]/g)?.length ?? 0) >= 4;
}

/** A grade alone on its line (or its first word, where the line breaks within it) is a judgement list's value under its judgement, never a heading. */
export const GRADE_ALONE = /^(?:outstanding|good|requires?(?:\s+improvement(?:\s+to\s+be\s+good)?)?|inadequate|adequate)$/i;

/**
 * Shaped like a heading: short, starts with a capital, has words (not a code or a date), does
 * not end like a sentence or list item, holds one phrase (no comma, no second sentence).
 */
export function headingShaped(paragraph: Paragraph): boolean {
  const { text } = paragraph;
  if (isTableRow(paragraph) || text.length > 120 || text.split(' ').length > 16 || GRADE_ALONE.test(text)) return false;
  if (!/^[A-Z]/.test(text) || /[.;,]["')\]]*$/.test(text) || text.includes(',') || /[.!?]\s+[A-Z]/.test(text) || endsMidPhrase(text)) return false;
  return isCapitalsHeading(text) || /[a-z]{3}/.test(text);
}
