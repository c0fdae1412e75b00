/**
 * The normalised text is the one text every offset points into: reading a seed from its PDF
 * and from its text must give the same text (white space folded), with no running matter.
 */
import { join } from 'node:path';
import { foldWhiteSpace } from '../../src/normalise/index.js';
import { SEEDS, goldNames, normalisedFile } from '../helpers/fixtures.js';

const seeds = goldNames(SEEDS);

describe('normalised text of the seeds', () => {
  it('has the five seeds', () => {
    expect(seeds).toHaveLength(5);
  });

  it.each(seeds)('%s: the PDF reads as the text does', async (name) => {
    const fromPdf = await normalisedFile(join(SEEDS, `${name}.pdf`));
    const fromText = await normalisedFile(join(SEEDS, `${name}.txt`));
    expect(foldWhiteSpace(fromPdf.text)).toBe(foldWhiteSpace(fromText.text));
  });

  it.each(seeds)('%s: no running header, footer or page number survives', async (name) => {
    const doc = await normalisedFile(join(SEEDS, `${name}.pdf`));
    const lines = doc.text.split('\n');
    for (const line of lines) {
      expect(line).not.toMatch(/^OFFICIAL - Improvement Notice:/);
      expect(line).not.toMatch(/^CABINET \d{1,2} \w+ \d{4}$/);
      expect(line).not.toMatch(/^Page \d+ of \d+$/);
      expect(line).not.toMatch(/^News - /);
      expect(line).not.toMatch(/^Improvement Notice - \w+$/);
    }
  });

  it.each(seeds)('%s: page ranges tile the text in order', async (name) => {
    const doc = await normalisedFile(join(SEEDS, `${name}.pdf`));
    expect(doc.pages[0].start).toBe(0);
    expect(doc.pages[doc.pages.length - 1].end).toBe(doc.text.length);
    for (let i = 1; i < doc.pages.length; i++) {
      expect(doc.pages[i].start).toBe(doc.pages[i - 1].end);
      expect(doc.pages[i].start).toBeGreaterThan(doc.pages[i - 1].start);
    }
  });

  it('keeps the cabinet report header as key<TAB>value rows with wrapped cells joined', async () => {
    const doc = await normalisedFile(join(SEEDS, 'havering-cabinet-report-2024.pdf'));
    const rows = doc.text.split('\n').filter((line) => line.includes('\t'));
    const keys = rows.map((row) => row.split('\t')[0]);
    expect(keys).toEqual(expect.arrayContaining(['Subject Heading:', 'Cabinet Member:', 'Policy context:', 'Financial summary:', 'Is this a Key Decision?', 'Judgement']));
    const policy = rows.find((row) => row.startsWith('Policy context:'))!;
    expect(policy.split('\t')[1]).toMatch(/^This report pertains .* issued in March 2024$/);
    const review = rows.find((row) => row.startsWith('When should this matter be reviewed?'))!;
    expect(review).toBe('When should this matter be reviewed? Reviewing OSC:\tEvery six months whilst in intervention. Children and Learning');
    const care = rows.find((row) => row.startsWith('The experiences and progress of children in care'));
    expect(care).toBe('The experiences and progress of children in care\tInadequate');
  });

  it('joins end-of-line hyphens only where the joined form is a word', async () => {
    const report = await normalisedFile(join(SEEDS, 'havering-cabinet-report-2024.pdf'));
    expect(report.text).toContain('their one-word judgement criteria');
    expect(report.text).toContain('socio-economics');
    const newham = await normalisedFile(join(SEEDS, 'newham-notice-2019.pdf'));
    expect(newham.text).toContain('a DfE-appointed adviser');
    expect(newham.text).toContain('multi-agency arrangements');
  });

  it('carries a paragraph across a page break onto one line, with the page starting inside it', async () => {
    const doc = await normalisedFile(join(SEEDS, 'havering-cabinet-report-2024.pdf'));
    const line = doc.text.split('\n').find((l) => l.startsWith('- 1.11.'))!;
    expect(line).toMatch(/identified in our Improvement Plan is vital/);
    const start = doc.text.indexOf('Improvement Plan is vital');
    expect(doc.pages.find((p) => p.page === 3)!.start).toBe(start);
  });
});
