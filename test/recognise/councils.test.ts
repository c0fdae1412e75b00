import fc from 'fast-check';
import { findCouncils, recogniseCouncils } from '../../src/recognise/councils.js';
import { recogniseDates } from '../../src/recognise/dates.js';
import { recognisePeople } from '../../src/recognise/people.js';
import type { NormalisedDocument } from '../../src/normalise/index.js';
import type { DocumentKind } from '../../src/record.js';
import { textIndex } from '../helpers/fixtures.js';
import { COUNCIL_REGISTER_CREDIT, councilByGss, councilsByName, existedOn, loadRegister, nameKey, parseCsv } from '../../src/recognise/register.js';
import { expectTraceable, loadDocument, passageCases, seedCases, sortedSet, textDocument } from './councils-fixtures.js';

/** The councils of a document as the pipeline reads them: the date decides between former and current councils. */
function councilsOf(doc: NormalisedDocument, kind: DocumentKind) {
  const index = textIndex(doc, kind);
  return recogniseCouncils(index, kind, recogniseDates(index, kind).dates);
}

function mentionsIn(text: string) {
  const index = textIndex(text);
  return findCouncils(index, recogniseDates(index, 'other').dates.find((d) => d.precision === 'day')?.value ?? null);
}

describe('council register', () => {
  const register = loadRegister();

  test('reads every authority with its GSS code, dates and names', () => {
    expect(register.councils.length).toBeGreaterThan(400);
    const havering = councilByGss('E09000016');
    expect(havering?.name).toBe('London Borough of Havering');
    expect(havering?.niceName).toBe('Havering');
    expect(havering?.current).toBe(true);
    expect(COUNCIL_REGISTER_CREDIT).toMatch(/mySociety.*CC-BY-4\.0/);
  });

  test('keeps names that hold commas whole, from both files', () => {
    const bcp = councilByGss('E06000058');
    expect(bcp?.altNames).toContain('Bournemouth, Christchurch and Poole');
    expect(councilsByName('bournemouth christchurch and poole borough council')[0]).toBe(bcp);
    expect(parseCsv('a,"b, ""c""",d\n1,2,3')).toEqual([['a', 'b, "c"', 'd'], ['1', '2', '3']]);
  });

  test('records former authorities with their end and successors', () => {
    const northamptonshire = councilsByName('Northamptonshire County Council')[0];
    expect(northamptonshire.current).toBe(false);
    expect(northamptonshire.endDate).toMatch(/^2021/);
    expect(northamptonshire.replacedBy).toEqual(['NNT', 'WNT']);
    expect(existedOn(northamptonshire, '2019-08-12')).toBe(true);
    expect(existedOn(northamptonshire, '2022')).toBe(false);
  });

  test('a shared name means the authority that existed on the date, else the current one', () => {
    expect(councilsByName('Somerset')[0].name).toBe('Somerset Council');
    expect(councilsByName('Somerset', '2019-05-01')[0].name).toBe('Somerset County Council');
    expect(councilsByName('North Yorkshire', '2024-01-01')[0].name).toBe('North Yorkshire Council');
    expect(councilsByName('North Yorkshire', '2020')[0].name).toBe('North Yorkshire County Council');
    expect(nameKey("King's Lynn & West Norfolk")).toBe('kings lynn and west norfolk');
  });
});

describe('councils in the seeds', () => {
  test.each(seedCases().map((c) => [c.label, c] as const))('%s: the document\'s own council is the gold one', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const { council, councils } = councilsOf(doc, c.kind);
    expect(council).toEqual(c.gold.council);
    expect(councils.map((mention) => mention.gss)).toContain((c.gold.council as { gss: string }).gss);
    expectTraceable(doc, councils);
  });
});

describe('councils in our passages', () => {
  test.each(passageCases('councils-', 'people-').map((c) => [c.label, c] as const))('%s', async (_label, c) => {
    const doc = await loadDocument(c.path);
    const { council, councils } = councilsOf(doc, c.kind);
    expect(council).toEqual(c.gold.council);
    expect(sortedSet(councils.map((mention) => mention.name))).toEqual(sortedSet(c.gold.councils as string[]));
    expectTraceable(doc, councils);
  });
});

