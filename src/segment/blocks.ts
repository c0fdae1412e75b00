/**
 * The letter blocks of a notice: the addressee (`To: …` with address lines and a postcode)
 * and the signature (`Signed`, `Date: …`, name, title). Each is found by its opening word and
 * runs over the short lines that follow; the paragraphs it covers are no clause or heading.
 */
import type { Address, Signature } from '../record.js';
import { spanOf, type NormalisedDocument } from '../normalise/index.js';
import { endsMidPhrase, endsSentence } from '../normalise/index.js';
import { WRITTEN_DATE } from '../normalise/calendar.js';
import { nameAt, type NameAt } from '../normalise/names.js';
import { isTableRow, markerOf, type Paragraph } from './paragraphs.js';

export interface Block<T> {
  value: T;
  /** Indices of the paragraphs the block covers. */
  paragraphs: number[];
}

/** "To:" or "To" before a capitalised name ("To London Borough of Barnet"), on a short line that is no sentence. */
const ADDRESSEE = /^To(?::\s*|\s+(?=\p{Lu}))/u;
const MAX_ADDRESSEE_WORDS = 10;
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

/** A letter's salutation: "Dear Mr Allard", "Dear Sajid,". */
const SALUTATION = /^Dear\s+\S/;
const DATE_LINE = new RegExp(`^\\W*(?:${WRITTEN_DATE})\\W*$`);

/**
 * Without a "To" line, a letter's addressee is the block of short lines just above "Dear …",
 * back to the letter's date line (or a blank in the layout: anything that is no address line),
 * when it ends in a postcode: "Graeme Lusk / Director of Children's Services / … / TS10 1RT".
 */
function addresseeAboveSalutation(paragraphs: Paragraph[]): number {
  const dear = paragraphs.findIndex((paragraph) => SALUTATION.test(paragraph.text));
  if (dear < 1 || !POSTCODE.test(paragraphs[dear - 1].text)) return -1;
  let first = dear - 1;
  const isAddressLine = (paragraph: Paragraph) =>
    !DATE_LINE.test(paragraph.text) && !markerOf(paragraph) && !isTableRow(paragraph) && !endsSentence(paragraph.text) && words(paragraph.text) <= MAX_ADDRESS_LINE_WORDS;
  while (first > 0 && dear - first < MAX_ADDRESS_LINES && isAddressLine(paragraphs[first - 1])) first--;
  return first;
}

export function findAddress(doc: NormalisedDocument, paragraphs: Paragraph[]): Block<Address> | null {
  const to = paragraphs.findIndex((paragraph) => ADDRESSEE.test(paragraph.text) && (paragraph.text.startsWith('To:') || (words(paragraph.text) <= MAX_ADDRESSEE_WORDS && !endsSentence(paragraph.text))));
  const first = to >= 0 ? to : addresseeAboveSalutation(paragraphs);
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

/** What opens a signature block: "Signed", "Signature", or a letter's close. */
const SIGNED = /^(?:Sign(?:ed|ature)\b(?:\s+by\b)?|Yours\s+(?:sincerely|faithfully)\b)/i;
/** A date field: "Date: 14.03.2023", "Dated 13.3.2018", "Date of signature: 17 June 2014" (the value holds a digit). */
const DATE_FIELD = /\bDate(?:d|\s+of\s+signature|\s+signed)?\b:?\s*(\S[^\n]*\d[^\n]*)$/;
/** A date field's label alone on its line, its value on the next ("Date of signature:"). */
const DATE_LABEL = /^\W*Date(?:d|\s+of\s+signature|\s+signed)?\s*:?\s*$/;
/** A date alone on its line ("14 October 2015", "14.10.2015"): a signature's date written without its label. */
const LONE_DATE = new RegExp(`^\\W*(${WRITTEN_DATE})\\W*$`);
const MAX_SIGNATURE_LINES = 6;
const MAX_SIGNATURE_LINE_WORDS = 16;

export function findSignature(doc: NormalisedDocument, paragraphs: Paragraph[]): Block<Signature> | null {
  const signed = paragraphs.map((paragraph) => SIGNED.test(paragraph.text)).lastIndexOf(true);
  if (signed < 0) return null;
  // A date field just before "Signed" ("Dated 14 September 2016 / Signed: …") belongs to the block.
  const dateBefore = signed > 0 && /^\W*Dated?\b/.test(paragraphs[signed - 1].text) && DATE_FIELD.test(paragraphs[signed - 1].text);
  const first = dateBefore ? signed - 1 : signed;
  const block: Paragraph[] = [];
  for (let i = first; i < paragraphs.length && block.length < MAX_SIGNATURE_LINES + (dateBefore ? 1 : 0); i++) {
    const line = paragraphs[i];
    // "J. A. Okafor" opens with what could be a list label, but is a name.
    const listItem = markerOf(line) !== null && nameAt(doc.text, line.start, { capitals: true })?.end !== line.end;
    if (i > signed && (listItem || isTableRow(line) || words(line.text) > MAX_SIGNATURE_LINE_WORDS)) break;
    block.push(line);
  }
  const labelAt = block.findIndex((line) => DATE_LABEL.test(line.text));
  const dateLine =
    block.find((line) => DATE_FIELD.test(line.text)) ??
    (labelAt >= 0 ? block[labelAt + 1] : undefined) ??
    block.find((line) => LONE_DATE.test(line.text));
  // A date field broken mid-phrase ("Dated this 14th day of / March 2022") goes on on the next line.
  const dateGoesOn = dateLine && endsMidPhrase(dateLine.text) ? block[block.indexOf(dateLine) + 1] : undefined;
  // What each line holds besides the `Signed` and `Date` fields: the name and title, where written.
  const candidates = block.map((line) => {
    const label = SIGNED.exec(line.text)?.[0] ?? '';
    const text = line === dateGoesOn || DATE_LABEL.test(line.text) ? '' : line.text.slice(label.length).replace(DATE_FIELD, '').replace(LONE_DATE, '');
    const lead = /^[\s.:_,-]*/.exec(text)![0].length;
    return { line, start: line.start + label.length + lead, text: text.slice(lead).replace(/[\s.:_-]+$/, '') };
  }).filter((candidate) => candidate.text !== '');
  const used = [block[0], ...(dateLine ? [dateLine] : []), ...(dateGoesOn ? [dateGoesOn] : []), ...(labelAt >= 0 ? [block[labelAt]] : [])];
  let name: NameAt | null = null;
  let title: string | null = null;
  for (const [i, candidate] of candidates.entries()) {
    name = nameAt(doc.text, candidate.start, { capitals: true });
    if (!name) continue;
    used.push(candidate.line);
    // The title follows the name on its line, or stands on the next line.
    const rest = doc.text.slice(name.end, candidate.line.end).replace(/^[\s,\u2013-]+/, '').trim();
    const next = candidates[i + 1];
    if (rest !== '') title = rest;
    else if (next) {
      title = next.text;
      used.push(next.line);
    }
    break;
  }
  const last = used.reduce((a, b) => (b.end > a.end ? b : a));
  return {
    value: {
      name: name?.name ?? null,
      name_span: name ? spanOf(doc, name.start, name.end) : null,
      title,
      date_text: dateLine ? [((DATE_FIELD.exec(dateLine.text) ?? LONE_DATE.exec(dateLine.text))?.[1] ?? dateLine.text).trim(), ...(dateGoesOn ? [dateGoesOn.text.trim()] : [])].join(' ') : null,
      span: spanOf(doc, block[0].start, last.end),
    },
    paragraphs: block.filter((line) => line.end <= last.end).map((line) => line.index),
  };
}
