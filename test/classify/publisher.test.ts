/**
 * The publisher: what a document shows of who published it, as a reader tells it at a glance.
 */
import { findPublisher } from '../../src/classify/publisher.js';
import type { NormalisedDocument } from '../../src/normalise/index.js';

const doc = (lines: string[], publisher?: string): NormalisedDocument => {
  const text = lines.join('\n');
  return { text, pages: [{ page: 1, start: 0, end: text.length }], ...(publisher && { publisher }) };
};
const published = (lines: string[], site?: string) => {
  const found = findPublisher(doc(lines, site));
  return found && { ...found.publisher, type: found.type };
};

describe('the publisher', () => {
  test("a council's site is the council, whatever the site adds to its name; a newspaper's site is an outlet", () => {
    expect(published(['Ofsted praises progress'], 'Bolton Council News')).toEqual({ name: 'Bolton Metropolitan Borough Council', council_gss: 'E08000001', type: 'council' });
    expect(published(['Decision details'], 'Surrey County Council - Committees')).toEqual({ name: 'Surrey County Council', council_gss: 'E10000030', type: 'council' });
    expect(published(['Ofsted praises progress'], 'Manchester Evening News')).toEqual({ name: 'Manchester Evening News', council_gss: null, type: 'outlet' });
    expect(published(['Kennet House'], 'Care Quality Commission')?.type).toBe('regulator');
    expect(published(['Children in care'], 'UK Parliament')?.type).toBe('parliament_or_ombudsman');
  });

  test("a site named for its body's service is the body's, and a portal's page is whoever its From line names", () => {
    expect(published(['Reports'], 'Ofsted: Find an inspection report')).toEqual({ name: 'Ofsted', council_gss: null, type: 'ofsted' });
    expect(published(['Direction issued to a council', 'From:', 'Department for Education', 'Published 27 March 2024'], 'GOV.UK')).toEqual({ name: 'Department for Education', council_gss: null, type: 'department' });
  });

  test("a paper's letterhead, a report's imprint, the Department's and Ofsted's addresses, a newspaper's masthead", () => {
    expect(published(['Improvement Notice and Improvement Plan', 'RUTLAND COUNTY COUNCIL', 'Report No: 47/2025'])?.council_gss).toBe('E06000017');
    expect(published(['An inspection of youth justice services in Wandsworth', 'HM Inspectorate of Probation, May 2025'])?.name).toBe('HM Inspectorate of Probation');
    expect(published(['Minister for Children', 'Sanctuary Buildings Great Smith Street London SW1P 3BT', 'Dear Councillor'])?.name).toBe('Department for Education');
    expect(published(['Piccadilly Gate', 'Store Street', 'Manchester M1 2WD', 'T 0300 123 1231', 'enquiries@ofsted.gov.uk'])?.name).toBe('Ofsted');
    expect(published(['CAMDEN GAZETTE Thursday 23 June 2022 NEWS 7', 'TOP MARKS FOR TOWN HALL'])).toEqual({ name: 'CAMDEN GAZETTE', council_gss: null, type: 'outlet' });
  });

  test('a council named after "To" or "Dear", or in a headline that opens with a body\'s name, is no letterhead', () => {
    expect(published(['Improvement Notice', 'To:', 'Rutland County Council'])).toBeNull();
    expect(published(['Ofsted rates three councils good'], 'Town Hall Review')?.name).toBe('Town Hall Review');
  });
});
