/**
 * Segmenting every seed and variant, from its text and from its PDF, gives the gold clauses
 * (ids in order, parents, headings, texts), spans that slice the normalised text, and the
 * gold postcode and signature.
 */
import { basename, join } from 'node:path';
import { classify } from '../../src/classify/index.js';
import { foldWhiteSpace, pageAt } from '../../src/normalise/index.js';
import type { DocumentKind } from '../../src/record.js';
import { segment } from '../../src/segment/index.js';
import { FIXTURES, SEEDS, goldNames, inputsOf, normalisedFile, readGold } from '../helpers/fixtures.js';

interface GoldClause {
  id: string;
  parent?: string | null;
  heading?: string | null;
  text?: string;
}
interface Gold {
  kind: DocumentKind;
  postcode: string | null;
  signature?: { name: string; date_text: string };
  clauses: GoldClause[];
}

const VARIANTS = join(FIXTURES, 'variants');
const inputs = [SEEDS, VARIANTS].flatMap((folder) =>
  goldNames(folder).flatMap((name) => inputsOf(folder, name).map((path) => ({ path, folder, name, file: basename(path) }))),
);

/** A gold without parents implies them: the id less its last part, where that clause exists. */
function expectedParent(gold: Gold, clause: GoldClause): string | null {
  if (clause.parent !== undefined) return clause.parent;
  const parent = clause.id.split('.').slice(0, -1).join('.');
  return gold.clauses.some((other) => other.id === parent) ? parent : null;
}

describe('segmenting the seeds and variants', () => {
  it('covers the ten seed inputs and at least three variants, one of them a PDF', () => {
    expect(inputs.filter((input) => input.folder === SEEDS)).toHaveLength(10);
    const variants = inputs.filter((input) => input.folder === VARIANTS);
    expect(new Set(variants.map((input) => input.name)).size).toBeGreaterThanOrEqual(3);
    expect(variants.some((input) => input.path.endsWith('.pdf'))).toBe(true);
  });

  describe.each(inputs)('$file', ({ path, folder, name }) => {
    const gold = readGold<Gold>(folder, name);
    let doc: Awaited<ReturnType<typeof normalisedFile>>;
    let segmented: ReturnType<typeof segment>;
    beforeAll(async () => {
      doc = await normalisedFile(path);
      segmented = segment(doc, classify(doc).kind);
    });

    it('is classified as the gold kind', () => {
      expect(classify(doc).kind).toBe(gold.kind);
    });

    it('has the gold clause ids, in order, with their parents', () => {
      expect(segmented.clauses.map((clause) => clause.id)).toEqual(gold.clauses.map((clause) => clause.id));
      expect(segmented.clauses.map((clause) => clause.parent)).toEqual(gold.clauses.map((clause) => expectedParent(gold, clause)));
    });

    it('has the gold clause texts and headings', () => {
      gold.clauses.forEach((expected, i) => {
        const clause = segmented.clauses[i];
        if (expected.text !== undefined) expect({ id: clause.id, text: clause.text }).toEqual({ id: expected.id, text: foldWhiteSpace(expected.text) });
        if (expected.heading !== undefined) expect({ id: clause.id, heading: clause.heading }).toEqual({ id: expected.id, heading: expected.heading });
      });
    });

    it('gives every clause a span that slices to its text, on the page it starts on', () => {
      for (const clause of segmented.clauses) {
        expect(foldWhiteSpace(doc.text.slice(clause.span.start, clause.span.end))).toBe(clause.text);
        expect(clause.span.page).toBe(pageAt(doc, clause.span.start));
        expect(clause.page).toBe(clause.span.page);
      }
    });

    it('finds the gold postcode in the addressee block', () => {
      expect(segmented.address?.postcode ?? null).toBe(gold.postcode);
      if (segmented.address) {
        const { start, end } = segmented.address.span!;
        expect(doc.text.slice(start, end)).toContain(gold.postcode);
        expect(segmented.address.lines[segmented.address.lines.length - 1]).toBe(gold.postcode);
      }
    });

    it('finds the signature where the gold gives one', () => {
      if (gold.kind !== 'improvement_notice') {
        expect(segmented.signature).toBeNull();
        return;
      }
      expect(segmented.signature).not.toBeNull();
      const signature = segmented.signature!;
      const signed = doc.text.slice(signature.span.start, signature.span.end);
      expect(signed).toMatch(/^Sign/);
      expect(signed).toContain(signature.date_text);
      if (gold.signature) expect({ name: signature.name, date_text: signature.date_text }).toEqual(gold.signature);
    });
  });

  it('follows a clause of the pdf-lib variant over its page break', async () => {
    const doc = await normalisedFile(join(VARIANTS, 'sandwell-notice-2021.pdf'));
    expect(doc.pages.length).toBeGreaterThan(1);
    const straddling = segment(doc, 'improvement_notice').clauses.filter((clause) => pageAt(doc, clause.span.end) !== clause.span.page);
    expect(straddling.length).toBeGreaterThan(0);
  });

  it('reads the cabinet report header table and sections', async () => {
    const path = join(SEEDS, 'havering-cabinet-report-2024.txt');
    const doc = await normalisedFile(path);
    const { header_table: rows, sections } = segment(doc, 'cabinet_report');
    const leadingRows = doc.text.split('\n').findIndex((line) => !line.includes('\t'));
    expect(rows).toHaveLength(leadingRows);
    for (const row of rows) {
      const line = doc.text.slice(row.span.start, row.span.end);
      expect(line.startsWith(row.key)).toBe(true);
      expect(line.endsWith(`\t${row.value}`)).toBe(true);
    }
    expect(rows.map((row) => row.key)).toEqual(expect.arrayContaining(['Subject Heading', 'Cabinet Member', 'Is this a Key Decision?']));
    const headings = sections.map((section) => section.heading);
    expect(headings.slice(0, 3)).toEqual(['SUMMARY', 'RECOMMENDATIONS', 'REPORT DETAIL']);
    expect(headings).toEqual(expect.arrayContaining(['Legal Implications and Risks:', 'BACKGROUND PAPERS']));
    // Lead-ins to bullet lists, dates and letterhead lines head no section.
    expect(headings).not.toEqual(expect.arrayContaining(['This includes the following requirements']));
    for (const section of sections) expect(doc.text.slice(section.span.start, section.span.end).startsWith(section.heading)).toBe(true);
  });

  it('finds no clauses, address or signature in the press release', async () => {
    for (const path of inputsOf(SEEDS, 'havering-press-release-2024')) {
      const doc = await normalisedFile(path);
      const segmented = segment(doc, 'press_release');
      expect(segmented).toMatchObject({ clauses: [], address: null, signature: null, header_table: [] });
    }
  });
});
