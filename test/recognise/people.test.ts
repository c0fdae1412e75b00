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

describe('people from the title, post or role beside the name, whatever the first name', () => {
  const found = (text: string, kind?: Parameters<typeof textIndex>[1]) => recognisePeople(textIndex(text, kind)).map((p) => [p.name, p.role]);
  const namesIn = (text: string) => recognisePeople(textIndex(text)).map((p) => p.name);

  test('a name after any word, a line break or a cell is read where a post or a verb of saying follows it', () => {
    expect(found('The panel heard from Tadhg Ferncliffe-Owusu, the council’s director of children’s services, and then adjourned.')).toEqual([['Tadhg Ferncliffe-Owusu', 'director']]);
    expect(found('Our response\nOrla Quenby-Ash, Chief Executive of the trust, said the plan was working.')).toEqual([['Orla Quenby-Ash', 'chief_executive']]);
    expect(found('Report by\tIkenna Drury, Director of People')).toEqual([['Ikenna Drury', 'director']]);
    expect(found('Head of service Bryn Tallow said the team was stable.')).toEqual([['Bryn Tallow', 'spokesperson']]);
  });

  test('a post in lower case beside the name, and the post "as" which the sentence names the person', () => {
    expect(found('Lowri Madoc-Penn, lead inspector')).toEqual([['Lowri Madoc-Penn', 'hmi']]);
    expect(found('The order names Fen Corrigall, a former director of education, as commissioner for the county.')).toEqual([['Fen Corrigall', 'commissioner']]);
    expect(found('Kemi Arbery-Lusk was appointed Children’s Services Commissioner in May.')).toEqual([['Kemi Arbery-Lusk', 'commissioner']]);
  });

  test('a relative clause that says what the person is or does', () => {
    expect(found('Ottilie Braund, who chairs the improvement board, will report in May.')).toEqual([['Ottilie Braund', 'chair']]);
    expect(found('The council will work with Yaw Penhaligon, who has been appointed by the minister as its improvement adviser.')).toEqual([['Yaw Penhaligon', 'adviser']]);
    // The post of the person they report to is not theirs.
    expect(found('Tavish Corrow, who reports to the Director, will attend.')).toEqual([['Tavish Corrow', null]]);
  });

  test('a post with the authority that appointed to it, then the name; a post defined as its holder; a post with its holder in brackets', () => {
    expect(found('The council must cooperate with the Improvement Adviser named by the Department, Nkechi Ormerod.')).toEqual([]);
    expect(found('The council must cooperate with the Improvement Adviser appointed by the Department, Nkechi Ormerod.')).toEqual([['Nkechi Ormerod', 'adviser']]);
    expect(found('In this Direction "the Commissioner" means Tamsin Hawkridge-Lowe, or such other person as the Secretary of State appoints.')).toEqual([['Tamsin Hawkridge-Lowe', 'commissioner']]);
    expect(found('In this Direction "the Partnership" means Greater Wexham Integrated Board.')).toEqual([]);
    expect(found('The Minister for Children and Families (Rhodri Askew-Bain)\nI thank the hon. Member.')).toEqual([['Rhodri Askew-Bain', 'minister']]);
    expect(found('The Director of Children’s Services (DCS) will attend.')).toEqual([]);
  });

  test('lists of people: "Councillors A, B and C", "the inspectors were A and B", each with the role in brackets', () => {
    expect(found('Present: Councillors Bryn Aldous (Chair), Morwenna Pike (Vice-Chair), Eamon Rudd and Zsofia Kell.')).toEqual([
      ['Bryn Aldous', 'chair'],
      ['Morwenna Pike', 'vice_chair'],
      ['Eamon Rudd', null],
      ['Zsofia Kell', null],
    ]);
    expect(found('The inspectors for this visit were Yaw Mensah-Tribe and Orla Quigg.')).toEqual([
      ['Yaw Mensah-Tribe', 'hmi'],
      ['Orla Quigg', 'hmi'],
    ]);
    expect(namesIn('Councillors welcomed the plan. Councillors Smith and Jones abstained.')).toEqual([]);
  });

  test('a meeting’s chair, "in the Chair", is the person named in full when a surname alone comes later', () => {
    expect(found('[Fen Arbuthnot in the Chair]\nThank you, Mr Arbuthnot.')).toEqual([
      ['Fen Arbuthnot', 'chair'],
      ['Fen Arbuthnot', 'chair'],
    ]);
  });

  test('a name in a cell beside a post, a name over the line of publication, a letter’s salutation', () => {
    expect(found('Inspection team\nNkechi Darrow-Pike\tOfsted Inspector')).toEqual([['Nkechi Darrow-Pike', 'hmi']]);
    expect(found('Decision Maker\tCabinet Member for Children')).toEqual([]);
    expect(found('Council told to improve\nTamsin Yelland-Roe\nPublished 3 May 2024\nThe council was told to improve.')).toEqual([['Tamsin Yelland-Roe', 'author']]);
    expect(found('Department for Education\nPublished 3 May 2024')).toEqual([]);
    expect(found('Dear Oyelaran Quist-Baptiste\nThank you for your letter.')).toEqual([['Oyelaran Quist-Baptiste', null]]);
    expect(found('Dear Sir or Madam\nThank you for your letter.')).toEqual([]);
  });

  test('a holder named in a row of a post the label gives: "Responsible individual"', () => {
    expect(namesIn('Responsible individual\tOrla Penwarden\nRegistered provider\tWexham Care Homes Ltd')).toEqual(['Orla Penwarden']);
  });

  test('capitals that name things are no people: titles, bodies, services, newspapers, the end of a hyphenated place', () => {
    expect(namesIn('Inspection team\nLowri Madoc-Penn, lead inspector\tHis Majesty’s Inspector')).toEqual(['Lowri Madoc-Penn']);
    expect(namesIn('The council works with Chester Hospital, the director said.')).toEqual([]);
    expect(namesIn('The story ran in Kimberley Gazette, its editor said.')).toEqual([]);
    expect(namesIn('Leaders met Stoke-on-Trent Integrated Services, the director said.')).toEqual([]);
    expect(namesIn('A Placement Review Panel, chaired by the Assistant Director, meets weekly.')).toEqual([]);
    expect(namesIn('A spokesperson for Wexham Constabulary said the force would help.')).toEqual([]);
    expect(namesIn('The Chair of the Children, Young People and Skills Committee spoke.')).toEqual([]);
  });
});
