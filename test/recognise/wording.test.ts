/**
 * The kinds of wording issue 12 names, each as a short document through the whole pipeline:
 * roles read from either side of a date and across a line break, features in other words and
 * negated, deadlines from a month, a financial year or a dated event, grades and report facts
 * in prose, names as signatures write them, and anomalies that fire only on real slips. The
 * held-out sets in fixtures/wording/ measure the same on documents nobody tuned the rules on.
 */
import { processBytes } from '../../src/pipeline.js';
import type { DocumentRecord } from '../../src/record.js';

async function recordOf(text: string): Promise<DocumentRecord> {
  const result = await processBytes(new Uint8Array(Buffer.from(text, 'utf8')), 'passage.txt');
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const NOTICE_HEAD = 'Department for Education\nImprovement Notice: Sefton Metropolitan Borough Council\n';
const SIGNATURE = '\nSigned\nJane Okafor\nA senior civil servant in the Department for Education\n';

describe('dates: roles from the whole sentence', () => {
  test('a date before its verb', async () => {
    const record = await recordOf(`${NOTICE_HEAD}1. On 2 May 2023 the Minister issued an improvement notice to the Council.${SIGNATURE}`);
    expect(record.facts).toMatchObject({ issued: '2023-05-02' });
  });

  test('the same sentences hard-wrapped keep their roles, and the last inspection\'s grade keeps its own year', async () => {
    const text = [
      'Sefton Metropolitan Borough Council',
      'Report to Cabinet',
      'Date of meeting: 4 July 2024',
      '1. The Department for Education issued an improvement notice to',
      'the Council on 14 March 2024. The improvement plan was submitted',
      'to the Department on 30 April 2024. When Ofsted last inspected the',
      'service, in 2019, it was found to be',
      'Good overall.',
    ].join('\n');
    const record = await recordOf(text);
    expect(record.facts).toMatchObject({ notice_issued: '2024-03-14', plan_submitted: '2024-04-30' });
    // The last inspection's grade, with no newer one told, is the council's standing judgement (as
    // the published corpus's records have it), kept with the year of its own inspection.
    expect(record.grades.map((g) => [g.area, g.grade, g.when])).toEqual([['overall_effectiveness', 'good', '2019']]);
  });

  test('the notice a date is issued for: this one, not the one it replaces', async () => {
    const record = await recordOf(`${NOTICE_HEAD}1. This Improvement Notice is issued on 12 June 2024 and replaces the Notice issued to the Council on 12 June 2023.${SIGNATURE}`);
    expect(record.dates.map((d) => [d.value, d.role])).toEqual([['2024-06-12', 'issued'], ['2023-06-12', 'notice_issued']]);
    expect(record.anomalies).toEqual([]);
  });
});

describe('features in other words', () => {
  test.each([
    ["3. The Department's Improvement Adviser will chair the Board.", 'board_chair', 'dfe_appointed_adviser'],
    ['3. A DfE representative will sit on the Board.', 'department_at_board', true],
    ['3. The Department will not be represented on the Board.', 'department_at_board', false],
    ['3. The Adviser will send progress reports to the Department at eight-weekly intervals.', 'adviser_report_every', 'P8W'],
    ['3. Officials will hold bi-annual reviews of progress.', 'review_every', 'P6M'],
    ['3. The Council must submit its improvement plan by a date to be agreed with the Adviser.', 'plan_submission_set_by_adviser', true],
  ] as const)('%s → %s', async (clause, feature, value) => {
    const record = await recordOf(`${NOTICE_HEAD}1. This Improvement Notice is issued on 5 May 2024.\n2. The Secretary of State has appointed an Improvement Adviser.\n${clause}${SIGNATURE}`);
    expect((record.features as Record<string, unknown>)[feature]).toBe(value);
  });
});

describe('deadlines', () => {
  test.each([
    ['delivered by March 2026.', '2026-03-31'],
    ['delivered by the end of the 2025/26 financial year.', '2026-03-31'],
    ['delivered by the end of the 2024/25 academic year.', '2025-08-31'],
    ["delivered no later than 15 months after the report's publication.", '2025-08-01'],
  ])('%s → due %s', async (phrase, due) => {
    const record = await recordOf(`${NOTICE_HEAD}1. This Improvement Notice follows the Ofsted inspection report published on 1 May 2024.\n2. The actions in the improvement plan should be ${phrase}${SIGNATURE}`);
    expect(record.deadlines.map((d) => d.due)).toEqual([due]);
    expect(record.facts).toMatchObject({ plan_deadline: due });
  });
});

describe('grades in prose without quotes', () => {
  test.each([
    ['Ofsted rated the service as inadequate.', [[null, 'inadequate']]],
    ['Services were found to require improvement to be good.', [[null, 'requires_improvement']]],
    ['The council was judged outstanding for its care leavers.', [['care_leavers', 'outstanding']]],
  ])('%s', async (sentence, expected) => {
    const record = await recordOf(`Sefton Council news\nPublished 3 May 2024\n${sentence}\n`);
    expect(record.grades.filter((g) => g.current).map((g) => [g.area, g.grade])).toEqual(expected);
  });
});

describe('report facts in other words', () => {
  test('the plan cost in a sentence of its own, and the subject from the title block', async () => {
    const record = await recordOf(
      "Sefton Metropolitan Borough Council\nReport to Cabinet\n4 July 2024\nChildren's Services Improvement Plan\nReport of the Director of Children's Services\n1. Purpose\n1.1 The improvement plan will cost £3.2 million in total.\n",
    );
    expect(record.kind).toBe('cabinet_report');
    expect(record.facts).toMatchObject({ subject: "Children's Services Improvement Plan", plan_cost_gbp: 3200000, meeting: '2024-07-04' });
  });
});

describe('people as signatures and letters write them', () => {
  test.each([
    ['MARIA DE SOUZA', 'Maria de Souza'],
    ['J. A. Okafor', 'J. A. Okafor'],
    ["SEÁN O'DONNELL", "Seán O'Donnell"],
  ])('a signatory written %s is %s', async (written, name) => {
    const record = await recordOf(`${NOTICE_HEAD}1. This Improvement Notice is issued on 5 May 2024.\nSigned\n${written}\nDeputy Director, Department for Education\n`);
    expect(record.facts).toMatchObject({ signatory: name });
  });

  test('an addressee line without its colon', async () => {
    const record = await recordOf('Improvement Notice\nTo London Borough of Barnet\n1. This Improvement Notice is issued on 5 May 2024.\n');
    expect(record.council?.name).toBe('London Borough of Barnet');
    expect(record.address?.lines).toEqual(['London Borough of Barnet']);
  });
});

describe('anomalies that never cry wolf', () => {
  const report = (body: string) => `Sefton Metropolitan Borough Council\nReport to Cabinet\nDate of meeting: 17 July 2024\n${body}\n`;

  test('an hourly rate beside figures in millions is pounds, with no unit missing', async () => {
    const record = await recordOf(report('1. Agency staff cost £38.5 an hour; the agency budget is £2.4m.'));
    expect(record.costs.map((c) => c.amount_gbp)).toEqual([38.5, 2400000].map(Math.round));
    expect(record.anomalies).toEqual([]);
  });

  test('an anniversary is no year slip', async () => {
    const record = await recordOf(report("1. This comes five years to the day after Ofsted's inspection of 17 July 2019."));
    expect(record.anomalies).toEqual([]);
  });

  test('close figures for different things, and an approximate one, are no mismatch', async () => {
    const record = await recordOf(report('1. Staffing will cost £1.20m and placements £1.21m. Agency cover is expected to cost c£1.25m; the model puts that cost at £1.27m.'));
    expect(record.anomalies).toEqual([]);
  });

  test('parts that do not add up to their total are found, with every span', async () => {
    const record = await recordOf(report('1. The plan costs £2.5m, made up of £1.2m of grant and £0.9m from reserves.'));
    expect(record.anomalies.map((a) => [a.code, a.spans.map((s) => record.text.slice(s.start, s.end))])).toEqual([['costs_do_not_sum', ['£2.5m', '£1.2m', '£0.9m']]]);
  });

  test('one sum written twice with its digits swapped is a mismatch', async () => {
    const record = await recordOf(report('1. The improvement plan costs £5.011m.\n2. That Cabinet approves the £5.101m plan.'));
    expect(record.anomalies.map((a) => a.code)).toEqual(['cost_mismatch']);
  });
});

describe('messages say why a fact is null', () => {
  test('a report without a grant says what was looked for', async () => {
    const record = await recordOf("Sefton Metropolitan Borough Council\nReport to Cabinet: Children's Services Improvement Plan\nDate of meeting: 17 July 2024\n1. The plan costs £2.5m.\n");
    expect(record.facts).toMatchObject({ grant_gbp: null });
    expect(record.messages).toContainEqual(expect.objectContaining({ source: 'facts', code: 'fact_not_found', message: expect.stringContaining('grant_gbp') }));
  });
});
