/**
 * The letter blocks of a notice: the addressee (`To: …` with address lines and a postcode)
 * and the signature (`Signed`, `Date: …`, name, title). Each is found by its opening word and
 * runs over the short lines that follow; the paragraphs it covers are no clause or heading.
 */
import type { Address, Signature } from '../record.js';
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import { endsSentence } from '../normalise/index.js';
import { isTableRow, markerOf, type Paragraph } from './paragraphs.js';

export interface Block<T> {
  value: T;
  /** Indices of the paragraphs the block covers. */
  paragraphs: number[];
}

const ADDRESSEE = /^To:\s*/;
/** A UK postcode ending the line: outward code, inward code. */
const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})$/;
const STREET_WORDS = 'Road|Street|Lane|Avenue|Way|Place|Square|Drive|Hill|Close|Crescent|Walk|Row|Parade|Terrace|Gardens|Green|Court|Park|Quay|Wharf';
/**
 * Where an address written on one line breaks: after the addressee's bracketed alias, before a
 * house number, after a street name, before the postcode.
 */
const RUN_ON_BREAK = new RegExp(
  String.raw`(?<=\))\s+(?=[A-Z0-9])|\s+(?=\d+[A-Za-z]?\s+[A-Z])|(?<=\b(?:${STREET_WORDS}))\s+(?=[A-Z])|\s+(?=[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$)`,
);
const MAX_ADDRESS_LINES = 8;
const MAX_ADDRESS_LINE_WORDS = 8;

function words(text: string): number {
  return text.split(/\s+/).length;
}

export function findAddress(doc: NormalisedDocument, paragraphs: Paragraph[]): Block<Address> | null {
  const first = paragraphs.findIndex((paragraph) => ADDRESSEE.test(paragraph.text));
  if (first < 0) return null;
  const block = [paragraphs[first]];
  let postcode = POSTCODE.exec(paragraphs[first].text);
  for (let i = first + 1; !postcode && i < paragraphs.length && block.length < MAX_ADDRESS_LINES; i++) {
    const line = paragraphs[i];
    if (markerOf(line) || isTableRow(line) || endsSentence(line.text) || words(line.text) > MAX_ADDRESS_LINE_WORDS) break;
    block.push(line);
    postcode = POSTCODE.exec(line.text);
  }
  const written = block.map((paragraph, i) => (i === 0 ? paragraph.text.replace(ADDRESSEE, '') : paragraph.text));
  const lines = written.length === 1 ? written[0].split(RUN_ON_BREAK) : written;
  return {
    value: {
      lines,
      postcode: postcode ? `${postcode[1]} ${postcode[2]}` : null,
      span: spanOf(doc, block[0].start, block[block.length - 1].end),
    },
    paragraphs: block.map((paragraph) => paragraph.index),
  };
}

const SIGNED = /^Sign(?:ed|ature)\b/i;
const DATE_FIELD = /\bDated?:?\s*(\S.*)$/;
/**
 * A capitalised name word: `Okafor`, `McKenzie`, `O'Neill`, `Smith-Jones`. Each part is
 * delimited by a fixed prefix or a hyphen/apostrophe, so matching stays linear (a pattern of
 * optional pieces repeated would backtrack exponentially on a long capitalised word).
 */
const NAME_WORD = String.raw`(?:Mc|Mac|O'|D')?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*`;
/** A name of two to four such words (an honorific and initials allowed), maybe followed by the title. */
const NAME_LINE = new RegExp(
  String.raw`^((?:(?:Dr|Mr|Mrs|Ms|Miss|Sir|Dame|Professor)\.?\s+)?${NAME_WORD}(?:\s+(?:[A-Z]\.|${NAME_WORD})){1,3})` +
    String.raw`(?:\s+((?:An?|The|Director|Deputy|Minister|Head|Chief|Interim|Assistant|Executive)\b.*))?$`,
);
const MAX_SIGNATURE_LINES = 6;
const MAX_SIGNATURE_LINE_WORDS = 16;

export function findSignature(doc: NormalisedDocument, paragraphs: Paragraph[]): Block<Signature> | null {
  const signed = paragraphs.map((paragraph) => SIGNED.test(paragraph.text)).lastIndexOf(true);
  if (signed < 0) return null;
  const block: Paragraph[] = [];
  for (let i = signed; i < paragraphs.length && block.length < MAX_SIGNATURE_LINES; i++) {
    const line = paragraphs[i];
    if (i > signed && (markerOf(line) || isTableRow(line) || words(line.text) > MAX_SIGNATURE_LINE_WORDS)) break;
    block.push(line);
  }
  const dateLine = block.find((line) => DATE_FIELD.test(line.text));
  // What each line holds besides the `Signed` and `Date` fields: the name and title, where written.
  const candidates = block
    .map((line) => ({ line, text: line.text.replace(SIGNED, '').replace(DATE_FIELD, '').replace(/^[\s.:_-]+|[\s.:_-]+$/g, '') }))
    .filter((candidate) => candidate.text !== '');
  const used = [block[0], ...(dateLine ? [dateLine] : [])];
  let name: string | null = null;
  let title: string | null = null;
  const nameAt = candidates.findIndex((candidate) => NAME_LINE.test(candidate.text));
  if (nameAt >= 0) {
    const written = NAME_LINE.exec(candidates[nameAt].text)!;
    name = written[1];
    used.push(candidates[nameAt].line);
    // The title follows the name on its line, or stands on the next line.
    const titleCandidate = written[2] ? candidates[nameAt] : candidates[nameAt + 1];
    if (titleCandidate) {
      title = written[2] ?? titleCandidate.text;
      used.push(titleCandidate.line);
    }
  }
  const last = used.reduce((a, b) => (b.end > a.end ? b : a));
  return {
    value: {
      name,
      title,
      date_text: dateLine ? DATE_FIELD.exec(dateLine.text)![1].trim() : null,
      span: spanOf(doc, block[0].start, last.end),
    },
    paragraphs: block.filter((line) => line.end <= last.end).map((line) => line.index),
  };
}
