/**
 * Document records built by hand for the storage tests: a notice of our own wording (not a
 * seed), with spans found by searching its text, so the store is tested apart from the stages.
 */
import { createHash } from 'node:crypto';
import { loadRegister } from '../../src/recognise/register.js';
import { DocumentRecord, SCHEMA_ID, type DiffResult, type Span } from '../../src/record.js';

export const NOTICE_TEXT = [
  'Improvement Notice to Gateshead Council',
  'Issued on 14 May 2023',
  '1. This notice follows the Ofsted inspection report published on 3 April 2023.',
  '2. The Council must:',
  'a) establish an Improvement Board with an independent chair;',
  'b) report to the Department at least every 6 weeks on the front door and MASH.',
  '3. The Department will review progress at least every six months.',
  '4. An improvement plan must be submitted by 30 June 2024 at a cost of around £2.4m.',
  'Signed by Priya Holloway, Director, on 15 May 2023',
].join('\n');

/** The span of the `nth` occurrence of `needle` in `text`, on the page that holds it. */
export function spanOf(text: string, needle: string, pages: { page: number; start: number; end: number }[], nth = 0): Span {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(needle, start + 1);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  const page = pages.find((p) => p.start <= start && start < p.end)?.page ?? 1;
  return { page, start, end: start + needle.length };
}

export function councilNamed(niceName: string): { name: string; gss: string } {
  const council = loadRegister().councils.find((c) => c.niceName === niceName && c.current);
  if (!council) throw new Error(`no current council ${niceName} in the register`);
  return { name: council.name, gss: council.gss };
}

/** A two-page notice record; `text` may be varied (the sha256 follows it as if it were the file). */
export function noticeRecord(text = NOTICE_TEXT, path = 'corpus/gateshead-notice.txt'): DocumentRecord {
  const split = text.indexOf('\n3. ') + 1;
  const pages = [
    { page: 1, start: 0, end: split },
    { page: 2, start: split, end: text.length },
  ];
  const at = (needle: string, nth = 0): Span => spanOf(text, needle, pages, nth);
  const lineSpan = (prefix: string, untilNextTopLevel: boolean): Span => {
    const start = text.indexOf(prefix);
    const rest = text.slice(start + 1);
    const next = untilNextTopLevel ? rest.search(/\n\d+\. /) : rest.indexOf('\n');
    const end = next < 0 ? text.length : start + 1 + next;
    return at(text.slice(start, end));
  };
  const clause = (id: string, parent: string | null, prefix: string, own: string, whole = false) => {
    const span = lineSpan(prefix, whole);
    return { id, parent, heading: null, text: own, page: span.page, span };
  };
  const council = councilNamed('Gateshead');
  const e = <T extends object>(needle: string, fields: T, nth = 0) => ({ text: needle, span: at(needle, nth), ...fields });
  return DocumentRecord.parse({
    schema: SCHEMA_ID,
    source: { path, sha256: createHash('sha256').update(text).digest('hex'), format: 'txt', pages: 2 },
    kind: 'improvement_notice',
    council,
    address: null,
    text,
    pages,
    clauses: [
      clause('1', null, '1. This', 'This notice follows the Ofsted inspection report published on 3 April 2023.'),
      clause('2', null, '2. The Council', 'The Council must:', true),
      clause('2.a', '2', 'a) establish', 'establish an Improvement Board with an independent chair;'),
      clause('2.b', '2', 'b) report', 'report to the Department at least every 6 weeks on the front door and MASH.'),
      clause('3', null, '3. The Department', 'The Department will review progress at least every six months.'),
      clause('4', null, '4. An improvement', 'An improvement plan must be submitted by 30 June 2024 at a cost of around £2.4m.'),
    ],
    dates: [
      e('14 May 2023', { value: '2023-05-14', precision: 'day', role: 'issued' }),
      e('3 April 2023', { value: '2023-04-03', precision: 'day', role: 'inspection_report_published' }),
      e('15 May 2023', { value: '2023-05-15', precision: 'day', role: 'signed' }),
    ],
    date_ranges: [],
    deadlines: [e('by 30 June 2024', { due: '2024-06-30', relative: null })],
    cadences: [
      e('at least every 6 weeks', { every: 'P6W', at_least: true, subject: 'report' }),
      e('at least every six months', { every: 'P6M', at_least: true, subject: 'review' }),
    ],
    grades: [],
    costs: [e('around £2.4m', { amount_gbp: 2_400_000, approximate: true, unit_inferred: false })],
    people: [e('Priya Holloway', { name: 'Priya Holloway', role: 'signatory' })],
    organisations: [e('Ofsted', { name: 'Ofsted' })],
    statutes: [],
    councils: [e('Gateshead Council', { ...council })],
    facts: { issued: '2023-05-14', inspection_report_published: '2023-04-03', signed: '2023-05-15', signatory: 'Priya Holloway', plan_deadline: '2024-06-30' },
    fact_evidence: { plan_deadline: { clause: '4', span: at('by 30 June 2024'), text: 'by 30 June 2024' } },
    features: {
      board_chair: 'independent',
      advisers: null,
      review_every: 'P6M',
      adviser_report_every: 'P6W',
      department_at_board: false,
      review_scope_mash: true,
      self_assessment_safeguarding_partners: false,
      plan_submission_set_by_adviser: false,
    },
    anomalies: [],
  });
}

export function sampleDiff(record: DocumentRecord): DiffResult {
  const clause = record.clauses.find((c) => c.id === '3')!;
  return {
    template: 'test-template',
    alignment: { '3': '3' },
    pairs: [{ template_clause: '3', notice_clause: '3', confidence: 0.9 }],
    variations: [
      {
        kind: 'feature',
        clause: '3',
        template_clause: '3',
        template_text: 'The Department will review progress at least every six months.',
        notice_text: clause.text,
        feature: 'review_every',
        template_value: 'P6M',
        notice_value: 'P6M',
        span: clause.span,
      },
    ],
  };
}
