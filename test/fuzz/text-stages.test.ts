/**
 * Fuzzing the text stages (normalise, classify, segment, recognise) with fast-check: random
 * text and mutated seed text never make a stage throw, and every span points into the
 * normalised text (and, where it carries its text, at exactly that text). A second part feeds
 * a megabyte of adversarial text per pattern and requires it to finish in time that grows about
 * linearly with its size (no catastrophic backtracking).
 *
 * Replay a failure with the seed and path fast-check prints: `fc.assert(..., { seed, path })`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { classify } from '../../src/classify/index.js';
import { extractText } from '../../src/extract/text.js';
import { normalise, type NormalisedDocument } from '../../src/normalise/index.js';
import { recognise } from '../../src/recognise/index.js';
import type { DocumentKind } from '../../src/record.js';
import { segment } from '../../src/segment/index.js';
import { SEEDS } from '../helpers/hostile.js';

const SEED_TEXTS = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .map((name) => readFileSync(join(SEEDS, name), 'utf8'));

/** Every stage over one text; returns null when extract refuses it (empty, binary, too large). */
function runStages(text: string, kind?: DocumentKind): { doc: NormalisedDocument; output: unknown } | null {
  const extracted = extractText(new Uint8Array(Buffer.from(text, 'utf8')));
  if (!extracted.ok) return null;
  const doc = normalise(extracted.value);
  const classification = classify(doc);
  const as = kind ?? classification.kind;
  const segmented = segment(doc, as);
  const recognised = recognise(doc, as, segmented);
  return { doc, output: { classification, segmented, recognised } };
}

/** Problems with the spans and page ranges anywhere in the stages' output. */
function spanProblems(doc: NormalisedDocument, output: unknown): string[] {
  const problems: string[] = [];
  const length = doc.text.length;
  let previousEnd = 0;
  doc.pages.forEach((range, index) => {
    if (range.page !== index + 1 || range.start < previousEnd || range.start > range.end || range.end > length) {
      problems.push(`page range ${JSON.stringify(range)} in a text of ${length}`);
    }
    previousEnd = range.end;
  });
  // A clause's text is its span's text with white space folded (SPEC "Clause"); an entity's is exact.
  const visit = (value: unknown, path: string, folded = false) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}[${i}]`, folded));
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const span = record.span as { page: number; start: number; end: number } | undefined;
    if (span && typeof span === 'object') {
      if (!(span.start >= 0 && span.start <= span.end && span.end <= length)) problems.push(`${path}.span ${JSON.stringify(span)} outside 0..${length}`);
      if (!(span.page >= 1 && span.page <= Math.max(1, doc.pages.length))) problems.push(`${path}.span.page ${span.page} of ${doc.pages.length}`);
      const spanned = doc.text.slice(span.start, span.end);
      if (typeof record.text === 'string' && (folded ? spanned.replace(/\s+/g, ' ').trim() : spanned) !== record.text) {
        problems.push(`${path}.text ${JSON.stringify(record.text)} is not the spanned ${JSON.stringify(spanned)}`);
      }
    }
    for (const [key, child] of Object.entries(record)) if (key !== 'span') visit(child, `${path}.${key}`, key === 'clauses');
  };
  visit(output, '');
  return problems;
}

function checkText(text: string, kind?: DocumentKind): void {
  const run = runStages(text, kind);
  if (run) expect(spanProblems(run.doc, run.output)).toEqual([]);
}

/** Characters the recognisers look for, so random text hits their paths. */
const TOKENS = [
  '1.', '2.', '10.', 'a.', '(b)', '- ', '• ', '£', '5,000', '£1.2m', '2024', '31 March 2025', '5th', 'March', 'Tuesday', '/', '-',
  'within', 'months', 'every', 'six', 'weeks', 'by', 'the end of', 'Section 11', 'of the', 'Children Act 2004', 's497A', 'Council',
  'London Borough of', 'Borough', 'County', 'Improvement Notice', 'Ofsted', 'inadequate', 'good', 'Signed:', 'Date:', 'Mr', 'Dr',
  'Chair', 'Adviser', '\t', '\n', '\n\n', '\f', ' ', '  ', '\r\n', '-\n', '’', '“', 'ﬁ', '\u00a0', '\u200b', 'RM1 3BD', 'To:',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 120 }).map((tokens) => tokens.join(''));
const anyText = fc.string({ unit: 'binary', maxLength: 400 });
const mixedText = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 150 }).map((parts) => parts.join(''));

/** A seed text changed by a few edits: cuts, copies, insertions, swapped lines. */
const mutatedSeed = fc
  .tuple(
    fc.constantFrom(...SEED_TEXTS),
    fc.array(
      fc.tuple(fc.constantFrom('cut', 'copy', 'insert', 'swap'), fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 }))),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([seed, edits]) => {
    let text = seed;
    for (const [edit, at, size, insert] of edits) {
      const start = at % (text.length + 1);
      const end = Math.min(text.length, start + size);
      if (edit === 'cut') text = text.slice(0, start) + text.slice(end);
      else if (edit === 'copy') text = text.slice(0, end) + text.slice(start, end) + text.slice(end);
      else if (edit === 'insert') text = text.slice(0, start) + insert + text.slice(start);
      else {
        const lines = text.split('\n');
        const i = start % lines.length;
        const j = end % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        text = lines.join('\n');
      }
    }
    return text;
  });

const kinds = fc.constantFrom<DocumentKind | undefined>(undefined, 'improvement_notice', 'cabinet_report', 'press_release', 'other');

describe('fuzzing the text stages', () => {
  test('random binary strings: no throw, spans in range', () => {
    fc.assert(fc.property(anyText, kinds, (text, kind) => checkText(text, kind)), { numRuns: 150 });
  });

  test('strings of the tokens the recognisers look for: no throw, spans in range', () => {
    fc.assert(fc.property(tokenText, kinds, (text, kind) => checkText(text, kind)), { numRuns: 200 });
  });

  test('tokens mixed with random characters: no throw, spans in range', () => {
    fc.assert(fc.property(mixedText, kinds, (text, kind) => checkText(text, kind)), { numRuns: 150 });
  });

  test('mutated seed documents: no throw, spans in range', () => {
    fc.assert(fc.property(mutatedSeed, kinds, (text, kind) => checkText(text, kind)), { numRuns: 40 });
  });

  test('the unmutated seeds pass the same checks (the checker finds spans to check)', () => {
    for (const text of SEED_TEXTS) {
      const run = runStages(text);
      expect(run).not.toBeNull();
      expect(spanProblems(run!.doc, run!.output)).toEqual([]);
      expect(JSON.stringify(run!.output).match(/"span"/g)?.length ?? 0).toBeGreaterThan(5);
    }
  });

  test('the checker itself reports a span that misses its text', () => {
    const doc = { text: 'Barchester', pages: [{ page: 1, start: 0, end: 10 }] };
    expect(spanProblems(doc, { people: [{ text: 'Barch', span: { page: 1, start: 1, end: 6 } }] })).toHaveLength(1);
    expect(spanProblems(doc, { people: [{ text: 'Barch', span: { page: 1, start: 0, end: 50 } }] })).toHaveLength(2);
    const lines = { text: 'Barchester\nshall', pages: [{ page: 1, start: 0, end: 16 }] };
    expect(spanProblems(lines, { clauses: [{ text: 'Barchester shall', span: { page: 1, start: 0, end: 16 } }] })).toEqual([]);
    expect(spanProblems(lines, { people: [{ text: 'Barchester shall', span: { page: 1, start: 0, end: 16 } }] })).toHaveLength(1);
  });
});
