/**
 * A megabyte of adversarial text through normalise, classify, segment and
 * recognise: long runs of digits, pound signs, dotted numbers, dashes, a phrase the statute
 * recogniser reads repeated without end, a twelfth of the megabyte each. It must finish within
 * a minute, and may take at most 8 times as long as a quarter megabyte of the same (linear is 4
 * times, quadratic 16), so a catastrophic regular expression fails one of the two.
 */
import { classify } from '../../src/classify/index.js';
import { extractText } from '../../src/extract/text.js';
import { normalise } from '../../src/normalise/index.js';
import { recognise } from '../../src/recognise/index.js';
import { segment } from '../../src/segment/index.js';

const MEGABYTE = 1024 * 1024;

/** Repeats `unit` to `size` characters, breaking it into lines of about `lineLength`. */
function fill(unit: string, size: number, lineLength: number): string {
  const line = unit.repeat(Math.max(1, Math.ceil(lineLength / unit.length)));
  return `${line}\n`.repeat(Math.ceil(size / (line.length + 1))).slice(0, size);
}

const PATTERNS: Array<{ name: string; unit: string; lineLength: number }> = [
  { name: 'a run of digits', unit: '0123456789', lineLength: MEGABYTE },
  { name: 'pound signs', unit: '£', lineLength: 4000 },
  { name: 'pound amounts without end', unit: '£1,000,', lineLength: 4000 },
  { name: 'dotted numbering', unit: '1.', lineLength: 4000 },
  { name: 'dotted numbering in one line', unit: '1.1.', lineLength: MEGABYTE },
  { name: 'spaced dashes', unit: '- ', lineLength: 4000 },
  { name: 'a statute phrase repeated', unit: 'section 11 of the ', lineLength: 4000 },
  { name: 'dates run together', unit: '1 March 2024 to ', lineLength: 4000 },
  { name: 'capitalised words (names, councils)', unit: 'London Borough Council Mr Smith ', lineLength: 4000 },
  { name: 'list markers', unit: 'a. (b) - ', lineLength: 200 },
  { name: 'tabs and spaces', unit: 'Key\t \t value ', lineLength: 2000 },
  { name: 'one hyphenated word per line', unit: 'improve-', lineLength: 8 },
  // A name pattern of optional pieces repeated backtracks exponentially on such a word.
  { name: 'signature blocks with a long capitalised word', unit: 'Signed:\nAbcdefghijklmnopqrstuvwxyzabcdefghij!\n', lineLength: 40 },
  { name: 'long capitalised words', unit: 'Abcdefghijklmnopqrstuvwxyzabcdefghijklmno McAbcdefghijklmnopqrstuvwxyz ', lineLength: 4000 },
];

/** Every pattern in turn, an equal share of `size` each. */
function adversarialText(size: number): string {
  return PATTERNS.map(({ unit, lineLength }) => fill(unit, Math.floor(size / PATTERNS.length), lineLength)).join('\n');
}

/** normalise, classify, segment and recognise; the notice path (clauses, features) reads the most. */
function timed(text: string): number {
  const started = performance.now();
  const extracted = extractText(new Uint8Array(Buffer.from(text, 'utf8')));
  if (!extracted.ok) throw new Error(`${extracted.error.code}: ${extracted.error.message}`);
  const doc = normalise(extracted.value);
  classify(doc);
  recognise(doc, 'improvement_notice', segment(doc, 'improvement_notice'));
  return performance.now() - started;
}

/** A megabyte of prose as one paragraph: one line, sentences with dates, sums, cadences, clauses. */
function oneParagraph(size: number): string {
  const sentence = 'The Council will improve practice, and the improvement plan is costed at £1.2m by 31 March 2025 with reviews every six months under section 11 of the Children Act 2004. ';
  return sentence.repeat(Math.ceil(size / sentence.length)).slice(0, size);
}

/** Capitalised words without end, as a run of names and places: the organisation, statute and people patterns' worst case. */
function capitalisedWords(count: number): string {
  const words = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel', 'India', 'Juliet', 'Councillor', 'Police'];
  return Array.from({ length: count }, (_, i) => words[(i * 7) % words.length]).join(' ');
}

describe('one long paragraph and a long run of capitalised words finish (their speed is the bench\'s to report)', () => {
  test.each([
    ['a megabyte as a single paragraph', () => oneParagraph(MEGABYTE)],
    ['ten thousand capitalised words', () => capitalisedWords(10_000)],
  ])('%s', (_, make) => {
    const text = make();
    const extracted = extractText(new Uint8Array(Buffer.from(text, 'utf8')));
    if (!extracted.ok) throw new Error(`${extracted.error.code}: ${extracted.error.message}`);
    const doc = normalise(extracted.value);
    const recognised = recognise(doc, 'improvement_notice', segment(doc, 'improvement_notice'));
    for (const date of recognised.dates) expect(doc.text.slice(date.span.start, date.span.end)).toBe(date.text);
  }, 120_000);
});

describe('a megabyte of adversarial text', () => {
  test('finishes, in about linear time', () => {
    const quarter = timed(adversarialText(MEGABYTE / 4));
    const whole = timed(adversarialText(MEGABYTE));
    expect(whole).toBeLessThan(60_000);
    // Linear: whole ≈ 4 × quarter. Quadratic would be 16 ×; allow up to 8 × plus a fixed 300 ms.
    expect(whole).toBeLessThan(quarter * 8 + 300);
  }, 120_000);
});
