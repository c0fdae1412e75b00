import { textIndex } from '../helpers/fixtures.js';
import { recogniseDates } from '../../src/recognise/dates.js';
import { recogniseDeadlines } from '../../src/recognise/deadlines.js';
import type { DateEntity } from '../../src/record.js';

const doc = (text: string) => textIndex(text);
/** The document's dates when it says it was issued on `iso`, as the date recogniser gives them. */
const issuedOn = (iso: string | null): DateEntity[] =>
  iso ? [{ text: iso, span: { page: 1, start: 0, end: 0 }, value: iso, precision: 'day', role: 'issued', inferred: false, weekday: null }] : [];

describe('recogniseDeadlines', () => {
  test.each([
    ['to be delivered by the end of December 2024 or sooner', '2024-12-31', 'by the end of December 2024'],
    ['to be delivered by the end of February 2028.', '2028-02-29', 'by the end of February 2028'],
    ['completed by the end of 2022 or sooner', '2022-12-31', 'by the end of 2022'],
    ['submitted no later than 30 June 2018.', '2018-06-30', 'no later than 30 June 2018'],
    ['delivered by 31st March 2025.', '2025-03-31', 'by 31st March 2025'],
  ])('%s → due %s', (text, due, written) => {
    expect(recogniseDeadlines(doc(text), issuedOn(null))).toEqual([expect.objectContaining({ due, relative: null, text: written })]);
  });

  test('a period after an event is a relative deadline', () => {
    expect(recogniseDeadlines(doc('complete a diagnostic within six months of the Ofsted inspection.'), issuedOn(null))).toEqual([
      expect.objectContaining({ due: null, relative: { every: 'P6M', after: 'the Ofsted inspection' }, text: 'within six months of the Ofsted inspection' }),
    ]);
  });

  test('a due date with its period in brackets is one deadline', () => {
    const text = 'delivered by the end of August 2020 (within 18 months of the Ofsted inspection) or sooner';
    const deadlines = recogniseDeadlines(doc(text), issuedOn(null));
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]).toMatchObject({
      due: '2020-08-31',
      relative: { every: 'P18M', after: 'the Ofsted inspection' },
      text: 'by the end of August 2020 (within 18 months of the Ofsted inspection)',
    });
  });

  test('a period from this notice is due that long after the issue date', () => {
    const deadlines = recogniseDeadlines(doc('to be delivered within 12 months of the date of this notice.'), issuedOn('2023-03-14'));
    expect(deadlines[0]).toMatchObject({ due: '2024-03-14', relative: { every: 'P12M', after: 'the date of this notice' } });
    expect(recogniseDeadlines(doc('to be delivered within 12 months of the date of this notice.'), issuedOn(null))[0].due).toBeNull();
  });

  test.each([
    ['produce an improvement plan within 6 weeks of the date of this Notice;', '2018-04-24', 'P6W'],
    ['reply within 28 days of this notice.', '2018-04-10', 'P28D'],
  ])('a period of weeks or days from this notice is due that many days after the issue date: %s', (text, due, every) => {
    expect(recogniseDeadlines(doc(text), issuedOn('2018-03-13'))[0]).toMatchObject({ due, relative: { every } });
  });

  test.each([
    'The plan should be submitted to the Department by a date determined by the Improvement Adviser.',
    'Ofsted will return in approximately two years.',
    'The report was published by Ofsted in February 2024.',
  ])('no deadline: %s', (text) => {
    expect(recogniseDeadlines(doc(text), issuedOn('2024-03-05'))).toEqual([]);
  });
});

describe('a past event is no deadline', () => {
  const dues = (text: string) => {
    const index = textIndex(text);
    return recogniseDeadlines(index, recogniseDates(index, 'other').dates).map((d) => d.due);
  };
  test('a "by" date of something told as done is none; one set for an action is', () => {
    expect(dues('The previous director had retired by March 2016.')).toEqual([]);
    expect(dues('By June 2019 caseloads had fallen below twenty.')).toEqual([]);
    expect(dues('She retired by March 2016, and the plan must be submitted by 30 June 2025.')).toEqual(['2025-06-30']);
    expect(dues('The Council was asked to: (c) send the Department a revised performance framework by 31 October 2025.')).toEqual(['2025-10-31']);
  });
});

