import fc from 'fast-check';
import { citedStatutes, recogniseStatutes } from '../../src/recognise/statutes.js';
import { expectTraceable, loadDocument, passageCases, seedCases, textDocument } from './councils-fixtures.js';
import { textIndex } from '../helpers/fixtures.js';

type Pair = { act: string; section: string | null };
const sortPairs = (pairs: Pair[]) => [...pairs].sort((a, b) => a.act.localeCompare(b.act) || (a.section ?? '').localeCompare(b.section ?? ''));

describe('statutes', () => {
  test.each([...seedCases(), ...passageCases('statutes-', 'councils-', 'people-')].map((c) => [c.label, c] as const))('%s: the gold (act, section) set', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const statutes = recogniseStatutes(textIndex(doc));
    expect(citedStatutes(statutes)).toEqual(sortPairs(c.gold.statutes as Pair[]));
    expectTraceable(doc, statutes);
  });

  test('keeps every mention, with the section written beside the act', () => {
    const doc = textDocument('under s497A Education Act 1996; the Children Act 2004 (Section 11); the Children\'s Act (s11); section 149 of the Equality Act 2010 and the Equality Act 2010.');
    expect(recogniseStatutes(textIndex(doc)).map((s) => [s.text, s.act, s.section])).toEqual([
      ['s497A Education Act 1996', 'Education Act 1996', '497A'],
      ['Children Act 2004 (Section 11)', 'Children Act 2004', '11'],
      ["Children's Act (s11)", 'Children Act 2004', '11'],
      ['section 149 of the Equality Act 2010', 'Equality Act 2010', '149'],
      ['Equality Act 2010', 'Equality Act 2010', null],
    ]);
  });

  test('an act named without its year is the one the document names elsewhere', () => {
    const doc = textDocument('Duties under the Children Act 2004 apply. The Children Act also requires co-operation.');
    expect(recogniseStatutes(textIndex(doc)).map((s) => s.act)).toEqual(['Children Act 2004', 'Children Act 2004']);
  });

  test('never throws and keeps spans in range on arbitrary text', () => {
    const words = fc.constantFrom('section', 's', '11', '497A', 'of the', 'Children', "Children's", 'Act', '2004', '(s11)', 'and', 'Education', ',', '\n', 'The');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((parts) => parts.join(' '))), (text) => {
        const doc = textDocument(text);
        const statutes = recogniseStatutes(textIndex(doc));
        for (const statute of statutes) expect(text.slice(statute.span.start, statute.span.end)).toBe(statute.text);
        expect(statutes.every((statute) => statute.span.end <= text.length)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
