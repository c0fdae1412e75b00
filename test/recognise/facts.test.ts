import { recogniseCosts } from '../../src/recognise/costs.js';
import { recogniseDates } from '../../src/recognise/dates.js';
import { recogniseDeadlines } from '../../src/recognise/deadlines.js';
import { recogniseFacts } from '../../src/recognise/facts.js';
import { processFile } from '../../src/pipeline.js';
import { recognisePeople } from '../../src/recognise/people.js';
import type { DocumentKind, Facts } from '../../src/record.js';
import { goldNames, inputsOf, readGold, SEEDS, textIndex } from '../helpers/fixtures.js';

/** The facts of a passage, read with the structure the segmenter finds in it and the people it names. */
function factsOf(text: string, kind: DocumentKind) {
  const d = textIndex(text, kind);
  const { dates, ranges } = recogniseDates(d, kind);
  return recogniseFacts(d, kind, { dates, ranges, deadlines: recogniseDeadlines(d, dates), costs: recogniseCosts(d), people: recognisePeople(d) });
}

describe('recogniseFacts from passages', () => {
  test('a notice: issue, report and signature dates, the plan deadline counted from the notice', () => {
    const text = [
      'This Improvement Notice is issued to the Council on 15 June 2021, following the Ofsted inspection report published 28 May 2021.',
      '1. The Council must submit its improvement plan no later than 31 August 2021.',
      '2. The Council should aim for actions in the improvement plan to be delivered within 12 months of the date of this notice.',
      'Signed:',
      'Date: 16 June 2021',
    ].join('\n');
    const { facts, fact_evidence } = factsOf(text, 'improvement_notice');
    expect(facts).toEqual({ issued: '2021-06-15', inspection_report_published: '2021-05-28', signed: '2021-06-16', signatory: null, plan_deadline: '2022-06-15' });
    expect(fact_evidence.plan_deadline.text).toBe('within 12 months of the date of this notice');
    for (const evidence of Object.values(fact_evidence)) expect(text.slice(evidence.span.start, evidence.span.end)).toBe(evidence.text);
  });

  test('a cabinet report: header rows, dated events and the costs of plan and grant', () => {
    const text = [
      'Subject Heading:\tFostering Improvement Plan',
      'Is this a Key Decision?\tNo',
      'Thursday 6 March 2025',
      'The inspection took place between 13 and 24 January 2025 and the report was published on 21 February 2025.',
      'The improvement plan is costed at £1.4m, of which £0.3m is provided by the DfE Improvement Grant.',
    ].join('\n');
    const { facts, fact_evidence } = factsOf(text, 'cabinet_report');
    expect(facts).toEqual({
      meeting: '2025-03-06',
      subject: 'Fostering Improvement Plan',
      cabinet_member: null,
      key_decision: false,
      inspection_start: '2025-01-13',
      inspection_end: '2025-01-24',
      inspection_report_published: '2025-02-21',
      notice_issued: null,
      plan_submitted: null,
      plan_cost_gbp: 1400000,
      grant_gbp: 300000,
      committee: null,
      decision: null,
    });
    expect(fact_evidence.grant_gbp.text).toBe('£0.3m');
  });

  test('a cabinet report whose rows the segmenter did not take as its header table, with a labelled meeting date', () => {
    const text = [
      'Leeds City Council',
      'Report to Executive Board',
      'Date of meeting: 12 March 2025',
      '',
      'Report title:\tChildren\'s Services Improvement Plan - Progress Update',
      'Key decision:\tNo',
      '1. The improvement plan is costed at £3.4m over two years, of which £0.75m will be met from the DfE improvement grant.',
    ].join('\n');
    const { facts } = factsOf(text, 'cabinet_report');
    expect(facts).toMatchObject({ meeting: '2025-03-12', subject: "Children's Services Improvement Plan - Progress Update", key_decision: false, plan_cost_gbp: 3400000, grant_gbp: 750000 });
  });

  test.each([
    ['The total cost of delivering the improvement plan is £2.5 million over two years.', 2500000, null],
    ['The improvement plan is estimated to cost £4.2m. A grant of £1.1m has been agreed.', 4200000, 1100000],
    ['It will be funded by £1,250,000 from the reserve and £750k from the DfE improvement grant.', null, 750000],
    ['The Council has been awarded £400,000 of DfE improvement grant funding.', null, 400000],
    ['The Department has confirmed improvement grant funding of £500,000.', null, 500000],
    ['The plan will save £2m, funded from reserves.', null, null],
  ])('plan cost and grant: %s', (text, planCost, grant) => {
    const facts = factsOf(text, 'cabinet_report').facts as Facts;
    expect([facts.plan_cost_gbp, facts.grant_gbp]).toEqual([planCost, grant]);
  });

  test.each([
    ['WORCESTERSHIRE COUNTY COUNCIL\nCABINET\nJune 15, 2017\n\nCHILDREN\'S SOCIAL CARE: RESPONSE TO THE OFSTED INSPECTION\n\nRelevant Cabinet Member\tMr Graham Yeats', "CHILDREN'S SOCIAL CARE: RESPONSE TO THE OFSTED INSPECTION"],
    ['Walsall Council\nCabinet \u2013 18 July 2018\n\nImproving outcomes for children: the Improvement Plan\n\nPortfolio:\tCouncillor A Person', 'Improving outcomes for children: the Improvement Plan'],
    ['Report to Executive Board\nThe Children and Families Scrutiny Committee\n1. This report updates members on the plan.', null],
  ])('without a subject row, the subject is the title among the opening lines (%#)', (text, subject) => {
    const { facts, fact_evidence } = factsOf(text, 'cabinet_report');
    expect((facts as Facts).subject).toBe(subject);
    if (subject) expect(fact_evidence.subject.text).toBe(subject);
  });

  test('other documents have no facts', () => {
    expect(factsOf('Published: 18 July 2024', 'other')).toEqual({ facts: {}, fact_evidence: {} });
  });
});

describe('facts through the pipeline, on the seeds', () => {
  for (const name of goldNames(SEEDS)) {
    const gold = readGold<{ facts: Record<string, unknown> }>(SEEDS, name);
    for (const path of inputsOf(SEEDS, name)) {
      test(`${path.slice(SEEDS.length + 1)}: the gold facts, each with evidence that slices the text`, async () => {
        const result = await processFile(path);
        if (!result.ok) throw new Error(result.error.message);
        const record = result.value;
        expect(record.facts).toEqual(gold.facts);
        for (const [field, value] of Object.entries(gold.facts)) {
          if (value === null) continue;
          const evidence = record.fact_evidence[field];
          expect(evidence).toBeDefined();
          expect(record.text.slice(evidence.span.start, evidence.span.end)).toBe(evidence.text);
        }
      });
    }
  }
});
