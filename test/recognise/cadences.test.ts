import { textIndex } from '../helpers/fixtures.js';
import { recogniseCadences } from '../../src/recognise/cadences.js';

const doc = (text: string) => textIndex(text);

describe('recogniseCadences', () => {
  test.each([
    ['will undertake reviews of progress against the improvement plan at least every six months and more', 'at least every six months', 'P6M', true, 'review'],
    ['will provide to the Department 6 weekly reports of progress', '6 weekly', 'P6W', false, 'report'],
    ['The Board meets every 8 weeks.', 'every 8 weeks', 'P8W', false, 'meeting'],
    ['closely monitored at our monthly PIB and', 'monthly', 'P1M', false, 'monitoring'],
    ['This includes quarterly monitoring visits and a full re-inspection', 'quarterly', 'P3M', false, 'monitoring_visit'],
    ['through formal reviews every six months.', 'every six months', 'P6M', false, 'review'],
    ['Fortnightly practice meetings', 'Fortnightly', 'P2W', false, 'meeting'],
    ['Three-monthly reviews are held', 'Three-monthly', 'P3M', false, 'review'],
    ['The council reports annually.', 'annually', 'P1Y', false, 'report'],
    ['The adviser will visit at least once a month', 'at least once a month', 'P1M', true, 'visit'],
    ['The adviser will send bi-monthly reports.', 'bi-monthly', 'P2M', false, 'report'],
    ['The board meets every other month.', 'every other month', 'P2M', false, 'meeting'],
  ])('%s', (text, written, every, atLeast, subject) => {
    expect(recogniseCadences(doc(text))).toEqual([expect.objectContaining({ text: written, every, at_least: atLeast, subject })]);
  });

  test('"monthly PIB and quarterly PIOB meetings" gives both periods, both of meetings', () => {
    const cadences = recogniseCadences(doc('progress is monitored at our monthly PIB and quarterly PIOB meetings.'));
    expect(cadences.map((c) => [c.every, c.subject])).toEqual([['P1M', 'meeting'], ['P3M', 'meeting']]);
  });

  test.each([
    'This followed a two-week standard inspection.',
    'a full re-inspection in approximately two years.',
    'This will include regular reviews by the DfE.',
    'The advisers will provide to the Department regular reports of progress.',
    'the 18-month programme and the six-week consultation',
    'within 18 months of the Ofsted inspection',
    // A period with nothing said to recur in it.
    'at least once a month',
  ])('not a cadence: %s', (text) => {
    expect(recogniseCadences(doc(text))).toEqual([]);
  });
});

describe('a cadence is the recurrence of what the intervention or the oversight does', () => {
  const everyOf = (text: string) => recogniseCadences(textIndex(text)).map((c) => c.every);
  test('no figure of speech, publication or event for the public is one', () => {
    expect(everyOf('Every day counts for a child in care.')).toEqual([]);
    expect(everyOf('Sign up to our free weekly newsletter for every Ofsted judgement.')).toEqual([]);
    expect(everyOf('Foster carers are invited to monthly coffee mornings at the civic centre.')).toEqual([]);
  });
  test('reviews, reports, visits, boards, monitoring and supervision are', () => {
    expect(everyOf('The improvement board meets every six weeks.')).toEqual(['P6W']);
    expect(everyOf('Inspectors return roughly every three months until the council is re-inspected.')).toEqual(['P3M']);
    expect(everyOf('Leaders have introduced monthly performance clinics for team managers.')).toEqual(['P1M']);
    expect(everyOf('The Department will review progress quarterly.')).toEqual(['P3M']);
  });
});

describe('"annual" qualifies the noun after it', () => {
  const everyOf = (text: string) => recogniseCadences(textIndex(text)).map((c) => c.every);
  test('an annual meeting or review of the oversight is yearly', () => {
    expect(everyOf("The director attends the regulator's annual conversation meeting in the autumn.")).toEqual(['P1Y']);
    expect(everyOf('Each placement has an annual review.')).toEqual(['P1Y']);
  });
  test('nothing else in the sentence is what an annual thing is', () => {
    // The review is earlier in the sentence; "annual" qualifies the budget.
    expect(everyOf("The review found a gap of 3% in the annual budget.")).toEqual([]);
    expect(everyOf('Carers were thanked at an annual celebration event.')).toEqual([]);
  });
  test('a recurring thing that is published is a publication, not a cadence', () => {
    expect(everyOf("The council's annual self-assessment, published each spring, was read by the board.")).toEqual([]);
    expect(everyOf('Monthly reports are published on the website.')).toEqual([]);
    expect(everyOf('Monthly reports go to the board.')).toEqual(['P1M']);
  });
});
