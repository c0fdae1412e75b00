/**
 * Properties over random text and mutated seed text: the recognisers never throw, every span
 * slices the text to the entity's text, and every date value is a real calendar date.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recognise } from '../../src/recognise/index.js';
import type { NormalisedDocument } from '../../src/normalise/index.js';
import { DocumentKind, type Recognised, type Segmented } from '../../src/record.js';
import { goldNames, SEEDS } from '../helpers/fixtures.js';

const noStructure: Segmented = { clauses: [], address: null, signature: null, header_table: [], sections: [], fields: [] };
const seedTexts = goldNames(SEEDS).map((name) => readFileSync(join(SEEDS, `${name}.txt`), 'utf8').replace(/\r/g, ''));

/** The normalised-text form: one paragraph per line, no blank lines, folded spaces. */
function normalisedOf(text: string): NormalisedDocument {
  const folded = text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return { text: folded, pages: [{ page: 1, start: 0, end: folded.length }] };
}

function isCalendarDate(value: string): boolean {
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function assertWellFormed(doc: NormalisedDocument, recognised: Recognised): void {
  const entities = [
    ...recognised.dates,
    ...recognised.date_ranges,
    ...recognised.deadlines,
    ...recognised.cadences,
    ...recognised.grades,
    ...recognised.costs,
  ];
  for (const entity of entities) expect(doc.text.slice(entity.span.start, entity.span.end)).toBe(entity.text);
  for (const evidence of Object.values(recognised.fact_evidence)) expect(doc.text.slice(evidence.span.start, evidence.span.end)).toBe(evidence.text);
  const values = [
    ...recognised.dates.map((d) => d.value),
    ...recognised.date_ranges.flatMap((r) => [r.start, r.end]),
    ...recognised.deadlines.flatMap((d) => (d.due ? [d.due] : [])),
    ...recognised.grades.flatMap((g) => (g.when ? [g.when] : [])),
  ];
  for (const value of values) expect(isCalendarDate(value)).toBe(true);
}

/** Pieces that look like the documents' own: dates, money, grades, numbers, tabs. */
const pieces = fc.constantFrom(
  ' ', '\n', '\t', '.', ',', '(', ')', '"', "'", '£', 'c£', 'm', 'million', 'k', '0', '1', '2', '9', '31', '29', '2024', '2025', '1996',
  '/', '-', 'February', 'March', 'May', 'June', 'Tuesday', 'the', 'and', 'between', 'to', 'by the end of', 'within', 'months', 'of',
  'every', 'six', 'weekly', 'quarterly', 'at least', 'Inadequate', 'Good', 'requires improvement to be good', 'overall',
  'issued', 'published', 'report', 'Signed:', 'Date:', 'this notice', 'Cabinet,', 'st', 'th', 'Act',
);
const documentish = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 80 }).map((parts) => parts.join(''));

/** A seed with a slice deleted, duplicated or replaced by random text. */
const mutatedSeed = fc
  .tuple(fc.integer({ min: 0, max: seedTexts.length - 1 }), fc.nat(), fc.nat({ max: 400 }), fc.oneof(documentish, fc.constant('')), fc.boolean())
  .map(([i, at, length, insert, duplicate]) => {
    const text = seedTexts[i];
    const start = at % (text.length + 1);
    const end = Math.min(text.length, start + length);
    return text.slice(0, start) + (duplicate ? text.slice(start, end) + text.slice(start, end) : insert) + text.slice(end);
  });

const kinds = fc.constantFrom(...DocumentKind.options);

describe('recognise: properties', () => {
  test('on random document-like text: never throws, spans exact, dates real', () => {
    fc.assert(
      fc.property(documentish, kinds, (text, kind) => {
        const doc = normalisedOf(text);
        assertWellFormed(doc, recognise(doc, kind, noStructure));
      }),
      { numRuns: 150 },
    );
  });

  test('on mutated seed text: never throws, spans exact, dates real', () => {
    fc.assert(
      fc.property(mutatedSeed, kinds, (text, kind) => {
        const doc = normalisedOf(text);
        assertWellFormed(doc, recognise(doc, kind, noStructure));
      }),
      { numRuns: 60 },
    );
  });
});
