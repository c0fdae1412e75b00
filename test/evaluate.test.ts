import { evaluate, formatMisses, formatTable, measures, scoreRecord } from '../src/evaluate.js';
import type { DocumentRecord } from '../src/record.js';
import { SEEDS } from './helpers/fixtures.js';

/** Only the fields the scorer reads. */
const record = (fields: Partial<DocumentRecord>) =>
  ({ kind: 'other', council: null, address: null, dates: [], date_ranges: [], deadlines: [], cadences: [], grades: [], costs: [], people: [], statutes: [], anomalies: [], clauses: [], facts: {}, features: {}, ...fields }) as DocumentRecord;
const span = { page: 1, start: 0, end: 0 };

describe('scoreRecord', () => {
  test('one-valued fields: right, wrong, and a correct null', () => {
    const { scores } = scoreRecord(record({ kind: 'press_release', facts: { published: '2024-07-18' } }), { kind: 'cabinet_report', facts: { published: '2024-07-18' }, postcode: null });
    expect(scores.kind).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(scores['facts.published']).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(scores.postcode).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  test('list fields are sets: dates take range ends, grades only current ones', () => {
    const found = record({
      dates: [
        { text: 'x', span, value: '2024-02-16', precision: 'day', role: null, inferred: false, weekday: null },
        { text: 'x', span, value: '2024-02-16', precision: 'day', role: null, inferred: false, weekday: null },
        { text: 'x', span, value: '2024-02', precision: 'month', role: null, inferred: false, weekday: null },
      ],
      date_ranges: [{ text: 'x', span, start: '2023-12-04', end: '2023-12-22', role: null }],
      grades: [
        { text: 'x', span, area: null, judgement: null, grade: 'inadequate', when: null, current: true },
        { text: 'x', span, area: 'overall_effectiveness', judgement: null, grade: 'good', when: '2018-06', current: false },
      ],
    });
    const { scores, misses } = scoreRecord(found, { dates: ['2023-12-04', '2023-12-22', '2024-02-16', '2024-03-05'], grades: [{ area: null, grade: 'inadequate' }] });
    expect(scores.dates).toEqual({ tp: 3, fp: 0, fn: 1 });
    expect(misses.dates.missing).toEqual(['"2024-03-05"']);
    expect(scores.grades).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  test('fields absent from the gold are not scored; a failed document finds nothing', () => {
    expect(Object.keys(scoreRecord(record({}), { costs: [] }).scores)).toEqual(['costs']);
    expect(scoreRecord(null, { costs: [5000000], kind: 'other' }).scores).toEqual({ costs: { tp: 0, fp: 0, fn: 1 }, kind: { tp: 0, fp: 0, fn: 1 } });
  });

  test('measures', () => {
    expect(measures({ tp: 3, fp: 1, fn: 0 })).toEqual({ precision: 0.75, recall: 1, f1: 6 / 7 });
    expect(measures({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
  });
});

describe('the seeds, end to end', () => {
  test('F1 = 1.000 on every field over the twenty seed inputs (text, PDF, DOCX, HTML)', async () => {
    const evaluation = await evaluate(SEEDS);
    expect(evaluation.documents).toHaveLength(20);
    const failing = Object.entries(evaluation.totals).filter(([, score]) => measures(score).f1 < 1);
    if (failing.length > 0) throw new Error(`fields below F1 1.000:\n${formatTable(evaluation.totals)}\n\n${formatMisses(evaluation.documents)}`);
    expect(Object.keys(evaluation.totals).length).toBeGreaterThan(20);
  });
});