describe('council matching', () => {
  const names = (text: string) => mentionsIn(text).map((mention) => `${mention.text} = ${mention.name}`);

  test('matches on word boundaries: Bury is not in Aylesbury or Canterbury', () => {
    expect(names('Officers from Aylesbury and Canterbury met.')).toEqual(['Canterbury = Canterbury City Council']);
    expect(names('They will bury the report.')).toEqual([]);
  });

  test('prefers the longest name: South Gloucestershire is not Gloucestershire', () => {
    expect(names('South Gloucestershire Council and Gloucestershire.')).toEqual([
      'South Gloucestershire Council = South Gloucestershire Council',
      'Gloucestershire = Gloucestershire County Council',
    ]);
  });

  test('accepts the forms documents use, possessives included', () => {
    expect(names("Havering's plan; Newham Council; the Council of the Isles of Scilly; Bournemouth, Christchurch and Poole Council.")).toEqual([
      'Havering = London Borough of Havering',
      'Newham Council = London Borough of Newham',
      'Council of the Isles of Scilly = Council of the Isles of Scilly',
      'Bournemouth, Christchurch and Poole Council = Bournemouth, Christchurch and Poole Council',
    ]);
  });

  test('generic words, people and streets are not councils', () => {
    expect(names("The Council's Cabinet asked the Council. Reading the report, Tom Hart agreed. Knowsley Street.")).toEqual([]);
  });

  test('a former council in a document of its time', () => {
    const doc = textDocument('To: Dorset County Council\nIssued on 3 May 2018 to the county. Dorset will comply.');
    expect(councilsOf(doc, 'improvement_notice').council?.name).toBe('Dorset County Council');
    expect(mentionsIn('Dorset will comply, said officers on 1 May 2024.')[0].name).toBe('Dorset Council');
  });

  test('a notice names its addressee even when another council is mentioned more', () => {
    const doc = textDocument('To: Medway Council\nKent County Council and Kent partners; Kent schools; Kent police.');
    expect(councilsOf(doc, 'improvement_notice').council?.name).toBe('Medway Council');
    expect(councilsOf(doc, 'cabinet_report').council?.name).toBe('Kent County Council');
  });

  test('a text that names no council is about its publisher where the publisher is one, and says so', () => {
    const text = 'Report to Cabinet\nThe Council submitted its improvement plan on 28 June 2024.';
    const published = councilsOf({ ...textDocument(text), publisher: 'London Borough of Hounslow' }, 'cabinet_report');
    expect(published.council?.name).toBe('London Borough of Hounslow');
    expect(published.councils).toEqual([]);
    expect(councilsOf({ ...textDocument(text), publisher: 'GOV.UK' }, 'cabinet_report').council).toBeNull();
    // The text's own council comes first.
    expect(councilsOf({ ...textDocument(`Medway Council\n${text}`), publisher: 'London Borough of Hounslow' }, 'cabinet_report').council?.name).toBe('Medway Council');
  });

  test('names in any case where a designation follows, and their possessives', () => {
    expect(names('Direction issued to west sussex county council: March 2024')).toEqual(['west sussex county council = West Sussex County Council']);
    expect(names("The Isle of Wight council's services improved.")).toEqual(['Isle of Wight council = Isle of Wight Council']);
  });

  test('the names councils are known by: a register name without its designation', () => {
    expect(names('Inspectors visited Hull in May; officers in York agreed.')).toEqual(['Hull = Hull City Council', 'York = City of York Council']);
  });

  test("a place inside another body's name, or in the postal address of a body that is no council, is no mention", () => {
    expect(names('Devon and Cornwall Police, the University of York and the Manchester Evening News were told.')).toEqual([]);
    expect(names('Sunnyview House, 12 High Street, Wigan WN1 2AB')).toEqual([]);
    expect(names('Wigan Council, Town Hall, Library Street, Wigan WN1 1YN')).toEqual(['Wigan Council = Wigan Metropolitan Borough Council', 'Wigan = Wigan Metropolitan Borough Council']);
  });

  test('a place in a double-barrelled surname is no council', () => {
    expect(names('Councillor Priya Okonjo-Hart asked a question, and so did Dr Hart-Lowe.')).toEqual([]);
    expect(names('Officers from Hart and Rushmoor met.')).toEqual(['Hart = Hart District Council', 'Rushmoor = Rushmoor Borough Council']);
  });

  test("a place in a person's name is no council", () => {
    const index = textIndex('The meeting was chaired by Alina Sefton, who thanked officers in Sefton.');
    const people = recognisePeople(index);
    expect(findCouncils(index, null, { people }).map((mention) => mention.span.start)).toEqual([index.text.lastIndexOf('Sefton')]);
    expect(findCouncils(index, null)).toHaveLength(2);
  });

  test("the post town of a council's address is no mention of the council the town has", () => {
    expect(names('Director of Children\'s Services\nLancashire County Council\nCounty Hall\nPreston\nPR1 8XJ')).toEqual(['Lancashire County Council = Lancashire County Council']);
    expect(names('The inspectors met leaders in Preston on 3 May 2024.')).toEqual(['Preston = Preston City Council']);
  });

  test("a site's locality, a building's town and a town council name no principal council", () => {
    expect(names('Application 24/0101: 4 Mill Lane, Horsham - change of use to a children\'s home.')).toEqual([]);
    expect(names("The borough council's offices in Maidstone were closed. Ashford Town Council objected.")).toEqual([]);
    expect(names('Officers visited Horsham; Maidstone staff and Ashford Borough Council agreed.')).toEqual([
      'Horsham = Horsham District Council',
      'Maidstone = Maidstone Borough Council',
      'Ashford Borough Council = Ashford Borough Council',
    ]);
  });

  test("a council's own document names it by its town alone", () => {
    const kingston = 'E09000021';
    const byTown = (text: string, publisherGss: string | null) => findCouncils(textIndex(text), null, { publisherGss }).map((mention) => `${mention.text} = ${mention.name}`);
    expect(byTown("Kingston's foster carers were thanked.", kingston)).toEqual(['Kingston = Royal Borough of Kingston upon Thames']);
    // Elsewhere the town may be another council's ("Kingston upon Hull") or a place.
    expect(byTown("Kingston's foster carers were thanked.", null)).toEqual([]);
    expect(byTown('Richmond schools were thanked.', kingston)).toEqual([]);
  });

  test("a council's initials name it with its designation, where no other council has them", () => {
    expect(names('Neighbouring BCP Council agreed a similar rise.')).toEqual(['BCP Council = Bournemouth, Christchurch and Poole Council']);
    expect(names('The BCP figures were published.')).toEqual([]);
    expect(names('REVOCATION OF THE DIRECTION AND ISSUE OF A NOTICE')).toEqual([]);
  });

  test('councils reported on alike make a document about none of them alone', () => {
    const roundUp = textDocument('Three councils judged good\nOfsted judged Dorset, Gateshead and Hampshire good. Dorset, Gateshead and Hampshire all improved.');
    expect(councilsOf(roundUp, 'news_article').council).toBeNull();
    expect(councilsOf(roundUp, 'news_article').councils.map((c) => c.name)).toContain('Gateshead Metropolitan Borough Council');
  });

  test("a council's own release is about its own services unless its heading names another council only", () => {
    const partner = 'Bracknell Forest improvement partnership\nWe will support Bracknell Forest Council. Wokingham Borough Council officers start in May; Wokingham staff will help.';
    expect(councilsOf({ ...textDocument(partner), publisher: 'Wokingham Borough Council' }, 'press_release').council?.name).toBe('Bracknell Forest Council');
    const own = "New director of children's services\nOur new director joins us from East Sussex County Council, where she led East Sussex's services.";
    expect(councilsOf({ ...textDocument(own), publisher: 'Brighton and Hove City Council' }, 'press_release').council?.name).toBe('Brighton and Hove City Council');
  });

  test("a document of no kind names its council only where it speaks of a council's children's services and reports on no provider", () => {
    expect(councilsOf(textDocument('Council tax\nBrent Council agreed its budget for roads and bins.'), 'other').council).toBeNull();
    expect(councilsOf(textDocument('Marshmoor Primary School rated good\nThe school in Barking and Dagenham was inspected.'), 'other').council).toBeNull();
    expect(councilsOf(textDocument("Budget monitor\nCity of York Council's children's social care placements are overspent."), 'other').council?.name).toBe('City of York Council');
  });

  test('never throws and keeps spans in range on arbitrary text', () => {
    const words = fc.constantFrom('Bury', 'Council', "Havering's", 'the', 'South', 'Gloucestershire', ',', 'To:', '\n', 'London Borough of', 'Isles', 'of Scilly', '2019', 'x');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(words).map((parts) => parts.join(' '))), (text) => {
        const doc = textDocument(text);
        const { councils } = councilsOf(doc, 'improvement_notice');
        for (const mention of councils) {
          expect(mention.span.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(mention.span.start, mention.span.end)).toBe(mention.text);
        }
      }),
      { numRuns: 300 },
    );
  });
});
