/**
 * The classifier on the seeds and variants (from text and PDF) and on documents written for
 * these tests: other councils' reports and releases, and documents that are none of the kinds.
 */
import { basename, join } from 'node:path';
import { classify, ownWords } from '../../src/classify/index.js';
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

describe('classify: who speaks, who publishes, what the page is', () => {
  const page = (lines: string[], publisher?: string): NormalisedDocument => ({ ...docOf(lines), ...(publisher && { publisher }) });
  const quote = 'Councillor Ana Reyes, Cabinet Member for Children, said: "We are proud of our social workers and we will keep improving our services."';

  it("a council's release in its own voice on its own site is a press release; the same story by an outlet with a by-line is a news article", () => {
    const story = ["Ofsted finds children's services improving", 'Published: 4 June 2024', 'Our children\'s services have improved, Ofsted said after its monitoring visit to us in May.', quote, 'We will publish our plan next month.'];
    expect(classify(page(story, 'Bolton Council')).kind).toBe('press_release');
    expect(classify(page(story, 'Bolton Council')).publisher).toEqual({ name: 'Bolton Metropolitan Borough Council', council_gss: 'E08000001' });
    const article = ["Ofsted finds Bolton children's services improving", 'By Jo Marsh, Local Democracy Reporter', 'Published: 4 June 2024', "Bolton council's children's services have improved, Ofsted said after a monitoring visit in May.", quote, 'A spokesperson for the council said the plan would follow.'];
    expect(classify(page(article, 'Bolton Evening Herald')).kind).toBe('news_article');
    expect(classify(page(article, 'Bolton Evening Herald')).publisher).toEqual({ name: 'Bolton Evening Herald', council_gss: null });
  });

  it("the publication's own voice is counted outside its quotations only", () => {
    expect(ownWords('He said "we will, our plan" and we left.')).toBe(`He said ${' '.repeat(19)} and we left.`);
    expect(ownWords('"We begin a quote that runs on')).toBe(' '.repeat(30));
  });

  it('a page that lists a document with its file is a publication page, never the document it announces', () => {
    const listing = ['Direction issued to west sussex county council: March 2024', 'From: Department for Education', 'Published 27 March 2024', "The Secretary of State has issued a direction to the council about its children's services.", 'Documents', 'Direction issued to West Sussex County Council: March 2024', 'PDF, 390 KB, 4 pages', 'See all updates'];
    const found = classify(page(listing, 'GOV.UK'));
    expect(found.kind).toBe('publication_page');
    expect(found.publisher).toEqual({ name: 'Department for Education', council_gss: null });
  });

  it('a debate, another regulator\'s report and a story headlined about a budget or a school are none of the kinds', () => {
    expect(classify(page(["Children's social care: intervention", 'Ms Ana Reyes (Lab)', 'I beg to move that this House has considered the improvement notice regime.', 'We must do better for our children, and our councils need support.'], 'UK Parliament')).kind).toBe('other');
    expect(classify(page(["Kennet House: care home rated inadequate", 'Download report (PDF, 612KB)', 'People who use our service said the staff were kind; our inspectors found risks.'], 'Care Quality Commission')).kind).toBe('other');
    expect(classify(page(["Council tax to rise as children's care costs grow", 'Published: 20 February 2024', 'We have agreed our budget for 2024/25. Our children\'s services spend more on placements.', quote], 'Dorset Council')).kind).toBe('other');
  });

  it('a decision record and a whole meeting\'s minutes with an item on the matter are committee papers', () => {
    expect(classify(docOf(['Decision details', "Children's Services Improvement Notice", 'Decision Maker: Cabinet', 'Is Key decision?: Yes', 'Meeting: 12/03/2024 - Cabinet (Item 7.)', 'Decision: Cabinet endorsed the improvement plan.'])).kind).toBe('cabinet_report');
    expect(classify(docOf(['Agenda, decisions and minutes for Cabinet on Monday 14 July 2025', 'Present: Councillor Hoyland in the Chair', '23.\tMinutes of the Previous Meeting', "25.\tChildren's Services Improvement Notice - Progress Report", 'Minutes: Resolved:- That the progress be noted.'])).kind).toBe('cabinet_report');
  });

  it('says so when no kind has clear evidence', () => {
    const found = classify(docOf(['Notes', 'Dear colleague', 'Please find the minutes attached.']));
    expect(found.kind).toBe('other');
    expect(found.messages.map((m) => m.code)).toEqual(['kind_unclear']);
  });
});
