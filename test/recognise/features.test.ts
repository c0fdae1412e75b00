/**
 * Notice features from the clauses: the seed notices' gold features from text and PDF, with
 * evidence that points into the text, and passages of other wording.
 */
import { recogniseFeatures } from '../../src/recognise/features.js';
import { recogniseCadences } from '../../src/recognise/cadences.js';
import { TextIndex } from '../../src/recognise/text-index.js';
import type { CadenceEntity, Clause } from '../../src/record.js';
import { SEEDS, goldNames, inputsOf, readGold } from '../helpers/fixtures.js';
import { noticeRecord, type NoticeGold } from '../diff/records.js';

const notices = goldNames(SEEDS).filter((name) => readGold<NoticeGold>(SEEDS, name).kind === 'improvement_notice');
const inputs = notices.flatMap((name) => inputsOf(SEEDS, name).map((path) => [name, path] as const));

describe.each(inputs)('%s (%s)', (name, path) => {
  test('features equal the gold, each with evidence inside the clause it names', async () => {
    const gold = readGold<NoticeGold>(SEEDS, name);
    const record = await noticeRecord(path, gold);
    expect(record.features).toEqual(gold.features);
    expect(Object.keys(record.feature_evidence).length).toBeGreaterThanOrEqual(7);
    for (const evidence of Object.values(record.feature_evidence)) {
      expect(record.text.slice(evidence.span.start, evidence.span.end)).toBe(evidence.text);
      const clause = record.clauses.find((c) => c.id === evidence.clause)!;
      expect(evidence.span.start).toBeGreaterThanOrEqual(clause.span.start);
      expect(evidence.span.end).toBeLessThanOrEqual(clause.span.end);
    }
  });
});

/** A one-page document whose clauses are the given passages, one per line, with its cadences. */
function passages(texts: string[]): { index: TextIndex; cadences: CadenceEntity[] } {
  const text = texts.join('\n');
  let start = 0;
  const clauses: Clause[] = texts.map((t, i) => {
    const clause = { id: String(i + 1), parent: null, heading: null, text: t, page: 1, span: { page: 1, start, end: start + t.length } };
    start += t.length + 1;
    return clause;
  });
  const index = new TextIndex({ text, pages: [{ page: 1, start: 0, end: text.length }] }, { clauses, address: null, signature: null, header_table: [], sections: [], fields: [] });
  return { index, cadences: recogniseCadences(index) };
}

test('other wording: two advisers, a chair the Secretary of State appoints, quarterly reviews, fortnightly reports', () => {
  const { index, cadences } = passages([
    'The Secretary of State has decided to appoint two advisers to support the council.',
    'The council will set up an improvement board with a chair appointed by the Secretary of State.',
    'DfE officials will undertake reviews of progress quarterly.',
    'The advisers will send the Department fortnightly reports on progress against the plan.',
    'DfE will be represented on the improvement board.',
    'These reviews may cover leadership and the multi-agency safeguarding hub (MASH).',
  ]);
  const { features, feature_evidence } = recogniseFeatures(index, 'improvement_notice', cadences);
  expect(features).toEqual({
    board_chair: 'dfe_appointed_adviser',
    advisers: 'multiple',
    review_every: 'P3M',
    adviser_report_every: 'P2W',
    department_at_board: true,
    review_scope_mash: true,
    self_assessment_safeguarding_partners: false,
    plan_submission_set_by_adviser: false,
  });
  expect(feature_evidence.adviser_report_every).toMatchObject({ clause: '4', text: 'fortnightly' });
  expect(feature_evidence.review_scope_mash).toMatchObject({ clause: '6', text: 'These reviews may cover leadership and the multi-agency safeguarding hub' });
  // Nothing in the passages decides these: no evidence is invented.
  expect(feature_evidence.self_assessment_safeguarding_partners).toBeUndefined();
});

test('a chair "chaired by an independent person" and reports every two months', () => {
  const { index, cadences } = passages([
    'The Secretary of State will appoint an Improvement Adviser.',
    'There will be an improvement board chaired by an independent person.',
    'The Improvement Adviser will provide reports of progress to the Department every two months.',
  ]);
  const { features } = recogniseFeatures(index, 'improvement_notice', cadences);
  expect(features).toMatchObject({ board_chair: 'independent', advisers: 'single', adviser_report_every: 'P2M', review_every: null });
});

test('documents of other kinds have no features', () => {
  const { index, cadences } = passages(['The improvement board will meet monthly.']);
  expect(recogniseFeatures(index, 'cabinet_report', cadences)).toEqual({ features: {}, feature_evidence: {} });
});
