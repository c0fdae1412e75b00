import { check } from '../../src/check/index.js';
import { recognise } from '../../src/recognise/index.js';
import type { NormalisedDocument } from '../../src/normalise/index.js';
import { DocumentRecord, SCHEMA_ID, type DocumentKind } from '../../src/record.js';
import { segment } from '../../src/segment/index.js';

/** A record for a passage: the recognisers' output, as the pipeline builds it before checking. */
function recordOf(text: string, kind: DocumentKind = 'other'): DocumentRecord {
  const doc: NormalisedDocument = { text, pages: [{ page: 1, start: 0, end: text.length }] };
  return DocumentRecord.parse({
    schema: SCHEMA_ID,
    source: { path: 'passage.txt', sha256: '0'.repeat(64), format: 'txt', pages: 1 },
    kind,
    address: null,
    text,
    pages: doc.pages,
    clauses: [],
    ...recognise(doc, kind, segment(doc, kind)),
    anomalies: [],
  });
}
const codes = (text: string, kind?: DocumentKind) => check(recordOf(text, kind)).map((a) => a.code);

describe('check', () => {
  test('signed before issued, not also reported as a year mismatch', () => {
    const text = 'This Improvement Notice is issued to the Council on Tuesday April 1st 2025.\nSigned:\nDate: 01/04/2024';
    expect(codes(text, 'improvement_notice')).toEqual(['signed_before_issued']);
  });

  test('signed on the day of issue is fine', () => {
    expect(codes('This Improvement Notice is issued to the Council on 3 April 2019.\nSigned:\nDate: 3 April 2019', 'improvement_notice')).toEqual([]);
  });

  test('a weekday that is not the date\'s', () => {
    const anomalies = check(recordOf('This Improvement Notice is issued to the Council on Monday 14 March 2023.', 'improvement_notice'));
    expect(anomalies.map((a) => a.code)).toEqual(['weekday_mismatch']);
    expect(anomalies[0].message).toContain('Tuesday');
  });

  test('the meeting date written with another year', () => {
    const text = 'Subject Heading:\tX\n17th July 2024\nSome text.\nCabinet, 17th July 2023';
    const anomalies = check(recordOf(text, 'cabinet_report'));
    expect(anomalies.map((a) => a.code)).toEqual(['date_year_mismatch']);
    expect(anomalies[0].spans.map((s) => text.slice(s.start, s.end))).toEqual(['17th July 2024', '17th July 2023']);
  });

  test('the same day and month in other years, neither about the document, is no mismatch', () => {
    expect(codes('Inspections on 5 March 2019 and 5 March 2021 were routine.')).toEqual([]);
  });

  test('two figures for the same cost that disagree', () => {
    expect(codes('The plan is costed at £5.011m.\nThe cost of the plan has been costed at £5.0011m.')).toEqual(['cost_mismatch']);
  });

  test('an approximate figure within its approximation is no mismatch', () => {
    expect(codes('The plan is costed at £5.011m.\nThe cost of the plan has been costed at c£5.0011m.')).toEqual([]);
  });

  test('close figures for different things are no mismatch', () => {
    expect(codes('The plan costs £4.3m. This comprises £2,150,000 for social work capacity and £2.1m for placements.\nIt is funded by a grant of £0.6m and £2.175m from the Children\'s Services budget.')).toEqual([]);
  });

  test('figures that agree within their rounding are no mismatch', () => {
    expect(codes('Funds of just over £11m were added.\nThe £11.2m growth is welcome.\nThe plan costs £5.011m, about £5m.')).toEqual([]);
  });

  test('a figure without its unit', () => {
    expect(codes('The plan costs £1.2m.\nThis leaves a c£0.35 shortfall.')).toEqual(['cost_unit_missing']);
  });

  test('parts that do not add up to their total', () => {
    expect(codes('The £1.2m workforce budget (£0.5m for the academy and £0.4m for agency staff) is held centrally.')).toEqual(['costs_do_not_sum']);
    expect(codes('A total of £2.5m, made up of £1.5m for staff and £0.2m for training.')).toEqual(['costs_do_not_sum']);
  });

  test('parts that add up within rounding', () => {
    expect(codes('grants of £0.671m (Improvement Grant of £0.352m, Mockingbird of £0.155m and SLiP of £0.164m)')).toEqual([]);
    expect(codes('c£1m (£0.52m and £0.5m)')).toEqual([]);
  });
});
