/**
 * The segmenter's rules on passages written for these tests: other councils, other wording
 * and other list styles than the seeds.
 */
import type { NormalisedDocument } from '../../src/normalise/index.js';
import type { DocumentKind } from '../../src/record.js';
import { segment } from '../../src/segment/index.js';

function docOf(lines: string[]): NormalisedDocument {
  const text = lines.join('\n');
  return { text, pages: [{ page: 1, start: 0, end: text.length }] };
}

function clausesOf(lines: string[], kind: DocumentKind = 'improvement_notice') {
  return segment(docOf(lines), kind).clauses.map(({ id, parent, heading, text }) => ({ id, parent, heading, text }));
}

describe('clauses', () => {
  it('reads (a), a), - a. and (i) labels as sub-clauses of the open clause', () => {
    const clauses = clausesOf([
      '1) The council must:',
      '(a) appoint a director;',
      'b) publish a plan; and',
      '- c. report on it:',
      '(i) every quarter; and',
      '(ii) to the board.',
      '2) The board will meet monthly.',
    ]);
    expect(clauses.map((clause) => [clause.id, clause.parent])).toEqual([
      ['1', null],
      ['1.a', '1'],
      ['1.b', '1'],
      ['1.c', '1'],
      ['1.c.i', '1.c'],
      ['1.c.ii', '1.c'],
      ['2', null],
    ]);
    expect(clauses[4].text).toBe('every quarter; and');
  });

  it('keeps an enumeration inside a sentence in the clause text', () => {
    const [clause] = clausesOf(['4. The Minister appoints a commissioner a) to chair the board; and b) to report on progress.']);
    expect(clause).toMatchObject({ id: '4', text: 'The Minister appoints a commissioner a) to chair the board; and b) to report on progress.' });
  });

  it('joins a paragraph that carries on a sentence, and stops at one that starts a new sentence', () => {
    const clauses = clausesOf([
      '1. Leeds City Council will report to the',
      'Department each month. The report covers',
      'staffing and caseloads.',
      'This paragraph stands apart from the clause.',
      '2. The plan is due in June.',
    ]);
    expect(clauses.map((clause) => clause.text)).toEqual([
      'Leeds City Council will report to the Department each month. The report covers staffing and caseloads.',
      'The plan is due in June.',
    ]);
  });

  it('takes a short unnumbered line before a clause as its heading, whatever it says', () => {
    const clauses = clausesOf([
      'Statutory direction',
      '6. The council will co-operate with the regional team.',
      'Monitoring by the regional team',
      '7. The regional team will visit twice a year.',
      'Arrangements if progress stalls:',
      '8. The Minister may direct the council.',
    ]);
    // The document's first line is its title, which heads no section.
    expect(clauses.map((clause) => clause.heading)).toEqual([null, 'Monitoring by the regional team', 'Arrangements if progress stalls:']);
  });

  it('restores a list number lost before N.1 only when clause N was not written', () => {
    const lost = clausesOf(['BACKGROUND', '1. Context.', '- The council was inspected in May.', '- 2.1. The report was published in July.', '- 2.2. A notice followed.'], 'cabinet_report');
    expect(lost.map((clause) => [clause.id, clause.parent])).toEqual([
      ['1', null],
      ['2', null],
      ['2.1', '2'],
      ['2.2', '2'],
    ]);
    expect(lost[1].text).toBe('The council was inspected in May.');
    const written = clausesOf(['2. Background.', '- A bullet point.', '2.1 The report was published.'], 'cabinet_report');
    expect(written.map((clause) => clause.id)).toEqual(['2', '2.1']);
  });

  it('does not take a lettered list under a later, unnumbered heading for sub-clauses', () => {
    const clauses = clausesOf(
      ['1.1 The plan is costed.', 'EQUALITIES IMPLICATIONS', 'The duty requires the council to have regard to:', '(i) the need to eliminate discrimination;', '(ii) the need to advance equality.'],
      'cabinet_report',
    );
    expect(clauses.map((clause) => clause.id)).toEqual(['1.1']);
  });

  it('finds no clauses in running text', () => {
    const segmented = segment(docOf(['Council praises foster carers', 'Foster carers in Bristol were thanked at an event on Friday.', 'Cllr Asha Patel said: "They do wonderful work."']), 'other');
    expect(segmented.clauses).toEqual([]);
  });
});

describe('letter blocks', () => {
  it('splits an addressee written on one line and reads its postcode', () => {
    const { address } = segment(docOf(['Improvement Notice', "To: Wirral Council ('the Council') Wallasey Town Hall 12 Brighton Street Wallasey CH44 8ED", 'This Improvement Notice is issued to Wirral Council.']), 'improvement_notice');
    expect(address).toMatchObject({
      lines: ["Wirral Council ('the Council')", 'Wallasey Town Hall', '12 Brighton Street', 'Wallasey', 'CH44 8ED'],
      postcode: 'CH44 8ED',
    });
  });

  it('gives a null postcode to an addressee block without one', () => {
    const { address } = segment(docOf(['To: The Chief Executive', 'Northumberland County Council', 'This Notice is issued today.']), 'improvement_notice');
    expect(address).toMatchObject({ lines: ['The Chief Executive', 'Northumberland County Council'], postcode: null });
  });

  it('seeks no addressee in a cabinet report', () => {
    expect(segment(docOf(['To: Cabinet', 'Town Hall', 'LS1 1UR']), 'cabinet_report').address).toBeNull();
  });

  it('reads a signature with the name and title on one line', () => {
    const doc = docOf(['14. Ministers may intervene.', 'Signed:', 'Date: 2 May 2023', 'Dr Fiona McKenzie Director of Regions, Department for Education']);
    const { signature, clauses } = segment(doc, 'improvement_notice');
    // The name as the people recogniser gives it: without the honorific.
    expect(signature).toMatchObject({ name: 'Fiona McKenzie', title: 'Director of Regions, Department for Education', date_text: '2 May 2023' });
    expect(doc.text.slice(signature!.span.start, signature!.span.end)).toMatch(/^Signed:[\s\S]*Education$/);
    expect(clauses.map((clause) => clause.text)).toEqual(['Ministers may intervene.']);
  });
});
