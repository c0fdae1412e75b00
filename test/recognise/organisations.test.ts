import fc from 'fast-check';
import { recogniseOrganisations } from '../../src/recognise/organisations.js';
import { expectTraceable, loadDocument, passageCases, seedCases, sortedSet, textDocument } from './councils-fixtures.js';
import { textIndex } from '../helpers/fixtures.js';

describe('organisations', () => {
  test.each(seedCases().map((c) => [c.label, c] as const))('%s: the Department and Ofsted, traceable', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const organisations = recogniseOrganisations(textIndex(doc));
    expect(organisations.map((o) => o.name)).toEqual(expect.arrayContaining(['Department for Education', 'Ofsted']));
    expectTraceable(doc, organisations);
  });

  test('partners named in the cabinet report, by canonical name', async () => {
    const doc = await loadDocument('fixtures/seeds/havering-cabinet-report-2024.txt');
    const names = sortedSet(recogniseOrganisations(textIndex(doc)).map((o) => `${o.text} = ${o.name}`));
    expect(names).toEqual(expect.arrayContaining(['DfE = Department for Education', 'Met. Police = Metropolitan Police Service', 'NEL ICB = NEL Integrated Care Board']));
    expect(names.some((name) => name.endsWith('Safeguarding Children Partnership'))).toBe(true);
  });

  test.each(passageCases('statutes-').map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const doc = await loadDocument(c.path);
    expect(sortedSet(recogniseOrganisations(textIndex(doc)).map((o) => o.name))).toEqual(sortedSet(c.gold.organisations as string[]));
  });

  test('an Integrated Care Board is named by its area or its abbreviation', () => {
    const text = 'Partners include the SEL ICB, NHS Frimley ICB and the Humber and North Yorkshire Integrated Care Board; the ICB agreed.';
    expect(recogniseOrganisations(textIndex(text)).map((o) => `${o.text} = ${o.name}`)).toEqual([
      'SEL ICB = SEL Integrated Care Board',
      'NHS Frimley ICB = Frimley Integrated Care Board',
      'Humber and North Yorkshire Integrated Care Board = Humber and North Yorkshire Integrated Care Board',
      'ICB = Integrated Care Board',
    ]);
  });

  test('the longest pattern wins; other forces are named', () => {
    const text = 'Thames Valley Police, the Metropolitan Police, the police and the Kent Safeguarding Children Partnership.';
    expect(recogniseOrganisations(textIndex(text)).map((o) => o.name)).toEqual(['Thames Valley Police', 'Metropolitan Police Service', 'Police', 'Kent Safeguarding Children Partnership']);
  });

  test('never throws and keeps spans in range on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const o of recogniseOrganisations(textIndex(text))) expect(text.slice(o.span.start, o.span.end)).toBe(o.text);
      }),
      { numRuns: 200 },
    );
  });
});
