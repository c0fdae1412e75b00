import { textIndex } from '../helpers/fixtures.js';
import { recogniseCadences } from '../../src/recognise/cadences.js';

const doc = (text: string) => textIndex(text);

describe('recogniseCadences', () => {
  test.each([
    ['will undertake reviews of progress against the improvement plan at least every six months and more', 'at least every six months', 'P6M', true, 'review'],
    ['will provide to the Department 6 weekly reports of progress', '6 weekly', 'P6W', false, 'report'],
    ['The Board meets every 8 weeks.', 'every 8 weeks', 'P8W', false, 'meeting'],
    ['closely monitored at our monthly PIB and', 'monthly', 'P1M', false, null],
    ['This includes quarterly monitoring visits and a full re-inspection', 'quarterly', 'P3M', false, 'monitoring_visit'],
    ['through formal reviews every six months.', 'every six months', 'P6M', false, 'review'],
    ['Fortnightly practice meetings', 'Fortnightly', 'P2W', false, 'meeting'],
    ['Three-monthly reviews are held', 'Three-monthly', 'P3M', false, 'review'],
    ['The council reports annually.', 'annually', 'P1Y', false, 'report'],
    ['at least once a month', 'at least once a month', 'P1M', true, null],
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
  ])('not a cadence: %s', (text) => {
    expect(recogniseCadences(doc(text))).toEqual([]);
  });
});