describe('due dates the document dates another way', () => {
  const dues = (text: string, kind: 'other' | 'ofsted_report' = 'other') => {
    const index = textIndex(text, kind);
    return recogniseDeadlines(index, recogniseDates(index, kind).dates).map((d) => d.due);
  };

  test('a day written without its year takes the document\'s, where that puts it after the dates written in full', () => {
    expect(dues('Posted 3 March 2025\nThe council must send its plan by 30 April.')).toEqual(['2025-04-30']);
    // Before the article's own day: next year's, or past; no year is better than a wrong one.
    expect(dues('Posted 3 June 2025\nThe council must send its plan by 30 April.')).toEqual([]);
  });

  test("each row's date in a table's due-date column is a deadline", () => {
    const table = 'Requirement\tDue date\nThe provider must review its missing-child policy.\t14/03/2025\nThe provider must train night staff.\t02/05/2025\n\nLast inspected\t01/02/2024';
    expect(dues(table)).toEqual(['2025-03-14', '2025-05-02']);
    // The same table with its rows set as "requirement: date".
    expect(dues(table.replace(/\t/g, ': '))).toEqual(['2025-03-14', '2025-05-02']);
    expect(dues('Inspection date\tInspection type\n14/11/2023\tFull\n22/02/2023\tInterim')).toEqual([]);
  });

  test('a time given in prose counts from the dated event that gives it', () => {
    expect(dues('The direction issued on 2 February 2024 gives the council nine months to show progress.')).toEqual(['2024-11-02']);
    // Given on no dated day: a time limit still (SPEC), counted from nothing the text names, with no due date.
    expect(dues('The minister has given the council nine months to show progress.')).toEqual([null]);
  });
});

describe('a past event is no deadline, however it is told', () => {
  const dues = (text: string, dates: DateEntity[]) => recogniseDeadlines(textIndex(text), dates).map((d) => d.due);

  test('a relative clause about something else does not make the date an order', () => {
    expect(dues('Before April 2023, the service was run by the old county council, whose leaders expected to improve it.', [])).toEqual([]);
  });

  test("a day before the document's own date has passed", () => {
    expect(dues('The earlier direction asked the commissioner to report by 31 July 2025.', issuedOn('2025-09-12'))).toEqual([]);
    expect(dues('The commissioner is asked to report by 31 October 2025.', issuedOn('2025-09-12'))).toEqual(['2025-10-31']);
  });

  test('someone\'s past deed or a past event in the clause dates a done thing', () => {
    expect(dues('It lists the cases we reviewed and closed by 30 May 2025.', [])).toEqual([]);
    expect(dues('Counted are the visits that took place by 31 May 2025.', [])).toEqual([]);
  });
});

describe("an ombudsman's final decision", () => {
  test('a period from the final decision is due that long after the decision is issued', () => {
    const deadlines = recogniseDeadlines(textIndex('Within two months of my final decision, the council should review its policy.'), issuedOn('2025-03-10'));
    expect(deadlines[0]).toMatchObject({ due: '2025-05-10', relative: { every: 'P2M', after: 'my final decision' } });
  });
});

describe('time limits in prose with nothing to count from, and working days (issue 24, SPEC deadlines)', () => {
  const limits = (text: string) => recogniseDeadlines(textIndex(text), []).map((d) => [d.due, d.relative]);

  test('a report in six months, twelve months to show progress, within 20 working days: relative with no event', () => {
    expect(limits('The adviser will send the minister a report in three months.')).toEqual([[null, { every: 'P3M', after: null }]]);
    expect(limits('The council now has nine months to show real progress.')).toEqual([[null, { every: 'P9M', after: null }]]);
    expect(limits('Complaints must be answered within 20 working days.')).toEqual([[null, { every: 'P20D', after: null, working_days: true }]]);
    expect(limits('A reply is due within 10 working days of the hearing.')).toEqual([[null, { every: 'P10D', after: 'the hearing', working_days: true }]]);
  });

  test('a time told as spent is no limit set', () => {
    expect(limits('It took the council 18 months to recruit a permanent director.')).toEqual([]);
  });
});
