/**
 * The classifier on the seeds and variants (from text and PDF) and on documents written for
 * these tests: other councils' reports and releases, and documents that are none of the kinds.
 */
import { basename, join } from 'node:path';
import { classify } from '../../src/classify/index.js';
import type { NormalisedDocument } from '../../src/normalise/index.js';
import type { DocumentKind } from '../../src/record.js';
import { FIXTURES, SEEDS, goldNames, inputsOf, normalisedFile, readGold } from '../helpers/fixtures.js';

function docOf(lines: string[]): NormalisedDocument {
  const text = lines.join('\n');
  return { text, pages: [{ page: 1, start: 0, end: text.length }] };
}

const inputs = [SEEDS, join(FIXTURES, 'variants')].flatMap((folder) =>
  goldNames(folder).flatMap((name) => inputsOf(folder, name).map((path) => ({ path, file: basename(path), kind: readGold<{ kind: DocumentKind }>(folder, name).kind }))),
);

describe('classify', () => {
  it.each(inputs)('$file is a $kind, with evidence that points into its text', async ({ path, kind }) => {
    const doc = await normalisedFile(path);
    const { kind: found, evidence } = classify(doc);
    expect(found).toBe(kind);
    expect(evidence.filter((item) => item.kind === kind).length).toBeGreaterThanOrEqual(2);
    for (const item of evidence) {
      expect(item.span).not.toBeNull();
      expect(doc.text.slice(item.span!.start, item.span!.end).length).toBeGreaterThan(0);
    }
  });

  it("reads another council's cabinet report by its header table and headings", () => {
    const doc = docOf([
      'Report Title:\tChildren\'s Services Improvement Plan',
      'Portfolio Holder:\tCllr Sam Okafor, Children and Families',
      'Key Decision:\tNo',
      'Contact Officer:\tRuth Baines, Head of Improvement',
      'EXECUTIVE SUMMARY',
      'Ofsted judged services inadequate in March 2023.',
      'RECOMMENDATIONS',
      'It is recommended that Cabinet notes the plan.',
    ]);
    expect(classify(doc).kind).toBe('cabinet_report');
  });

  it("reads another council's press release by its quotes and publication line", () => {
    const doc = docOf([
      'Sefton sets out plan to improve children\'s services',
      'Sefton Council has published its response to the Ofsted inspection.',
      'Cllr Mhairi Doyle, Cabinet Member for Children, said:',
      '"We are determined to get this right for every child."',
      'Published on 4 October 2023',
      'Notes to editors',
    ]);
    expect(classify(doc).kind).toBe('press_release');
  });

  it('reads an older executive report by its portfolio row, wards row and dated meeting line', () => {
    const doc = docOf([
      'Walsall Council',
      'Cabinet \u2013 18 July 2018',
      'Improving outcomes for children: Ofsted inspection and Improvement Plan',
      'Portfolio:\tCouncillor Tariq Hussain \u2013 Children\'s Services',
      'Wards:\tAll',
      '1. Summary',
      '2. Recommendations',
      '2.1 That Cabinet approves the plan.',
    ]);
    expect(classify(doc).kind).toBe('cabinet_report');
    expect(classify(doc).evidence.map((e) => e.rule)).toEqual(expect.arrayContaining(['header_cabinet_member', 'header_wards_affected', 'meeting_line', 'heading_recommendations']));
  });

  it('reads a notice whose title names the council and whose issuing sentence gives the date before the addressee', () => {
    const doc = docOf([
      'Department for Education',
      'Improvement Notice: Peterborough City Council',
      'This Improvement Notice is issued on Tuesday 13th March 2018 to Peterborough City Council in respect of its children\'s social care services.',
      '1. The Council shall produce an improvement plan.',
    ]);
    expect(classify(doc).kind).toBe('improvement_notice');
  });

  it('answers other for a document that matches no kind', () => {
    const doc = docOf(['Summer reading challenge', 'Libraries across the borough are open until 8pm on Thursdays.', 'Children who read six books get a medal.']);
    expect(classify(doc)).toEqual({ kind: 'other', evidence: [], publisher: null, messages: [] });
  });

  it('answers other when the evidence is weak or split between kinds', () => {
    const passing = docOf(['Ofsted letter', 'To: the Director of Children\'s Services', 'Thank you for hosting our monitoring visit.']);
    expect(classify(passing).kind).toBe('other');
    const mixed = docOf(['Improvement Notice', 'Subject Heading:\tResponse to the notice', 'Cabinet Member:\tCllr Ann Lee', 'Published: 3 May 2024']);
    expect(classify(mixed).kind).toBe('other');
  });
});
