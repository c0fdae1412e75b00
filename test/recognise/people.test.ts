import fc from 'fast-check';
import { nameAt } from '../../src/normalise/names.js';
import { recognisePeople } from '../../src/recognise/people.js';
import { textIndex } from '../helpers/fixtures.js';
import { expectTraceable, loadDocument, passageCases, seedCases, sortedSet, textDocument } from './councils-fixtures.js';

describe('people in the seeds', () => {
  test.each(seedCases().map((c) => [c.label, c] as const))('%s: the gold set of names', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const people = recognisePeople(textIndex(doc, c.kind));
    expect(sortedSet(people.map((person) => person.name))).toEqual(sortedSet(c.gold.people as string[]));
    expectTraceable(doc, people);
    if (c.kind === 'improvement_notice') expect(people.find((person) => person.role === 'signatory')?.name).toBe((c.gold.facts as { signatory: string }).signatory);
  });
});

describe('people in our passages', () => {
  test.each(passageCases('people-', 'councils-').map((c) => [c.label, c] as const))('%s: names and roles', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const people = recognisePeople(textIndex(doc, c.kind));
    const byName = new Map(people.map((person) => [person.name, person.role]));
    expect(sortedSet([...byName.keys()])).toEqual(sortedSet((c.gold.people as { name: string }[]).map((person) => person.name)));
    for (const expected of c.gold.people as { name: string; role: string | null }[]) expect([expected.name, byName.get(expected.name)]).toEqual([expected.name, expected.role]);
    expectTraceable(doc, people);
  });
});

describe('names', () => {
  test('drop honorifics and stop at titles', () => {
    expect(nameAt('Councillor Oscar Ford, Cabinet Member', 0)?.name).toBe('Oscar Ford');
    expect(nameAt('Professor Sir Alan Wood said', 0)?.name).toBe('Alan Wood');
    expect(nameAt('Dame Jo Smith-Jones OBE', 0)?.name).toBe('Jo Smith-Jones');
    expect(nameAt('Sophie Ambler Project Manager', 0)?.name).toBe('Sophie Ambler');
    expect(nameAt('Thurn', 0)).toBeNull();
    expect(nameAt('Improvement Grant', 0)).toBeNull();
  });

  test('a label alone on its line gives the role of the name on the next line', () => {
    const text = 'Background papers: none.\nAuthor\nPriya Natarajan\nHead of Improvement\nContact officer:\nDr Owen Pryce';
    expect(recognisePeople(textIndex(text, 'cabinet_report')).map((person) => [person.name, person.role])).toEqual([
      ['Priya Natarajan', 'report_author'],
      ['Owen Pryce', 'report_author'],
    ]);
  });

  test('a name on its own line over a post is that person, even in capitals; a place is no person by its first name alone', () => {
    const text = 'To: Milton Keynes Council\nCivic\n1 Saxon Gate East\nMilton Keynes\nMK9 3EJ\nThe Committee is asked to note the review.\nFIONA CASTELLANE\nDirector of Children\u2019s Services\nImprovement Board\nThe Director of Children\u2019s Services will report to the Board on progress every month.';
    expect(recognisePeople(textIndex(text, 'cabinet_report')).map((person) => [person.name, person.role])).toEqual([['Fiona Castellane', 'director']]);
  });

  test('a "Portfolio:" or "Executive Member" row names the cabinet member; "Related portfolios" does not', () => {
    const text = 'Portfolio:\tCouncillor Tariq Hussain, Children\'s Services\nRelated portfolios:\tCouncillor Jane Olds\nExecutive Member:\tCllr Helen Hayden';
    expect(recognisePeople(textIndex(text, 'cabinet_report')).map((person) => [person.name, person.role])).toEqual([
      ['Tariq Hussain', 'cabinet_member'],
      ['Jane Olds', null],
      ['Helen Hayden', 'cabinet_member'],
    ]);
  });

  test('capitalised phrases, first-name back-references and organisations are not people', () => {
    const text = 'Our advisor, Suzy Joyner, has helped. Suzy will also report. DfE grants (Improvement Grant of £1m, Mockingbird foster carer) and NEL ICB, Havering Safeguarding Children Partnership.';
    expect(recognisePeople(textIndex(text, 'cabinet_report')).map((person) => [person.text, person.name, person.role])).toEqual([['Suzy Joyner', 'Suzy Joyner', 'adviser']]);
  });

  test('a later surname-only mention is the person named in full', () => {
    const people = recognisePeople(textIndex('Cllr Amina Diallo, Lead Member for Children, said: "Thanks." Later Cllr Diallo added more.', 'press_release'));
    expect(people.map((person) => [person.name, person.role])).toEqual([
      ['Amina Diallo', 'cabinet_member'],
      ['Amina Diallo', 'cabinet_member'],
    ]);
  });

  test('never throws and keeps spans in range on arbitrary text', () => {
    const words = fc.constantFrom('Signed:', '\n', 'Date:', 'Councillor', 'Dr', 'Oscar', 'Ford', 'HMI', ',', 'said', 'advisor', 'Cabinet Member:\t', 'Jane', 'Smith', 'x', '.');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((parts) => parts.join(' '))), (text) => {
        for (const person of recognisePeople(textIndex(text, 'other'))) {
          expect(person.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(person.span.start, person.span.end)).toBe(person.text);
        }
      }),
      { numRuns: 200 },
    );
  });
});

test('a role in brackets after a name is that name’s, not the next one’s', () => {
  const found = recognisePeople(textIndex('Present: Councillor Ruth Allanson (Chair), Councillor Tom Ashby, Councillor Priya Desai', 'other'));
  expect(found.map((p) => [p.name, p.role])).toEqual([['Ruth Allanson', 'chair'], ['Tom Ashby', null], ['Priya Desai', null]]);
});

describe('people beyond a list of first names: the title, post or role beside a name', () => {
  const namesIn = (text: string) => recognisePeople(textIndex(text)).map((p) => p.name);
  test('a role set beside the name, a verb of saying, an appointment, a speaker in a debate', () => {
    expect(namesIn('Gwilym Parry-Stokes, the Department’s improvement adviser, will chair the board.')).toContain('Gwilym Parry-Stokes');
    expect(namesIn('The board is chaired independently by Ebere Okonkwo-Reid.')).toContain('Ebere Okonkwo-Reid');
    expect(namesIn('The Department has appointed Siân Pritchard-Okafor as improvement adviser.')).toContain('Siân Pritchard-Okafor');
    expect(namesIn('Hope Achterberg (Battersea) (Lab) My hon. Friend is making a strong case.')).toContain('Hope Achterberg');
  });
  test('a first name that is also a word: "Will"', () => {
    expect(namesIn('"We are proud," said Councillor Will Okafor, Leader of the Council.')).toContain('Will Okafor');
    expect(namesIn('Will the council publish its plan?')).toEqual([]);
  });
});
